import Foundation
import GRDB
import Scoring

/// The pilot reviews kept with the scores (SPEC section 13): per cohort and
/// period from its start, what `PilotReview` needs (`PilotFacts` as JSON in
/// `kept_pilot`), gathered by the rescore's slices in partner order, so that
/// `pilot` and the Pilot screen's first frame read one row.
struct KeptPilotSetup: Sendable {
  /// Cohort ids, sorted, and the start of each.
  let cohorts: [String]
  let starts: [Period]
  let passes: [PilotPass]
  /// Per partner (store order) and cohort: 0 member, 1 in no cohort, nil otherwise.
  let groups: [[Int?]]
  /// Members of each cohort among the partners.
  let members: [Int]

  init(cohorts list: [CohortMember], partners: [Partner], periods: [Period], program: Program) {
    let ids = Array(Set(list.map(\.cohort))).sorted()
    cohorts = ids
    starts = ids.map { id in list.first { $0.cohort == id }!.start }
    passes = starts.map { PilotPass(start: $0, periods: periods, program: program, last: periods.count - 1) }
    var memberOf: [String: Set<Int>] = [:]
    for m in list { memberOf[m.partnerID, default: []].insert(ids.firstIndex(of: m.cohort)!) }
    let groups = partners.map { p in
      let mine = memberOf[p.id]
      return ids.indices.map { c in mine == nil ? 1 : mine!.contains(c) ? 0 : nil }
    }
    self.groups = groups
    members = ids.indices.map { c in groups.reduce(0) { $0 + ($1[c] == 0 ? 1 : 0) } }
  }
}

extension KeptScores {
  /// Migration v12 (engine 10).
  static func addPilot(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE kept_pilot (
          cohort TEXT NOT NULL, period INTEGER NOT NULL, facts TEXT NOT NULL, PRIMARY KEY (cohort, period)
        ) WITHOUT ROWID
        """)
  }

  /// Replaces every cohort's kept reviews.
  static func writePilot(
    _ db: Database, _ setup: KeptPilotSetup, _ acc: [[[[PilotAccumulator]]]], partners: Int, first: Int
  ) throws {
    try db.execute(sql: "DELETE FROM kept_pilot")
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    for (c, cohort) in setup.cohorts.enumerated() {
      let pass = setup.passes[c]
      for (i, groups) in acc[c].enumerated() {
        let facts = PilotFacts(members: setup.members[c], partners: partners, groups: groups)
        try db.execute(
          sql: "INSERT INTO kept_pilot VALUES (?, ?, ?)",
          arguments: [
            cohort, first + pass.first + i, String(decoding: try encoder.encode(facts), as: UTF8.self),
          ])
      }
    }
  }
}

extension PartnerStore {
  /// The pilot cohorts' ids, sorted.
  public func cohortIDs() throws -> [String] {
    try located {
      try queue.read { db in
        try String.fetchAll(db, sql: "SELECT DISTINCT cohort FROM cohorts ORDER BY cohort")
      }
    }
  }

  /// The kept review of `cohort` at the period `choose` picks; nil when the
  /// store keeps no scores of this engine. Throws the review's problem (an
  /// unknown cohort, a period before the start) as the whole scorebook does,
  /// and `keptDamaged` for a row that cannot be right.
  public func keptPilot(cohort: String, choose: ([Period]) throws -> Int) throws -> Result<
    PilotReview, PilotReview.Problem
  >? {
    try located {
      try queue.read { db in
        guard let view = try keptView(db) else { return nil }
        let P = try choose(view.periods)
        let cohorts = try String.fetchAll(db, sql: "SELECT DISTINCT cohort FROM cohorts ORDER BY cohort")
        guard cohorts.contains(cohort),
          let start = try Int.fetchOne(
            db, sql: "SELECT start FROM cohorts WHERE cohort = ? LIMIT 1", arguments: [cohort])
        else { return .failure(.unknownCohort(known: cohorts)) }
        let startPeriod = Period(ordinal: start)
        guard view.periods[P] >= startPeriod else { return .failure(.beforeStart(startPeriod)) }
        let where_ = "kept_pilot, \(cohort) at \(view.periods[P])"
        guard
          let text = try String.fetchOne(
            db, sql: "SELECT facts FROM kept_pilot WHERE cohort = ? AND period = ?",
            arguments: [cohort, view.periods[P].ordinal])
        else { throw StoreError.keptDamaged(path, "\(where_): no row") }
        guard let facts = try? JSONDecoder().decode(PilotFacts.self, from: Data(text.utf8)),
          facts.fits(view.program)
        else { throw StoreError.keptDamaged(path, "\(where_): facts are not a pilot review's numbers") }
        return .success(
          PilotReview(
            cohort: cohort, start: startPeriod, periods: view.periods, period: P, program: view.program,
            facts: facts))
      }
    }
  }
}
