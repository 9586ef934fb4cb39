import Foundation
import Platform
import ProgramFiles

extension PartnerStore {
  /// Whether `init` may build a store at `path` without --force: nothing
  /// there, an empty file, or a store without data. Anything else (a store
  /// with data, another file) needs `force`.
  public static func checkReplaceable(_ path: String, force: Bool) throws {
    guard !force else { return }
    switch try kind(of: path) {
    case .missing, .emptyFile, .blankDatabase: return
    case .store:
      if try PartnerStore.reading(path: path).isEmpty() { return }
      throw StoreError.refused(
        "\(path) already holds a store with data and its import history; nothing was changed. Add files to it with `partnerboard import DIR --db \(path)`, or build the new store at another --db path"
      )
    case .notSQLite:
      throw StoreError.notAStore(path, "it is not an SQLite database")
    case .otherDatabase:
      throw StoreError.notAStore(path, "it is an SQLite database without partnerboard's tables")
    }
  }

  /// `init`: builds a complete store in a temporary file beside `path`
  /// (no journal, no fsync while loading) and moves it into place only when
  /// every row is in, so a failure leaves whatever was at `path` untouched.
  /// Temporary files left by an `init` that was killed are removed first.
  public static func build(
    at path: String, files: consuming DataFiles, command: String, progress: ((Int, Int) -> Void)? = nil,
    metricsBlocks: MetricsBlocks? = nil, rescoreProgress: ((Int, Int) -> Void)? = nil
  ) throws -> ImportRecord {
    removeStaleTemporaries(of: path)
    let temp = path + ".init-\(getpid())"
    defer { removeFiles(temp) }
    removeFiles(temp)
    let record: ImportRecord
    do {
      let fresh = try PartnerStore(path: temp, mode: .bulkLoad)
      record = try fresh.apply(
        consume files, command: command, progress: progress, rescoreProgress: rescoreProgress,
        metricsBlocks: metricsBlocks)
      try Timings.measure("close") { try fresh.close() }
    }
    removeFiles(path, mainFile: false)
    guard rename(temp, path) == 0 else {
      throw StoreError.notAStore(
        path, "the new store could not be moved into place: \(String(cString: strerror(errno)))")
    }
    return record
  }

  /// The store file's -wal and -shm (and the file itself unless `mainFile` is false).
  public static func removeFiles(_ base: String, mainFile: Bool = true) {
    for suffix in (mainFile ? [""] : []) + ["-wal", "-shm"] { unlink(base + suffix) }
  }

  /// `STORE.init-PID` files (or another `kind`: a team store's copies are
  /// made as `.copy-PID` and written as `.write-PID`, where `init` builds
  /// `.write-PID.init-PID`), and their -wal and -shm, of processes that no
  /// longer run (killed half way).
  public static func removeStaleTemporaries(of path: String, kinds: [String] = [".init-"]) {
    let url = URL(fileURLWithPath: path)
    let dir = url.deletingLastPathComponent().path
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
    func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
    for kind in kinds {
      let prefix = url.lastPathComponent + kind
      for name in names where name.hasPrefix(prefix) {
        let rest = name.dropFirst(prefix.count)
        let digits = rest.prefix(while: isDigit)
        var tail = rest.dropFirst(digits.count)
        // The same process's build inside its scratch copy.
        if tail.hasPrefix(".init-") {
          let inner = tail.dropFirst(".init-".count)
          let innerDigits = inner.prefix(while: isDigit)
          if !innerDigits.isEmpty { tail = inner.dropFirst(innerDigits.count) }
        }
        guard let pid = pid_t(digits), ["", "-wal", "-shm"].contains(String(tail)) else { continue }
        if pid == getpid() || (kill(pid, 0) == 0 || errno == EPERM) { continue }  // still running
        unlink(dir + "/" + name)
      }
    }
  }
}
