/// Passes 1 and 2 of the engine for one partner: SPEC section 4 at every
/// period from its first (aggregates, attainment, credit, points, score),
/// then section 5's qualified and assigned tiers and section 6's slope.
struct PartnerPass: @unchecked Sendable {
  let T: Int
  let K: Int
  let window: Int
  let tiers: [Tier]
  let gracePeriods: Int
  let requirements: [[TierRules.Compiled]]
  let out: ScoreGrid

  func score(
    _ p: Int, first f: Int, input: Scorebook.PassInput, rules: [KPIRule], weights: [Double]
  ) {
    let raw = input.raw
    let adj = input.adj
    /// Step 2 over the window ending at t, and whether an adjusted value is in it.
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
        out.statuses[i] = KPIStatus.of(
          applicable: weights[k] > 0, hasValue: v != nil, hasAttainment: a != nil, adjusted: adjusted)
        let attainment = a ?? 0
        out.attainments[i] = attainment
        let pts = Points.of(weight: weights[k], attainment: attainment)
        out.points[i] = pts
        total += pts
      }
      let score = Points.score(total)
      out.scores[p * T + t] = score

      let q = TierRules.qualified(score: score, tiers: tiers) { ti in
        requirements[ti].allSatisfy { req in
          guard req.k >= 0 else { return false }
          let v = out.values[(p * T + t) * K + req.k]
          return TierRules.holds(
            value: v.isNaN ? nil : v, required: req.value, lowerIsBetter: req.lowerIsBetter,
            applicable: weights[req.k] > 0
          ).holds
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
}
