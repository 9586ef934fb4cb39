import Platform

/// The few file operations the data formats need, without Foundation.
enum FileSystem {
  struct OSError: Error, CustomStringConvertible {
    let code: Int32
    var description: String { String(cString: strerror(code)) }
  }

  static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

  /// The file's size in bytes, nil when it cannot be read.
  static func size(of path: String) -> Int? {
    var status = stat()
    return stat(path, &status) == 0 ? Int(status.st_size) : nil
  }

  static func isDirectory(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
  }

  static func readBytes(_ path: String, limit: Int = 1 << 31) throws -> [UInt8] {
    try Platform.readFile(path, limit: limit)
  }

  /// program.toml is a page of rules: 1 MiB is far more than any needs.
  static let programFileLimit = 1 << 20
}
