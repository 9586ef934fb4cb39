import Scoring
import Testing

/// Small hand-worked cases for each rule of SPEC sections 4-7.
@Suite struct RoundingTests {
  @Test func halfAwayFromZero() {
    #expect(specRound(2.345, 2) == 2.35)  // 234.49999… * 100 lands on 234.5
    #expect(specRound(-2.345, 2) == -2.35)
    #expect(specRound(0.125, 2) == 0.13)
    #expect(specRound(-0.125, 2) == -0.13)
    // The spec's procedure, taken literally: 1.005 is 1.00499999999999989… in
    // binary and 100.49999999999999 after scaling, so it rounds down.
    #expect(specRound(1.005, 2) == 1.0)
    #expect(specRound(31.145, 2) == 31.15)
    #expect(specRound(16.915, 2) == 16.92)
    #expect(specRound(0.18525, 4) == 0.1853)
    #expect(specRound(2.5, 0) == 3)
    #expect(specRound(-2.5, 0) == -3)
  }
}

@Suite struct PeriodTests {
  @Test func parsesAndPrints() {
    #expect(Period("2026Q3")?.description == "2026Q3")
    #expect(Period("2026Q3")!.advanced(by: 2).description == "2027Q1")
    #expect(Period("2026Q0") == nil)
    #expect(Period("2026Q5") == nil)
    #expect(Period("2026-Q3") == nil)
    #expect(Period("26Q3") == nil)
    #expect(Period("2026q3") == nil)
    #expect(Period("2026Q1")! < Period("2026Q2")!)
  }
}

@Suite struct AggregationTests {
  let nan = Double.nan
  @Test func sumMeanLastOverPresentValues() {
    #expect(Aggregate.sum.apply([10, nan, 5]) == 15)
    #expect(Aggregate.mean.apply([10, nan, 5]) == 7.5)
    #expect(Aggregate.last.apply([10, 5, nan]) == 5)
    #expect(Aggregate.sum.apply([nan, nan]) == nil)
    #expect(Aggregate.mean.apply([]) == nil)
  }
}

@Suite struct AttainmentTests {
  @Test func absoluteHigherAndLowerIsBetter() {
    #expect(Attainment.absolute(value: 60, target: 120, threshold: 0) == 0.5)
    #expect(Attainment.absolute(value: 50, target: 30, threshold: 90) == (50 - 90) / (30 - 90.0))
    #expect(Attainment.absolute(value: 100, target: 30, threshold: 90) < 0)
    #expect(Attainment.absolute(value: 70, target: 100, threshold: 50) == 0.4)
  }

  @Test func improvement() {
    #expect(
      Attainment.improvement(value: 25, baseline: 15, targetImprovement: 0.5, direction: .higher)!
        == (10.0 / 15) / 0.5)
    #expect(Attainment.improvement(value: 40, baseline: 50, targetImprovement: 0.1, direction: .lower)! == 2)
    // A negative baseline uses |b|: -10 -> -5 is a 50 % improvement.
    #expect(
      Attainment.improvement(value: -5, baseline: -10, targetImprovement: 0.5, direction: .higher)! == 1)
    #expect(Attainment.improvement(value: 5, baseline: 0, targetImprovement: 0.5, direction: .higher) == nil)
    #expect(
      Attainment.improvement(value: 5, baseline: nil, targetImprovement: 0.5, direction: .higher) == nil)
  }

  @Test func creditIsClamped() {
    #expect(Attainment.credit(-0.3) == 0)
    #expect(Attainment.credit(0.4) == 0.4)
    #expect(Attainment.credit(2.8) == 1)
  }
}

@Suite struct PayoutScheduleTests {
  let schedule = PayoutSchedule(points: [
    .init(r: 0, share: 0), .init(r: 0.25, share: 0.10), .init(r: 1.0, share: 1.0), .init(r: 1.5, share: 1.25),
  ])

  @Test func piecewiseLinearAndFlatOutside() {
    #expect(schedule.share(at: -1) == 0)
    #expect(schedule.share(at: 0) == 0)
    #expect(schedule.share(at: 0.125) == 0.05)
    #expect(schedule.share(at: 0.25) == 0.10)
    #expect(abs(schedule.share(at: 0.625) - 0.55) < 1e-12)
    #expect(schedule.share(at: 1.0) == 1.0)
    #expect(schedule.share(at: 1.25) == 1.125)
    #expect(schedule.share(at: 3) == 1.25)
  }

  @Test func firstPointShareAppliesToTheLeft() {
    let s = PayoutSchedule(points: [.init(r: 0.5, share: 0.2), .init(r: 1, share: 1)])
    #expect(s.share(at: 0) == 0.2)
  }
}

