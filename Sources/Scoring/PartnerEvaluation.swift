/// Everything known about one partner at one period, for lookups, explain
/// and the dashboard: SPEC sections 4-6 in one value.
public struct PartnerEvaluation: Sendable {
  public let partner: Partner
  public let period: Period
  public let score: Double
  public internal(set) var rank: Int
  public internal(set) var segmentRank: Int
  /// Partners evaluated at this period, and those of the same segment.
  public internal(set) var rankedCount: Int
  public internal(set) var segmentCount: Int
  public internal(set) var movement: Int?
  public let qualifiedTier: Tier
  public let tier: Tier
  public let tierIndex: Int
  /// Shortfall count while in grace (1...grace_periods), else 0.
  public let grace: Int
  public let nextTier: Tier?
  public let pointsNeeded: Double?
  public let progress: Double
  public let slope: Double?
  public let projection: Double?
  public let atRisk: Bool
  public let rising: Bool
  /// The period open or closed, and how many partners reported (SPEC section 3).
  public let coverage: QuarterCoverage
  /// The period is open: the scores are provisional.
  public var provisional: Bool { coverage.provisional }
  /// The program's badges with whether the partner earns each: a `top`
  /// badge is decided by the ranks (`nil` here), so a partner placed among
  /// the others with kept ranks earns it by those (SPEC section 15).
  let badgeCandidates: [(badge: Badge, earned: Bool?)]

  /// The badges earned at this period, in the program's order.
  public var badges: [Badge] {
    badgeCandidates.filter {
      $0.earned
        ?? $0.badge.rule.holds(
          rank: rank, segmentRank: segmentRank, rankedCount: rankedCount, segmentCount: segmentCount) ?? false
    }.map(\.badge)
  }
  public let kpis: [KPIEvaluation]
  /// Every tier's rules checked against this evaluation, lowest first.
  public let tierChecks: [TierCheck]
  /// Per applicable KPI: the value that alone closes the points gap.
  public let whatItTakes: [WhatItTakes]
  /// SPEC section 5, keeping the tier: while in grace, the points the score
  /// lacks for the assigned tier (`max(0, T.min_score - score)`); nil outside grace.
  public let keepPointsNeeded: Double?
  /// While in grace: per applicable KPI, the value that alone closes the keep gap.
  public let keepWhatItTakes: [WhatItTakes]
  /// Gains on several KPIs that together close the points gap (`GainPlan`).
  public internal(set) var plan: GainPlan?
  /// While in grace: the same for the keep gap.
  public internal(set) var keepPlan: GainPlan?

  /// The same evaluation placed among all partners: a partner scored on its
  /// own (everything but ranks depends on its data only) gets its ranks
  /// from the store's kept results.
  public func placed(rank: Int, segmentRank: Int, movement: Int?, rankedCount: Int, segmentCount: Int)
    -> PartnerEvaluation
  {
    var e = self
    e.rank = rank
    e.segmentRank = segmentRank
    e.movement = movement
    e.rankedCount = rankedCount
    e.segmentCount = segmentCount
    return e
  }

  /// Whether the partner is in grace: it keeps a tier it no longer qualifies for.
  public var inGrace: Bool { grace > 0 }

  /// The score or its projection reaches the next tier, and one of its
  /// requirements does not hold (`Scorebook.blocked`).
  public var blocked: Bool {
    guard let next = nextTier, !unmetRequirements.isEmpty else { return false }
    return score >= next.minScore || rising
  }

  /// The next tier's requirements that do not hold.
  public var unmetRequirements: [RequirementCheck] {
    guard nextTier != nil else { return [] }
    return tierChecks[tierIndex + 1].requirements.filter { !$0.outcome.holds }
  }

  /// While in grace: the assigned tier's own requirements that do not hold.
  public var unmetKeepRequirements: [RequirementCheck] {
    guard inGrace else { return [] }
    return tierChecks[tierIndex].requirements.filter { !$0.outcome.holds }
  }
}

public struct KPIEvaluation: Sendable {
  public let kpi: KPI
  /// Aggregated value v(k, t); nil when missing.
  public let value: Double?
  /// Improvement KPIs: v(k, t - window); nil when none.
  public let baseline: Double?
  /// Effective target and threshold for the partner's segment (absolute KPIs).
  public let target: Double?
  public let threshold: Double?
  /// a; 0 when missing or no baseline (SPEC section 4 step 3).
  public let attainment: Double
  public let credit: Double
  /// Normalised weight for the partner's segment.
  public let weight: Double
  public let points: Double
  public let status: KPIStatus
  /// The observations in the window W(t), oldest first.
  public let window: [WindowObservation]
  /// Improvement KPIs: the observations in the baseline window.
  public let baselineWindow: [WindowObservation]
}

