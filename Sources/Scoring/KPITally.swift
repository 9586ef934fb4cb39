/// What the program-wide numbers of one period are gathered from, partner
/// by partner in partner order. The whole scorebook (`statistics`,
/// `movers`, `overviewFacts`) and a rescore's slices (the store's kept
/// grid) both add through these, so the two agree to the last bit.

/// One KPI at one period: its statistics' values and counts, and its
/// biggest movers each way.
public struct KPITally: Sendable {
  /// The values of the partners with one (in the order added).
  public private(set) var values: [Double] = []
  /// Partners for whom it applies without a value.
  public private(set) var missing = 0
  private var atTarget = 0
  private var credit = 0.0
  private var improved: MoverCandidates
  private var fell: MoverCandidates

  public init(movers: Int = KPITrendFacts.moversShown, capacity: Int = 0) {
    improved = MoverCandidates(count: movers)
    fell = improved
    values.reserveCapacity(capacity)
  }

  /// A partner evaluated at the period, for whom the KPI applies: its value
  /// (nil: missing, never zero) and its attainment.
  public mutating func add(value: Double?, attainment a: Double) {
    guard let value else {
      missing += 1
      return
    }
    values.append(value)
    if a >= 1 { atTarget += 1 }
    credit += Attainment.credit(a)
  }

  /// A partner's change since the period before, read the right way round
  /// (`better` is 1 where higher is better, -1 where lower is); `partner`
  /// is what `movers(position:)` places. No change, or no value either
  /// side, is not a move.
  public mutating func add(partner: Int, value: Double?, before: Double?, better: Double) {
    guard let value, let before, value != before else { return }
    let change = better * (value - before)
    if change > 0 {
      improved.add(partner: partner, change: change)
    } else {
      fell.add(partner: partner, change: change)
    }
  }

  /// The statistics of what was added.
  public func statistics(kpi k: Int, period t: Int) -> KPIStatistics {
    var values = values
    let n = values.count
    let q = Quantile.type7(selecting: &values, [0.25, 0.5, 0.75])
    return KPIStatistics(
      kpi: k, period: t, n: n, missing: missing, p25: q[0], median: q[1], p75: q[2],
      shareAtTarget: n > 0 ? Double(atTarget) / Double(n) : nil, meanCredit: n > 0 ? credit / Double(n) : nil)
  }

  /// The biggest movers each way, ties by `position` (a partner's place in
  /// the period's rank order).
  public func movers(position: (Int) -> Int) -> (
    improved: [(partner: Int, change: Double)], fell: [(partner: Int, change: Double)]
  ) {
    (improved.top(position: position), fell.top(position: position))
  }
}

/// Each segment's sum of each KPI's credit at one period, over the
/// partners evaluated then (the overview's segment table).
public struct CreditSums: Sendable {
  public private(set) var sums: [[Double]]

  public init(segments: Int, kpis: Int) {
    sums = [[Double]](repeating: [Double](repeating: 0, count: kpis), count: segments)
  }

  /// A partner of `segment`, with its attainment of each KPI.
  public mutating func add(segment: Int, attainment: (Int) -> Double) {
    for k in sums[segment].indices { sums[segment][k] += Attainment.credit(attainment(k)) }
  }
}
