import Scoring

/// SPEC section 9's worked example, built in code (the same data as
/// Tests/Fixtures/spec-example, which ProgramFilesTests loads from disk).
enum SpecExample {
  static let program = Program(
    name: "Worked example", currency: "USD", window: 2, gracePeriods: 1,
    segments: [Segment(id: "reseller", name: "Reseller"), Segment(id: "referral", name: "Referral")],
    kpis: [
      KPI(
        id: "rev", name: "Revenue", category: .performance, indicator: .lagging, unit: .currency,
        aggregate: .sum,
        basis: .absolute(target: 100, threshold: 0, targets: ["referral": 120], thresholds: [:]),
        weight: 2),
      KPI(
        id: "ttv", name: "Time to value", category: .customerSuccess, indicator: .leading,
        unit: .days, aggregate: .mean,
        basis: .absolute(target: 30, threshold: 90, targets: [:], thresholds: [:]), weight: 1),
      KPI(
        id: "nps", name: "NPS", category: .customerSuccess, indicator: .lagging, unit: .score,
        aggregate: .mean, basis: .improvement(targetImprovement: 0.5, direction: .higher),
        weight: 1, weights: ["referral": 0]),
    ],
    tiers: [
      Tier(id: "base", name: "Base", minScore: 0),
      Tier(
        id: "silver", name: "Silver", minScore: 50,
        requirements: [Requirement(kpi: "nps", value: 20)]),
      Tier(id: "gold", name: "Gold", minScore: 80),
      Tier(
        id: "platinum", name: "Platinum", minScore: 90,
        requirements: [Requirement(kpi: "ttv", value: 35)]),
    ],
    payout: PayoutSchedule(points: [
      .init(r: 0, share: 0), .init(r: 0.25, share: 0.10), .init(r: 1.0, share: 1.0),
      .init(r: 1.5, share: 1.25),
    ]))

  static func q(_ n: Int) -> Period { Period(year: 2026, quarter: n) }

  static let observations: [Observation] = {
    let rows: [(String, Int, String, Double)] = [
      ("A", 1, "rev", 30), ("A", 1, "ttv", 60), ("A", 1, "nps", 10),
      ("A", 2, "rev", 40), ("A", 2, "ttv", 45), ("A", 2, "nps", 20),
      ("A", 3, "rev", 50), ("A", 3, "ttv", 40), ("A", 3, "nps", 30),
      ("A", 4, "rev", 0), ("A", 4, "nps", 20),
      ("B", 2, "rev", 60), ("B", 2, "ttv", 50),
      ("B", 3, "rev", 45), ("B", 3, "ttv", 35),
      ("B", 4, "rev", 55), ("B", 4, "ttv", 30),
    ]
    return rows.map { Observation(partnerID: $0.0, period: q($0.1), kpi: $0.2, value: $0.3) }
  }()

  static let dataset = Dataset(
    program: program,
    partners: [
      Partner(id: "A", name: "Alpha", segment: "reseller", region: "EMEA"),
      Partner(id: "B", name: "Beta", segment: "referral", region: "NA"),
    ],
    observations: observations,
    agreements: [
      Agreement(
        id: "X1", partnerID: "A", kpi: "rev", baseline: 40, target: 120, period: q(3),
        maxPayout: 10000, attribution: 0.5),
      Agreement(
        id: "X2", partnerID: "B", kpi: "ttv", baseline: 50, target: 30, period: q(4),
        maxPayout: 8000, floorShare: 0.2),
      Agreement(
        id: "X3", partnerID: "A", kpi: "rev", baseline: 40, target: 120,
        period: Period(year: 2027, quarter: 1), maxPayout: 5000, floorShare: 0.1),
    ])
}