public struct WindowObservation: Sendable {
  public let period: Period
  public let value: Double?
  public let adjustment: Adjustment?
}

public struct RequirementCheck: Sendable {
  public let requirement: Requirement
  public let kpi: KPI
  public let current: Double?
  public let outcome: RequirementOutcome
}

public struct TierCheck: Sendable {
  public let tier: Tier
  public let scoreMet: Bool
  public let requirements: [RequirementCheck]
  public var qualifies: Bool { scoreMet && requirements.allSatisfy { $0.outcome.holds } }
}

/// Gains on several KPIs that together close a points gap, for a partner
/// no single KPI gets there (or keeps there) alone. Chosen greedily: the
/// KPIs with the most headroom (points still to earn) first, each to full
/// credit, the last only as far as the gap needs, so as few KPIs as
/// possible move. `short` > 0: even every KPI at full credit leaves that
/// many points.
public struct GainPlan: Sendable {
  public struct Step: Sendable {
    public let kpi: KPI
    public let current: Double?
    /// The aggregated value this step asks for.
    public let target: Double
    /// The points it adds.
    public let points: Double
    /// A requirement of the tier asks for this value (the plan meets it first).
    public let required: Bool
  }

  public let gap: Double
  public let steps: [Step]
  public let short: Double
}

public struct WhatItTakes: Sendable {
  public let kpi: KPI
  public let current: Double?
  /// Headroom h = 100 * w * (1 - c), in points.
  public let headroom: Double
  /// The aggregated value that alone closes the gap; nil when not reachable
  /// through this KPI alone.
  public let needed: Double?
}

