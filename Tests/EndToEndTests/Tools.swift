import Foundation
import StoreFixtures
import Testing

/// Optional tools some end-to-end tests drive. Without one, its tests are
/// skipped and say why (`swift test` lists them as skipped with the reason).
enum Tools {
  /// The executable's path on PATH (or the given absolute candidates), or nil.
  static func find(_ name: String, also candidates: [String] = []) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    let dirs = path.split(separator: ":").map(String.init)
    for c in candidates + dirs.map({ $0 + "/" + name }) where FileManager.default.isExecutableFile(atPath: c)
    {
      return c
    }
    return nil
  }

  static let tmux = find("tmux")
  static let python3 = find("python3")
  static let chromium = find("chromium", also: ["/usr/bin/chromium", "/usr/bin/chromium-browser"])
}

extension Trait where Self == ConditionTrait {
  static var needsTmux: Self { .enabled(if: Tools.tmux != nil, "needs tmux (apt-get install tmux)") }
  static var needsPython: Self {
    .enabled(if: Tools.python3 != nil, "needs python3 for the reference scorer")
  }
  /// Runs where PostgreSQL's programs are (always under CI=true, which fails without them).
  static var needsPostgres: Self {
    .enabled(if: PostgresCluster.canRun, Comment(rawValue: PostgresCluster.missing))
  }
  static var needsChromium: Self {
    .enabled(if: Tools.chromium != nil, "needs chromium to render the HTML pack (apt-get install chromium)")
  }
}
