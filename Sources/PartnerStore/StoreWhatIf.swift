import GRDB
import Scoring

extension PartnerStore {
  /// SPEC section 10 at the period `choose` picks: the store's data under its
  /// program and under `other`, scored a slice of partners at a time, so that
  /// memory holds two slices' scorebooks and a few numbers per partner rather
  /// than two whole scorebooks (6 GB for a 100-KPI program at 100,000
  /// partners). The same facts as `WhatIf` of the whole books
  /// (`WhatIfFactsTests`).
  public func whatIfFacts(other: Program, choose: ([Period]) throws -> Int) throws -> WhatIfFacts {
    try whatIfFacts(other: other, choose: choose, sliceSize: nil)
  }

  /// `sliceSize`: the tests' (nil: chosen by the programs' KPIs).
  func whatIfFacts(other: Program, choose: ([Period]) throws -> Int, sliceSize chosen: Int?) throws
    -> WhatIfFacts
  {
    try located {
      try queue.read { db in
        guard let program = try program(db) else { throw StoreError.empty(path) }
        guard let range = try KeptScores.knownObservedPeriods(db) ?? KeptScores.observedPeriods(db) else {
          throw StoreError.refused("the store has no metrics yet: nothing to compare")
        }
        let periods = (range.lowerBound...range.upperBound).map(Period.init(ordinal:))
        let t = try choose(periods)
        let partners = try self.partners(db)
        let closed = try Quarters.closedThrough(db, path: path)
        var adjustments: [String: [Adjustment]] = [:]
        for a in try self.adjustments(db) { adjustments[a.partnerID, default: []].append(a) }
        var agreementsOf: [String: [Agreement]] = [:]
        let agreements = try self.agreements(db)
        for a in agreements { agreementsOf[a.partnerID, default: []].append(a) }

        let P = partners.count
        var evaluated = [Bool](repeating: false, count: P)
        var scores = [Double](repeating: 0, count: 2 * P)  // current, other
        var tiers = [Int](repeating: 0, count: 2 * P)
        var grace = [Int](repeating: 0, count: 2 * P)
        var reported = 0
        var evaluatedBefore = 0
        var valued: [String: (current: PayoutResult, other: PayoutResult)] = [:]
        // Two scorebooks of a slice in memory at once: fewer partners a slice
        // for a program of many KPIs.
        let kpis = max(program.kpis.count, other.kpis.count, 1)
        let sliceSize = chosen ?? max(64, KeptGrid.sliceSize * 10 / max(kpis, 10))
        _ = try KeptGrid.slices(db, partners: partners, sliceSize: sliceSize) { slice, table in
          let members = Array(partners[slice])
          var data = Dataset(
            program: program, partners: members, observations: [],
            adjustments: members.flatMap { adjustments[$0.id] ?? [] },
            agreements: members.flatMap { agreementsOf[$0.id] ?? [] }, observationTable: table)
          data.periodRange = periods.first!...periods.last!
          data.closedThrough = closed
          let a = Scorebook(data, parallel: false)
          data.program = other
          let b = Scorebook(data, parallel: false)
          for (i, g) in slice.enumerated() {
            if t > 0 && a.isEvaluated(i, t - 1) { evaluatedBefore += 1 }
            if a.hasData(i, t) { reported += 1 }
            guard a.isEvaluated(i, t) else { continue }
            evaluated[g] = true
            scores[2 * g] = a.score(i, t)!
            scores[2 * g + 1] = b.score(i, t)!
            tiers[2 * g] = a.tier(i, t)!
            tiers[2 * g + 1] = b.tier(i, t)!
            grace[2 * g] = a.grace(i, t)
            grace[2 * g + 1] = b.grace(i, t)
          }
          let theirs = a.agreements
          for (agreement, pair) in zip(
            theirs.filter { $0.period <= periods[t] },
            WhatIfFacts.valued(theirs, upTo: periods[t], current: a, other: b))
          {
            valued[agreement.id] = pair
          }
        }
        // Ranks under each program: score, then name and id (SPEC section 6).
        let first = evaluated.map { $0 ? 0 : -1 }
        let ranked = (0..<2).map { which in
          (0..<P).map { scores[2 * $0 + which] }.withUnsafeBufferPointer {
            PeriodRanks(partners: partners, firstPeriod: first, periods: 1, scores: $0)
          }
        }
        let rows = ranked[1].order[0].map { p in
          WhatIf.Row(
            partner: p, score: (scores[2 * p], scores[2 * p + 1]), tier: (tiers[2 * p], tiers[2 * p + 1]),
            rank: (ranked[0].ranks[p], ranked[1].ranks[p]), grace: (grace[2 * p], grace[2 * p + 1]))
        }
        // Payouts summed in the agreements' order, as the whole books sum them.
        let inOrder = agreements.compactMap { valued[$0.id] }
        let coverage = QuarterCoverage.of(
          t, periods: periods, reported: { _ in reported }, evaluated: { _ in evaluatedBefore },
          closedThrough: closed)
        return WhatIfFacts(
          current: program, other: other, partners: partners, coverage: coverage, rows: rows,
          payouts: WhatIfFacts.totals(inOrder))
      }
    }
  }
}
