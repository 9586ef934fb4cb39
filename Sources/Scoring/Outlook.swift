/// SPEC section 6: at risk and rising, from the trend's projection.
public struct Outlook: Sendable, Equatable {
  /// score + slope; nil with fewer than two evaluated periods.
  public let projection: Double?
  /// In grace, or projected below the tier's min_score (never for the lowest tier).
  public let atRisk: Bool
  /// Projected to reach the next tier's min_score.
  public let rising: Bool
}

extension Scorebook {
  public func outlook(_ p: Int, _ t: Int) -> Outlook? {
    guard let score = score(p, t), let tier = tier(p, t) else { return nil }
    let tiers = program.tiers
    let projection = slope(p, t).map { score + $0 }
    var atRisk = grace(p, t) > 0
    if tier > 0, let projection, projection < tiers[tier].minScore { atRisk = true }
    var rising = false
    if tier + 1 < tiers.count, let projection, projection >= tiers[tier + 1].minScore { rising = true }
    return Outlook(projection: projection, atRisk: atRisk, rising: rising)
  }
}
