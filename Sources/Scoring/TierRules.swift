/// SPEC section 5: qualification and assignment with grace.
public enum TierRules {
  /// A requirement resolved against the program once: the KPI's index
  /// (-1 when the program lacks it: never holds), the required value, and
  /// which way is better.
  struct Compiled: Sendable {
    let k: Int
    let value: Double
    let lowerIsBetter: Bool
  }

  /// Whether one requirement holds. A KPI not applicable to the segment is
  /// waived (holds); a missing value never holds.
  public static func holds(
    _ requirement: Requirement, kpi: KPI, value: Double?, applicable: Bool
  ) -> RequirementOutcome {
    holds(
      value: value, required: requirement.value, lowerIsBetter: kpi.direction == .lower,
      applicable: applicable)
  }

  /// The rule itself: `v >= required` where higher is better, `v <= required` where lower is.
  @inline(__always)
  public static func holds(value: Double?, required: Double, lowerIsBetter: Bool, applicable: Bool)
    -> RequirementOutcome
  {
    if !applicable { return .waived }
    guard let value else { return .missing }
    return (lowerIsBetter ? value <= required : value >= required) ? .met : .unmet
  }

  /// The qualified tier q(t): the highest tier whose `min_score` the score
  /// reaches and whose every requirement holds (`requirementsHold(tier)`).
  @inline(__always)
  public static func qualified(score: Double, tiers: [Tier], requirementsHold: (Int) -> Bool) -> Int {
    for ti in stride(from: tiers.count - 1, through: 1, by: -1)
    where tiers[ti].minScore <= score && requirementsHold(ti) {
      return ti
    }
    return 0
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
