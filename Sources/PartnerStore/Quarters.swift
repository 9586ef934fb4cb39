import Foundation
import GRDB
import Platform
import ProgramFiles
import Scoring

/// Open and closed quarters (SPEC section 3): the store keeps the latest
/// closed quarter; `close P` closes P and every quarter before it, `reopen P`
/// reopens P and every later one. Both are written to the import log with
/// who and when. Imports, adjustments, program changes and undos that would
/// change a closed quarter are refused unless they reopen it.
enum Quarters {
  /// Migration v9 (engine 8): the latest closed quarter, and how many
  /// partners reported at each quarter (kept with the counts of evaluated).
  static func migrate(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE quarter_state (id INTEGER PRIMARY KEY CHECK (id = 1), closed_through INTEGER);
        ALTER TABLE period_counts ADD COLUMN reported INTEGER NOT NULL DEFAULT 0;
        """)
  }

  /// The latest closed quarter; nil: every quarter is open.
  static func closedThrough(_ db: Database, path: String) throws -> Period? {
    guard
      let value = try DatabaseValue.fetchOne(
        db, sql: "SELECT closed_through FROM quarter_state WHERE id = 1"),
      !value.isNull
    else { return nil }
    return Period(
      ordinal: try KeptCheck(path, "quarter_state").int(value, "closed_through", in: Period.ordinals))
  }

  static func setClosedThrough(_ db: Database, _ period: Period?) throws {
    try db.execute(
      sql: "INSERT OR REPLACE INTO quarter_state (id, closed_through) VALUES (1, ?)",
      arguments: [period?.ordinal])
  }

  /// Who is changing the store, for the log: the login name.
  static var who: String {
    if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
    return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
  }

  /// The import log's words for a close or reopen (undo-import refuses them).
  static let closeCommand = "close"
  static let reopenCommand = "reopen"
}

extension PartnerStore {
  /// What `close` and `reopen` did.
  public struct QuarterChange: Sendable {
    /// The latest closed quarter before and after (nil: none closed).
    public let before: Period?
    public let after: Period?
    /// The import log's id of the change; nil when nothing changed.
    public let logID: Int64?
  }

  /// The latest closed quarter; nil: every quarter is open.
  public func closedThrough() throws -> Period? {
    try located { try queue.read { db in try Quarters.closedThrough(db, path: path) } }
  }

  /// Closes `period` and every quarter before it.
  public func closeQuarters(through period: Period) throws -> QuarterChange {
    try changeQuarters(to: period, command: "\(Quarters.closeCommand) \(period)") { before, range in
      guard let range, period <= range.upperBound else {
        throw StoreError.refused(
          "\(period) has no data yet"
            + (range.map { ": the store's quarters run from \($0.lowerBound) to \($0.upperBound)" } ?? ""))
      }
      return before.map { $0 >= period } ?? false
    }
  }

  /// Reopens `period` and every quarter after it.
  public func reopenQuarters(from period: Period) throws -> QuarterChange {
    try changeQuarters(
      to: Period(ordinal: period.ordinal - 1), command: "\(Quarters.reopenCommand) \(period)"
    ) {
      before, _ in
      before.map { $0 < period } ?? true
    }
  }

  /// Sets the latest closed quarter to `target` unless `unchanged` says
  /// there is nothing to do; logs it.
  private func changeQuarters(
    to target: Period, command: String, unchanged: (Period?, ClosedRange<Period>?) throws -> Bool
  ) throws -> QuarterChange {
    guard !readOnly else { throw StoreError.database(path, DatabaseError(resultCode: .SQLITE_READONLY)) }
    return try located {
      try queue.write { db in
        let before = try Quarters.closedThrough(db, path: path)
        let range = try (KeptScores.knownObservedPeriods(db) ?? KeptScores.observedPeriods(db)).map {
          Period(ordinal: $0.lowerBound)...Period(ordinal: $0.upperBound)
        }
        if try unchanged(before, range) { return QuarterChange(before: before, after: before, logID: nil) }
        let after = range.map { target >= $0.lowerBound ? target : nil } ?? target
        try Quarters.setClosedThrough(db, after)
        try db.execute(
          sql: "INSERT INTO imports (at, command, files, summary) VALUES (?, ?, '[]', '[]')",
          arguments: [
            ISO8601DateFormatter().string(from: Date()), command + " (by \(author ?? Quarters.who))",
          ])
        return QuarterChange(before: before, after: after, logID: db.lastInsertedRowID)
      }
    }
  }

  /// The rows of import `id` (observations and adjustments) in a closed
  /// quarter: the earliest such quarter, or nil.
  static func closedRowsWritten(_ db: Database, path: String, importID id: Int64, undo: Bool = false) throws
    -> Period?
  {
    guard let closed = try Quarters.closedThrough(db, path: path) else { return nil }
    var earliest: Int? = nil
    for table in ["observations", "adjustments"] {
      for t in undo ? [table, table + "_undo"] : [table] {
        let column = t.hasSuffix("_undo") ? "undo_import_id" : "import_id"
        if let p = try Int.fetchOne(
          db, sql: "SELECT MIN(period) FROM \(t) WHERE \(column) = ? AND period <= ?",
          arguments: [id, closed.ordinal])
        {
          earliest = min(earliest ?? p, p)
        }
      }
    }
    return earliest.map(Period.init(ordinal:))
  }

  /// Every quarter's coverage from the kept counts, with the closed state;
  /// empty when there are no kept scores.
  static func coverage(_ db: Database, path: String, periods: [Period]) throws -> [QuarterCoverage] {
    guard let first = periods.first else { return [] }
    var reported = [Int](repeating: 0, count: periods.count)
    var evaluated = [Int](repeating: 0, count: periods.count)
    for row in try Row.fetchAll(
      db, sql: "SELECT period, evaluated, reported FROM period_counts WHERE segment = '' ORDER BY period")
    {
      let check = KeptCheck(path, "period_counts")
      let t = try check.int(row[0], "period", in: first.ordinal...periods.last!.ordinal) - first.ordinal
      evaluated[t] = try check.int(row[1], "evaluated", in: 0...Int(Int32.max))
      reported[t] = try check.int(row[2], "reported", in: 0...Int(Int32.max))
    }
    let closed = try Quarters.closedThrough(db, path: path)
    return periods.indices.map {
      QuarterCoverage.of(
        $0, periods: periods, reported: { reported[$0] }, evaluated: { evaluated[$0] }, closedThrough: closed)
    }
  }
}
