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

    public init(
      partner: Int, score: (current: Double, other: Double), tier: (current: Int, other: Int),
      rank: (current: Int, other: Int), grace: (current: Int, other: Int)
    ) {
      self.partner = partner
      self.score = score
      self.tier = tier
      self.rank = rank
      self.grace = grace
    }

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
      facts = nil
      return
    }
    let rows = other.order[t].filter { include?($0) ?? true }.map { p in
      Row(
        partner: p, score: (current.score(p, t)!, other.score(p, t)!),
        tier: (current.tier(p, t)!, other.tier(p, t)!), rank: (current.rank(p, t)!, other.rank(p, t)!),
        grace: (current.grace(p, t), other.grace(p, t)))
    }
    // Payouts of the agreements up to the period (WhatIfFacts.valued).
    let agreements = current.agreements.filter { a in
      guard let include, let p = current.partnerIndex(id: a.partnerID) else { return true }
      return include(p)
    }
    let valued = WhatIfFacts.valued(agreements, upTo: current.periods[t], current: current, other: other)
    let facts = WhatIfFacts(
      current: current.program, other: other.program, partners: current.partners,
      coverage: current.coverage(t),
      rows: rows, payouts: WhatIfFacts.totals(valued))
    self.rows = rows
    self.facts = facts
    tierPairs = facts.tierPairs
    agreementPayouts = valued
    payouts = facts.payouts
  }

  /// What the reports show (nil without a period).
  public let facts: WhatIfFacts?

  /// Partners whose tier id differs between the programs.
  public var tierChanges: Int { facts?.tierChanges ?? 0 }

  /// Every partner whose tier changes, named (`WhatIfFacts.tierChangers`).
  public var tierChangers: [Row] { facts?.tierChangers ?? [] }

  /// The `n` partners who gain most (largest positive change first, then
  /// rank under the other program).
  public func winners(_ n: Int) -> [Row] { facts?.winners(n) ?? [] }

  /// The `n` partners who lose most (most negative change first).
  public func losers(_ n: Int) -> [Row] { facts?.losers(n) ?? [] }
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
