import Scoring
import Testing

/// Issue 6's statistics, worked by hand.
@Suite struct KPITrendsTests {
  let example = Scorebook(SpecExample.dataset)

  func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-9 } ?? false }

  @Test func quantilesType7() {
    #expect(Quantile.type7([], 0.5) == nil)
    #expect(Quantile.type7([7], 0.25) == 7)
    #expect(Quantile.type7([2, 8], 0.25) == 3.5)
    #expect(Quantile.type7([10, 20, 60], 0.25) == 15)
    #expect(Quantile.type7([10, 20, 60], 0.75) == 40)
    #expect(Quantile.type7([10, 20, 30, 60], 0.75) == 37.5)
  }

  @Test func specExampleAt2026Q4() {
    let t = 3
    let rev = example.statistics(kpi: 0, period: t)
    #expect(rev.n == 2 && rev.missing == 0)
    #expect(rev.p25 == 62.5 && rev.median == 75 && rev.p75 == 87.5)
    #expect(rev.shareAtTarget == 0)
    #expect(close(rev.meanCredit, (0.5 + 100.0 / 120) / 2))
    let ttv = example.statistics(kpi: 1, period: t)
    #expect(ttv.p25 == 34.375 && ttv.median == 36.25 && ttv.p75 == 38.125)
    #expect(close(ttv.meanCredit, ((40 - 90) / (30 - 90.0) + (32.5 - 90) / (30 - 90.0)) / 2))
    // nps is not applicable to referral partners: B is left out, not missing.
    let nps = example.statistics(kpi: 2, period: t)
    #expect(nps.n == 1 && nps.missing == 0)
    #expect(nps.median == 25)
    #expect(nps.shareAtTarget == 1)
    #expect(nps.meanCredit == 1)
  }

  @Test func noBaselineCountsAsZero() {
    let nps = example.statistics(kpi: 2, period: 1)
    #expect(nps.n == 1 && nps.median == 15)
    #expect(nps.shareAtTarget == 0 && nps.meanCredit == 0)
  }

  @Test func emptyWhenNobodyHasAValue() {
    let s = example.statistics(kpi: 0, period: 3, filter: PartnerFilter(region: "APAC"))
    #expect(s.n == 0 && s.missing == 0)
    #expect(s.median == nil && s.shareAtTarget == nil && s.meanCredit == nil)
  }

  // A fixture of our own: odd and even counts, a missing value, a segment
  // not measured on a KPI, and a lower-is-better KPI.
  static let program = Program(
    name: "F", currency: "EUR", window: 1, gracePeriods: 0,
    segments: [Segment(id: "a", name: "A"), Segment(id: "b", name: "B")],
    kpis: [
      KPI(
        id: "x", name: "X", category: .performance, indicator: .lagging, unit: .count, aggregate: .last,
        basis: .absolute(target: 10, threshold: 0, targets: [:], thresholds: [:]), weight: 1,
        weights: ["b": 0]),
      KPI(
        id: "d", name: "Days", category: .customerSuccess, indicator: .leading, unit: .days, aggregate: .last,
        basis: .absolute(target: 10, threshold: 50, targets: [:], thresholds: [:]), weight: 1),
    ],
    tiers: [Tier(id: "t", name: "T", minScore: 0)],
    payout: PayoutSchedule(points: [.init(r: 0, share: 0)]))

  static func o(_ p: String, _ q: Int, _ k: String, _ v: Double) -> Observation {
    Observation(partnerID: p, period: Period(year: 2026, quarter: q), kpi: k, value: v)
  }

  let book = Scorebook(
    Dataset(
      program: program,
      partners: ["a1", "a2", "a3"].map { Partner(id: $0, name: $0.uppercased(), segment: "a", region: "EU") }
        + [Partner(id: "b1", name: "B1", segment: "b", region: "NA")],
      observations: [
        o("a1", 1, "x", 2), o("a2", 1, "x", 8), o("b1", 1, "x", 100),
        o("a1", 1, "d", 20), o("a2", 1, "d", 10), o("a3", 1, "d", 60), o("b1", 1, "d", 30),
        o("a1", 2, "d", 15), o("a2", 2, "d", 12), o("a3", 2, "d", 40), o("b1", 2, "d", 30),
      ]))

  @Test func evenCountWithAMissingValueAndANotApplicableSegment() {
    let x = book.statistics(kpi: 0, period: 0)
    #expect(x.n == 2 && x.missing == 1)  // a3 has no x; b1 is not measured on x
    #expect(x.p25 == 3.5 && x.median == 5 && x.p75 == 6.5)
    #expect(x.shareAtTarget == 0 && x.meanCredit == 0.5)
  }

  @Test func lowerIsBetter() {
    let d = book.statistics(kpi: 1, period: 0)
    #expect(d.n == 4 && d.missing == 0)
    #expect(d.p25 == 17.5 && d.median == 25 && d.p75 == 37.5)
    #expect(d.shareAtTarget == 0.25)  // a2's 10 days is on target
    #expect(d.meanCredit == (0.75 + 1 + 0 + 0.5) / 4)
  }

  @Test func oddCountWithASegmentFilter() {
    let d = book.statistics(kpi: 1, period: 0, filter: PartnerFilter(segment: "a"))
    #expect(d.n == 3)
    #expect(d.p25 == 15 && d.median == 20 && d.p75 == 40)
  }

  @Test func moversReadLowerIsBetterTheRightWayRound() {
    let m = book.movers(kpi: 1, period: 1)
    #expect(m.improved.map { book.partners[$0.partner].id } == ["a3", "a1"])
    #expect(m.improved.map(\.change) == [20, 5])
    #expect(m.fell.map { book.partners[$0.partner].id } == ["a2"])
    #expect(m.fell.map(\.change) == [-2])
  }
}

