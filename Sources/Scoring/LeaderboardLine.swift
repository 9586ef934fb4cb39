/// One partner's line on a leaderboard at one period: what the leaderboard
/// command, its CSV and the dashboard's export show. Built from a scorebook
/// or read from the store's kept scores; the same either way.
public struct LeaderboardLine: Sendable, Equatable {
  public let partner: Partner
  public let rank: Int
  public let segmentRank: Int
  public let movement: Int?
  public let tierID: String
  public let score: Double
  /// Score change since the previous quarter; nil for a new partner.
  public let change: Double?
  public let atRisk: Bool
  public let rising: Bool
  /// The score or projection reaches the next tier; a requirement does not hold.
  public let blocked: Bool
  public let grace: Int

  public init(
    partner: Partner, rank: Int, segmentRank: Int, movement: Int?, tierID: String, score: Double,
    change: Double?, atRisk: Bool, rising: Bool, blocked: Bool, grace: Int
  ) {
    self.partner = partner
    self.rank = rank
    self.segmentRank = segmentRank
    self.movement = movement
    self.tierID = tierID
    self.score = score
    self.change = change
    self.atRisk = atRisk
    self.rising = rising
    self.blocked = blocked
    self.grace = grace
  }
}

extension PartnerFilter {
  /// The filter's rule on a partner and its tier id (segment, region,
  /// manager, tier; the flag is the scorebook's).
  public func matches(_ partner: Partner, tierID: String) -> Bool {
    if let s = self.segment, partner.segment != s { return false }
    if let r = self.region, partner.region != r, RegionKey.key(partner.region) != RegionKey.key(r) {
      return false
    }
    if let m = manager, partner.manager != m { return false }
    if let x = tier, tierID != x { return false }
    return true
  }
}

extension Scorebook {
  /// Partner `p`'s line at period `t`; nil when not evaluated.
  public func leaderboardLine(_ p: Int, _ t: Int) -> LeaderboardLine? {
    guard let score = score(p, t), let tier = tier(p, t), let outlook = outlook(p, t) else { return nil }
    let previous = t > 0 ? self.score(p, t - 1) : nil
    return LeaderboardLine(
      partner: partners[p], rank: rank(p, t)!, segmentRank: segmentRank(p, t)!, movement: movement(p, t),
      tierID: program.tiers[tier].id, score: score, change: previous.map { score - $0 },
      atRisk: outlook.atRisk,
      rising: outlook.rising, blocked: blocked(p, t) != nil, grace: grace(p, t))
  }
}
