import Foundation
import GRDB
import Platform

/// Opening a store: writers (`init`, `import`, `undo-import`) create and
/// migrate it; every other command reads it through a read-only connection,
/// so it works on a read-only file or folder and on a full disk, and never
/// changes a file that is not a partnerboard store.
extension PartnerStore {
  public enum Mode: Sendable {
    /// WAL, synchronous NORMAL: the everyday store.
    case normal
    /// No journal, no fsync: only for a store being built in a temporary
    /// file that is moved into place when complete (`init`).
    case bulkLoad
  }

  static var readerConfiguration: Configuration {
    var config = Configuration()
    config.readonly = true
    config.busyMode = .timeout(5)
    return config
  }

  /// What is at a path, judged without writing to it.
  enum FileKind: Equatable {
    case missing, emptyFile, notSQLite
    /// An SQLite database with no table: a fresh file a writer may use.
    case blankDatabase
    case store
    /// An SQLite database of some other application.
    case otherDatabase
  }

  static func kind(of path: String) throws -> FileKind {
    let file = try fileKind(of: path)
    guard file == .store else { return file }
    let tables = try openForReading(location: path, path: path) { db in try tableNames(db) }.1
    return kind(ofTables: tables)
  }

  /// What the file itself says: missing, empty, not SQLite, or SQLite
  /// (`.store` here means only "an SQLite file": its tables decide the rest).
  static func fileKind(of path: String) throws -> FileKind {
    var info = stat()
    guard stat(path, &info) == 0 else { return .missing }
    if info.st_size == 0 { return .emptyFile }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw StoreError.unreadable(path, String(cString: strerror(errno)).lowercased())
    }
    let header = handle.readData(ofLength: 16)
    try? handle.close()
    return header == Data("SQLite format 3\0".utf8) ? .store : .notSQLite
  }

  static func tableNames(_ db: Database) throws -> Set<String> {
    Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
  }

  static func kind(ofTables tables: Set<String>) -> FileKind {
    if tables.isEmpty { return .blankDatabase }
    return tables.isSuperset(of: ["grdb_migrations", "program", "partners", "observations"])
      ? .store : .otherDatabase
  }

  /// A read-only connection and the first thing read through it. Where the
  /// folder is read-only (or full) and SQLite cannot create the WAL's
  /// shared-memory file, the file is opened as immutable instead: what it
  /// holds, without the locks no writer could take there anyway.
  static func openForReading<T>(location: String, path: String, _ probe: (Database) throws -> T) throws
    -> (DatabaseQueue, T, String)
  {
    do {
      let q = try DatabaseQueue(path: location, configuration: readerConfiguration)
      return (q, try q.read(probe), location)
    } catch let e as DatabaseError
      where [.SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_IOERR, .SQLITE_FULL].contains(
        e.resultCode.primaryResultCode)
    {
      // Immutable reads ignore the write-ahead log: a store whose last
      // import is still in it would be read without that import.
      try refusePendingLog(path)
      var allowed = CharacterSet.urlPathAllowed
      allowed.remove(charactersIn: "?#%")
      let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
      let uri =
        "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute)
        + "?immutable=1"
      do {
        let q = try DatabaseQueue(path: uri, configuration: readerConfiguration)
        return (q, try q.read(probe), uri)
      } catch let second as DatabaseError {
        throw StoreError.database(path, second)
      }
    } catch let e as DatabaseError {
      throw StoreError.database(path, e)
    }
  }

  /// A store opened where SQLite cannot keep its shared-memory file (a
  /// read-only folder) is read as immutable, which skips the write-ahead
  /// log: refused while the log holds anything.
  static func refusePendingLog(_ path: String) throws {
    var info = stat()
    guard stat(path + "-wal", &info) == 0, info.st_size > 0 else { return }
    throw StoreError.refused(
      "cannot read \(path) here: its latest changes are still in \(path)-wal, which SQLite cannot read without writing beside it in this read-only folder. Where its folder can be written, fold the log into the store with `sqlite3 \(path) 'PRAGMA wal_checkpoint(TRUNCATE)'`, or copy both files to a writable folder"
    )
  }

  /// Opens an existing store for reading. A missing, empty or foreign file
  /// is an error and is left as it is; a store made by an older
  /// partnerboard is brought up to date once, when the file can be written.
  public static func reading(path: String) throws -> PartnerStore {
    switch try fileKind(of: path) {
    case .missing: throw StoreError.missing(path)
    case .emptyFile: throw StoreError.notAStore(path, "the file is empty")
    case .notSQLite: throw StoreError.notAStore(path, "it is not an SQLite database")
    default: break
    }
    // One connection answers everything: is it a store, of which layout,
    // are its kept scores current.
    var (queue, state, location) = try openForReading(location: path, path: path) { db in
      let isStore = kind(ofTables: try tableNames(db)) == .store
      let complete = try isStore && Schema.migrator.hasCompletedMigrations(db)
      return (
        complete, try isStore && Schema.migrator.hasBeenSuperseded(db),
        try complete && KeptScores.needsRescore(db),
        isStore
      )
    }
    guard state.3 else {
      throw StoreError.notAStore(path, "it is an SQLite database without partnerboard's tables")
    }
    if state.1 {
      throw StoreError.notAStore(path, "it was made by a newer partnerboard: update partnerboard to read it")
    }
    var rescored = false
    if !state.0 || state.2 {
      // A store from an older partnerboard: bring its layout up to date and
      // keep its scores, once, through a writer; then read as usual. A store
      // that cannot be written is read as it is (lookups score everyone).
      if let writer = try? PartnerStore(path: path), (try? writer.rescoreKept()) != nil {
        rescored = true
      }
      (queue, state, location) = try openForReading(location: path, path: path) { db in
        (try Schema.migrator.hasCompletedMigrations(db), false, false, true)
      }
      guard state.0 else {
        throw StoreError.notAStore(
          path,
          "it was made by an older partnerboard and cannot be upgraded here: open it once where it can be written"
        )
      }
    }
    let store = PartnerStore(path: path, queue: queue, readLocation: location, readOnly: true)
    store.rescoredOnOpen = rescored
    return store
  }

  /// Opens (creating with mode 0600, in a 0700 folder, if needed) and
  /// migrates the store for writing. An empty file becomes a store; a file
  /// that holds anything else is refused and left as it is.
  public convenience init(path: String, mode: Mode = .normal) throws {
    switch try Self.kind(of: path) {
    case .notSQLite: throw StoreError.notAStore(path, "it is not an SQLite database")
    case .otherDatabase:
      throw StoreError.notAStore(path, "it is an SQLite database without partnerboard's tables")
    case .missing, .emptyFile, .blankDatabase, .store: break
    }
    let dir = (path as NSString).deletingLastPathComponent
    if !dir.isEmpty && !FileManager.default.fileExists(atPath: dir) {
      // The store's folder holds partner data: private to the user.
      try FileManager.default.createDirectory(
        atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
    if !FileManager.default.fileExists(atPath: path) {
      _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
    }
    var config = Configuration()
    config.busyMode = .timeout(5)
    config.prepareDatabase { db in
      switch mode {
      case .normal:
        try db.execute(sql: "PRAGMA journal_mode = WAL")
        try db.execute(sql: "PRAGMA synchronous = NORMAL")
      case .bulkLoad:
        try db.execute(sql: "PRAGMA journal_mode = OFF")
        try db.execute(sql: "PRAGMA synchronous = OFF")
        try db.execute(sql: "PRAGMA cache_size = -65536")
        // Index builds sort in memory, on both cores.
        try db.execute(sql: "PRAGMA temp_store = MEMORY")
        try db.execute(sql: "PRAGMA threads = 2")
      }
    }
    do {
      let queue = try DatabaseQueue(path: path, configuration: config)
      if try queue.read({ db in try Schema.migrator.hasBeenSuperseded(db) }) {
        throw StoreError.notAStore(
          path, "it was made by a newer partnerboard: update partnerboard to change it")
      }
      try Schema.migrator.migrate(queue)
      if case .newer(let stamp) = try queue.read({ db in try KeptScores.stamp(db) }) {
        throw StoreError.newer(path, stamp: stamp, engine: KeptScores.engineVersion)
      }
      self.init(path: path, queue: queue, readLocation: path, readOnly: false)
    } catch let e as DatabaseError {
      throw StoreError.database(path, e)
    }
  }
}

/// A file's device and inode: the same path may name another file later.
struct FileIdentity: Equatable {
  let device: UInt64
  let inode: UInt64

  init?(_ path: String) {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
  }
}