/// The movers are the biggest changes each way, ties in rank order: the
/// same as sorting every change (stably), on random data with many ties.
@Suite struct MoverSelectionTests {
  @Test func selectionEqualsSortingEveryChange() {
    var x: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ n: UInt64) -> UInt64 {
      x ^= x << 13
      x ^= x >> 7
      x ^= x << 17
      return x % n
    }
    var partners: [Partner] = []
    var observations: [Observation] = []
    for i in 0..<300 {
      partners.append(
        Partner(id: "P\(i)", name: "N\(i % 17)", segment: i % 3 == 0 ? "referral" : "reseller", region: "R"))
      for q in 1...3 where next(5) > 0 {
        let period = Period(year: 2026, quarter: q)
        observations.append(
          Observation(partnerID: "P\(i)", period: period, kpi: "rev", value: Double(next(6) * 10)))
        observations.append(
          Observation(partnerID: "P\(i)", period: period, kpi: "ttv", value: Double(20 + next(4) * 5)))
      }
    }
    let book = Scorebook(
      Dataset(program: SpecExample.program, partners: partners, observations: observations))
    for k in 0..<2 {
      for t in 1..<3 {
        let sign = book.program.kpis[k].direction == .higher ? 1.0 : -1.0
        var changes: [(partner: Int, change: Double)] = []
        for p in book.order[t] where book.isApplicable(p, k) {
          guard let now = book.value(p, t, k), let before = book.value(p, t - 1, k), now != before else {
            continue
          }
          changes.append((p, sign * (now - before)))
        }
        let up = changes.enumerated().filter { $0.1.change > 0 }.sorted { a, b in
          a.1.change != b.1.change ? a.1.change > b.1.change : a.0 < b.0
        }.map(\.1)
        let down = changes.enumerated().filter { $0.1.change < 0 }.sorted { a, b in
          a.1.change != b.1.change ? a.1.change < b.1.change : a.0 < b.0
        }.map(\.1)
        for count in [0, 1, 5, 7, 400] {
          let m = book.movers(kpi: k, period: t, count: count)
          #expect(
            m.improved.map(\.partner) == up.prefix(count).map(\.partner), "kpi \(k) t \(t) count \(count)")
          #expect(
            m.fell.map(\.partner) == down.prefix(count).map(\.partner), "kpi \(k) t \(t) count \(count)")
          #expect(m.improved.map(\.change) == up.prefix(count).map(\.change))
        }
      }
    }
  }
}

@Suite struct QuantileSelectionTests {
  /// Selection gives exactly the quantiles of the sorted values, on random
  /// arrays with and without ties, of every small size and some large ones.
  @Test func selectionEqualsSorting() {
    var rng = SystemRandomNumberGenerator()
    let ps = [0.25, 0.5, 0.75]
    for n in Array(0...40) + [99, 100, 1001, 5000] {
      for ties in [false, true] {
        var values = (0..<n).map { _ in
          ties ? Double(Int.random(in: 0...5, using: &rng)) : Double.random(in: -1e6...1e6, using: &rng)
        }
        let sorted = values.sorted()
        let expected = ps.map { Quantile.type7(sorted, $0) }
        #expect(Quantile.type7(selecting: &values, ps) == expected, "n \(n) ties \(ties)")
        #expect(values.sorted() == sorted)
      }
    }
  }
}
