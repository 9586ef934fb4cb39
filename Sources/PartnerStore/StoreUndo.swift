import Foundation
import GRDB
import Scoring

extension PartnerStore {
  /// Puts back exactly what import `id` replaced, and removes what it added.
  /// Refused when a later import changed rows this one wrote (undo that one
  /// first), or when the result would leave rows pointing at nothing.
  @discardableResult
  public func undo(importID id: Int64, reopen: Bool = false) throws -> ImportRecord {
    try located { try undoInTransaction(id, reopen: reopen) }
  }

  func undoInTransaction(_ id: Int64, reopen: Bool = false) throws -> ImportRecord {
    try queue.write { db in
      guard let row = try Row.fetchOne(db, sql: "SELECT * FROM imports WHERE id = ?", arguments: [id])
      else {
        throw StoreError.undo("no import \(id): `partnerboard imports` lists them")
      }
      if let at: String = row["undone_at"] {
        throw StoreError.undo("import \(id) was already undone at \(at)")
      }
      let command: String = row["command"]
      for word in [Quarters.closeCommand, Quarters.reopenCommand] where command.hasPrefix(word + " ") {
        throw StoreError.undo(
          "entry \(id) is a \(word) of quarters, not an import: use `partnerboard \(word == Quarters.closeCommand ? Quarters.reopenCommand : Quarters.closeCommand) QUARTER` instead"
        )
      }
      // Undoing rows of a closed quarter changes it: only with --reopen.
      var changesClosed = try Self.closedRowsWritten(db, path: path, importID: id, undo: true)
      if let closed = try Quarters.closedThrough(db, path: path),
        try Int.fetchOne(
          db,
          sql:
            "SELECT (SELECT COUNT(*) FROM program WHERE import_id = ?) + (SELECT COUNT(*) FROM program_undo WHERE undo_import_id = ?)",
          arguments: [id, id]) ?? 0 > 0,
        let range = try KeptScores.observedPeriods(db), range.lowerBound <= closed.ordinal
      {
        changesClosed = Period(ordinal: range.lowerBound)  // another program rescores every quarter
      }
      if let first = changesClosed {
        guard reopen else {
          throw StoreError.undo(
            "undoing import \(id) changes \(first), a closed quarter: nothing was changed. Add --reopen to reopen \(first) and the quarters after it"
          )
        }
        try Quarters.setClosedThrough(db, Period(ordinal: first.ordinal - 1))
      }
      var blockers = Set<Int64>()
      for table in StoreTable.all {
        let ids = try Int64.fetchAll(
          db,
          sql: """
            SELECT DISTINCT u.undo_import_id FROM \(table.name)_undo u
            JOIN imports i ON i.id = u.undo_import_id
            WHERE u.import_id = ? AND i.undone_at IS NULL AND u.undo_import_id > ?
            """, arguments: [id, id])
        blockers.formUnion(ids)
      }
      if !blockers.isEmpty {
        let list = blockers.sorted().map(String.init).joined(separator: ", ")
        throw StoreError.undo(
          "later import\(blockers.count > 1 ? "s" : "") \(list) replaced rows that import \(id) wrote: undo \(blockers.count > 1 ? "them" : "it") first"
        )
      }
      for table in StoreTable.all {
        let cols = table.columns.joined(separator: ", ")
        try db.execute(sql: "DELETE FROM \(table.name) WHERE import_id = ?", arguments: [id])
        try db.execute(
          sql:
            "INSERT INTO \(table.name) (\(cols), import_id) SELECT \(cols), import_id FROM \(table.name)_undo WHERE undo_import_id = ?",
          arguments: [id])
        try db.execute(sql: "DELETE FROM \(table.name)_undo WHERE undo_import_id = ?", arguments: [id])
      }
      try checkIntegrity(db, undoing: id)
      try KeptScores.rescore(db, store: self)
      let at = ISO8601DateFormatter().string(from: Date())
      try db.execute(sql: "UPDATE imports SET undone_at = ? WHERE id = ?", arguments: [at, id])
      var record = Self.record(row)
      record.undoneAt = at
      return record
    }
  }

  /// Rows that would point at a partner (or the program) that is gone.
  private func checkIntegrity(_ db: Database, undoing id: Int64) throws {
    let orphans: [(String, String)] = [
      (
        "observations",
        "SELECT COUNT(*) FROM observations o WHERE NOT EXISTS (SELECT 1 FROM partners p WHERE p.id = o.partner_id)"
      ),
      (
        "adjustments",
        "SELECT COUNT(*) FROM adjustments o WHERE NOT EXISTS (SELECT 1 FROM partners p WHERE p.id = o.partner_id)"
      ),
      (
        "agreements",
        "SELECT COUNT(*) FROM agreements o WHERE NOT EXISTS (SELECT 1 FROM partners p WHERE p.id = o.partner_id)"
      ),
      (
        "cohorts",
        "SELECT COUNT(*) FROM cohorts o WHERE NOT EXISTS (SELECT 1 FROM partners p WHERE p.id = o.partner_id)"
      ),
    ]
    for (table, sql) in orphans {
      let n = try Int.fetchOne(db, sql: sql) ?? 0
      if n > 0 {
        throw StoreError.undo(
          "undoing import \(id) would leave \(n) \(table) row\(n == 1 ? "" : "s") of partners that later imports rely on: undo those imports first"
        )
      }
    }
    let hasProgram = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM program") ?? 0
    let hasData =
      try Int.fetchOne(
        db, sql: "SELECT (SELECT COUNT(*) FROM partners) + (SELECT COUNT(*) FROM observations)") ?? 0
    if hasProgram == 0 && hasData > 0 {
      throw StoreError.undo(
        "undoing import \(id) would leave data without a program: undo the later imports first")
    }
  }
}
