import Foundation

/// Paths to the shared test fixtures (Tests/Fixtures), found from this file.
enum Fixtures {
  static let root: String = {
    var url = URL(fileURLWithPath: #filePath)
    url.deleteLastPathComponent()
    url.deleteLastPathComponent()
    return url.appendingPathComponent("Fixtures").path
  }()

  static var specExample: String { root + "/spec-example" }

  static func text(_ relative: String) -> String {
    (try? String(contentsOfFile: root + "/" + relative, encoding: .utf8)) ?? ""
  }
}
