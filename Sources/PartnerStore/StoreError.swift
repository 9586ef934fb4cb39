import GRDB

/// What went wrong with a store, always with its path and what to do.
public enum StoreError: Error, CustomStringConvertible {
  /// No file at the path (reading commands never create one).
  case missing(String)
  /// A file that is not a partnerboard store: empty, not SQLite, or another
  /// application's database. It is never changed.
  case notAStore(String, String)
  /// A store without a program yet.
  case empty(String)
  case corrupt(String, String)
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
        "\(path) is not a partnerboard store (\(why)); it was left as it is. Check --db, or build a store there with `partnerboard init --from DIR --db \(path) --force`"
    case .empty(let path):
      return
        "the store \(path) holds no data yet: run `partnerboard init --from DIR` or `partnerboard import DIR`"
    case .corrupt(let path, let m):
      return "the store \(path) is damaged: \(m). Rebuild it with `partnerboard init --from DIR --force`"
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
        "\(path) is damaged or not a partnerboard store (SQLite: \(said)): check --db, or rebuild it with `partnerboard init --from DIR --force`"
    case .SQLITE_BUSY, .SQLITE_LOCKED:
      return "the store \(path) is busy: another partnerboard is writing to it (SQLite: \(said)); try again"
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
