import Presentation
import Scoring
import Testing

/// The combined plan (issue 24), hand-worked: two KPIs of weight 1/2 each,
/// target 100 and threshold 0, both at 40 (credit 0.4, 20 points each, score
/// 40); Gold needs 90, so the gap is 50 points. Each KPI has 100 * 0.5 *
/// (1 - 0.4) = 30 points of headroom: neither closes 50 alone. Together,
/// most headroom first (a tie: program order), A to full credit (value 100,
/// +30), then B for the 20 left: credit 0.4 + 20 / 50 = 0.8, value 80.
@Suite struct GainPlanTests {
  static func kpi(_ id: String) -> KPI {
    KPI(
      id: id, name: id.uppercased(), category: .performance, indicator: .lagging, unit: .score,
      aggregate: .last,
      basis: .absolute(target: 100, threshold: 0, targets: [:], thresholds: [:]), weight: 1)
  }

  static let program = Program(
    name: "P", currency: "EUR", window: 1, gracePeriods: 0, segments: [Segment(id: "s", name: "S")],
    kpis: [kpi("a"), kpi("b")],
    tiers: [Tier(id: "base", name: "Base", minScore: 0), Tier(id: "gold", name: "Gold", minScore: 90)],
    payout: PayoutSchedule(points: [.init(r: 0, share: 0), .init(r: 1, share: 1)]))

  @Test func gainsOnSeveralKPIsCloseTheGap() throws {
    let period = Period(year: 2026, quarter: 1)
    let book = Scorebook(
      Dataset(
        program: Self.program, partners: [Partner(id: "p", name: "P", segment: "s", region: "EU")],
        observations: [
          Observation(partnerID: "p", period: period, kpi: "a", value: 40),
          Observation(partnerID: "p", period: period, kpi: "b", value: 40),
        ]))
    let e = try #require(book.evaluation(partner: 0, period: 0))
    #expect(e.score == 40 && e.pointsNeeded == 50)
    #expect(e.whatItTakes.allSatisfy { $0.needed == nil })
    let plan = try #require(e.plan)
    #expect(plan.steps.map(\.kpi.id) == ["a", "b"])
    #expect(plan.steps.map(\.target) == [100, 80])
    #expect(plan.steps.map(\.points) == [30, 20])
    #expect(plan.short == 0)
    let lines = try #require(EvaluationText.plan(plan, Self.program))
    #expect(lines.map(\.text) == ["40 -> 100 (+30.00 points)", "40 -> 80 (+20.00 points)"])
    #expect(EvaluationText.aloneHeading(e.whatItTakes) == "no KPI closes the gap alone")
  }

  /// A missing value counts as no credit: its whole weight is headroom,
  /// so it comes first (50 points), then A for the 20 left (value 80).
  @Test func aMissingValueIsPlannedFromNothing() throws {
    let period = Period(year: 2026, quarter: 1)
    var program = Self.program
    program.tiers[1] = Tier(id: "gold", name: "Gold", minScore: 90)
    let book = Scorebook(
      Dataset(
        program: program, partners: [Partner(id: "p", name: "P", segment: "s", region: "EU")],
        observations: [Observation(partnerID: "p", period: period, kpi: "a", value: 40)]))
    let e = try #require(book.evaluation(partner: 0, period: 0))
    #expect(e.score == 20 && e.pointsNeeded == 70)
    let plan = try #require(e.plan)
    #expect(plan.steps.map(\.kpi.id) == ["b", "a"] && plan.short == 0)
    #expect(plan.steps.map(\.target) == [100, 80] && plan.steps.map(\.points) == [50, 20])
    #expect(EvaluationText.plan(plan, program)?.first?.text == "— -> 100 (+50.00 points)")
  }
}
