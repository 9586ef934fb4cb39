import GRDB
import GRDBSQLite
import Scoring

/// Writes observations through `BatchedInsert`, their ids bound from one
/// reused byte arena without a copy per value: the bulk path of a big `init`.
struct ObservationBatches {
  private let insert: BatchedInsert
  private var arena: UnsafeMutableRawBufferPointer

  init(_ db: Database, importID: Int64) throws {
    insert = try BatchedInsert(
      db, into: "INSERT INTO observations (partner_id, period, kpi, value, import_id)",
      values: "(?, ?, ?, ?, \(importID))", columnsPerRow: 4)
    arena = .allocate(byteCount: 4096, alignment: 8)
  }

  /// Frees the arena (the statements are GRDB's).
  func close() { arena.deallocate() }

  mutating func write(_ rows: [Observation], _ db: Database) throws {
    var offset = 0
    try insert.write(
      count: rows.count, db,
      statement: { range in
        // The statement's texts fit in the arena before any is bound.
        var size = 0
        for o in rows[range] { size += o.partnerID.utf8.count + o.kpi.utf8.count }
        if size > arena.count {
          arena.deallocate()
          arena = .allocate(byteCount: max(size, arena.count * 2), alignment: 8)
        }
        offset = 0
      },
      bind: { statement, first, r in
        let o = rows[r]
        let base = arena.baseAddress!
        func text(_ i: Int32, _ s: String) {
          var s = s
          let n = s.withUTF8 { utf8 in
            if let b = utf8.baseAddress { (base + offset).copyMemory(from: b, byteCount: utf8.count) }
            return utf8.count
          }
          statement.bindStatic(i, base + offset, n)
          offset += n
        }
        text(first, o.partnerID)
        statement.bind(first + 1, o.period.ordinal)
        text(first + 2, o.kpi)
        statement.bind(first + 3, o.value)
      })
  }
}
