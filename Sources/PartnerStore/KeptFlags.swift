import GRDB
import Scoring

/// The flags' record kept with the scores (SPEC section 16): per period t
/// of the store, how many partners each flag named and how many of those
/// came true at t+1, and how many such moves happened. `flags` and the
/// overview's "right N of M times" read these few rows instead of scoring
/// every partner.
extension KeptScores {
  /// Migration v11 (engine 9).
  static func addFlags(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE kept_flags (
          period INTEGER PRIMARY KEY,
          at_risk_flagged INTEGER NOT NULL, at_risk_came_true INTEGER NOT NULL, at_risk_events INTEGER NOT NULL,
          rising_flagged INTEGER NOT NULL, rising_came_true INTEGER NOT NULL, rising_events INTEGER NOT NULL
        )
        """)
  }

  /// Replaces every period's counts (`steps[t]` is the store's period `first + t`).
  static func writeFlagSteps(_ db: Database, _ steps: [FlagCalibration.Step], first: Int) throws {
    try db.execute(sql: "DELETE FROM kept_flags")
    for (t, s) in steps.enumerated() {
      try db.execute(
        sql: "INSERT INTO kept_flags VALUES (?, ?, ?, ?, ?, ?, ?)",
        arguments: [
          first + t, s.atRisk.flagged, s.atRisk.cameTrue, s.atRisk.events, s.rising.flagged,
          s.rising.cameTrue,
          s.rising.events,
        ])
    }
  }
}

extension PartnerStore {
  /// The kept flag calibration at the period `choose` picks of the store's
  /// periods; nil when the store keeps no scores of this engine. Throws
  /// `keptDamaged` when the rows do not cover the periods before it.
  public func keptFlags(choose: ([Period]) throws -> Int) throws -> (
    calibration: FlagCalibration, periods: [Period]
  )? {
    try located {
      try queue.read { db in
        guard let view = try keptView(db) else { return nil }
        let P = try choose(view.periods)
        let first = view.periods[0].ordinal
        let rows = try Row.fetchAll(
          db, sql: "SELECT * FROM kept_flags WHERE period < ? ORDER BY period", arguments: [first + P])
        var steps: [FlagCalibration.Step] = []
        let names = [
          "at_risk_flagged", "at_risk_came_true", "at_risk_events", "rising_flagged", "rising_came_true",
          "rising_events",
        ]
        for (t, r) in rows.enumerated() {
          let check = KeptCheck(path, "kept_flags, \(view.periods[t])")
          _ = try check.int(r[0], "period", in: (first + t)...(first + t))
          let n = Int(Int32.max)
          let c = try (1...6).map { try check.int(r[$0], names[$0 - 1], in: 0...n) }
          _ = try check.int(r[2], names[1], in: 0...c[0])
          _ = try check.int(r[5], names[4], in: 0...c[3])
          steps.append(
            .init(
              atRisk: .init(flagged: c[0], cameTrue: c[1], events: c[2]),
              rising: .init(flagged: c[3], cameTrue: c[4], events: c[5])))
        }
        guard steps.count == P else {
          throw StoreError.keptDamaged(
            path, "kept_flags: \(steps.count) periods kept before \(view.periods[P]), expected \(P)")
        }
        return (FlagCalibration(period: P, steps: steps), view.periods)
      }
    }
  }
}
