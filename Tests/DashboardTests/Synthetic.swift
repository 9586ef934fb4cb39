import Dashboard
import Scoring

/// A synthetic program: one KPI, scores = value, so tests can place partners.
enum Synthetic {
  static let program = Program(
    name: "Synthetic", currency: "EUR", window: 1, gracePeriods: 1,
    segments: [Segment(id: "a", name: "A"), Segment(id: "b", name: "B")],
    kpis: [
      KPI(
        id: "v", name: "Value", category: .performance, indicator: .lagging, unit: .score, aggregate: .last,
        basis: .absolute(target: 100, threshold: 0, targets: [:], thresholds: [:]), weight: 1)
    ],
    tiers: [
      Tier(id: "t0", name: "Bronze", minScore: 0), Tier(id: "t1", name: "Silver", minScore: 50),
      Tier(id: "t2", name: "Gold", minScore: 80),
    ],
    payout: PayoutSchedule(points: [.init(r: 0, share: 0), .init(r: 1, share: 1)]))

  /// `scores[p][t]` (nil = no observation), partner names "P<i>".
  static func book(
    _ scores: [[Double?]], regions: [String]? = nil, managers: [String?]? = nil, program: Program = program
  ) -> Scorebook {
    var partners: [Partner] = []
    var observations: [Observation] = []
    for (i, row) in scores.enumerated() {
      let id = "p\(i)"
      partners.append(
        Partner(
          id: id, name: "P\(i)", segment: i % 2 == 0 ? "a" : "b",
          region: regions?[i] ?? (i % 3 == 0 ? "EU" : "NA"), manager: managers?[i] ?? nil))
      for (t, v) in row.enumerated() {
        if let v {
          observations.append(
            Observation(partnerID: id, period: Period(year: 2026, quarter: t + 1), kpi: "v", value: v))
        }
      }
    }
    return Scorebook(Dataset(program: program, partners: partners, observations: observations))
  }
}

/// `e` then Enter: the export the view suggests, as (name, contents); nil
/// when no file would be written.
func exportByKeys(_ s: inout DashboardState) -> (name: String, contents: String)? {
  let effects = Update.apply(.key(.char("e")), to: &s) + Update.apply(.key(.enter), to: &s)
  guard case .export(let name, let contents)? = effects.first else { return nil }
  return (name, contents)
}
