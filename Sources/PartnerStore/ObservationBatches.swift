import GRDB
import GRDBSQLite
import Scoring

/// Writes observations many rows to a statement (`INSERT ... VALUES (...),
/// (...), ...`), their ids bound from one reused byte arena without a copy
/// per value: the bulk path of a big `init`, about a third faster than one
/// row per statement with copied text.
struct ObservationBatches {
  static let rowsPerStatement = 64
  private let full: BulkInsert
  private let single: BulkInsert
  private var arena: UnsafeMutableRawBufferPointer
  private static let staticText = unsafeBitCast(0, to: sqlite3_destructor_type.self)

  init(_ db: Database, importID: Int64) throws {
    let row = "(?, ?, ?, ?, \(importID))"
    let head = "INSERT INTO observations (partner_id, period, kpi, value, import_id) VALUES "
    full = try BulkInsert(
      db, sql: head + Array(repeating: row, count: Self.rowsPerStatement).joined(separator: ", "))
    single = try BulkInsert(db, sql: head + row)
    arena = .allocate(byteCount: 4096, alignment: 8)
  }

  /// Frees the arena (the statements are GRDB's).
  func close() { arena.deallocate() }

  mutating func write(_ rows: ArraySlice<Observation>, _ db: Database) throws {
    var start = rows.startIndex
    while rows.endIndex - start >= Self.rowsPerStatement {
      try write(rows[start..<start + Self.rowsPerStatement], with: full, db)
      start += Self.rowsPerStatement
    }
    while start < rows.endIndex {
      try write(rows[start..<start + 1], with: single, db)
      start += 1
    }
  }

  private mutating func write(_ rows: ArraySlice<Observation>, with insert: BulkInsert, _ db: Database) throws
  {
    // Every text of the statement goes in the arena first (grown before any
    // pointer into it is bound), then is bound in place.
    var size = 0
    for o in rows { size += o.partnerID.utf8.count + o.kpi.utf8.count }
    if size > arena.count {
      arena.deallocate()
      arena = .allocate(byteCount: max(size, arena.count * 2), alignment: 8)
    }
    var offset = 0
    var column: Int32 = 1
    func text(_ s: String) {
      var s = s
      let n = s.withUTF8 { utf8 in
        if let base = utf8.baseAddress {
          (arena.baseAddress! + offset).copyMemory(from: base, byteCount: utf8.count)
        }
        return utf8.count
      }
      insert.bindStatic(column, arena.baseAddress! + offset, n)
      offset += n
      column += 1
    }
    for o in rows {
      text(o.partnerID)
      insert.bind(column, o.period.ordinal)
      column += 1
      text(o.kpi)
      insert.bind(column, o.value)
      column += 1
    }
    try insert.step(db)
  }
}
