import Foundation
import GRDB
import GRDBSQLite

/// A store's tables as typed rows, to copy a whole store elsewhere and back
/// (the team store keeps the same tables on PostgreSQL: docs/team-store.md).
/// Every table the migrator makes is copied, the kept numbers and the import
/// log with the data, so that a copy reads exactly as the original.
public enum StoreMirror {
  /// A column's storage, as SQLite's declared type gives it (an undo
  /// table's untyped columns take their data table's types).
  public enum Kind: Sendable, Equatable {
    case integer, real, text, blob
  }

  public struct Table: Sendable, Equatable {
    public let name: String
    public let columns: [String]
    public let kinds: [Kind]
    /// The primary key's columns, in order (empty: none).
    public let key: [String]

    /// How a write changes the table (Schema.swift's bookkeeping): what
    /// decides which of its rows a write or a copy has to send.
    public enum Role: Sendable, Equatable {
      /// A data table's undo twin: rows added by an import (`undo_import_id`),
      /// removed by its undo.
      case undo
      /// A data table: rows written by an import carry its `import_id`; an
      /// undo removes them and puts back what they replaced.
      case data
      /// The import log itself.
      case log
      /// Kept numbers keyed by quarter: a rescore rewrites quarters from one on.
      case keptByQuarter
      /// Anything else (small kept tables, states): compared whole.
      case other
    }

    public var role: Role {
      if columns.first == "undo_import_id" { return .undo }
      if columns.contains("import_id") && !key.isEmpty { return .data }
      if name == "imports" { return .log }
      if columns.contains("period") { return .keptByQuarter }
      return .other
    }
  }

