import GRDB

/// Inserts rows many to a statement (`INSERT ... VALUES (...), (...), ...`):
/// SQLite runs one statement per batch instead of one per row, about a
/// third faster at a million rows. The remainder goes one row at a time.
struct BatchedInsert {
  let rowsPerStatement: Int
  let columnsPerRow: Int32
  private let full: BulkInsert
  private let single: BulkInsert

  /// `values`: one row's placeholders and constants, e.g. `(?, ?, 7)` with
  /// `columnsPerRow` question marks.
  init(_ db: Database, into head: String, values: String, columnsPerRow: Int, rowsPerStatement: Int = 64)
    throws
  {
    self.rowsPerStatement = rowsPerStatement
    self.columnsPerRow = Int32(columnsPerRow)
    full = try BulkInsert(
      db, sql: head + " VALUES " + Array(repeating: values, count: rowsPerStatement).joined(separator: ", "))
    single = try BulkInsert(db, sql: head + " VALUES " + values)
  }

  /// Writes rows `0..<count`: `bind(insert, first, row)` binds row `row`'s
  /// values from parameter `first` on. `statement(rows)` runs before the
  /// rows of each statement are bound (to stage what they point to).
  func write(
    count: Int, _ db: Database, statement: (Range<Int>) -> Void = { _ in },
    bind: (BulkInsert, Int32, Int) -> Void
  ) throws {
    var start = 0
    while start < count {
      let n = count - start >= rowsPerStatement ? rowsPerStatement : 1
      let insert = n == rowsPerStatement ? full : single
      statement(start..<start + n)
      for r in 0..<n { bind(insert, Int32(r) * columnsPerRow + 1, start + r) }
      try insert.step(db)
      start += n
    }
  }
}

/// One row's values in a batched statement: column `k` (from 1) of the row
/// is parameter `first + k - 1`.
struct RowBinder {
  let insert: BulkInsert
  let first: Int32

  func bind(_ k: Int32, _ v: String) { insert.bind(first + k - 1, v) }
  func bind(_ k: Int32, _ v: String?) { insert.bind(first + k - 1, v) }
  func bind(_ k: Int32, _ v: Double) { insert.bind(first + k - 1, v) }
  func bind(_ k: Int32, _ v: Double?) { insert.bind(first + k - 1, v) }
  func bind(_ k: Int32, _ v: Int) { insert.bind(first + k - 1, v) }
  func bind(_ k: Int32, _ v: Int?) { insert.bind(first + k - 1, v) }
}
