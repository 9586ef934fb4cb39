/// What a what-if shows at one period (SPEC section 10), without the two
/// scorebooks it came from: the programs, the partners evaluated then with
/// their scores, tiers, ranks and grace under each, the tier pairs and the
/// payouts. `WhatIf` (two whole scorebooks, the dashboard's) makes it, and
/// so does the store scoring a slice of partners at a time (`compare` at any
/// size in bounded memory); both give the same facts.
public struct WhatIfFacts: Sendable {
  public let current: Program
  public let other: Program
  /// Every partner (rows index into it).
  public let partners: [Partner]
  public let coverage: QuarterCoverage
  public var period: Period { coverage.period }
  /// Partners evaluated at the period, in rank order under the other program.
  public let rows: [WhatIf.Row]
  public let tierPairs: [WhatIf.TierPair]
  /// Sums of the payouts of the agreements up to the period, rounded to cents.
  public let payouts: (current: Double, other: Double)

  public init(
    current: Program, other: Program, partners: [Partner], coverage: QuarterCoverage, rows: [WhatIf.Row],
    payouts: (current: Double, other: Double)
  ) {
    self.current = current
    self.other = other
    self.partners = partners
    self.coverage = coverage
    self.rows = rows
    self.payouts = payouts
    var counts = [[Int]](repeating: [Int](repeating: 0, count: other.tiers.count), count: current.tiers.count)
    for r in rows { counts[r.tier.current][r.tier.other] += 1 }
    var pairs: [WhatIf.TierPair] = []
    for a in counts.indices {
      for b in counts[a].indices where counts[a][b] > 0 {
        pairs.append(WhatIf.TierPair(from: a, to: b, partners: counts[a][b]))
      }
    }
    tierPairs = pairs
  }

  /// Partners whose tier id differs between the programs.
  public var tierChanges: Int {
    rows.filter { current.tiers[$0.tier.current].id != other.tiers[$0.tier.other].id }.count
  }

  /// Every partner whose tier id differs between the programs, by tier
  /// now (highest first), then tier under the other program (highest
  /// first), then the score change (biggest gain first).
  public var tierChangers: [WhatIf.Row] {
    rows.filter { current.tiers[$0.tier.current].id != other.tiers[$0.tier.other].id }.sorted {
      ($0.tier.current, $0.tier.other, $0.change) > ($1.tier.current, $1.tier.other, $1.change)
    }
  }

  /// The `n` partners who gain most (largest positive change first, then
  /// rank under the other program).
  public func winners(_ n: Int) -> [WhatIf.Row] {
    Array(rows.filter { $0.change > 0 }.sorted { $0.change > $1.change }.prefix(n))
  }

  /// The `n` partners who lose most (most negative change first).
  public func losers(_ n: Int) -> [WhatIf.Row] {
    Array(rows.filter { $0.change < 0 }.sorted { $0.change < $1.change }.prefix(n))
  }

  /// The agreements up to `end` valued under both programs (`current` and
  /// `other` score the agreements' partners; `other` may hold only some).
  /// Under the other program an agreement on a KPI it lacks is valued with
  /// the current program's aggregate of that KPI, over the other's window.
  public static func valued(
    _ agreements: [Agreement], upTo end: Period, current: Scorebook, other: Scorebook
  ) -> [(current: PayoutResult, other: PayoutResult)] {
    agreements.filter { $0.period <= end }.map { agreement in
      let v =
        other.program.kpiIndex(agreement.kpi) != nil
        ? other.outcomeValue(agreement)
        : current.outcomeValue(agreement, window: other.program.window)
      return (
        current.payout(agreement),
        PayoutResult.of(
          agreement, value: v, schedule: other.program.payout, latest: other.periods.last,
          closedThrough: other.closedThrough)
      )
    }
  }

  /// Payout totals of valued agreements, in the agreements' order, rounded to cents.
  public static func totals(_ valued: [(current: PayoutResult, other: PayoutResult)]) -> (
    current: Double, other: Double
  ) {
    (
      roundCents(valued.reduce(0) { $0 + $1.current.payout }),
      roundCents(valued.reduce(0) { $0 + $1.other.payout })
    )
  }
}
