import GRDB
import Scoring
import TextLayout

/// Each agreement's outcome value kept with the scores (SPEC section 7: the
/// partner's value of the KPI at the agreement's period), so that `roi`,
/// the Program return screen's first frame and `payouts` need the
/// agreements and these values only. Written whole by every rescore (an
/// agreements import rescores the last quarter for them).
struct KeptPayoutSetup: Sendable {
  let agreements: [Agreement]
  /// Per partner (store order): (agreement index, KPI index, period index) of its agreements.
  let byPartner: [Int: [(agreement: Int, kpi: Int, period: Int)]]

  init(agreements: [Agreement], partners: [Partner], periods: [Period], program: Program) {
    self.agreements = agreements
    var index: [String: Int] = [:]
    for (i, p) in partners.enumerated() { index[p.id] = i }
    let origin = periods.first?.ordinal ?? 0
    var byPartner: [Int: [(agreement: Int, kpi: Int, period: Int)]] = [:]
    for (i, a) in agreements.enumerated() {
      let t = a.period.ordinal - origin
      guard let p = index[a.partnerID], let k = program.kpiIndex(a.kpi), periods.indices.contains(t) else {
        continue  // no value: as the whole scorebook's outcomeValue
      }
      byPartner[p, default: []].append((i, k, t))
    }
    self.byPartner = byPartner
  }
}

extension KeptScores {
  /// Migration v13 (engine 11).
  static func addPayouts(_ db: Database) throws {
    try db.execute(sql: "CREATE TABLE kept_payouts (agreement_id TEXT PRIMARY KEY, value REAL) WITHOUT ROWID")
  }

  static func writePayouts(_ db: Database, _ setup: KeptPayoutSetup, values: [Double]) throws {
    try db.execute(sql: "DELETE FROM kept_payouts")
    let insert = try BatchedInsert(
      db, into: "INSERT INTO kept_payouts (agreement_id, value)", values: "(?, ?)", columnsPerRow: 2)
    try insert.write(count: setup.agreements.count, db) { insert, c, r in
      insert.bind(c, setup.agreements[r].id)
      insert.bind(c + 1, values[r].isNaN ? nil : values[r])
    }
  }
}

extension PartnerStore {
  /// The program, the partners and the quarters, without an observation:
  /// what a payouts report names (the payouts come from the kept values;
  /// finance's copy of a team store holds no observation at all).
  public func namingBook(_ view: KeptView) throws -> Scorebook {
    var data = Dataset(program: view.program, partners: try allPartners(), observations: [])
    if let first = view.periods.first, let last = view.periods.last { data.periodRange = first...last }
    data.closedThrough = view.closedThrough
    data.coverage = view.coverage
    return Scorebook(data, parallel: false)
  }

  /// Every agreement's payout from the kept values, in id order (as the
  /// whole scorebook's `payouts()`); nil when the store keeps no scores of
  /// this engine.
  public func keptPayouts() throws -> (payouts: [PayoutResult], view: KeptView)? {
    try located {
      try queue.read { db in
        guard let view = try keptView(db) else { return nil }
        let agreements = try agreements(db)
        var values: [String: Double?] = [:]
        let check = KeptCheck(path, "kept_payouts")
        for row in try Row.fetchAll(db, sql: "SELECT agreement_id, value FROM kept_payouts") {
          let id: String = row[0]
          var c = check
          c.row = "kept_payouts, \(Sanitizer.quoted(id, limit: 24))"
          values[id] =
            row[1] == nil
            ? .some(nil)
            : try c.real(
              row[1], "value", in: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude)
        }
        guard values.count == agreements.count else {
          throw StoreError.keptDamaged(
            path, "kept_payouts: \(values.count) values kept for \(agreements.count) agreements")
        }
        let payouts = try agreements.map { a -> PayoutResult in
          guard let v = values[a.id] else {
            throw StoreError.keptDamaged(
              path, "kept_payouts: no value kept for agreement \(Sanitizer.quoted(a.id, limit: 24))")
          }
          return PayoutResult.of(
            a, value: v, schedule: view.program.payout, latest: view.periods.last,
            closedThrough: view.closedThrough)
        }
        return (payouts, view)
      }
    }
  }
}
