import Foundation
import GRDB
import GRDBSQLite
import Platform

/// A copy of a team store brought up to date by what changed since it was
/// made, instead of copied anew: `StoreMirror.patch` gives a `Patch` over
/// a scratch copy of it, and moves the scratch copy into place only when
/// the body returns (the caller checks the result first).
extension StoreMirror {
  public final class Patch {
    let db: Database

    init(_ db: Database) { self.db = db }

    /// The import log as the copy has it: id, time, command, undone.
    public func imports() throws -> [ImportMark] {
      try GRDB.Row.fetchAll(db, sql: "SELECT id, at, command, undone_at IS NOT NULL FROM imports ORDER BY id")
        .map {
          ImportMark(id: $0[0], at: $0[1], command: $0[2], undone: $0[3])
        }
    }

    /// The keys of `table`'s rows that the imports `ids` wrote.
    public func keys(_ table: Table, writtenBy ids: [Int64]) throws -> [[Value]] {
      guard !ids.isEmpty else { return [] }
      var keys: [[Value]] = []
      try StoreDelta.each(
        db, table, columns: table.key, where: "import_id IN (\(ids.map(String.init).joined(separator: ", ")))"
      ) { keys.append($0) }
      return keys
    }

    /// Deletes `table`'s rows whose `column` is one of `ids` (all rows: nil).
    public func delete(_ table: Table, where column: String? = nil, in ids: [Int64] = []) throws {
      guard let column else {
        try db.execute(sql: "DELETE FROM \(table.name)")
        return
      }
      guard !ids.isEmpty else { return }
      try db.execute(
        sql: "DELETE FROM \(table.name) WHERE \(column) IN (\(ids.map(String.init).joined(separator: ", ")))")
    }

    /// Deletes `table`'s rows of quarter `first` (an ordinal) and after.
    public func delete(_ table: Table, fromPeriod first: Int64) throws {
      try db.execute(sql: "DELETE FROM \(table.name) WHERE period >= ?", arguments: [first])
    }

    /// Inserts rows into `table`, a row of the same key replaced.
    public func inserting(_ table: Table, _ body: (Insert) throws -> Void) throws {
      // A multi-row INSERT inserts its rows in order: a later row of the
      // same key replaces an earlier one, in a batch as across batches.
      let insert = try Insert(
        db, sql: "INSERT OR REPLACE INTO \(table.name) (\(table.columns.joined(separator: ", ")))",
        columns: table.columns.count, batched: true)
      try body(insert)
      try insert.finish()
    }

    public func count(_ table: Table) throws -> Int {
      try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.name)") ?? 0
    }
  }

  /// One line of the import log, as a copy and the team store compare them.
  public struct ImportMark: Sendable, Equatable {
    public let id: Int64
    public let at: String
    public let command: String
    public let undone: Bool
    public init(id: Int64, at: String, command: String, undone: Bool) {
      self.id = id
      self.at = at
      self.command = command
      self.undone = undone
    }
  }

  /// Changes a scratch copy of the store at `path` through `body`, in one
  /// transaction, notes `note` and `book` in it, and puts it in place of the
  /// store; when `body` returns false or throws, the store stays as it was.
  public static func patch(at path: String, note: Int64, book: String?, _ body: (Patch) throws -> Bool) throws
    -> Bool
  {
    removeStaleTemporaries(path)
    let temp = path + ".copy-\(getpid())"
    PartnerStore.removeFiles(temp)
    defer { PartnerStore.removeFiles(temp) }
    try fold(at: path)
    try Timings.measure("patch: copy the file") {
      try FileCopy.copy(path, to: temp)
    }
    let queue = try DatabaseQueue(path: temp)
    let done = try queue.writeWithoutTransaction { db -> Bool in
      var ok = false
      try db.inTransaction {
        ok = try body(Patch(db))
        guard ok else { return .rollback }
        try db.execute(sql: "DELETE FROM \(replicaTable)")
        try db.execute(sql: "INSERT INTO \(replicaTable) VALUES (?, ?)", arguments: [note, book])
        return .commit
      }
      return ok
    }
    try queue.close()
    guard done else { return false }
    PartnerStore.removeFiles(path, mainFile: false)
    guard rename(temp, path) == 0 else {
      throw StoreError.notAStore(
        path, "the copy could not be moved into place: \(String(cString: strerror(errno)))")
    }
    return true
  }

  static func removeStaleTemporaries(_ path: String) {
    PartnerStore.removeStaleTemporaries(of: path, kinds: [".copy-", ".write-"])
  }

  /// The book a copy holds (nil: a whole store, or no copy).
  public static func book(at path: String) -> String? {
    guard let queue = try? DatabaseQueue(path: path, configuration: PartnerStore.readerConfiguration) else {
      return nil
    }
    return try? queue.read { db in try String.fetchOne(db, sql: "SELECT book FROM \(replicaTable)") }
  }
}
