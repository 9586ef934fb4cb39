import Foundation
import Platform

/// Where an export is written: `~` is `$HOME` (as the shell has it, not the
/// password file's home), and the name must be a regular file or nothing yet.
enum ExportPath {
  static func expandingHome(
    _ name: String, environment: [String: String] = ProcessInfo.processInfo.environment
  )
    -> String
  {
    guard name == "~" || name.hasPrefix("~/") else { return name }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return home + name.dropFirst()
  }

  /// Something that is neither a regular file nor a folder (a device, a pipe, a socket, a link).
  static func isSpecial(_ path: String) -> Bool {
    var info = stat()
    guard lstat(path, &info) == 0 else { return false }
    let kind = info.st_mode & S_IFMT
    return kind != S_IFREG && kind != S_IFDIR
  }

  /// Why `path` cannot be written as an export, or nil: a folder, or
  /// something that is not a regular file (`/dev/null`, a pipe).
  static func problem(_ path: String) -> String? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }  // nothing there yet: fine
    switch info.st_mode & S_IFMT {
    case S_IFREG: return nil
    case S_IFDIR: return "\(path) is a folder: name a file in it"
    default: return "\(path) is not a regular file: name a file to write"
    }
  }
}
