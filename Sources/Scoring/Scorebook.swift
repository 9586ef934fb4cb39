import Dispatch

/// The scoring engine: every partner scored at every period, in passes over
/// flat arrays (SPEC sections 3-6). Build it once per dataset; read results
/// through the accessors and `evaluation(partner:period:)`.
public struct Scorebook: Sendable {
  public let program: Program
  public let partners: [Partner]
  /// The program's periods, from the earliest to the latest in metrics, without gaps.
  public let periods: [Period]
  /// KPI ids seen in metrics but not in the program (stored, shown unscored).
  public let unscoredKPIs: [String]
  public let agreements: [Agreement]
  /// Pilot cohorts' members (SPEC section 13).
  public let cohorts: [CohortMember]

  /// Partner id -> index into `partners`.
  let indexOfID: [String: Int]
  let kpiCount: Int
  let periodCount: Int
  /// Index into `periods` of each partner's first observation; -1 = no data.
  public let firstPeriod: [Int]
  /// Per period: how many partners have at least one observation (or
  /// adjustment) then, scored KPI or not.
  public let reported: [Int]
  /// The latest closed quarter (SPEC section 3); nil: every quarter is open.
  public let closedThrough: Period?
  /// Per (partner, period), index p * T + t: any observation then.
  let hasDataFlat: [Bool]
  /// The coverage the data came with (a part of the store's partners).
  let givenCoverage: [QuarterCoverage]?
  let weights: [SegmentWeights]
  /// Per (partner, KPI), index p * K + k: the KPI applies to the partner's
  /// segment (weight > 0). Flat, so that statistics over every partner do
  /// not copy a segment's weights per partner.
  let applicableFlat: [Bool]

  // Per (partner, period, kpi): index (p * T + t) * K + k.
  let raw: [Double]
  let rawAdjustment: [Int32]
  let adjustments: [Adjustment]
  /// What passes 1 and 2 computed, per cell and per (partner, period).
  let grid: ScoreGrid
  var values: UnsafeMutableBufferPointer<Double> { grid.values }
  var baselines: UnsafeMutableBufferPointer<Double> { grid.baselines }
  var attainments: UnsafeMutableBufferPointer<Double> { grid.attainments }
  var points: UnsafeMutableBufferPointer<Double> { grid.points }
  var statuses: UnsafeMutableBufferPointer<KPIStatus> { grid.statuses }

  // Per (partner, period): index p * T + t.
  var scores: UnsafeMutableBufferPointer<Double> { grid.scores }
  var qualified: UnsafeMutableBufferPointer<Int> { grid.qualified }
  var tiers: UnsafeMutableBufferPointer<Int> { grid.tiers }
  var grace: UnsafeMutableBufferPointer<Int> { grid.grace }
  var slopes: UnsafeMutableBufferPointer<Double> { grid.slopes }
  let ranks: [Int]
  let segmentRanks: [Int]
  /// Partner indices in rank order, per period.
  public let order: [[Int]]
  /// How many partners are ranked per period (`order[t].count`, or the
  /// program's count when the data holds some of its partners).
  public let rankedCounts: [Int]
  /// Whether the ranks came with the data (it holds some of the program's
  /// partners: a manager's book).
  public let ranksGiven: Bool
  /// Partners evaluated per segment, per period.
  let segmentSizes: [[String: Int]]

