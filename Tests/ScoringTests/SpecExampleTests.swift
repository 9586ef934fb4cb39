import Scoring
import Testing

/// Every figure of SPEC section 9, worked by hand.
@Suite struct SpecExampleTests {
  let book = Scorebook(SpecExample.dataset)

  struct Row: Sendable, CustomTestStringConvertible {
    let quarter: Int
    let partner: String
    let points: [Double]  // rev, ttv, nps
    let npsStatus: KPIStatus
    let score: Double
    let qualified: String
    let tier: String
    let grace: Int
    let rank: Int
    let movement: Int?
    let slope: Double?
    var testDescription: String { "2026Q\(quarter) \(partner)" }
  }

  static let table: [Row] = [
    Row(
      quarter: 1, partner: "A", points: [15.00, 12.50, 0], npsStatus: .noBaseline, score: 27.50,
      qualified: "base", tier: "base", grace: 0, rank: 1, movement: nil, slope: nil),
    Row(
      quarter: 2, partner: "A", points: [35.00, 15.63, 0], npsStatus: .noBaseline, score: 50.63,
      qualified: "base", tier: "base", grace: 0, rank: 2, movement: -1, slope: 23.13),
    Row(
      quarter: 2, partner: "B", points: [33.33, 22.22, 0], npsStatus: .notApplicable, score: 55.56,
      qualified: "silver", tier: "silver", grace: 0, rank: 1, movement: nil, slope: nil),
    Row(
      quarter: 3, partner: "A", points: [45.00, 19.79, 25.00], npsStatus: .ok, score: 89.79,
      qualified: "gold", tier: "gold", grace: 0, rank: 1, movement: 1, slope: 31.15),
    Row(
      quarter: 3, partner: "B", points: [58.33, 26.39, 0], npsStatus: .notApplicable, score: 84.72,
      qualified: "gold", tier: "gold", grace: 0, rank: 2, movement: -1, slope: 29.16),
    Row(
      quarter: 4, partner: "A", points: [25.00, 20.83, 25.00], npsStatus: .ok, score: 70.83,
      qualified: "silver", tier: "gold", grace: 1, rank: 2, movement: -1, slope: 16.92),
    Row(
      quarter: 4, partner: "B", points: [55.56, 31.94, 0], npsStatus: .notApplicable, score: 87.50,
      qualified: "gold", tier: "gold", grace: 0, rank: 1, movement: 1, slope: 15.97),
  ]

  func index(_ partner: String, _ quarter: Int) -> (Int, Int) {
    (book.partnerIndex(id: partner)!, book.periodIndex(SpecExample.q(quarter))!)
  }

  @Test func periodsRunFromFirstToLastObservation() {
    #expect(book.periods.map(\.description) == ["2026Q1", "2026Q2", "2026Q3", "2026Q4"])
    #expect(book.firstPeriod == [0, 1])
  }

  @Test(arguments: table) func workedRow(_ row: Row) {
    let (p, t) = index(row.partner, row.quarter)
    for k in 0..<3 {
      #expect(specRound(book.points(p, t, k), 2) == row.points[k], "points of KPI \(k)")
    }
    #expect(book.status(p, t, 2) == row.npsStatus)
    #expect(book.score(p, t) == row.score)
    #expect(SpecExample.program.tiers[book.qualifiedTier(p, t)!].id == row.qualified)
    #expect(SpecExample.program.tiers[book.tier(p, t)!].id == row.tier)
    #expect(book.grace(p, t) == row.grace)
    #expect(book.rank(p, t) == row.rank)
    #expect(book.movement(p, t) == row.movement)
    #expect(book.slope(p, t).map { specRound($0, 2) } == row.slope)
  }

  @Test func betaAt2026Q2() {
    let (p, t) = index("B", 2)
    let e = book.evaluation(partner: p, period: t)!
    #expect(e.kpis[0].value == 60)
    #expect(e.kpis[0].target == 120)
    #expect(e.kpis[0].attainment == 0.5)
    #expect(e.kpis[1].value == 50)
    #expect(specRound(e.kpis[1].attainment, 4) == 0.6667)
    #expect(e.tierChecks[1].requirements[0].outcome == .waived)
    #expect(e.nextTier?.id == "gold")
    #expect(specRound(e.pointsNeeded!, 2) == 24.44)
    #expect(specRound(e.progress, 4) == 0.1853)
  }

  @Test func alphaAt2026Q2MissesSilverOnNPS() {
    let (p, t) = index("A", 2)
    let e = book.evaluation(partner: p, period: t)!
    #expect(e.kpis[2].value == 15)
    #expect(e.tierChecks[1].scoreMet)
    #expect(e.tierChecks[1].requirements[0].outcome == .unmet)
    #expect(e.unmetRequirements.map(\.kpi.id) == ["nps"])
  }

