import Dashboard
import Foundation
import Platform

/// `e` and `:export`: the file the user named, written.
public enum ExportWriting {
  /// Writes an export where the user said (relative to the current
  /// directory, `~` for home), never over a file (`name-2.csv`, ...), mode
  /// 0600; the event says where, or why not. The suggested names are slugs
  /// without a `/`.
  public static func write(name: String, contents: String) -> Event {
    let fm = FileManager.default
    var target = ExportPath.expandingHome(name)
    if !target.hasPrefix("/") { target = fm.currentDirectoryPath + "/" + target }
    if let problem = ExportPath.problem(target) { return .failed("export: \(problem)") }
    // `.csv` is added to a name without a format: a name typed as a device
    // or a pipe (`:export /dev/null`) is refused, not written beside it.
    if target.hasSuffix(".csv"), case let typed = String(target.dropLast(4)), ExportPath.isSpecial(typed),
      !FileManager.default.fileExists(atPath: target)
    {
      return .failed("export: " + ExportPath.problem(typed)!)
    }
    let ext = (target as NSString).pathExtension
    let stem = ext.isEmpty ? target : String(target.dropLast(ext.count + 1))
    var path = target
    var n = 2
    while true {
      do {
        try PrivateFile.write(contents, to: path, replacing: false)
        let rows = ext == "csv" ? " \(contents.split(separator: "\n").count - 1) rows" : ""
        return .status("exported\(rows) to \(path)")
      } catch PrivateFile.Failure.exists {
        guard n < 1000 else { return .failed("export failed: too many files named \(target)") }
        path = stem + "-\(n)" + (ext.isEmpty ? "" : "." + ext)
        n += 1
      } catch {
        return .failed("export failed: \(path): \(error)")
      }
    }
  }
}