  /// Scores `data`. Partners are scored on both cores when there are enough
  /// of them to pay off; `parallel` forces one way (the tests compare both).
  public init(_ data: Dataset, parallel: Bool? = nil) {
    let program = data.program
    self.program = program
    self.partners = data.partners
    self.agreements = data.agreements
    self.cohorts = data.cohorts
    let K = program.kpis.count
    let P = data.partners.count
    kpiCount = K
    let table = data.observationTable ?? ObservationTable(data.observations, partners: data.partners)

    // Periods: earliest to latest observation, no gaps (or the store's
    // whole range, when the data is a part of it).
    var lo = data.periodRange?.lowerBound.ordinal ?? Int.max
    var hi = data.periodRange?.upperBound.ordinal ?? Int.min
    for t in table.period {
      lo = min(lo, Int(t))
      hi = max(hi, Int(t))
    }
    let periods = lo <= hi ? (lo...hi).map(Period.init(ordinal:)) : []
    self.periods = periods
    let T = periods.count
    periodCount = T

    // Raw grid, first periods, unscored KPI ids.
    let programKPI: [Int] = table.kpiNames.map { program.kpiIndex($0) ?? -1 }
    var raw = [Double](repeating: .nan, count: P * T * K)
    var rawAdjustment = [Int32](repeating: -1, count: P * T * K)
    var first = [Int](repeating: -1, count: P)
    var unscoredCodes = Set<Int>()
    var hasData = [Bool](repeating: false, count: P * T)
    for i in 0..<table.count {
      let p = Int(table.partner[i])
      let t = Int(table.period[i]) - lo
      if first[p] < 0 || t < first[p] { first[p] = t }
      hasData[p * T + t] = true
      let k = programKPI[Int(table.kpi[i])]
      if k < 0 {
        unscoredCodes.insert(Int(table.kpi[i]))
        continue
      }
      raw[(p * T + t) * K + k] = table.value[i]
    }
    var partnerIndex: [String: Int] = [:]
    for (i, p) in data.partners.enumerated() { partnerIndex[p.id] = i }
    for (i, a) in data.adjustments.enumerated() {
      guard let p = partnerIndex[a.partnerID], let k = program.kpiIndex(a.kpi), T > 0 else { continue }
      let t = a.period.ordinal - lo
      guard t >= 0 && t < T else { continue }
      if first[p] < 0 || t < first[p] { first[p] = t }
      hasData[p * T + t] = true
      raw[(p * T + t) * K + k] = a.value
      rawAdjustment[(p * T + t) * K + k] = Int32(i)
    }
    self.indexOfID = partnerIndex
    self.raw = raw
    self.rawAdjustment = rawAdjustment
    self.adjustments = data.adjustments
    self.firstPeriod = first
    var reported = [Int](repeating: 0, count: T)
    for p in 0..<P {
      for t in 0..<T where hasData[p * T + t] { reported[t] += 1 }
    }
    self.reported = reported
    self.hasDataFlat = hasData
    self.closedThrough = data.closedThrough
    self.givenCoverage = data.coverage
    self.unscoredKPIs = unscoredCodes.map { table.kpiNames[$0] }.sorted()

    // Per-segment constants, computed once: weights, effective targets and thresholds.
    let segments = SegmentCodes(data.partners)
    let segmentOf = segments.of
    let segmentIDs = segments.ids
    let segmentWeights = segmentIDs.map { SegmentWeights(program: program, segment: $0) }
    let rules = segmentIDs.map { seg in program.kpis.map { KPIRule($0, segment: seg) } }
    self.weights = segmentOf.map { segmentWeights[$0] }
    var applicableFlat = [Bool](repeating: false, count: P * K)
    for p in 0..<P {
      let w = segmentWeights[segmentOf[p]]
      for k in 0..<K { applicableFlat[p * K + k] = w.isApplicable(k) }
    }
    self.applicableFlat = applicableFlat

    // Tier requirements as (KPI index, value, direction), once.
    let requirements: [[TierRules.Compiled]] = program.tiers.map { tier in
      tier.requirements.map { req in
        let k = program.kpiIndex(req.kpi) ?? -1
        return TierRules.Compiled(
          k: k, value: req.value, lowerIsBetter: k >= 0 && program.kpis[k].direction == .lower)
      }
    }

    // Passes 1 and 2, per partner, split over the cores: aggregates,
    // attainment, points and score; then tiers with grace, and slopes.
    let grid = ScoreGrid(cells: P * T * K, partnerPeriods: P * T)
    let pass = PartnerPass(
      T: T, K: K, window: program.window, tiers: program.tiers, gracePeriods: program.gracePeriods,
      requirements: requirements, out: grid)
    raw.withUnsafeBufferPointer { raw in
      rawAdjustment.withUnsafeBufferPointer { adj in
        let input = PassInput(raw: raw, adj: adj)
        let firstPeriods = first
        let segments = segmentOf
        let chunks = (parallel ?? (P >= 2_000)) ? 2 : 1
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
          let range = (P * chunk / chunks)..<(P * (chunk + 1) / chunks)
          for p in range where firstPeriods[p] >= 0 {
            pass.score(
              p, first: firstPeriods[p], input: input, rules: rules[segments[p]],
              weights: segmentWeights[segments[p]].normalised)
          }
        }
      }
    }
    self.grid = grid
    let scores = grid.scores

