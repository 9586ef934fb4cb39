import Foundation
import GRDB
import GRDBSQLite
import Platform

/// What a write changed in a store, table by table: the rows to delete
/// (by key) and the rows to insert, found by comparing the store before the
/// write with the store after it. A team store's write sends only these
/// (docs/team-store.md), not every table.
///
/// The data tables are compared through the import log's bookkeeping
/// (Schema.swift): a write adds rows with import ids above the last one
/// before it, and an undo of import U removes the rows U wrote and puts
/// back the ones it replaced (which its undo rows name). Every other table
/// is compared row by row in key order. A table whose changes would be a
/// large share of it is sent whole instead.
public struct StoreDelta: Sendable {
  public struct Table: Sendable {
    public let table: StoreMirror.Table
    /// Sent whole (emptied, then every row of the new store).
    public var whole = false
    /// Rows whose `column` holds one of `values` are deleted.
    public var deleteWhere: (column: String, values: [Int64])?
    /// Keys (in `table.key`'s order) of rows to delete; an inserted row's
    /// key is among them, so an insert replaces a row of that key.
    public var deleteKeys: [[StoreMirror.Value]] = []
    /// Whole rows to insert, after the deletions.
    public var inserts: [[StoreMirror.Value]] = []

    public var isEmpty: Bool { !whole && deleteWhere == nil && deleteKeys.isEmpty && inserts.isEmpty }
  }

  public var tables: [Table]

  /// Changes above this many rows send the table whole (the rows are kept
  /// in memory until sent).
  static let inMemoryRows = 200_000

  /// The changes from the store at `old` to the store at `new` (the same
  /// store before and after one write).
  ///
  /// Two workers, each with its own connections to both stores, take the
  /// tables in turn: the kept scores' merge (the longest) runs beside the
  /// others on the second core.
  public static func between(old: String, new: String) throws -> StoreDelta {
    let layout = try StoreMirror.layout()
    let (last, undone) = try reading(old, new) { o, n in
      let last = try Int64.fetchOne(o, sql: "SELECT max(id) FROM imports") ?? 0
      let undone = Set(try Int64.fetchAll(n, sql: "SELECT id FROM imports WHERE undone_at IS NOT NULL"))
        .subtracting(try Int64.fetchAll(o, sql: "SELECT id FROM imports WHERE undone_at IS NOT NULL"))
        .sorted()
      return (last, undone)
    }
    let work = Work(count: layout.count)
    DispatchQueue.concurrentPerform(iterations: 2) { _ in
      do {
        try reading(old, new) { o, n in
          while let i = work.take() {
            let table = layout[i]
            let d = try Timings.measure("compare \(table.name)") {
              try change(of: table, o, n, last: last, undone: undone)
            }
            work.done(i, d)
          }
        }
      } catch {
        work.failed(error)
      }
    }
    return StoreDelta(tables: try work.results().filter { !$0.isEmpty })
  }

  /// `body` given a read transaction on each store (neither changes while
  /// a write compares them: the scratch copy is the writer's own, and the
  /// local copy is only ever replaced by one of the same generation).
  static func reading<T>(_ old: String, _ new: String, _ body: (Database, Database) throws -> T) throws -> T {
    let before = try PartnerStore.reading(path: old)
    let after = try PartnerStore.reading(path: new)
    return try before.located {
      try after.located {
        try before.queue.read { o in try after.queue.read { n in try body(o, n) } }
      }
    }
  }

  /// The tables still to compare, and each one's changes once compared.
  final class Work: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var changes: [Table?]
    private var failure: Error?

    init(count: Int) { changes = Array(repeating: nil, count: count) }

    /// The next table's index; nil when every table is taken, or one failed.
    func take() -> Int? {
      lock.lock()
      defer { lock.unlock() }
      guard failure == nil, next < changes.count else { return nil }
      next += 1
      return next - 1
    }

    func done(_ i: Int, _ change: Table) {
      lock.lock()
      changes[i] = change
      lock.unlock()
    }

    func failed(_ error: Error) {
      lock.lock()
      if failure == nil { failure = error }
      lock.unlock()
    }

