/// SPEC section 6: at risk and rising, from the trend's projection.
public struct Outlook: Sendable, Equatable {
  /// score + slope; nil with fewer than two evaluated periods.
  public let projection: Double?
  /// In grace, or projected below the tier's min_score (never for the lowest tier).
  public let atRisk: Bool
  /// Projected to reach the next tier's min_score.
  public let rising: Bool

  /// The outlook of a partner at `tier` (index into `tiers`) with this
  /// score, slope and grace.
  public init(score: Double, tier: Int, slope: Double?, grace: Int, tiers: [Tier]) {
    let projection = slope.map { score + $0 }
    var atRisk = grace > 0
    if tier > 0, let projection, projection < tiers[tier].minScore { atRisk = true }
    var rising = false
    if tier + 1 < tiers.count, let projection, projection >= tiers[tier + 1].minScore { rising = true }
    self.projection = projection
    self.atRisk = atRisk
    self.rising = rising
  }
}

/// A partner's standing at a period, as the whole scorebook and the
/// rescore's kept grid both answer it (nil or 0: not evaluated then).
public protocol PartnerStandings {
  func score(_ p: Int, _ t: Int) -> Double?
  func tier(_ p: Int, _ t: Int) -> Int?
  func movement(_ p: Int, _ t: Int) -> Int?
  func grace(_ p: Int, _ t: Int) -> Int
  func slope(_ p: Int, _ t: Int) -> Double?
  /// The tier the score qualifies for, before grace; nil when not evaluated.
  func qualifiedTier(_ p: Int, _ t: Int) -> Int?
}

extension PartnerStandings {
  public func outlook(_ p: Int, _ t: Int, tiers: [Tier]) -> Outlook? {
    guard let score = score(p, t), let tier = tier(p, t) else { return nil }
    return Outlook(score: score, tier: tier, slope: slope(p, t), grace: grace(p, t), tiers: tiers)
  }
}

extension Scorebook: PartnerStandings {
  public func outlook(_ p: Int, _ t: Int) -> Outlook? { outlook(p, t, tiers: program.tiers) }
}
