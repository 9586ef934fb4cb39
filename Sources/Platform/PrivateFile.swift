import Foundation

/// Files partnerboard writes for the user (exports, QBR packs) hold partner
/// data and payout amounts: they are created with mode 0600 whatever the
/// umask, and written whole or not at all.
public enum PrivateFile {
  public enum Failure: Error, CustomStringConvertible {
    case exists(String)
    case system(String, String)
    public var description: String {
      switch self {
      case .exists(let path): "\(path) exists already"
      case .system(let path, let why): "cannot write \(path): \(why)"
      }
    }
  }

  /// Writes `contents` to `path` through a temporary file beside it, then
  /// renames it into place; with `replacing: false` an existing file is an
  /// error (checked again at the rename, which never overwrites then).
  public static func write(_ contents: String, to path: String, replacing: Bool) throws {
    if !replacing && FileManager.default.fileExists(atPath: path) { throw Failure.exists(path) }
    let temp = path + ".partnerboard-\(getpid())"
    let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw Failure.system(path, String(cString: strerror(errno))) }
    var ok = fchmod(fd, 0o600) == 0
    var bytes = contents
    ok = ok && bytes.withUTF8 { Platform.writeAll(fd, UnsafeRawBufferPointer($0)) }
    let why = ok ? "" : String(cString: strerror(errno))
    ok = ok && fsync(fd) == 0
    close(fd)
    guard ok else {
      unlink(temp)
      throw Failure.system(path, why.isEmpty ? "the disk may be full" : why)
    }
    if replacing {
      guard rename(temp, path) == 0 else {
        let why = String(cString: strerror(errno))
        unlink(temp)
        throw Failure.system(path, why)
      }
    } else {
      // link() fails when the name exists: never over a file.
      let linked = link(temp, path) == 0
      let why = String(cString: strerror(errno))
      unlink(temp)
      guard linked else { throw errno == EEXIST ? Failure.exists(path) : Failure.system(path, why) }
    }
  }
}
