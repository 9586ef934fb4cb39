import Presentation

/// The file name typed at the export prompt (or `:export NAME`), checked
/// before anything is written: it must name a file, not a folder, and gets
/// `.csv` when it has no format of its own. Whether it exists, and as what,
/// the app checks when it writes (`~` is `$HOME` there).
public enum ExportName {
  public static func checked(_ typed: String) -> Result<String, ExportNameError> {
    let name = typed.trimmingWhitespace
    guard !name.isEmpty else { return .failure(.init("export: name a file, such as leaderboard.csv")) }
    let last = name.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
    if name.hasSuffix("/") || last == "." || last == ".." || last == "~" && name == "~" {
      return .failure(
        .init(
          "export: \(name) is a folder: name a file in it, such as \(name.hasSuffix("/") ? name : name + "/")leaderboard.csv"
        ))
    }
    return .success(ExportFormat(path: name) == nil ? name + ".csv" : name)
  }
}

public struct ExportNameError: Error, Equatable, Sendable {
  public let message: String
  init(_ message: String) { self.message = message }
}

extension String {
  fileprivate var trimmingWhitespace: String {
    var s = Substring(self)
    while s.first?.isWhitespace == true { s.removeFirst() }
    while s.last?.isWhitespace == true { s.removeLast() }
    return String(s)
  }
}