extension Scorebook {
  /// The full evaluation of partner `p` at period index `t`; nil when the
  /// partner is not evaluated then.
  public func evaluation(partner p: Int, period t: Int) -> PartnerEvaluation? {
    guard isEvaluated(p, t) else { return nil }
    let partner = partners[p]
    let segment = partner.segment
    let score = scores[p * periodCount + t]
    let tierIndex = tiers[p * periodCount + t]
    let tier = program.tiers[tierIndex]
    let next = tierIndex + 1 < program.tiers.count ? program.tiers[tierIndex + 1] : nil

    var kpis: [KPIEvaluation] = []
    for (k, kpi) in program.kpis.enumerated() {
      let windowRange = window(p, endingAt: t)
      let baseRange = kpi.isImprovement ? window(p, endingAt: t - program.window) : nil
      kpis.append(
        KPIEvaluation(
          kpi: kpi, value: value(p, t, k), baseline: baseline(p, t, k),
          target: kpi.effectiveTarget(for: segment), threshold: kpi.effectiveThreshold(for: segment),
          attainment: attainment(p, t, k), credit: Attainment.credit(attainment(p, t, k)),
          weight: weight(p, k), points: points(p, t, k), status: status(p, t, k),
          window: observations(p, k, windowRange), baselineWindow: observations(p, k, baseRange)))
    }

    let tierChecks = program.tiers.indices.map { ti in
      TierCheck(
        tier: program.tiers[ti], scoreMet: program.tiers[ti].minScore <= score,
        requirements: requirementChecks(p, t, tier: ti))
    }

    let standing = TierProgress(score: score, tier: tierIndex, tiers: program.tiers, grace: grace(p, t))
    let pointsNeeded = standing.pointsNeeded
    let progress = standing.progress

    /// What it takes (section 5): per applicable KPI, the value that alone
    /// closes `gap` points, when its headroom allows.
    func whatItTakes(closing gap: Double?) -> [WhatItTakes] {
      kpis.filter { $0.weight > 0 }.map { e in
        let h = Points.headroom(weight: e.weight, credit: e.credit)
        var needed: Double? = nil
        if let gap, gap > 0, h >= gap {
          // The credit that closes the gap alone: c' = c + gap / (100 w).
          let c2 = e.credit + gap / Points.headroom(weight: e.weight, credit: 0)
          needed = Attainment.value(forCredit: c2, kpi: e.kpi, segment: segment, baseline: e.baseline)
        }
        return WhatItTakes(kpi: e.kpi, current: e.value, headroom: h, needed: needed)
      }
    }
    let grace = self.grace(p, t)
    let keepPointsNeeded = standing.keepPointsNeeded

    let slope = self.slope(p, t)
    let outlook = self.outlook(p, t)!

    /// A combined plan (`GainPlan`): the tier's unmet requirements met first
    /// (their points count), then the KPIs with the most headroom, each to
    /// full credit, the last only as far as the gap needs.
    func plan(closing gap: Double?, requirements: [RequirementCheck]) -> GainPlan? {
      guard let gap, gap > 0 else { return nil }
      var credits = kpis.map(\.credit)
      var targets: [Int: (value: Double, points: Double, required: Bool)] = [:]
      // First what the tier requires: each unmet requirement's KPI to its
      // required value, with the points that earns.
      for check in requirements where check.outcome == .unmet || check.outcome == .missing {
        guard let k = program.kpiIndex(check.kpi.id) else { continue }
        let e = kpis[k]
        let v = check.requirement.value
        let credit = Attainment.credit(ofValue: v, kpi: e.kpi, segment: segment, baseline: e.baseline)
        let gained =
          credit.map { max(0, $0 - credits[k]) * Points.headroom(weight: e.weight, credit: 0) } ?? 0
        if let credit { credits[k] = max(credits[k], credit) }
        targets[k] = (v, gained, true)
      }
      var left = gap - targets.values.reduce(0) { $0 + $1.points }
      // Then the KPIs with the most points to gain, each to full credit, the
      // last only as far as the gap needs.
      var open: [(i: Int, h: Double)] = []
      for (i, e) in kpis.enumerated() where e.weight > 0 {
        let h = Points.headroom(weight: e.weight, credit: credits[i])
        if h > 0 { open.append((i, h)) }
      }
      open.sort { $0.h != $1.h ? $0.h > $1.h : $0.i < $1.i }
      for o in open where left > 1e-9 {
        let e = kpis[o.i]
        let take = min(o.h, left)
        let credit = min(1, credits[o.i] + take / Points.headroom(weight: e.weight, credit: 0))
        guard
          let v = Attainment.value(forCredit: credit, kpi: e.kpi, segment: segment, baseline: e.baseline)
        else { continue }  // an improvement KPI without a baseline cannot be planned
        let before = targets[o.i]
        targets[o.i] = (v, (before?.points ?? 0) + take, before?.required ?? false)
        left -= take
      }
      // Required steps first, then by the points they add.
      let steps = targets.sorted { a, b in
        a.value.required != b.value.required
          ? a.value.required
          : a.value.points != b.value.points ? a.value.points > b.value.points : a.key < b.key
      }.map { k, t in
        GainPlan.Step(
          kpi: kpis[k].kpi, current: kpis[k].value, target: t.value, points: t.points, required: t.required)
      }
      // Below a millionth of a point is rounding, not a shortfall.
      return GainPlan(gap: gap, steps: steps, short: left > 1e-6 ? left : 0)
    }

    var evaluation = PartnerEvaluation(
      partner: partner, period: periods[t], score: score, rank: ranks[p * periodCount + t],
      segmentRank: segmentRanks[p * periodCount + t], rankedCount: rankedCounts[t],
      segmentCount: segmentSizes[t][segment] ?? 0, movement: movement(p, t),
      qualifiedTier: program.tiers[qualified[p * periodCount + t]], tier: tier,
      tierIndex: tierIndex, grace: grace, nextTier: next, pointsNeeded: pointsNeeded,
      progress: progress, slope: slope, projection: outlook.projection, atRisk: outlook.atRisk,
      rising: outlook.rising, coverage: coverage(t),
      badgeCandidates: program.badges.map { b in
        if case .top = b.rule { return (b, nil) }
        return (b, earns(p, t, b.rule))
      },
      kpis: kpis, tierChecks: tierChecks, whatItTakes: whatItTakes(closing: pointsNeeded),
      keepPointsNeeded: keepPointsNeeded,
      keepWhatItTakes: keepPointsNeeded != nil ? whatItTakes(closing: keepPointsNeeded) : [])
    evaluation.plan = plan(
      closing: pointsNeeded, requirements: next != nil ? tierChecks[tierIndex + 1].requirements : [])
    evaluation.keepPlan = plan(
      closing: keepPointsNeeded, requirements: grace > 0 ? tierChecks[tierIndex].requirements : [])
    return evaluation
  }

  private func observations(_ p: Int, _ k: Int, _ range: ClosedRange<Int>?) -> [WindowObservation] {
    guard let range else { return [] }
    return range.map { u in
      let o = observation(p, u, k)
      return WindowObservation(period: periods[u], value: o?.value, adjustment: o?.adjustment)
    }
  }
}
