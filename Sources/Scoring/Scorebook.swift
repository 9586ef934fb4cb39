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
    let table = data.observationTable ?? ObservationTable(data.observations, partners: data.partners)

    // Periods: earliest to latest observation, no gaps.
    var lo = Int.max
    var hi = Int.min
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
    for i in 0..<table.count {
      let p = Int(table.partner[i])
      let t = Int(table.period[i]) - lo
      if first[p] < 0 || t < first[p] { first[p] = t }
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
      raw[(p * T + t) * K + k] = a.value
      rawAdjustment[(p * T + t) * K + k] = Int32(i)
    }
    self.raw = raw
    self.rawAdjustment = rawAdjustment
    self.adjustments = data.adjustments
    self.firstPeriod = first
    self.unscoredKPIs = unscoredCodes.map { table.kpiNames[$0] }.sorted()

    // Per-segment constants, computed once: weights, effective targets and thresholds.
    var segmentOf = [Int](repeating: 0, count: P)
    var segmentIDs: [String] = []
    var segmentCode: [String: Int] = [:]
    for (i, partner) in data.partners.enumerated() {
      if let c = segmentCode[partner.segment] {
        segmentOf[i] = c
      } else {
        segmentCode[partner.segment] = segmentIDs.count
        segmentOf[i] = segmentIDs.count
        segmentIDs.append(partner.segment)
      }
    }
    let segmentWeights = segmentIDs.map { SegmentWeights(program: program, segment: $0) }
    let rules = segmentIDs.map { seg in program.kpis.map { KPIRule($0, segment: seg) } }
    self.weights = segmentOf.map { segmentWeights[$0] }

    // Tier requirements as (KPI index, value, direction), once.
    let requirements: [[(k: Int, value: Double, lowerIsBetter: Bool)]] = program.tiers.map { tier in
      tier.requirements.map { req in
        let k = program.kpiIndex(req.kpi) ?? -1
        return (k, req.value, k >= 0 && program.kpis[k].direction == .lower)
      }
    }

    // Passes 1 and 2, per partner, split over the cores: aggregates,
    // attainment, points and score; then tiers with grace, and slopes.
    let window = program.window
    let cells = P * T * K
    var values = [Double](repeating: .nan, count: cells)
    var baselines = [Double](repeating: .nan, count: cells)
    var attainments = [Double](repeating: 0, count: cells)
    var points = [Double](repeating: 0, count: cells)
    var statuses = [KPIStatus](repeating: .missing, count: cells)
    var scores = [Double](repeating: .nan, count: P * T)
    var qualified = [Int](repeating: -1, count: P * T)
    var tiers = [Int](repeating: -1, count: P * T)
    var grace = [Int](repeating: 0, count: P * T)
    var slopes = [Double](repeating: .nan, count: P * T)
    let tierList = program.tiers
    let gracePeriods = program.gracePeriods

    raw.withUnsafeBufferPointer { raw in
      rawAdjustment.withUnsafeBufferPointer { adj in
        values.withUnsafeMutableBufferPointer { values in
          baselines.withUnsafeMutableBufferPointer { baselines in
            attainments.withUnsafeMutableBufferPointer { attainments in
              points.withUnsafeMutableBufferPointer { points in
                statuses.withUnsafeMutableBufferPointer { statuses in
                  scores.withUnsafeMutableBufferPointer { scores in
                    qualified.withUnsafeMutableBufferPointer { qualified in
                      tiers.withUnsafeMutableBufferPointer { tiers in
                        grace.withUnsafeMutableBufferPointer { grace in
                          slopes.withUnsafeMutableBufferPointer { slopes in
                            let out = PassOutput(
                              values: values, baselines: baselines, attainments: attainments, points: points,
                              statuses: statuses, scores: scores, qualified: qualified, tiers: tiers,
                              grace: grace,
                              slopes: slopes)
                            let input = PassInput(raw: raw, adj: adj)
                            let firstPeriods = first
                            let segments = segmentOf
                            let chunks = P >= 2_000 ? 2 : 1
                            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                              let range = (P * chunk / chunks)..<(P * (chunk + 1) / chunks)
                              for p in range where firstPeriods[p] >= 0 {
                                Self.scorePartner(
                                  p, first: firstPeriods[p], T: T, K: K, window: window, raw: input.raw,
                                  adj: input.adj,
                                  rules: rules[segments[p]], weights: segmentWeights[segments[p]].normalised,
                                  requirements: requirements, tiers: tierList, gracePeriods: gracePeriods,
                                  out: out)
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    self.values = values
    self.baselines = baselines
    self.attainments = attainments
    self.points = points
    self.statuses = statuses
    self.scores = scores
    self.qualified = qualified
    self.tiers = tiers
    self.grace = grace
    self.slopes = slopes

    // Pass 3: order and ranks per period. Names are ranked once, so the
    // per-period sorts compare numbers only.
    let partners = data.partners
    let byName = partners.indices.sorted { a, b in
      Ranking.precedes((0, partners[a].name, partners[a].id), (0, partners[b].name, partners[b].id))
    }
    var nameRank = [Int](repeating: 0, count: P)
    for (i, p) in byName.enumerated() { nameRank[p] = i }
    var ranks = [Int](repeating: 0, count: P * T)
    var segmentRanks = [Int](repeating: 0, count: P * T)
    var order: [[Int]] = []
    order.reserveCapacity(T)
    var segmentSizes: [[String: Int]] = []
    for t in 0..<T {
      var ids = (0..<P).filter { first[$0] >= 0 && first[$0] <= t }
      ids.sort { a, b in
        let sa = scores[a * T + t]
        let sb = scores[b * T + t]
        return sa != sb ? sa > sb : nameRank[a] < nameRank[b]
      }
      let r = Ranking.ranks(ofDescending: ids.map { scores[$0 * T + t] })
      for (i, p) in ids.enumerated() { ranks[p * T + t] = r[i] }
      var bySegment = [[Int]](repeating: [], count: segmentIDs.count)
      for p in ids { bySegment[segmentOf[p]].append(p) }
      var sizes: [String: Int] = [:]
      for (c, members) in bySegment.enumerated() where !members.isEmpty {
        let sr = Ranking.ranks(ofDescending: members.map { scores[$0 * T + t] })
        for (i, p) in members.enumerated() { segmentRanks[p * T + t] = sr[i] }
        sizes[segmentIDs[c]] = members.count
      }
      segmentSizes.append(sizes)
      order.append(ids)
    }
    self.ranks = ranks
    self.segmentRanks = segmentRanks
    self.segmentSizes = segmentSizes
    self.order = order
  }

  /// What passes 1 and 2 read (never written while they run).
  private struct PassInput: @unchecked Sendable {
    let raw: UnsafeBufferPointer<Double>
    let adj: UnsafeBufferPointer<Int32>
  }

  /// Where passes 1 and 2 write; each partner owns its own slots.
  private struct PassOutput: @unchecked Sendable {
    let values: UnsafeMutableBufferPointer<Double>
    let baselines: UnsafeMutableBufferPointer<Double>
    let attainments: UnsafeMutableBufferPointer<Double>
    let points: UnsafeMutableBufferPointer<Double>
    let statuses: UnsafeMutableBufferPointer<KPIStatus>
    let scores: UnsafeMutableBufferPointer<Double>
    let qualified: UnsafeMutableBufferPointer<Int>
    let tiers: UnsafeMutableBufferPointer<Int>
    let grace: UnsafeMutableBufferPointer<Int>
    let slopes: UnsafeMutableBufferPointer<Double>
  }

  /// SPEC section 4 for one partner at every period from its first, then
  /// section 5's tiers and section 6's slope.
  private static func scorePartner(
    _ p: Int, first f: Int, T: Int, K: Int, window: Int, raw: UnsafeBufferPointer<Double>,
    adj: UnsafeBufferPointer<Int32>, rules: [KPIRule], weights: [Double],
    requirements: [[(k: Int, value: Double, lowerIsBetter: Bool)]], tiers tierList: [Tier], gracePeriods: Int,
    out: PassOutput
  ) {
    func aggregate(_ k: Int, endingAt t: Int, _ how: Aggregate) -> (Double?, Bool) {
      let start = max(f, t - window + 1)
      guard t >= start else { return (nil, false) }
      var adjusted = false
      var acc = AggregateAccumulator()
      for u in start...t {
        let i = (p * T + u) * K + k
        acc.add(raw[i])
        if adj[i] >= 0 { adjusted = true }
      }
      return (acc.result(how), adjusted)
    }
    var previous: (tier: Int, shortfall: Int)? = nil
    for t in f..<T {
      var total = 0.0
      for k in 0..<K {
        let i = (p * T + t) * K + k
        let rule = rules[k]
        let (v, adjustedInWindow) = aggregate(k, endingAt: t, rule.aggregate)
        var adjusted = adjustedInWindow
        var a: Double? = nil
        if let v {
          out.values[i] = v
          if rule.isImprovement {
            let (b, adjustedBase) = aggregate(k, endingAt: t - window, rule.aggregate)
            adjusted = adjusted || adjustedBase
            if let b { out.baselines[i] = b }
            a = Attainment.improvement(
              value: v, baseline: b, targetImprovement: rule.targetImprovement, direction: rule.direction)
          } else {
            a = Attainment.absolute(value: v, target: rule.target, threshold: rule.threshold)
          }
        }
        let status: KPIStatus
        if weights[k] <= 0 {
          status = .notApplicable
        } else if v == nil {
          status = .missing
        } else if a == nil {
          status = .noBaseline
        } else if adjusted {
          status = .adjusted
        } else {
          status = .ok
        }
        out.statuses[i] = status
        let attainment = a ?? 0
        out.attainments[i] = attainment
        let pts = 100 * weights[k] * Attainment.credit(attainment)
        out.points[i] = pts
        total += pts
      }
      let score = specRound(total, 2)
      out.scores[p * T + t] = score

      // Qualified tier: the highest whose min_score and requirements hold.
      var q = 0
      for ti in stride(from: tierList.count - 1, through: 0, by: -1) {
        guard tierList[ti].minScore <= score else { continue }
        var ok = true
        for req in requirements[ti] {
          guard req.k >= 0 else {
            ok = false
            break
          }
          if weights[req.k] <= 0 { continue }  // waived
          let v = out.values[(p * T + t) * K + req.k]
          if v.isNaN || (req.lowerIsBetter ? v > req.value : v < req.value) {
            ok = false
            break
          }
        }
        if ok {
          q = ti
          break
        }
      }
      out.qualified[p * T + t] = q
      let step = TierRules.assign(previous: previous, qualified: q, gracePeriods: gracePeriods)
      out.tiers[p * T + t] = step.tier
      out.grace[p * T + t] = step.shortfall
      previous = step
      let history = UnsafeBufferPointer(rebasing: out.scores[(p * T + f)...(p * T + t)])
      out.slopes[p * T + t] = Trend.slope(Array(history.suffix(Trend.span))[...]) ?? .nan
    }
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
