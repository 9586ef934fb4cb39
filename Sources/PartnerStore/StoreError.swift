import GRDB

/// What went wrong with a store, always with its path and what to do.
public enum StoreError: Error, CustomStringConvertible {
  /// No file at the path (reading commands never create one).
  case missing(String)
  /// A file that is not a partnerboard store: empty, not SQLite, or another
  /// application's database. It is never changed.
  case notAStore(String, String)
  /// A file that exists but cannot be opened for reading (permissions).
  case unreadable(String, String)
  /// A store without a program yet.
  case empty(String)
  case corrupt(String, String)
  /// The kept scores (the tables a rescore writes) hold a value that cannot
  /// be right: `partnerboard rescore` rebuilds them from the data.
  case keptDamaged(String, String)
  /// Kept scores written by a newer partnerboard: read, never written here.
  case newer(String, stamp: Int, engine: Int)
  case undo(String)
  /// A request the store turns down, with the reason and what to do.
  case refused(String)
  /// SQLite refused: the path, and SQLite's own words.
  case database(String, DatabaseError)

  public var description: String {
    switch self {
    case .missing(let path):
      return "no store at \(path): create one with `partnerboard init --from DIR --db \(path)`"
    case .notAStore(let path, let why):
      return
        "\(path) is not a partnerboard store (\(why)); it was left as it is. Check --db, or give `partnerboard init --from DIR --db` another path"
    case .unreadable(let path, let why):
      return
        "cannot read \(path) (\(why)): check the permissions of the file and of its folder; nothing was changed"
    case .empty(let path):
      return
        "the store \(path) holds no data yet: run `partnerboard init --from DIR` or `partnerboard import DIR`"
    case .corrupt(let path, let m):
      return
        "the store \(path) is damaged: \(m). Nothing was changed; restore it from a backup, or check it with `sqlite3 \(path) 'PRAGMA integrity_check'`"
    case .keptDamaged(let path, let m):
      return
        "the scores kept in \(path) are damaged: \(m). Rebuild them from the data with `partnerboard rescore --db \(path)` (the data and the import history are kept)"
    case .newer(let path, let stamp, let engine):
      return
        "the scores kept in \(path) were written by a newer partnerboard (engine \(stamp); this one is engine \(engine)): update partnerboard to change this store"
    case .undo(let m), .refused(let m): return m
    case .database(let path, let e): return Self.explain(path, e)
    }
  }

  static func explain(_ path: String, _ e: DatabaseError) -> String {
    let said = e.message ?? "error \(e.resultCode.rawValue)"
    switch e.resultCode.primaryResultCode {
    case .SQLITE_FULL:
      return
        "the disk holding \(path) is full (SQLite: \(said)): free disk space and try again; nothing was changed"
    case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_AUTH:
      return
        "cannot open or write the store \(path) (SQLite: \(said)): check the permissions of the file and of its folder"
    case .SQLITE_NOTADB, .SQLITE_CORRUPT:
      return
        "\(path) is damaged or not a partnerboard store (SQLite: \(said)): check --db; nothing was changed. Restore a damaged store from a backup, or check it with `sqlite3 \(path) 'PRAGMA integrity_check'`"
    case .SQLITE_BUSY, .SQLITE_LOCKED:
      return
        "the store \(path) is locked by another program (a partnerboard import, or a SQLite client in the middle of a transaction) (SQLite: \(said)): try again when it is done; nothing was changed"
    case .SQLITE_IOERR:
      return "cannot read or write \(path): the disk reported an error (SQLite: \(said))"
    default:
      return "the store \(path) failed: SQLite said \(said)"
    }
  }
}

extension PartnerStore {
  /// Runs `body`, turning SQLite's errors into `StoreError`s that name the store.
  func located<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let e as DatabaseError {
      throw StoreError.database(path, e)
    }
  }
}
