/// SPEC section 5, progress and keeping the tier: the one home of
/// `points_needed`, `progress` and `keep_points_needed`, for evaluations and
/// for the scores the store keeps.
public struct TierProgress: Sendable, Equatable {
  /// The tier above the assigned one; nil at the top.
  public let nextTier: Tier?
  /// `max(0, N.min_score - score)`; nil at the top tier.
  public let pointsNeeded: Double?
  /// `clamp((score - T.min_score) / (N.min_score - T.min_score), 0, 1)`; 1 at the top tier.
  public let progress: Double
  /// While in grace: `max(0, T.min_score - score)`; nil otherwise.
  public let keepPointsNeeded: Double?

  public init(score: Double, tier: Int, tiers: [Tier], grace: Int) {
    let T = tiers[tier]
    let next = tier + 1 < tiers.count ? tiers[tier + 1] : nil
    nextTier = next
    if let next {
      pointsNeeded = max(0, next.minScore - score)
      progress = min(max((score - T.minScore) / (next.minScore - T.minScore), 0), 1)
    } else {
      pointsNeeded = nil
      progress = 1
    }
    keepPointsNeeded = grace > 0 ? max(0, T.minScore - score) : nil
  }
}

extension Scorebook {
  /// Progress and keeping the tier of partner `p` at period `t`; nil when not evaluated.
  public func tierProgress(_ p: Int, _ t: Int) -> TierProgress? {
    guard let score = score(p, t), let tier = tier(p, t) else { return nil }
    return TierProgress(score: score, tier: tier, tiers: program.tiers, grace: grace(p, t))
  }

  /// Partners evaluated at period `t`, per segment id.
  public func segmentCounts(_ t: Int) -> [String: Int] { segmentSizes[t] }
}
