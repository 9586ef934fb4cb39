/// SPEC section 10: the same data under the store's program (*current*, A)
/// and another (*other*, B), side by side at one period. Changes nothing.
public struct WhatIf: Sendable {
  public struct Row: Sendable, Equatable {
    /// Index into the books' partners (the same list in both).
    public let partner: Int
    public let score: (current: Double, other: Double)
    public let tier: (current: Int, other: Int)
    public let rank: (current: Int, other: Int)
    public let grace: (current: Int, other: Int)
    /// other - current, in points (of the rounded scores).
    public var change: Double { specRound(score.other - score.current, 2) }

    public static func == (a: Row, b: Row) -> Bool {
      a.partner == b.partner && a.score == b.score && a.tier == b.tier && a.rank == b.rank
        && a.grace == b.grace
    }
  }

  public struct TierPair: Sendable, Equatable {
    /// Tier indices in the current and the other program.
    public let from: Int
    public let to: Int
    public let partners: Int
    public init(from: Int, to: Int, partners: Int) {
      self.from = from
      self.to = to
      self.partners = partners
    }
  }

  public let current: Scorebook
  public let other: Scorebook
  /// Period index (the same in both books: periods come from the data).
  public let period: Int
  /// Partners evaluated at the period, in rank order under the other program.
  public let rows: [Row]
  /// Every (current tier, other tier) pair with a partner, in the current
  /// program's tier order, then the other's.
  public let tierPairs: [TierPair]
  /// Sums of the payouts of the agreements up to the period, rounded to cents.
  public let payouts: (current: Double, other: Double)
  /// The agreements up to the period, valued under each program.
  public let agreementPayouts: [(current: PayoutResult, other: PayoutResult)]

  /// Scores `data` (the store's, under its program) again under `program`.
  /// The caller has checked that `program` declares every partner's segment.
  public init(_ data: Dataset, other program: Program, period: Period? = nil) {
    let current = Scorebook(data)
    var otherData = data
    otherData.program = program
    self.init(current: current, other: Scorebook(otherData), period: period)
  }

  /// `include`: the partners (indices) taken into account, all by default
  /// (the dashboard passes its filters).
  public init(
    current: Scorebook, other: Scorebook, period p: Period? = nil, include: ((Int) -> Bool)? = nil
  ) {
    self.current = current
    self.other = other
    let t = p.flatMap(current.periodIndex) ?? (current.periods.count - 1)
    period = t
    guard t >= 0 else {
      rows = []
      tierPairs = []
      payouts = (0, 0)
      agreementPayouts = []
      return
    }
    rows = other.order[t].filter { include?($0) ?? true }.map { p in
      Row(
        partner: p, score: (current.score(p, t)!, other.score(p, t)!),
        tier: (current.tier(p, t)!, other.tier(p, t)!), rank: (current.rank(p, t)!, other.rank(p, t)!),
        grace: (current.grace(p, t), other.grace(p, t)))
    }
    var counts = [[Int]](
      repeating: [Int](repeating: 0, count: other.program.tiers.count), count: current.program.tiers.count)
    for r in rows { counts[r.tier.current][r.tier.other] += 1 }
    var pairs: [TierPair] = []
    for a in counts.indices {
      for b in counts[a].indices where counts[a][b] > 0 {
        pairs.append(TierPair(from: a, to: b, partners: counts[a][b]))
      }
    }
    tierPairs = pairs

    // Payouts of the agreements up to the period. Under the other program an
    // agreement on a KPI it lacks is valued with the current program's
    // aggregate of that KPI, over the other program's window.
    let end = current.periods[t]
    var valued: [(PayoutResult, PayoutResult)] = []
    for agreement in current.agreements where agreement.period <= end {
      if let include, let p = current.partnerIndex(id: agreement.partnerID), !include(p) { continue }
      let v =
        other.program.kpiIndex(agreement.kpi) != nil
        ? other.outcomeValue(agreement)
        : current.outcomeValue(agreement, window: other.program.window)
      valued.append(
        (
          current.payout(agreement),
          PayoutResult.of(
            agreement, value: v, schedule: other.program.payout, latest: other.periods.last,
            closedThrough: other.closedThrough)
        ))
    }
    agreementPayouts = valued
    payouts = (
      roundCents(valued.reduce(0) { $0 + $1.0.payout }), roundCents(valued.reduce(0) { $0 + $1.1.payout })
    )
  }

  /// Partners whose tier id differs between the programs.
  public var tierChanges: Int {
    rows.filter { current.program.tiers[$0.tier.current].id != other.program.tiers[$0.tier.other].id }.count
  }

  /// The `n` partners who gain most (largest positive change first, then
  /// rank under the other program).
  public func winners(_ n: Int) -> [Row] {
    Array(rows.filter { $0.change > 0 }.sorted { $0.change > $1.change }.prefix(n))
  }

  /// The `n` partners who lose most (most negative change first).
  public func losers(_ n: Int) -> [Row] {
    Array(rows.filter { $0.change < 0 }.sorted { $0.change < $1.change }.prefix(n))
  }
}

extension Scorebook {
  /// An agreement's outcome value under another window: this program's
  /// aggregate of the KPI over `window` periods ending at the agreement's
  /// period (not before the partner's first), adjustments applied.
  public func outcomeValue(_ agreement: Agreement, window: Int) -> Double? {
    guard let p = partnerIndex(id: agreement.partnerID), let k = program.kpiIndex(agreement.kpi),
      let t = periodIndex(agreement.period), firstPeriod[p] >= 0, firstPeriod[p] <= t
    else { return nil }
    var acc = AggregateAccumulator()
    for u in max(firstPeriod[p], t - window + 1)...t {
      acc.add(observation(p, u, k)?.value ?? .nan)
    }
    return acc.result(program.kpis[k].aggregate)
  }
}
