/// SPEC section 5: qualification and assignment with grace.
public enum TierRules {
  /// Whether one requirement holds. A KPI not applicable to the segment is
  /// waived (holds); a missing value never holds.
  public static func holds(
    _ requirement: Requirement, kpi: KPI, value: Double?, applicable: Bool
  ) -> RequirementOutcome {
    if !applicable { return .waived }
    guard let value else { return .missing }
    switch kpi.direction {
    case .higher: return value >= requirement.value ? .met : .unmet
    case .lower: return value <= requirement.value ? .met : .unmet
    }
  }

  /// One step of the assigned-tier sequence: given the previous tier and
  /// shortfall count, and this period's qualified tier.
  public static func assign(
    previous: (tier: Int, shortfall: Int)?, qualified: Int, gracePeriods: Int
  ) -> (tier: Int, shortfall: Int) {
    guard let previous else { return (qualified, 0) }
    if qualified >= previous.tier { return (qualified, 0) }
    let shortfall = previous.shortfall + 1
    if shortfall <= gracePeriods { return (previous.tier, shortfall) }
    return (qualified, 0)
  }
}

public enum RequirementOutcome: String, Sendable {
  case met, unmet, missing, waived
  public var holds: Bool { self == .met || self == .waived }
}
