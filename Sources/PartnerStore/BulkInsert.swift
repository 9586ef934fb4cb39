import Foundation
import GRDB
import GRDBSQLite

/// Inserts many rows through one prepared statement, binding values on the
/// raw SQLite handle (GRDB's per-row `execute(arguments:)` is ~50 % slower
/// at a million rows).
struct BulkInsert {
  private let statement: Statement
  let handle: OpaquePointer
  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

  init(_ db: Database, sql: String) throws {
    statement = try db.makeStatement(sql: sql)
    handle = statement.sqliteStatement
  }

  func bind(_ i: Int32, _ text: String) {
    var text = text
    text.withUTF8 { buf in
      _ = sqlite3_bind_text(
        handle, i, UnsafeRawPointer(buf.baseAddress!).assumingMemoryBound(to: CChar.self),
        Int32(buf.count), Self.transient)
    }
  }

  /// Text that stays where it is until the statement has run.
  func bindStatic(_ i: Int32, _ bytes: UnsafeRawPointer, _ count: Int) {
    _ = sqlite3_bind_text(
      handle, i, bytes.assumingMemoryBound(to: CChar.self), Int32(count),
      unsafeBitCast(0, to: sqlite3_destructor_type.self))
  }

  func bind(_ i: Int32, _ text: String?) {
    if let text { bind(i, text) } else { sqlite3_bind_null(handle, i) }
  }

  func bind(_ i: Int32, _ value: Double) { sqlite3_bind_double(handle, i, value) }
  func bind(_ i: Int32, _ value: Int) { sqlite3_bind_int64(handle, i, Int64(value)) }
  func bind(_ i: Int32, _ value: Double?) {
    if let value { bind(i, value) } else { sqlite3_bind_null(handle, i) }
  }
  func bind(_ i: Int32, _ value: Int?) {
    if let value { bind(i, value) } else { sqlite3_bind_null(handle, i) }
  }

  /// Runs the statement with the values bound, then resets it.
  func step(_ db: Database) throws {
    let rc = sqlite3_step(handle)
    sqlite3_reset(handle)
    guard rc == SQLITE_DONE else {
      throw DatabaseError(
        resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }
  }
}

/// Reads rows through the raw handle, for the million-row observations table.
struct RawRows {
  let handle: OpaquePointer

  func text(_ i: Int32) -> String {
    guard let p = sqlite3_column_text(handle, i) else { return "" }
    return String(cString: p)
  }
  func optionalText(_ i: Int32) -> String? {
    sqlite3_column_type(handle, i) == SQLITE_NULL ? nil : text(i)
  }
  func double(_ i: Int32) -> Double { sqlite3_column_double(handle, i) }

  /// The column's bytes in place (valid until the next step).
  func raw(_ i: Int32) -> UnsafeBufferPointer<UInt8> {
    guard let p = sqlite3_column_text(handle, i) else { return UnsafeBufferPointer(start: nil, count: 0) }
    return UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, i)))
  }

  func int(_ i: Int32) -> Int { Int(sqlite3_column_int64(handle, i)) }
  func optionalInt(_ i: Int32) -> Int? { sqlite3_column_type(handle, i) == SQLITE_NULL ? nil : int(i) }

  static func each(
    _ db: Database, _ sql: String, arguments: [(any DatabaseValueConvertible)?] = [],
    _ body: (RawRows) throws -> Void
  ) throws {
    let statement = try db.makeStatement(sql: sql)
    if !arguments.isEmpty { try statement.setArguments(StatementArguments(arguments)) }
    // The statement is finalized when released: it must outlive every step
    // on its raw handle (Swift may release a local after its last use).
    try withExtendedLifetime(statement) {
      let rows = RawRows(handle: statement.sqliteStatement)
      defer { sqlite3_reset(rows.handle) }
      while true {
        let rc = sqlite3_step(rows.handle)
        if rc == SQLITE_DONE { break }
        guard rc == SQLITE_ROW else {
          throw DatabaseError(
            resultCode: ResultCode(rawValue: rc),
            message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        try body(rows)
      }
    }
  }
}
