import Scoring
import Testing

/// Engine behaviour beyond the worked example: partial windows, late
/// joiners, no-data partners, thresholds per segment, ties, adjustments.
@Suite struct ScorebookTests {
  static func kpi(
    _ id: String, _ aggregate: Aggregate, _ basis: Basis, weight: Double = 1, weights: [String: Double] = [:]
  ) -> KPI {
    KPI(
      id: id, name: id.uppercased(), category: .performance, indicator: .lagging, unit: .count,
      aggregate: aggregate, basis: basis, weight: weight, weights: weights)
  }

  static let program = Program(
    name: "T", currency: "EUR", window: 3, gracePeriods: 1,
    segments: [Segment(id: "small", name: "Small"), Segment(id: "big", name: "Big")],
    kpis: [
      kpi(
        "deals", .sum,
        .absolute(target: 30, threshold: 0, targets: ["big": 60], thresholds: ["big": 15])),
      kpi("staff", .last, .absolute(target: 10, threshold: 2, targets: [:], thresholds: [:])),
      kpi("churn", .mean, .improvement(targetImprovement: 0.2, direction: .lower), weights: ["small": 0]),
    ],
    tiers: [
      Tier(id: "t0", name: "T0", minScore: 0),
      Tier(id: "t1", name: "T1", minScore: 40, requirements: [Requirement(kpi: "churn", value: 5)]),
    ],
    payout: PayoutSchedule(points: [.init(r: 0, share: 0), .init(r: 1, share: 1)]))

  static func obs(_ p: String, _ q: Int, _ k: String, _ v: Double) -> Observation {
    Observation(partnerID: p, period: Period(year: 2025, quarter: q), kpi: k, value: v)
  }

  static let data = Dataset(
    program: program,
    partners: [
      Partner(id: "s1", name: "Small One", segment: "small", region: "EU"),
      Partner(id: "b1", name: "Big One", segment: "big", region: "EU"),
      Partner(id: "late", name: "Late", segment: "small", region: "EU"),
      Partner(id: "none", name: "Nobody", segment: "small", region: "EU"),
    ],
    observations: [
      obs("s1", 1, "deals", 10), obs("s1", 2, "deals", 5), obs("s1", 3, "deals", 10),
      obs("s1", 4, "deals", 20),
      obs("s1", 1, "staff", 4), obs("s1", 3, "staff", 6),
      obs("b1", 1, "deals", 20), obs("b1", 2, "deals", 25), obs("b1", 4, "deals", 30),
      obs("b1", 1, "churn", 10), obs("b1", 4, "churn", 6), obs("b1", 4, "staff", 10),
      obs("late", 3, "deals", 30),
    ],
    adjustments: [
      Adjustment(
        partnerID: "s1", period: Period(year: 2025, quarter: 2), kpi: "deals", value: 8,
        reason: "late booking",
        approvedBy: "cm")
    ])

  let book = Scorebook(Self.data)

  @Test func partialWindowAtTheStart() {
    // s1 at 2025Q1: window holds only Q1; deals 10 of 30.
    let e = book.evaluation(partner: 0, period: 0)!
    #expect(e.kpis[0].value == 10)
    #expect(e.kpis[0].window.count == 1)
    // staff 4 on 2..10: (4-2)/8 = 0.25; weights for small: deals 1/2, staff 1/2.
    #expect(e.kpis[1].attainment == 0.25)
    #expect(e.score == specRound(100 * 0.5 * (10.0 / 30) + 100 * 0.5 * 0.25, 2))
  }

  @Test func adjustmentReplacesTheObservationAndMarksTheStatus() {
    // s1 at 2025Q3: window Q1..Q3 deals 10 + 8 (adjusted) + 10 = 28.
    let e = book.evaluation(partner: 0, period: 2)!
    #expect(e.kpis[0].value == 28)
    #expect(e.kpis[0].status == .adjusted)
    #expect(e.kpis[0].window[1].adjustment?.reason == "late booking")
    // At 2025Q4 the window Q2..Q4 still holds the adjusted Q2.
    #expect(book.status(0, 3, 0) == .adjusted)
    // staff `last` keeps Q3's 6 at Q4 (no Q4 value).
    #expect(book.value(0, 3, 1) == 6)
  }

  @Test func segmentTargetAndThreshold() {
    // b1 (big) at 2025Q2: deals 45 on 15..60 -> 30/45.
    #expect(book.attainment(1, 1, 0) == (45.0 - 15) / (60 - 15))
    let e = book.evaluation(partner: 1, period: 1)!
    #expect(e.kpis[0].target == 60)
    #expect(e.kpis[0].threshold == 15)
  }

  @Test func improvementBaselineIsThePreviousWindow() {
    // b1 at 2025Q4 (window 3): W = Q2..Q4, churn mean 6; baseline window ends at Q1: churn 10.
    // Lower is better: g = (10 - 6)/10 = 0.4; a = 0.4/0.2 = 2.
    #expect(book.baseline(1, 3, 2) == 10)
    #expect(book.attainment(1, 3, 2) == 2)
    #expect(book.status(1, 3, 2) == .ok)
    // At 2025Q3 the baseline window ends at 2024Q4, before the data: no baseline.
    #expect(book.value(1, 2, 2) == 10)
    #expect(book.status(1, 2, 2) == .noBaseline)
    #expect(book.attainment(1, 2, 2) == 0)
  }

  @Test func notApplicableComesFirst() {
    #expect(book.status(0, 3, 2) == .notApplicable)
    #expect(book.points(0, 3, 2) == 0)
  }

  @Test func lateJoinerAndNoData() {
    #expect(book.firstPeriod[2] == 2)
    #expect(book.evaluation(partner: 2, period: 1) == nil)
    #expect(book.movement(2, 2) == nil)
    #expect(book.movement(2, 3) != nil)
    #expect(book.firstPeriod[3] == -1)
    #expect(!book.order[3].contains(3))
    #expect(book.order[3].count == 3)
  }

  @Test func waivedRequirementForSmallPartners() {
    // churn is not applicable to "small": T1's churn requirement is waived.
    let late = book.evaluation(partner: 2, period: 2)!
    #expect(late.score >= 40)
    #expect(late.tierChecks[1].requirements[0].outcome == .waived)
    #expect(late.qualifiedTier.id == "t1")
  }
}
