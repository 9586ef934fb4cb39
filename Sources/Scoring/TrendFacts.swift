/// One KPI at one period across every partner: its statistics and its
/// biggest movers since the previous period. Computed from the whole
/// scorebook, or by a rescore from its slices and kept with the scores
/// (JSON in `kept_trends`), so that the trends screen's first frame reads a
/// few rows.
public struct KPITrendFacts: Sendable, Equatable, Codable {
  public struct Mover: Sendable, Equatable, Codable {
    public let partner: Partner
    /// In "better" units: positive = improved.
    public let change: Double

    public init(partner: Partner, change: Double) {
      self.partner = partner
      self.change = change
    }
  }

  public let statistics: KPIStatistics
  public let improved: [Mover]
  public let fell: [Mover]

  public init(statistics: KPIStatistics, improved: [Mover], fell: [Mover]) {
    self.statistics = statistics
    self.improved = improved
    self.fell = fell
  }

  public static let moversShown = 5
}

extension Scorebook {
  /// KPI `k` at period `t`, every partner.
  public func trendFacts(kpi k: Int, period t: Int) -> KPITrendFacts {
    let movers = movers(kpi: k, period: t, count: KPITrendFacts.moversShown)
    return KPITrendFacts(
      statistics: statistics(kpi: k, period: t),
      improved: movers.improved.map { .init(partner: partners[$0.partner], change: $0.change) },
      fell: movers.fell.map { .init(partner: partners[$0.partner], change: $0.change) })
  }
}

/// The biggest changes of one KPI at one period, gathered a slice of
/// partners at a time before ranks are known: every change at least as big
/// as the `count`-th biggest seen so far is kept (ties too), so that the
/// rank order can break ties once every slice is in.
public struct MoverCandidates: Sendable {
  public private(set) var entries: [(partner: Int, change: Double)] = []
  let count: Int

  public init(count: Int) { self.count = count }

  public mutating func add(partner: Int, change: Double) {
    entries.append((partner, change))
    if entries.count >= 8 * max(count, 1) { prune() }
  }

  /// Drops the changes smaller than the `count`-th biggest.
  mutating func prune() {
    guard count > 0 else {
      entries = []
      return
    }
    guard entries.count > count else { return }
    let sizes = entries.map { abs($0.change) }.sorted(by: >)
    let floor = sizes[count - 1]
    entries.removeAll { abs($0.change) < floor }
  }

  /// The `count` biggest, ties in `position` order (a partner's place in
  /// the period's rank order).
  public func top(position: (Int) -> Int) -> [(partner: Int, change: Double)] {
    Array(
      entries.sorted { a, b in
        abs(a.change) != abs(b.change)
          ? abs(a.change) > abs(b.change) : position(a.partner) < position(b.partner)
      }.prefix(count))
  }
}

/// Every KPI's kept statistics up to one period, and one KPI's movers then.
public struct KeptTrends: Sendable {
  public let program: Program
  public let periods: [Period]
  /// The period shown (an index into `periods`).
  public let period: Int
  /// Per KPI (program order), its statistics at periods 0...period.
  public let all: [[KPIStatistics]]
  /// The chosen KPI's facts at the period (its movers).
  public let chosen: KPITrendFacts
  /// Every period's coverage, open or closed (SPEC section 3).
  public var coverage: [QuarterCoverage] = []

  public init(program: Program, periods: [Period], period: Int, all: [[KPIStatistics]], chosen: KPITrendFacts)
  {
    self.program = program
    self.periods = periods
    self.period = period
    self.all = all
    self.chosen = chosen
  }
}
