/// Which partners a view covers: the one rule for the leaderboard (screen
/// and command), the trends statistics and every other filtered view. The
/// segment and tier are ids; the region matches without regard to case;
/// the manager (a book) is the name exactly as partners.csv spells it
/// (what a user types is resolved to it first: `Books.resolve`).
/// Text search is the presentation's (`PartnerSearch`): it folds accents.
public struct PartnerFilter: Sendable, Equatable {
  public var segment: String?
  public var region: String?
  public var tier: String?
  /// Only partners with this flag (the dashboard's filter panel).
  public var flag: PartnerFlag?
  /// Only this manager's partners (a book).
  public var manager: String?
  public init(
    segment: String? = nil, region: String? = nil, tier: String? = nil, flag: PartnerFlag? = nil,
    manager: String? = nil
  ) {
    self.segment = segment
    self.region = region
    self.tier = tier
    self.flag = flag
    self.manager = manager
  }

  public var isEmpty: Bool { segment == nil && region == nil && tier == nil && flag == nil && manager == nil }
}

/// What a manager filters partners by, beyond who they are: SPEC section
/// 6's flags, grace, a requirement in the way, a tier change.
public enum PartnerFlag: String, CaseIterable, Sendable {
  case atRisk = "at_risk"
  case rising
  /// The score or its projection reaches the next tier; a requirement does not hold.
  case blocked
  case inGrace = "in_grace"
  /// Assigned tier different from the previous period's.
  case changedTier = "changed_tier"
}

extension Scorebook {
  /// Whether partner `p` has `flag` at period `t` (false when not evaluated).
  public func has(_ flag: PartnerFlag, _ p: Int, _ t: Int) -> Bool {
    guard let outlook = outlook(p, t) else { return false }
    switch flag {
    case .atRisk: return outlook.atRisk
    case .rising: return outlook.rising
    case .blocked: return blocked(p, t) != nil
    case .inGrace: return grace(p, t) > 0
    case .changedTier:
      guard t > 0, let before = tier(p, t - 1) else { return false }
      return tier(p, t)! != before
    }
  }

  /// The next tier and its unmet requirements when partner `p` is blocked
  /// at period `t`: its score or projection reaches the next tier's
  /// `min_score`, and a requirement of that tier does not hold.
  public func blocked(_ p: Int, _ t: Int) -> (nextTier: Int, unmet: [RequirementCheck])? {
    guard let score = score(p, t), let tier = tier(p, t), tier + 1 < program.tiers.count,
      let outlook = outlook(p, t)
    else { return nil }
    let next = tier + 1
    guard score >= program.tiers[next].minScore || outlook.rising else { return nil }
    let unmet = requirementChecks(p, t, tier: next).filter { !$0.outcome.holds }
    return unmet.isEmpty ? nil : (next, unmet)
  }
}

extension Scorebook {
  /// Whether partner `p` passes `filter` at period `t`.
  public func matches(_ p: Int, _ t: Int, _ filter: PartnerFilter) -> Bool {
    if filter.isEmpty { return true }
    let partner = partners[p]
    let tierID = tier(p, t).map { program.tiers[$0].id } ?? ""
    if let flag = filter.flag, !has(flag, p, t) { return false }
    return filter.matches(partner, tierID: tierID)
  }
}
