import Foundation

/// What `:compare` Tab offers: the paths starting with a prefix, relative to
/// the current directory (or absolute, or under `~`). Folders end in `/`.
public enum PathCompletion {
  @Sendable public static func paths(_ prefix: String) -> [String] {
    let fm = FileManager.default
    let expanded = (prefix as NSString).expandingTildeInPath
    let dirPart = prefix.hasSuffix("/") ? prefix : (prefix as NSString).deletingLastPathComponent
    let namePrefix = prefix.hasSuffix("/") ? "" : (expanded as NSString).lastPathComponent
    var dir = prefix.hasSuffix("/") ? expanded : (expanded as NSString).deletingLastPathComponent
    if dir.isEmpty { dir = "." }
    guard let names = try? fm.contentsOfDirectory(atPath: dir) else { return [] }
    return names.filter { $0.hasPrefix(namePrefix) && !$0.hasPrefix(".") }.sorted().map { name in
      var isDir: ObjCBool = false
      _ = fm.fileExists(atPath: (dir as NSString).appendingPathComponent(name), isDirectory: &isDir)
      let shown = dirPart.isEmpty ? name : (dirPart.hasSuffix("/") ? dirPart + name : dirPart + "/" + name)
      return shown + (isDir.boolValue ? "/" : "")
    }
  }
}
