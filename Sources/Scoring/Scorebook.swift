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

  let kpiCount: Int
  let periodCount: Int
  /// Index into `periods` of each partner's first observation; -1 = no data.
  public let firstPeriod: [Int]
  let weights: [SegmentWeights]

  // Per (partner, period, kpi): index (p * T + t) * K + k.
  let raw: [Double]
  let rawAdjustment: [Int32]
  let values: [Double]
  let baselines: [Double]
  let attainments: [Double]
  let points: [Double]
  let statuses: [KPIStatus]
  let adjustments: [Adjustment]

  // Per (partner, period): index p * T + t.
  let scores: [Double]
  let qualified: [Int]
  let tiers: [Int]
  let grace: [Int]
  let ranks: [Int]
  let segmentRanks: [Int]
  let slopes: [Double]
  /// Partner indices in rank order, per period.
  public let order: [[Int]]
  /// Partners evaluated per segment, per period.
  let segmentSizes: [[String: Int]]

  public init(_ data: Dataset) {
    let program = data.program
    self.program = program
    self.partners = data.partners
    self.agreements = data.agreements
    let K = program.kpis.count
    let P = data.partners.count
    kpiCount = K

    var partnerIndex: [String: Int] = [:]
    for (i, p) in data.partners.enumerated() { partnerIndex[p.id] = i }
    var kpiIndex: [String: Int] = [:]
    for (i, k) in program.kpis.enumerated() { kpiIndex[k.id] = i }

    // Periods: earliest to latest observation, no gaps.
    var lo = Int.max
    var hi = Int.min
    for o in data.observations {
      lo = min(lo, o.period.ordinal)
      hi = max(hi, o.period.ordinal)
    }
    let periods = lo <= hi ? (lo...hi).map(Period.init(ordinal:)) : []
    self.periods = periods
    let T = periods.count
    periodCount = T

    // Raw grid, first periods, unscored KPI ids.
    var raw = [Double](repeating: .nan, count: P * T * K)
    var rawAdjustment = [Int32](repeating: -1, count: P * T * K)
    var first = [Int](repeating: -1, count: P)
    var unscored = Set<String>()
    for o in data.observations {
      guard let p = partnerIndex[o.partnerID] else { continue }
      let t = o.period.ordinal - lo
      if first[p] < 0 || t < first[p] { first[p] = t }
      guard let k = kpiIndex[o.kpi] else {
        unscored.insert(o.kpi)
        continue
      }
      raw[(p * T + t) * K + k] = o.value
    }
    for (i, a) in data.adjustments.enumerated() {
      guard let p = partnerIndex[a.partnerID], let k = kpiIndex[a.kpi], T > 0 else { continue }
      let t = a.period.ordinal - lo
      guard t >= 0 && t < T else { continue }
      if first[p] < 0 || t < first[p] { first[p] = t }
      raw[(p * T + t) * K + k] = a.value
      rawAdjustment[(p * T + t) * K + k] = Int32(i)
    }
    self.raw = raw
    self.rawAdjustment = rawAdjustment
    self.adjustments = data.adjustments
    self.firstPeriod = first
    self.unscoredKPIs = unscored.sorted()

    // Weights per partner (shared per segment).
    var weightCache: [String: SegmentWeights] = [:]
    var weights: [SegmentWeights] = []
    weights.reserveCapacity(P)
    for partner in data.partners {
      if let w = weightCache[partner.segment] {
        weights.append(w)
      } else {
        let w = SegmentWeights(program: program, segment: partner.segment)
        weightCache[partner.segment] = w
        weights.append(w)
      }
    }
    self.weights = weights

    // Pass 1: aggregates, baselines, attainment, points, score.
    let window = program.window
    var values = [Double](repeating: .nan, count: P * T * K)
    var baselines = [Double](repeating: .nan, count: P * T * K)
    var attainments = [Double](repeating: 0, count: P * T * K)
    var points = [Double](repeating: 0, count: P * T * K)
    var statuses = [KPIStatus](repeating: .missing, count: P * T * K)
    var scores = [Double](repeating: .nan, count: P * T)

    func aggregate(_ p: Int, _ k: Int, endingAt t: Int, first f: Int) -> (Double?, Bool) {
      let start = max(f, t - window + 1)
      guard t >= start else { return (nil, false) }
      var adjusted = false
      var acc = AggregateAccumulator()
      for u in start...t {
        let i = (p * T + u) * K + k
        acc.add(raw[i])
        if rawAdjustment[i] >= 0 { adjusted = true }
      }
      return (acc.result(program.kpis[k].aggregate), adjusted)
    }

    for p in 0..<P where first[p] >= 0 {
      let segment = data.partners[p].segment
      let w = weights[p]
      for t in first[p]..<T {
        var total = 0.0
        for k in 0..<K {
          let i = (p * T + t) * K + k
          let kpi = program.kpis[k]
          let (v, adjustedInWindow) = aggregate(p, k, endingAt: t, first: first[p])
          var adjusted = adjustedInWindow
          var a: Double? = nil
          if let v {
            values[i] = v
            switch kpi.basis {
            case .absolute:
              a = Attainment.absolute(
                value: v, target: kpi.effectiveTarget(for: segment)!,
                threshold: kpi.effectiveThreshold(for: segment)!)
            case .improvement(let ti, let direction):
              let (b, adjustedBase) = aggregate(p, k, endingAt: t - window, first: first[p])
              adjusted = adjusted || adjustedBase
              if let b { baselines[i] = b }
              a = Attainment.improvement(
                value: v, baseline: b, targetImprovement: ti, direction: direction)
            }
          }
          let status: KPIStatus
          if !w.isApplicable(k) {
            status = .notApplicable
          } else if values[i].isNaN {
            status = .missing
          } else if a == nil {
            status = .noBaseline
          } else if adjusted {
            status = .adjusted
          } else {
            status = .ok
          }
          statuses[i] = status
          let attainment = a ?? 0
          attainments[i] = attainment
          let pts = 100 * w.normalised[k] * Attainment.credit(attainment)
          points[i] = pts
          total += pts
        }
        scores[p * T + t] = specRound(total, 2)
      }
    }
    self.values = values
    self.baselines = baselines
    self.attainments = attainments
    self.points = points
    self.statuses = statuses
    self.scores = scores

    // Pass 2: qualified and assigned tiers with grace; slopes.
    var qualified = [Int](repeating: -1, count: P * T)
    var tiers = [Int](repeating: -1, count: P * T)
    var grace = [Int](repeating: 0, count: P * T)
    var slopes = [Double](repeating: .nan, count: P * T)
    for p in 0..<P where first[p] >= 0 {
      var previous: (tier: Int, shortfall: Int)? = nil
      for t in first[p]..<T {
        let score = scores[p * T + t]
        var q = 0
        for (ti, tier) in program.tiers.enumerated().reversed() {
          guard tier.minScore <= score else { continue }
          let ok = tier.requirements.allSatisfy { req in
            guard let k = kpiIndex[req.kpi] else { return false }
            let v = values[(p * T + t) * K + k]
            return TierRules.holds(
              req, kpi: program.kpis[k], value: v.isNaN ? nil : v,
              applicable: weights[p].isApplicable(k)
            ).holds
          }
          if ok {
            q = ti
            break
          }
        }
        qualified[p * T + t] = q
        let step = TierRules.assign(
          previous: previous, qualified: q, gracePeriods: program.gracePeriods)
        tiers[p * T + t] = step.tier
        grace[p * T + t] = step.shortfall
        previous = step
        let history = scores[(p * T + first[p])...(p * T + t)]
        slopes[p * T + t] = Trend.slope(history) ?? .nan
      }
    }
    self.qualified = qualified
    self.tiers = tiers
    self.grace = grace
    self.slopes = slopes

    // Pass 3: order and ranks per period.
    var ranks = [Int](repeating: 0, count: P * T)
    var segmentRanks = [Int](repeating: 0, count: P * T)
    var order: [[Int]] = []
    order.reserveCapacity(T)
    var segmentSizes: [[String: Int]] = []
    let partners = data.partners
    for t in 0..<T {
      var ids = (0..<P).filter { first[$0] >= 0 && first[$0] <= t }
      ids.sort { a, b in
        Ranking.precedes(
          (scores[a * T + t], partners[a].name, partners[a].id),
          (scores[b * T + t], partners[b].name, partners[b].id))
      }
      let r = Ranking.ranks(ofDescending: ids.map { scores[$0 * T + t] })
      for (i, p) in ids.enumerated() { ranks[p * T + t] = r[i] }
      var bySegment: [String: [Int]] = [:]
      for p in ids { bySegment[partners[p].segment, default: []].append(p) }
      for members in bySegment.values {
        let sr = Ranking.ranks(ofDescending: members.map { scores[$0 * T + t] })
        for (i, p) in members.enumerated() { segmentRanks[p * T + t] = sr[i] }
      }
      segmentSizes.append(bySegment.mapValues(\.count))
      order.append(ids)
    }
    self.ranks = ranks
    self.segmentRanks = segmentRanks
    self.segmentSizes = segmentSizes
    self.order = order
  }

  // MARK: - Lookups

  public var latestPeriodIndex: Int? { periods.isEmpty ? nil : periods.count - 1 }

  public func periodIndex(_ period: Period) -> Int? {
    guard let first = periods.first else { return nil }
    let t = period.ordinal - first.ordinal
    return t >= 0 && t < periods.count ? t : nil
  }

  public func partnerIndex(id: String) -> Int? { partners.firstIndex { $0.id == id } }

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