    // Pass 3: order and ranks per period.
    let ranked =
      data.givenRanks.map {
        PeriodRanks(given: $0, partners: data.partners, firstPeriod: first, periods: periods)
      }
      ?? PeriodRanks(
        partners: data.partners, firstPeriod: first, periods: T, scores: UnsafeBufferPointer(scores))
    self.rankedCounts = ranked.rankedCounts
    self.ranksGiven = data.givenRanks != nil
    self.ranks = ranked.ranks
    self.segmentRanks = ranked.segmentRanks
    self.segmentSizes = ranked.segmentSizes
    self.order = ranked.order
  }

  /// What passes 1 and 2 read (never written while they run).
  struct PassInput: @unchecked Sendable {
    let raw: UnsafeBufferPointer<Double>
    let adj: UnsafeBufferPointer<Int32>
  }

  // MARK: - Lookups

  public var latestPeriodIndex: Int? { periods.isEmpty ? nil : periods.count - 1 }

  public func periodIndex(_ period: Period) -> Int? {
    guard let first = periods.first else { return nil }
    let t = period.ordinal - first.ordinal
    return t >= 0 && t < periods.count ? t : nil
  }

  public func partnerIndex(id: String) -> Int? { indexOfID[id] }

  /// Period `t` open or closed, and how many partners reported (SPEC section 3).
  public func coverage(_ t: Int) -> QuarterCoverage {
    if let given = givenCoverage, given.indices.contains(t) { return given[t] }
    return QuarterCoverage.of(
      t, periods: periods, reported: { reported[$0] }, evaluated: { rankedCounts[$0] },
      closedThrough: closedThrough)
  }

  /// Whether partner `p` has any observation (or adjustment) at period `t`.
  public func hasData(_ p: Int, _ t: Int) -> Bool { hasDataFlat[p * periodCount + t] }

  public func isEvaluated(_ p: Int, _ t: Int) -> Bool { firstPeriod[p] >= 0 && firstPeriod[p] <= t }

  public func score(_ p: Int, _ t: Int) -> Double? {
    isEvaluated(p, t) ? scores[p * periodCount + t] : nil
  }
  public func rank(_ p: Int, _ t: Int) -> Int? {
    isEvaluated(p, t) ? ranks[p * periodCount + t] : nil
  }
  public func segmentRank(_ p: Int, _ t: Int) -> Int? {
    isEvaluated(p, t) ? segmentRanks[p * periodCount + t] : nil
  }
  public func tier(_ p: Int, _ t: Int) -> Int? {
    isEvaluated(p, t) ? tiers[p * periodCount + t] : nil
  }
  public func qualifiedTier(_ p: Int, _ t: Int) -> Int? {
    isEvaluated(p, t) ? qualified[p * periodCount + t] : nil
  }
  public func grace(_ p: Int, _ t: Int) -> Int { isEvaluated(p, t) ? grace[p * periodCount + t] : 0 }

  /// rank(t-1) - rank(t); nil when the partner is new at t.
  public func movement(_ p: Int, _ t: Int) -> Int? {
    guard isEvaluated(p, t), t > 0, isEvaluated(p, t - 1) else { return nil }
    return ranks[p * periodCount + t - 1] - ranks[p * periodCount + t]
  }

  public func slope(_ p: Int, _ t: Int) -> Double? {
    guard isEvaluated(p, t) else { return nil }
    let s = slopes[p * periodCount + t]
    return s.isNaN ? nil : s
  }

  /// Aggregated value v(k, t); nil when missing or not evaluated.
  public func value(_ p: Int, _ t: Int, _ k: Int) -> Double? {
    guard isEvaluated(p, t) else { return nil }
    let v = values[(p * periodCount + t) * kpiCount + k]
    return v.isNaN ? nil : v
  }

  public func baseline(_ p: Int, _ t: Int, _ k: Int) -> Double? {
    guard isEvaluated(p, t) else { return nil }
    let v = baselines[(p * periodCount + t) * kpiCount + k]
    return v.isNaN ? nil : v
  }

  public func attainment(_ p: Int, _ t: Int, _ k: Int) -> Double {
    isEvaluated(p, t) ? attainments[(p * periodCount + t) * kpiCount + k] : 0
  }

  public func points(_ p: Int, _ t: Int, _ k: Int) -> Double {
    isEvaluated(p, t) ? points[(p * periodCount + t) * kpiCount + k] : 0
  }

  public func status(_ p: Int, _ t: Int, _ k: Int) -> KPIStatus {
    isEvaluated(p, t) ? statuses[(p * periodCount + t) * kpiCount + k] : .missing
  }

  public func weight(_ p: Int, _ k: Int) -> Double { weights[p].normalised[k] }

  /// Whether KPI `k` applies to partner `p`'s segment (weight > 0).
  @inline(__always)
  public func isApplicable(_ p: Int, _ k: Int) -> Bool { applicableFlat[p * kpiCount + k] }

  /// The raw observation of period index `t` (after adjustments) and the
  /// adjustment that set it, if any.
  public func observation(_ p: Int, _ t: Int, _ k: Int) -> (value: Double, adjustment: Adjustment?)? {
    guard t >= 0 && t < periodCount else { return nil }
    let i = (p * periodCount + t) * kpiCount + k
    guard !raw[i].isNaN else { return nil }
    let a = rawAdjustment[i]
    return (raw[i], a >= 0 ? adjustments[Int(a)] : nil)
  }

  /// Period indices of the window W(t) for a partner (SPEC section 4 step 1).
  public func window(_ p: Int, endingAt t: Int) -> ClosedRange<Int>? {
    guard firstPeriod[p] >= 0 else { return nil }
    let start = max(firstPeriod[p], t - program.window + 1)
    return t >= start ? start...t : nil
  }
}
