/// The program: the rulebook of KPIs, weights, tiers and payout schedule
/// (SPEC section 2). Values here are already validated by `ProgramFiles`.
public struct Program: Sendable, Equatable {
  public var name: String
  public var currency: String
  /// Trailing periods aggregated per evaluation (1...12).
  public var window: Int
  /// Consecutive short periods a partner keeps its tier (0...8).
  public var gracePeriods: Int
  public var segments: [Segment]
  public var kpis: [KPI]
  public var tiers: [Tier]
  public var payout: PayoutSchedule
  /// SPEC section 11: a group whose median trails the others' by more than
  /// this many points is flagged (`[review] fairness_margin`).
  public var fairnessMargin: Double
  /// SPEC section 15, in the file's order.
  public var badges: [Badge]

  public static let defaultFairnessMargin = 10.0

  public init(
    name: String, currency: String, window: Int, gracePeriods: Int, segments: [Segment],
    kpis: [KPI], tiers: [Tier], payout: PayoutSchedule, fairnessMargin: Double = defaultFairnessMargin,
    badges: [Badge] = []
  ) {
    self.fairnessMargin = fairnessMargin
    self.badges = badges
    self.name = name
    self.currency = currency
    self.window = window
    self.gracePeriods = gracePeriods
    self.segments = segments
    self.kpis = kpis
    self.tiers = tiers
    self.payout = payout
  }

  public func kpiIndex(_ id: String) -> Int? { kpis.firstIndex { $0.id == id } }
  public func tierIndex(_ id: String) -> Int? { tiers.firstIndex { $0.id == id } }
  public func segment(_ id: String) -> Segment? { segments.first { $0.id == id } }
  public func segmentIndex(_ id: String) -> Int? { segments.firstIndex { $0.id == id } }
}

public struct Segment: Sendable, Equatable {
  public var id: String
  public var name: String
  public init(id: String, name: String) {
    self.id = id
    self.name = name
  }
}

public enum KPICategory: String, Sendable, CaseIterable {
  case performance
  case customerSuccess = "customer_success"
  case capability, engagement, esg
}

public enum Indicator: String, Sendable, CaseIterable { case leading, lagging }

public enum KPIUnit: String, Sendable, CaseIterable { case currency, percent, count, score, days }

public enum Aggregate: String, Sendable, CaseIterable { case sum, mean, last }

/// Which way is better.
public enum Direction: String, Sendable, CaseIterable { case higher, lower }

public enum Basis: Sendable, Equatable {
  /// Credit from `threshold` (zero) to `target` (full), with optional
  /// per-segment overrides.
  case absolute(
    target: Double, threshold: Double, targets: [String: Double], thresholds: [String: Double])
  /// Credit for growth over the partner's own baseline.
  case improvement(targetImprovement: Double, direction: Direction)
}

public struct KPI: Sendable, Equatable {
  public var id: String
  public var name: String
  public var category: KPICategory
  public var indicator: Indicator
  public var unit: KPIUnit
  public var aggregate: Aggregate
  public var basis: Basis
  public var weight: Double
  public var weights: [String: Double]

  public init(
    id: String, name: String, category: KPICategory, indicator: Indicator, unit: KPIUnit,
    aggregate: Aggregate, basis: Basis, weight: Double, weights: [String: Double] = [:]
  ) {
    self.id = id
    self.name = name
    self.category = category
    self.indicator = indicator
    self.unit = unit
    self.aggregate = aggregate
    self.basis = basis
    self.weight = weight
    self.weights = weights
  }

  /// Absolute KPIs: lower is better when the threshold lies above the target.
  public var direction: Direction {
    switch basis {
    case .absolute(let target, let threshold, _, _): return threshold > target ? .lower : .higher
    case .improvement(_, let direction): return direction
    }
  }

  public var isImprovement: Bool {
    if case .improvement = basis { return true }
    return false
  }

  /// The effective target of an absolute KPI for a segment (SPEC section 2).
  public func effectiveTarget(for segment: String) -> Double? {
    guard case .absolute(let target, _, let targets, _) = basis else { return nil }
    return targets[segment] ?? target
  }

  public func effectiveThreshold(for segment: String) -> Double? {
    guard case .absolute(_, let threshold, _, let thresholds) = basis else { return nil }
    return thresholds[segment] ?? threshold
  }

  /// The raw weight for a segment, before normalisation.
  public func rawWeight(for segment: String) -> Double { weights[segment] ?? weight }
}

public struct Tier: Sendable, Equatable {
  public var id: String
  public var name: String
  public var minScore: Double
  /// Raw aggregated KPI values required, in the order written.
  public var requirements: [Requirement]
  public var benefits: [String]

  public init(
    id: String, name: String, minScore: Double, requirements: [Requirement] = [],
    benefits: [String] = []
  ) {
    self.id = id
    self.name = name
    self.minScore = minScore
    self.requirements = requirements
    self.benefits = benefits
  }
}

public struct Requirement: Sendable, Equatable {
  public var kpi: String
  public var value: Double
  public init(kpi: String, value: Double) {
    self.kpi = kpi
    self.value = value
  }
}