  @Test func alphaAt2026Q3() {
    let (p, t) = index("A", 3)
    let e = book.evaluation(partner: p, period: t)!
    #expect(e.nextTier?.id == "platinum")
    #expect(specRound(e.pointsNeeded!, 2) == 0.21)
    #expect(specRound(e.progress, 4) == 0.9790)
    #expect(e.unmetRequirements.count == 1)
    #expect(e.unmetRequirements[0].kpi.id == "ttv")
    #expect(e.unmetRequirements[0].current == 42.5)
    #expect(e.kpis[2].attainment == 3)
    #expect(e.kpis[2].baseline == 10)
    let takes = Dictionary(uniqueKeysWithValues: e.whatItTakes.map { ($0.kpi.id, $0) })
    #expect(takes["rev"]!.current == 90)
    #expect(specRound(takes["rev"]!.needed!, 2) == 90.42)
    #expect(takes["ttv"]!.current == 42.5)
    #expect(specRound(takes["ttv"]!.needed!, 3) == 41.996)
    #expect(takes["nps"]!.needed == nil)
    #expect(takes["nps"]!.headroom == 0)
    #expect(e.rising)
    #expect(!e.atRisk)
  }

  @Test func betaAt2026Q3() {
    let (p, t) = index("B", 3)
    let e = book.evaluation(partner: p, period: t)!
    #expect(specRound(e.pointsNeeded!, 2) == 5.28)
    #expect(specRound(e.progress, 4) == 0.4720)
    #expect(e.unmetRequirements.map(\.current) == [42.5])
    #expect(specRound(e.slope!, 2) == 29.16)
    #expect(e.rising)
  }

  @Test func alphaAt2026Q4InGraceAndAtRisk() {
    let (p, t) = index("A", 4)
    let e = book.evaluation(partner: p, period: t)!
    #expect(e.grace == 1)
    #expect(e.tier.id == "gold")
    #expect(e.qualifiedTier.id == "silver")
    #expect(e.atRisk)
    #expect(specRound(e.pointsNeeded!, 2) == 19.17)
    #expect(e.progress == 0)
    // ttv has no observation in 2026Q4; the window still holds 2026Q3's 40.
    #expect(e.kpis[1].value == 40)
    #expect(e.kpis[1].window.map(\.value) == [40, nil])
    // SPEC section 12, keeping the tier: gold's 80 - 70.83 = 9.17.
    #expect(e.inGrace)
    #expect(specRound(e.keepPointsNeeded!, 2) == 9.17)
    #expect(e.unmetKeepRequirements.isEmpty)  // gold has no requirement
    // By hand: rev (w 1/2, c 0.5) has 25 points of headroom: c' = 0.5 + 9.17/50
    // = 0.6834, so 68.34 of 100 alone keeps gold; ttv (w 1/4, c 0.8333) has
    // 4.17, nps none.
    #expect(e.keepWhatItTakes.map(\.kpi.id) == ["rev", "ttv", "nps"])
    #expect(specRound(e.keepWhatItTakes[0].needed!, 2) == 68.34)
    #expect(e.keepWhatItTakes[1].needed == nil && specRound(e.keepWhatItTakes[1].headroom, 2) == 4.17)
    #expect(e.keepWhatItTakes[2].needed == nil && e.keepWhatItTakes[2].headroom == 0)
  }

  @Test func betaAt2026Q4() {
    let (p, t) = index("B", 4)
    let e = book.evaluation(partner: p, period: t)!
    #expect(e.kpis[0].value == 100)
    #expect(specRound(e.kpis[0].points, 2) == 55.56)
    #expect(e.score == 87.50)
    #expect(e.tier.id == "gold")
    #expect(e.tierChecks[3].requirements[0].outcome == .met)
    #expect(!e.tierChecks[3].scoreMet)
    #expect(specRound(e.pointsNeeded!, 2) == 2.50)
    #expect(specRound(e.progress, 4) == 0.75)
    #expect(specRound(e.slope!, 2) == 15.97)
    #expect(e.rising)
    #expect(!e.atRisk)
    #expect(e.keepPointsNeeded == nil && e.keepWhatItTakes.isEmpty && !e.inGrace)
  }

  @Test func payouts() {
    let results = book.payouts()
    #expect(results.map(\.agreement.id) == ["X1", "X2", "X3"])
    #expect(results[0].value == 90)
    #expect(results[0].attainment == 0.625)
    #expect(specRound(results[0].share!, 4) == 0.55)
    #expect(results[0].payout == 2750.00)
    #expect(results[0].status == .verified)
    #expect(results[1].value == 32.5)
    #expect(results[1].attainment == 0.875)
    #expect(specRound(results[1].share!, 4) == 0.85)
    #expect(results[1].payout == 6800.00)
    #expect(results[1].status == .verified)
    #expect(results[2].value == nil)
    #expect(results[2].attainment == nil)
    #expect(results[2].payout == 500.00)
    #expect(results[2].status == .pending)
  }
}
