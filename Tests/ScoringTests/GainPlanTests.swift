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

  /// The tier's unmet requirement comes first and its points count: Gold
  /// at 68 needs B >= 60. A at 80 (credit 0.8, 40 points), B at 40 (20
  /// points): score 60, 8 points short. A alone could close it (headroom
  /// 10), but B must reach 60 anyway: credit 0.6, +10 points, which closes
  /// the gap on its own. The plan is B 40 -> 60 (required), nothing more.
  @Test func aRequirementIsMetFirstAndItsPointsCount() throws {
    let period = Period(year: 2026, quarter: 1)
    var program = Self.program
    program.tiers[1] = Tier(
      id: "gold", name: "Gold", minScore: 68, requirements: [Requirement(kpi: "b", value: 60)])
    var data = Dataset(
      program: program, partners: [Partner(id: "p", name: "P", segment: "s", region: "EU")],
      observations: [
        Observation(partnerID: "p", period: period, kpi: "a", value: 80),
        Observation(partnerID: "p", period: period, kpi: "b", value: 40),
      ])
    let e = try #require(Scorebook(data).evaluation(partner: 0, period: 0))
    #expect(e.score == 60 && e.pointsNeeded == 8)
    #expect(EvaluationText.aloneHeading(e.whatItTakes) == "each KPI alone closes the gap")
    let plan = try #require(e.plan)
    #expect(plan.steps.map(\.kpi.id) == ["b"] && plan.steps[0].required && plan.short == 0)
    #expect(plan.steps[0].target == 60 && abs(plan.steps[0].points - 10) < 1e-9)
    // Shown although one KPI: the requirement makes it a plan of its own.
    #expect(EvaluationText.plan(plan, program)?.map(\.text) == ["40 -> 60 (+10.00 points, required)"])
    // A requirement that gives fewer points than the gap: A >= 85 is credit
    // 0.85, +2.5 points; the 5.5 left go to the most headroom, B (30):
    // credit 0.4 + 5.5 / 50 = 0.51, value 51.
    program.tiers[1] = Tier(
      id: "gold", name: "Gold", minScore: 68, requirements: [Requirement(kpi: "a", value: 85)])
    data.program = program
    let mixed = try #require(Scorebook(data).evaluation(partner: 0, period: 0)?.plan)
    #expect(mixed.steps.map(\.kpi.id) == ["a", "b"] && mixed.steps.map(\.required) == [true, false])
    #expect(
      zip(mixed.steps.map(\.target), [85.0, 51]).allSatisfy { abs($0 - $1) < 1e-9 } && mixed.short == 0)
    #expect(abs(mixed.steps[0].points - 2.5) < 1e-9 && abs(mixed.steps[1].points - 5.5) < 1e-9)
    #expect(EvaluationText.aloneHeading([]) == "no KPI closes the gap alone")
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
