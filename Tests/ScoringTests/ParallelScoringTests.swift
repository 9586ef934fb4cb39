import Testing

@testable import Scoring

/// Partners scored on two cores give exactly what one core gives.
@Suite struct ParallelScoringTests {
  /// 2,501 partners over 6 quarters, values from a fixed sequence: late
  /// joiners, gaps, both segments, grace, requirements.
  static func dataset() -> Dataset {
    let program = ScorebookTests.program
    var partners: [Partner] = []
    var observations: [Observation] = []
    var x: UInt64 = 0x2545_F491_4F6C_DD1D
    func next(_ n: UInt64) -> Double {
      x ^= x << 13
      x ^= x >> 7
      x ^= x << 17
      return Double(x % n)
    }
    for i in 0..<2_501 {
      let id = "p\(i)"
      partners.append(Partner(id: id, name: "P\(i % 97)", segment: i % 3 == 0 ? "big" : "small", region: "R"))
      let first = i % 5
      for q in first..<6 where next(10) > 0 {
        let period = Period(year: 2026 + q / 4, quarter: q % 4 + 1)
        observations.append(Observation(partnerID: id, period: period, kpi: "deals", value: next(70)))
        observations.append(Observation(partnerID: id, period: period, kpi: "staff", value: next(12)))
        if next(4) > 0 {
          observations.append(Observation(partnerID: id, period: period, kpi: "churn", value: 1 + next(9)))
        }
      }
    }
    return Dataset(program: program, partners: partners, observations: observations)
  }

  static func same(_ a: UnsafeMutableBufferPointer<Double>, _ b: UnsafeMutableBufferPointer<Double>) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
  }

  @Test func twoCoresEqualOne() {
    let data = Self.dataset()
    let one = Scorebook(data, parallel: false)
    let two = Scorebook(data, parallel: true)
    #expect(one.periods.count == 6)
    for (a, b) in [
      (one.values, two.values), (one.baselines, two.baselines), (one.attainments, two.attainments),
      (one.points, two.points), (one.scores, two.scores), (one.slopes, two.slopes),
    ] {
      #expect(Self.same(a, b))
    }
    #expect(Array(one.statuses) == Array(two.statuses))
    #expect(Array(one.tiers) == Array(two.tiers))
    #expect(Array(one.qualified) == Array(two.qualified))
    #expect(Array(one.grace) == Array(two.grace))
    #expect(one.ranks == two.ranks)
    #expect(one.order == two.order)
    // The data is rich enough for the comparison to mean something.
    #expect(Set(one.tiers.filter { $0 >= 0 }).count == 2)
    #expect(one.grace.contains { $0 > 0 })
    #expect(one.statuses.contains(.noBaseline) && one.statuses.contains(.notApplicable))
  }
}
