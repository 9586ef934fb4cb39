/// Which partners a view covers: the one rule for the leaderboard (screen
/// and command), the trends statistics and every other filtered view. The
/// segment and tier are ids; the region matches without regard to case.
/// Text search is the presentation's (`PartnerSearch`): it folds accents.
public struct PartnerFilter: Sendable, Equatable {
  public var segment: String?
  public var region: String?
  public var tier: String?
  public init(segment: String? = nil, region: String? = nil, tier: String? = nil) {
    self.segment = segment
    self.region = region
    self.tier = tier
  }

  public var isEmpty: Bool { segment == nil && region == nil && tier == nil }
}

extension Scorebook {
  /// Whether partner `p` passes `filter` at period `t`.
  public func matches(_ p: Int, _ t: Int, _ filter: PartnerFilter) -> Bool {
    if filter.isEmpty { return true }
    let partner = partners[p]
    let tierID = tier(p, t).map { program.tiers[$0].id } ?? ""
    return filter.matches(segment: partner.segment, region: partner.region, tierID: tierID)
  }
}