  public enum Value: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
  }

  /// Tables a store holds that are not copied: the migrator's own record
  /// (every copy is migrated by this program) and a copy's note of what it
  /// copies (`replicaTable`).
  static let uncopied: Set<String> = ["grdb_migrations", replicaTable]

  /// Where a copy of a team store notes the store's generation it holds.
  public static let replicaTable = "team_replica"

  /// The tables of a store this program makes, in dependency-free order
  /// (the data tables first), read once from a new in-memory store (every
  /// write and copy asks for them, several times).
  public static func layout() throws -> [Table] { try madeLayout.get() }

  private static let madeLayout = Result<[Table], Error> {
    let queue = try DatabaseQueue()
    try Schema.migrator.migrate(queue)
    return try queue.read { db in try tables(db) }
  }

  /// How many migrations this program's store layout has had: a copy made
  /// by a newer program (more) is refused.
  public static var layoutVersion: Int { Schema.migrator.migrations.count }

  static func tables(_ db: Database) throws -> [Table] {
    let names = try String.fetchAll(
      db,
      sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")
    var declared: [String: [(String, String, Int)]] = [:]
    for name in names where !uncopied.contains(name) {
      declared[name] = try GRDB.Row.fetchAll(db, sql: "PRAGMA table_info(\(name))").map {
        ($0["name"], ($0["type"] as String?) ?? "", $0["pk"])
      }
    }
    return names.compactMap { name -> Table? in
      guard let columns = declared[name] else { return nil }
      let twin = name.hasSuffix("_undo") ? declared[String(name.dropLast(5))] : nil
      let kinds = columns.map { column -> Kind in
        if let k = kind(declared: column.1) { return k }
        let fromTwin = twin?.first { $0.0 == column.0 }.flatMap { kind(declared: $0.1) }
        return fromTwin ?? .blob
      }
      let key = columns.filter { $0.2 > 0 }.sorted { $0.2 < $1.2 }.map(\.0)
      return Table(name: name, columns: columns.map(\.0), kinds: kinds, key: key)
    }
  }

  /// SQLite's affinity rules (section 3.1 of its datatype page); nil for an
  /// untyped column.
  static func kind(declared: String) -> Kind? {
    let t = declared.uppercased()
    if t.isEmpty { return nil }
    if t.contains("INT") { return .integer }
    if t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT") { return .text }
    if t.contains("BLOB") { return .blob }
    return .real
  }

  /// One row as SQLite holds it, read in place: valid until the next row.
  /// Each column is read as its table's kind says (SQLite converts a value
  /// stored otherwise).
  public struct Row {
    let handle: OpaquePointer
    public func isNull(_ i: Int) -> Bool { sqlite3_column_type(handle, Int32(i)) == SQLITE_NULL }
    public func int64(_ i: Int) -> Int64 { sqlite3_column_int64(handle, Int32(i)) }
    public func double(_ i: Int) -> Double { sqlite3_column_double(handle, Int32(i)) }
    /// A text's UTF-8 bytes.
    public func text(_ i: Int) -> UnsafeRawBufferPointer {
      let p = sqlite3_column_text(handle, Int32(i))
      return UnsafeRawBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, Int32(i))))
    }
    public func blob(_ i: Int) -> UnsafeRawBufferPointer {
      let p = sqlite3_column_blob(handle, Int32(i))
      return UnsafeRawBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, Int32(i))))
    }
  }

  /// Every row of `table`, in key order.
  public static func scan(_ table: Table, in store: PartnerStore, _ body: (Row) throws -> Void) throws {
    let order = table.key.isEmpty ? "" : " ORDER BY " + table.key.joined(separator: ", ")
    let sql = "SELECT \(table.columns.joined(separator: ", ")) FROM \(table.name)\(order)"
    try store.located {
      try store.queue.read { db in
        try RawRows.each(db, sql) { row in try body(Row(handle: row.handle)) }
      }
    }
  }

  /// Every row of `table`, in key order, as values (tests compare stores so).
  public static func rows(of table: Table, in store: PartnerStore, _ body: ([Value]) throws -> Void) throws {
    try scan(table, in: store) { row in try body(row.values(table.kinds)) }
  }

  /// How many rows `table` holds.
  public static func count(of table: Table, in store: PartnerStore) throws -> Int {
    try store.located {
      try store.queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.name)") ?? 0 }
    }
  }

  /// Binds one row's values, column by column, then `step` inserts it.
  /// A copy's build and its patches stage rows and write `batch` of them
  /// per statement (a multi-row INSERT: SQLite runs one program for many
  /// rows, inserting them in order); `finish` writes the rest. Values are
  /// copied when staged: the caller's bytes need only last until `step`
  /// returns.
  public final class Insert {
    let db: Database
    let columns: Int
    /// One row per statement: the rows left staged at `finish`, and every
    /// row when not batched.
    let one: BulkInsert
    /// `batch` rows per statement; nil when not batched (each row is
    /// written by its `step`).
    let many: BulkInsert?
    let batch: Int
    enum Cell {
      case null, integer(Int64), real(Double), text(Int, Int), blob(Int, Int)
    }
    /// The staged rows' cells, row after row; texts and blobs in `arena`.
    private var cells: [Cell] = []
    private var row: [Cell]
    private var arena: UnsafeMutableRawPointer
    private var capacity = 1 << 16
    private var used = 0
    private var staged = 0

    init(_ db: Database, sql head: String, columns: Int, batched: Bool) throws {
      self.db = db
      self.columns = columns
      let marks = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
      one = try BulkInsert(db, sql: head + " VALUES " + marks)
      // SQLite allows 32,766 parameters a statement.
      batch = batched ? max(1, min(64, 32_766 / max(columns, 1))) : 1
      many =
        batch > 1
        ? try BulkInsert(
          db, sql: head + " VALUES " + Array(repeating: marks, count: batch).joined(separator: ", "))
        : nil
      row = Array(repeating: .null, count: columns)
      arena = .allocate(byteCount: capacity, alignment: 8)
      cells.reserveCapacity(batch * columns)
    }

    deinit { arena.deallocate() }

    public func null(_ i: Int) { row[i] = .null }
    public func int64(_ i: Int, _ v: Int64) { row[i] = .integer(v) }
    public func double(_ i: Int, _ v: Double) { row[i] = .real(v) }
    public func text(_ i: Int, _ bytes: UnsafeRawBufferPointer) { row[i] = .text(keep(bytes), bytes.count) }
    public func blob(_ i: Int, _ bytes: UnsafeRawBufferPointer) { row[i] = .blob(keep(bytes), bytes.count) }

    /// Copies `bytes` into the arena: their offset.
    private func keep(_ bytes: UnsafeRawBufferPointer) -> Int {
      if used + bytes.count > capacity {
        capacity = max(capacity * 2, used + bytes.count)
        let grown = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        grown.copyMemory(from: arena, byteCount: used)
        arena.deallocate()
        arena = grown
      }
      if let base = bytes.baseAddress, bytes.count > 0 {
        (arena + used).copyMemory(from: base, byteCount: bytes.count)
      }
      used += bytes.count
      return used - bytes.count
    }

    /// The row bound so far is inserted (or staged, written with its batch).
    public func step() throws {
      cells.append(contentsOf: row)
      staged += 1
      if let many, staged == batch {
        try write(many, rows: 0..<staged)
        clear()
      } else if many == nil {
        try finish()
      }
    }

    /// Writes the rows still staged.
    public func finish() throws {
      for r in 0..<staged { try write(one, rows: r..<(r + 1)) }
      clear()
    }

    private func clear() {
      cells.removeAll(keepingCapacity: true)
      staged = 0
      used = 0
    }

    /// Binds the staged `rows` to `insert`, in order, and runs it.
    private func write(_ insert: BulkInsert, rows: Range<Int>) throws {
      let h = insert.handle
      // The arena's bytes stay put until the statement has run: bound without a copy.
      let unchanging = unsafeBitCast(0, to: sqlite3_destructor_type.self)
      var p: Int32 = 1
      for cell in cells[(rows.lowerBound * columns)..<(rows.upperBound * columns)] {
        switch cell {
        case .null: sqlite3_bind_null(h, p)
        case .integer(let v): sqlite3_bind_int64(h, p, v)
        case .real(let v): sqlite3_bind_double(h, p, v)
        case .text(let at, let n):
          sqlite3_bind_text(h, p, (arena + at).assumingMemoryBound(to: CChar.self), Int32(n), unchanging)
        case .blob(let at, let n): sqlite3_bind_blob(h, p, arena + at, Int32(n), unchanging)
        }
        p += 1
      }
      try insert.step(db)
    }
  }

  /// Builds a store at `path` (replaced only once complete) from `fill`,
  /// which is given each table of this program's layout with an `Insert`
  /// for its rows (values in the table's column order). The copy notes the
  /// team store's generation and the book it holds (a manager's), if any.
  public static func build(
    at path: String, note: Int64, book: String? = nil, fill: (_ table: Table, _ insert: Insert) throws -> Void
  ) throws {
    PartnerStore.removeStaleTemporaries(of: path, kinds: [".copy-", ".write-"])
    let temp = path + ".copy-\(getpid())"
    PartnerStore.removeFiles(temp)
    defer { PartnerStore.removeFiles(temp) }
    do {
      let store = try PartnerStore(path: temp, mode: .bulkLoad)
      try store.located {
        try store.queue.writeWithoutTransaction { db in
          try db.inTransaction {
            let tables = try tables(db)
            // Rows a migration wrote (stamps, states) give way to the copied ones.
            for table in tables { try db.execute(sql: "DELETE FROM \(table.name)") }
            for table in tables {
              let insert = try Insert(
                db, sql: "INSERT INTO \(table.name) (\(table.columns.joined(separator: ", ")))",
                columns: table.columns.count, batched: true)
              try fill(table, insert)
              try insert.finish()
            }
            try db.execute(sql: "CREATE TABLE \(replicaTable) (generation INTEGER NOT NULL, book TEXT)")
            try db.execute(sql: "INSERT INTO \(replicaTable) VALUES (?, ?)", arguments: [note, book])
            return .commit
          }
        }
      }
      try store.close()
    }
    PartnerStore.removeFiles(path, mainFile: false)
    guard rename(temp, path) == 0 else {
      throw StoreError.notAStore(
        path, "the copy could not be moved into place: \(String(cString: strerror(errno)))")
    }
  }

  /// Folds a store's write-ahead log into its file, so that the file alone
  /// is the whole store (to be copied).
  public static func fold(at path: String) throws {
    var info = stat()
    guard stat(path + "-wal", &info) == 0 else { return }
    let queue = try DatabaseQueue(path: path)
    try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
    try queue.close()
  }

  /// Notes the team store's generation in an owner's copy at `path` (the
  /// whole store: no book), and leaves it
  /// one file (its write-ahead log folded in), ready to be moved.
  public static func setNote(_ generation: Int64, at path: String) throws {
    let queue = try DatabaseQueue(path: path)
    try queue.writeWithoutTransaction { db in
      try db.execute(
        sql: "CREATE TABLE IF NOT EXISTS \(replicaTable) (generation INTEGER NOT NULL, book TEXT)")
      try db.execute(sql: "DELETE FROM \(replicaTable)")
      try db.execute(sql: "INSERT INTO \(replicaTable) VALUES (?, NULL)", arguments: [generation])
      try db.execute(sql: "PRAGMA journal_mode = DELETE")
    }
    try queue.close()
  }

  /// What the import log says of a store: every write but a rescore adds
  /// to it or marks an undo, so an equal mark after a write means nothing
  /// was written (a refused close, say).
  public static func logMark(at path: String) throws -> [Int64?] {
    let store = try PartnerStore.reading(path: path)
    return try store.located {
      try store.queue.read { db in
        let row = try GRDB.Row.fetchOne(db, sql: "SELECT count(*), max(id), count(undone_at) FROM imports")
        return [row?[0], row?[1], row?[2]]
      }
    }
  }

  /// The team store's generation a copy holds (nil: not a copy, or unreadable).
  public static func note(at path: String) -> Int64? {
    guard (try? PartnerStore.fileKind(of: path)) == .store,
      let queue = try? DatabaseQueue(path: path, configuration: PartnerStore.readerConfiguration)
    else { return nil }
    return try? queue.read { db in try Int64.fetchOne(db, sql: "SELECT generation FROM \(replicaTable)") }
  }
}