    /// Every table's changes in the layout's order, or the first failure.
    func results() throws -> [Table] {
      lock.lock()
      defer { lock.unlock() }
      if let failure { throw failure }
      let all = changes.compactMap { $0 }
      guard all.count == changes.count else { throw StoreError.refused("a table was left uncompared") }
      return all
    }
  }

  /// One table's changes from `o` to `n`: `last` is the old store's last
  /// import, `undone` the imports undone since.
  static func change(
    of table: StoreMirror.Table, _ o: Database, _ n: Database, last: Int64, undone: [Int64]
  ) throws -> Table {
    let undoneList = undone.map(String.init).joined(separator: ", ")
    var d = Table(table: table)
    switch table.role {
    case .undo:
      if !undone.isEmpty { d.deleteWhere = ("undo_import_id", undone) }
      try collect(&d, n, where: "undo_import_id > \(last)")
    case .data:
      if !undone.isEmpty {
        // What the undone imports wrote goes; what they replaced comes back.
        var keys: [[StoreMirror.Value]] = []
        try each(o, table, columns: table.key, where: "import_id IN (\(undoneList))") { keys.append($0) }
        d.deleteKeys += keys
        for key in keys {
          let match = table.key.map { "\($0) = ?" }.joined(separator: " AND ")
          try collect(&d, n, where: match, arguments: key)
        }
      }
      try collect(&d, n, where: "import_id > \(last)")
    case .log:
      try collect(&d, n, where: "id > \(last)" + (undone.isEmpty ? "" : " OR id IN (\(undoneList))"))
    case .keptByQuarter, .other:
      if table.key.isEmpty { d.whole = true } else { try merge(&d, o, n) }
    }
    if d.inserts.count > inMemoryRows {
      d = Table(table: table)
      d.whole = true
    }
    return d
  }

  /// Adds the new store's rows matching `condition` to the inserts (and
  /// their keys to the deletions).
  static func collect(
    _ d: inout Table, _ n: Database, where condition: String, arguments: [StoreMirror.Value] = []
  ) throws {
    let table = d.table
    let keyIndex = table.key.compactMap { table.columns.firstIndex(of: $0) }
    try each(n, table, columns: table.columns, where: condition, arguments: arguments) { row in
      if d.inserts.count > inMemoryRows { return }
      d.inserts.append(row)
      if !keyIndex.isEmpty { d.deleteKeys.append(keyIndex.map { row[$0] }) }
    }
  }

  /// The rows of `table` matching `condition`, `columns` of each.
  static func each(
    _ db: Database, _ table: StoreMirror.Table, columns: [String], where condition: String,
    arguments: [StoreMirror.Value] = [], _ body: ([StoreMirror.Value]) throws -> Void
  ) throws {
    let kinds = columns.map { c in table.kinds[table.columns.firstIndex(of: c)!] }
    let statement = try db.makeStatement(
      sql: "SELECT \(columns.joined(separator: ", ")) FROM \(table.name) WHERE \(condition)")
    try withExtendedLifetime(statement) {
      let h = statement.sqliteStatement
      for (i, v) in arguments.enumerated() { StoreMirror.bind(h, Int32(i + 1), v) }
      defer { sqlite3_reset(h) }
      while true {
        let rc = sqlite3_step(h)
        if rc == SQLITE_DONE { break }
        guard rc == SQLITE_ROW else {
          throw DatabaseError(
            resultCode: ResultCode(rawValue: rc),
            message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        try body(StoreMirror.Row(handle: h).values(kinds))
      }
    }
  }

  /// Both stores' rows of one table in key order, side by side: a row only
  /// in the old store is deleted, one only in the new or changed inserted.
  static func merge(_ d: inout Table, _ o: Database, _ n: Database) throws {
    let table = d.table
    let keyIndex = table.key.map { table.columns.firstIndex(of: $0)! }
    let sql =
      "SELECT \(table.columns.joined(separator: ", ")) FROM \(table.name) ORDER BY \(table.key.joined(separator: ", "))"
    let old = try Cursor(o, sql)
    let new = try Cursor(n, sql)
    var hasOld = try old.next()
    var hasNew = try new.next()
    while hasOld || hasNew {
      if d.inserts.count > inMemoryRows { return }
      let order: Int
      if !hasOld {
        order = 1
      } else if !hasNew {
        order = -1
      } else {
        order = StoreMirror.compare(old.row, new.row, columns: keyIndex, kinds: table.kinds)
      }
      if order < 0 {
        d.deleteKeys.append(old.row.values(keyIndex.map { table.kinds[$0] }, columns: keyIndex))
        hasOld = try old.next()
      } else if order > 0 {
        let row = new.row.values(table.kinds)
        d.inserts.append(row)
        d.deleteKeys.append(keyIndex.map { row[$0] })
        hasNew = try new.next()
      } else {
        if StoreMirror.compare(old.row, new.row, columns: Array(table.kinds.indices), kinds: table.kinds) != 0
        {
          let row = new.row.values(table.kinds)
          d.inserts.append(row)
          d.deleteKeys.append(keyIndex.map { row[$0] })
        }
        hasOld = try old.next()
        hasNew = try new.next()
      }
    }
  }

  /// A statement stepped one row at a time (two at once, one per store).
  final class Cursor {
    let statement: Statement
    let db: Database
    var row: StoreMirror.Row { StoreMirror.Row(handle: statement.sqliteStatement) }

    init(_ db: Database, _ sql: String) throws {
      self.db = db
      statement = try db.makeStatement(sql: sql)
    }

    deinit { sqlite3_reset(statement.sqliteStatement) }

    func next() throws -> Bool {
      let rc = sqlite3_step(statement.sqliteStatement)
      if rc == SQLITE_DONE { return false }
      guard rc == SQLITE_ROW else {
        throw DatabaseError(
          resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
      }
      return true
    }
  }
}

extension StoreMirror {
  /// Two rows' `columns` compared as SQLite orders them (numbers by value,
  /// text and bytes by their bytes; NULL first).
  static func compare(_ a: Row, _ b: Row, columns: [Int], kinds: [Kind]) -> Int {
    for c in columns {
      let (an, bn) = (a.isNull(c), b.isNull(c))
      if an || bn {
        if an != bn { return an ? -1 : 1 }
        continue
      }
      switch kinds[c] {
      case .integer:
        let (x, y) = (a.int64(c), b.int64(c))
        if x != y { return x < y ? -1 : 1 }
      case .real:
        let (x, y) = (a.double(c), b.double(c))
        if x.bitPattern != y.bitPattern {
          return x < y ? -1 : x > y ? 1 : (x.bitPattern < y.bitPattern ? -1 : 1)
        }
      case .text, .blob:
        let (x, y) = kinds[c] == .text ? (a.text(c), b.text(c)) : (a.blob(c), b.blob(c))
        let n = min(x.count, y.count)
        let m = n == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, n)
        if m != 0 { return m < 0 ? -1 : 1 }
        if x.count != y.count { return x.count < y.count ? -1 : 1 }
      }
    }
    return 0
  }

  static func bind(_ h: OpaquePointer, _ i: Int32, _ v: Value) {
    let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    switch v {
    case .null: sqlite3_bind_null(h, i)
    case .integer(let x): sqlite3_bind_int64(h, i, x)
    case .real(let x): sqlite3_bind_double(h, i, x)
    case .text(let x): sqlite3_bind_text(h, i, x, -1, transient)
    case .blob(let x):
      x.withUnsafeBytes { _ = sqlite3_bind_blob(h, i, $0.baseAddress, Int32($0.count), transient) }
    }
  }
}

extension StoreMirror.Row {
  /// The row's values (of `columns`, default all), each read as its kind.
  func values(_ kinds: [StoreMirror.Kind], columns: [Int]? = nil) -> [StoreMirror.Value] {
    (columns ?? Array(kinds.indices)).enumerated().map { j, c in
      let kind = columns == nil ? kinds[c] : kinds[j]
      if isNull(c) { return .null }
      switch kind {
      case .integer: return .integer(int64(c))
      case .real: return .real(double(c))
      case .text: return .text(String(decoding: text(c), as: UTF8.self))
      case .blob: return .blob(Array(blob(c)))
      }
    }
  }
}