@Suite struct TierSequenceTests {
  /// Runs qualified tiers through the assignment rule.
  func assigned(_ qualified: [Int], grace: Int) -> [(Int, Int)] {
    var previous: (tier: Int, shortfall: Int)? = nil
    return qualified.map { q in
      let step = TierRules.assign(previous: previous, qualified: q, gracePeriods: grace)
      previous = step
      return (step.tier, step.shortfall)
    }
  }

  @Test func promotionIsImmediate() {
    #expect(assigned([0, 2, 3], grace: 1).map(\.0) == [0, 2, 3])
  }

  @Test func demotionWaitsOutGrace() {
    let r = assigned([2, 1, 1, 1], grace: 1)
    #expect(r.map(\.0) == [2, 2, 1, 1])
    #expect(r.map(\.1) == [0, 1, 0, 0])
  }

  @Test func twoGracePeriods() {
    let r = assigned([3, 1, 0, 0], grace: 2)
    #expect(r.map(\.0) == [3, 3, 3, 0])
    #expect(r.map(\.1) == [0, 1, 2, 0])
  }

  @Test func recoveryResetsTheCount() {
    let r = assigned([2, 1, 2, 1, 1], grace: 1)
    #expect(r.map(\.0) == [2, 2, 2, 2, 1])
    #expect(r.map(\.1) == [0, 1, 0, 1, 0])
  }

  @Test func noGrace() {
    #expect(assigned([2, 1, 3, 0], grace: 0).map(\.0) == [2, 1, 3, 0])
  }

  @Test func requirementOutcomes() {
    let higher = KPI(
      id: "nps", name: "NPS", category: .customerSuccess, indicator: .lagging, unit: .score, aggregate: .mean,
      basis: .absolute(target: 50, threshold: 0, targets: [:], thresholds: [:]), weight: 1)
    let lower = KPI(
      id: "ttv", name: "TTV", category: .customerSuccess, indicator: .leading, unit: .days, aggregate: .mean,
      basis: .absolute(target: 30, threshold: 90, targets: [:], thresholds: [:]), weight: 1)
    let r = Requirement(kpi: "x", value: 30)
    #expect(TierRules.holds(r, kpi: higher, value: 30, applicable: true) == .met)
    #expect(TierRules.holds(r, kpi: higher, value: 29.9, applicable: true) == .unmet)
    #expect(TierRules.holds(r, kpi: lower, value: 30, applicable: true) == .met)
    #expect(TierRules.holds(r, kpi: lower, value: 31, applicable: true) == .unmet)
    #expect(TierRules.holds(r, kpi: higher, value: nil, applicable: true) == .missing)
    #expect(!RequirementOutcome.missing.holds)
    #expect(TierRules.holds(r, kpi: higher, value: nil, applicable: false) == .waived)
    #expect(RequirementOutcome.waived.holds)
  }
}

@Suite struct RankingTests {
  @Test func tiesShareARank() {
    #expect(Ranking.ranks(ofDescending: [90, 80, 80, 70, 70, 70, 10]) == [1, 2, 2, 4, 4, 4, 7])
  }

  @Test func orderIsScoreThenNameThenId() {
    #expect(Ranking.precedes((80, "Zeta", "z"), (70, "Alpha", "a")))
    #expect(Ranking.precedes((80, "Alpha", "z"), (80, "Beta", "a")))
    #expect(Ranking.precedes((80, "Alpha", "a"), (80, "Alpha", "b")))
    // Code-point order: uppercase before lowercase, "Z" < "a" < "É".
    #expect(Ranking.precedes((80, "Zed", "1"), (80, "alpha", "2")))
    #expect(Ranking.precedes((80, "alpha", "1"), (80, "Émile", "2")))
  }
}

@Suite struct TrendTests {
  @Test func slopeOverTheLastFour() {
    #expect(Trend.slope([50]) == nil)
    #expect(Trend.slope([50, 60]) == 10)
    #expect(Trend.slope([10, 20, 30]) == 10)
    // Only the last four count: 100 is ignored.
    #expect(Trend.slope([100, 10, 20, 30, 40]) == 10)
    // Least squares, not end-to-end: (x - 1.5) . y / 5
    #expect(Trend.slope([0, 10, 0, 10])! == 2)
  }
}

@Suite struct WeightTests {
  @Test func normalisedPerSegmentWithZeros() {
    let e = SpecExample.program
    let reseller = SegmentWeights(program: e, segment: "reseller")
    #expect(reseller.normalised == [0.5, 0.25, 0.25])
    let referral = SegmentWeights(program: e, segment: "referral")
    #expect(referral.normalised[0] == 2.0 / 3)
    #expect(referral.normalised[1] == 1.0 / 3)
    #expect(referral.normalised[2] == 0)
    #expect(!referral.isApplicable(2))
  }
}
