import Foundation
import GRDB
import Testing

@testable import PartnerStore

/// A copy's rows go in a batch at a time (`StoreMirror.Insert`): every row
/// arrives as given, whatever the count (none, one, a batch and one more),
/// with NULLs, empty and long texts (beyond the staging arena's first size),
/// blobs and both kinds of numbers; the patch's inserts (one at a time)
/// replace a row of the same key in order.
@Suite struct MirrorInsertTests {
  typealias Row = [DatabaseValue]

  func rows(_ n: Int) -> [Row] {
    (0..<n).map { i in
      let text: DatabaseValue =
        switch i % 5 {
        case 0: .null
        case 1: "".databaseValue
        case 2: String(repeating: "ü", count: 40_000 + i).databaseValue
        default: "r\(i) \u{1B}[2J 🚀".databaseValue
        }
      let number: DatabaseValue = i % 7 == 0 ? .null : Int64(i - 50).databaseValue
      let real: DatabaseValue = i % 3 == 0 ? (-0.5 * Double(i)).databaseValue : Double.pi.databaseValue
      let blob: DatabaseValue = i % 4 == 0 ? Data([0, 1, 2, UInt8(i % 256)]).databaseValue : .null
      return [Int64(i).databaseValue, text, number, real, blob]
    }
  }

  @Test(arguments: [0, 1, 63, 64, 65, 129, 200])
  func aBatchAtATimeKeepsEveryRow(count: Int) throws {
    let queue = try DatabaseQueue()
    let expected = rows(count)
    try queue.write { db in
      try db.execute(sql: "CREATE TABLE t (k INTEGER PRIMARY KEY, a TEXT, b INTEGER, c REAL, d BLOB)")
      let insert = try StoreMirror.Insert(db, sql: "INSERT INTO t (k, a, b, c, d)", columns: 5, batched: true)
      #expect(insert.batch > 1)
      for row in expected {
        for (i, value) in row.enumerated() {
          switch value.storage {
          case .null: insert.null(i)
          case .int64(let v): insert.int64(i, v)
          case .double(let v): insert.double(i, v)
          case .string(let s):
            var s = s
            s.withUTF8 { insert.text(i, UnsafeRawBufferPointer($0)) }
          case .blob(let d): d.withUnsafeBytes { insert.blob(i, $0) }
          }
        }
        try insert.step()
      }
      try insert.finish()
    }
    let stored = try queue.read { db in
      try GRDB.Row.fetchAll(db, sql: "SELECT k, a, b, c, d FROM t ORDER BY k").map { r in
        (0..<5).map { r[$0] as DatabaseValue }
      }
    }
    let counted = stored.count
    #expect(counted == count)
    let first = stored.indices.first { $0 < expected.count && stored[$0] != expected[$0] }
    #expect(first == nil, "row \(first ?? -1) differs")
  }

  /// A patch's `INSERT OR REPLACE`: a later row of the same key replaces an
  /// earlier one, within a batch and across batches, as row by row.
  @Test(arguments: [true, false]) func laterRowsOfAKeyReplaceEarlierOnes(batched: Bool) throws {
    let queue = try DatabaseQueue()
    try queue.write { db in
      try db.execute(sql: "CREATE TABLE t (k INTEGER PRIMARY KEY, a TEXT)")
      let insert = try StoreMirror.Insert(
        db, sql: "INSERT OR REPLACE INTO t (k, a)", columns: 2, batched: batched)
      // Key k % 50, 130 rows: each key written two or three times, across batches.
      for i in 0..<130 {
        insert.int64(0, Int64(i % 50))
        var a = "v\(i)"
        a.withUTF8 { insert.text(1, UnsafeRawBufferPointer($0)) }
        try insert.step()
      }
      try insert.finish()
      let stored = try String.fetchAll(db, sql: "SELECT a FROM t ORDER BY k")
      #expect(stored == (0..<50).map { k in "v\(k + (k < 30 ? 100 : 50))" })
    }
  }
}
