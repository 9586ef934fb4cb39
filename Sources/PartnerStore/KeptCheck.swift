import Foundation
import GRDB
import GRDBSQLite
import Scoring

/// Every value read back from the kept scores is checked before it is used
/// (issue 20): its type, its range, a tier the program has, a rank within
/// 1...n. Any SQLite client can write those tables, and a value that cannot
/// be right would otherwise be shown as it is, or trap. A bad value is one
/// `StoreError.keptDamaged` naming the table, the row and what was expected;
/// `partnerboard rescore` rebuilds the tables from the data.
struct KeptCheck {
  let path: String
  /// The table and row being read, for the message ("partner_scores, p004 at 2026Q4").
  var row: String

  init(_ path: String, _ row: String) {
    self.path = path
    self.row = row
  }

  func damaged(_ column: String, _ value: DatabaseValue, expected: String) -> StoreError {
    .keptDamaged(path, "\(row): \(column) is \(Self.shown(value)), expected \(expected)")
  }

  /// A stored value as a message shows it: short, whatever it holds.
  static func shown(_ value: DatabaseValue) -> String {
    switch value.storage {
    case .null: return "empty"
    case .int64(let n): return String(n)
    case .double(let d): return "\(d)"
    case .string(let s): return "\"" + String(s.prefix(24)) + (s.count > 24 ? "…" : "") + "\""
    case .blob(let b): return "\(b.count) bytes of binary data"
    }
  }

  func int(_ value: DatabaseValue, _ column: String, in range: ClosedRange<Int>) throws -> Int {
    guard case .int64(let n) = value.storage, n >= range.lowerBound, n <= range.upperBound else {
      throw damaged(column, value, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
    }
    return Int(n)
  }

  func optionalInt(_ value: DatabaseValue, _ column: String, in range: ClosedRange<Int>) throws -> Int? {
    value.isNull ? nil : try int(value, column, in: range)
  }

  func real(_ value: DatabaseValue, _ column: String, in range: ClosedRange<Double>) throws -> Double {
    let d: Double
    switch value.storage {
    case .double(let x): d = x
    case .int64(let n): d = Double(n)
    default:
      throw damaged(column, value, expected: "a number from \(range.lowerBound) to \(range.upperBound)")
    }
    guard d.isFinite, range.contains(d) else {
      throw damaged(column, value, expected: "a number from \(range.lowerBound) to \(range.upperBound)")
    }
    return d
  }

  func optionalReal(_ value: DatabaseValue, _ column: String, in range: ClosedRange<Double>) throws -> Double?
  {
    value.isNull ? nil : try real(value, column, in: range)
  }

  func flag(_ value: DatabaseValue, _ column: String) throws -> Bool {
    try int(value, column, in: 0...1) == 1
  }

  func text(_ value: DatabaseValue, _ column: String) throws -> String {
    guard case .string(let s) = value.storage else { throw damaged(column, value, expected: "text") }
    return s
  }

  /// A tier id of `program`; its index.
  func tier(_ value: DatabaseValue, _ column: String, of program: Program) throws -> Int {
    guard case .string(let s) = value.storage, let i = program.tiers.firstIndex(where: { $0.id == s }) else {
      throw damaged(
        column, value, expected: "a tier of the program (\(program.tiers.map(\.id).joined(separator: ", ")))")
    }
    return i
  }

  /// A score: 0...100 (the spec's section 4).
  func score(_ value: DatabaseValue, _ column: String = "score") throws -> Double {
    try real(value, column, in: 0...100)
  }
}

extension RawRows {
  /// The column as GRDB's `DatabaseValue`, for `KeptCheck`.
  func value(_ i: Int32) -> DatabaseValue {
    switch sqlite3_column_type(handle, i) {
    case SQLITE_INTEGER: return sqlite3_column_int64(handle, i).databaseValue
    case SQLITE_FLOAT: return sqlite3_column_double(handle, i).databaseValue
    case SQLITE_TEXT: return text(i).databaseValue
    case SQLITE_NULL: return .null
    default: return Data(raw(i)).databaseValue
    }
  }
}
