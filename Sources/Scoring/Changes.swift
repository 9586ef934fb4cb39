/// What changed at one period, compared with the one before (or with any
/// earlier one: `since`, a year on year view): the list a
/// channel manager reads on Monday (`partnerboard changes`, the dashboard's
/// Changes screen). A partner can be in several sections (demoted and left
/// grace, promoted and blocked on the way to the next tier).
///
/// The sections, in order (docs/changes.md says the same for users):
/// - promoted / demoted: assigned tier above / below the previous period's;
/// - entered grace: in grace now, not at the previous period;
/// - left grace: in grace at the previous period, not now (kept the tier
///   by qualifying again, or demoted when grace ran out);
/// - new: first evaluated at this period;
/// - awaiting data: at an open (provisional) period, evaluated at the one
///   before but no observation yet (SPEC section 3): listed here instead of
///   as demoted, in grace or at risk, which the missing data would cause;
/// - no data: listed in partners.csv, not evaluated at this period;
/// - at risk: SPEC section 6 (in grace, or projected below the tier);
/// - on track: rising (projected to reach the next tier) with every
///   requirement of the next tier holding;
/// - blocked: the score or its projection reaches the next tier, and one
///   of its requirements does not hold.
public struct Changes: Sendable {
  public enum Kind: String, CaseIterable, Sendable {
    case promoted, demoted
    case enteredGrace = "entered_grace"
    case leftGrace = "left_grace"
    case new
    case awaitingData = "awaiting_data"
    case noData = "no_data"
    case atRisk = "at_risk"
    case onTrack = "on_track"
    case blocked
  }

  public struct Entry: Sendable {
    public let kind: Kind
    /// Index into the scorebook's partners.
    public let partner: Int
    /// The assigned tier at the previous period (promoted, demoted, left grace).
    public let fromTier: Int?
    /// The assigned tier now; nil with no data.
    public let tier: Int?
    /// The qualified tier now (below the assigned one while in grace).
    public let qualifiedTier: Int?
    public let score: Double?
    /// Shortfall count now (in grace n of grace_periods), or at the previous
    /// period for left grace.
    public let grace: Int
    public let projection: Double?
    /// The tier above the assigned one (on track, blocked).
    public let nextTier: Int?
    /// The next tier's requirements that do not hold (blocked).
    public let unmet: [RequirementCheck]
    /// No data: the first period with data, when it comes later.
    public let firstData: Period?
  }

  public let period: Period
  /// The period compared with; nil at the first period.
  public let previous: Period?
  /// `previous` when it is not the quarter just before (`since`): the
  /// sections that compare say so.
  public let since: Period?
  /// Every entry, by section (in `Kind` order), then by rank (no data: by name).
  public let entries: [Entry]

  public func entries(_ kind: Kind) -> [Entry] { entries.filter { $0.kind == kind } }

  /// The period is open (provisional, SPEC section 3).
  public let provisional: Bool
  /// The sections listed, in order: "awaiting data" only at an open period
  /// (a closed one never has entries there).
  public var kinds: [Kind] { Kind.allCases.filter { provisional || $0 != .awaitingData } }

  /// Compared with period index `since` (default: the one before `t`; it
  /// must be before `t`). Promoted, demoted, entered and left grace and new
  /// compare with it; awaiting data, at risk, on track and blocked are the
  /// state at `t`, whatever it is compared with.
  public init(book: Scorebook, period t: Int, since: Int? = nil, filter: PartnerFilter = PartnerFilter()) {
    let base = min(since ?? t - 1, t - 1)
    period = book.periods[t]
    previous = base >= 0 ? book.periods[base] : nil
    self.since = base >= 0 && base < t - 1 ? book.periods[base] : nil
    var sections = [[Entry]](repeating: [], count: Kind.allCases.count)
    func add(
      _ kind: Kind, _ p: Int, from: Int? = nil, grace: Int? = nil, nextTier: Int? = nil,
      unmet: [RequirementCheck] = [], firstData: Period? = nil
    ) {
      let index = Kind.allCases.firstIndex(of: kind)!
      sections[index].append(
        Entry(
          kind: kind, partner: p, fromTier: from, tier: book.tier(p, t),
          qualifiedTier: book.qualifiedTier(p, t),
          score: book.score(p, t),
          grace: grace ?? book.grace(p, t), projection: book.outlook(p, t)?.projection,
          nextTier: nextTier, unmet: unmet, firstData: firstData))
    }
    let open = book.coverage(t).provisional
    provisional = open
    for p in book.order[t] where book.matches(p, t, filter) {
      if open && t > 0 && book.isEvaluated(p, t - 1) && !book.hasData(p, t) {
        add(.awaitingData, p, from: book.tier(p, t - 1))
        continue
      }
      let tier = book.tier(p, t)!
      let grace = book.grace(p, t)
      if base >= 0, let before = book.tier(p, base) {
        if tier > before { add(.promoted, p, from: before) }
        if tier < before { add(.demoted, p, from: before) }
        let graceBefore = book.grace(p, base)
        if grace > 0 && graceBefore == 0 { add(.enteredGrace, p, from: before) }
        if grace == 0 && graceBefore > 0 { add(.leftGrace, p, from: before, grace: graceBefore) }
      } else {
        add(.new, p)
      }
      let outlook = book.outlook(p, t)!
      if outlook.atRisk { add(.atRisk, p) }
      if let blocked = book.blocked(p, t) {
        add(.blocked, p, nextTier: blocked.nextTier, unmet: blocked.unmet)
      } else if outlook.rising {
        add(.onTrack, p, nextTier: tier + 1)
      }
    }
    let noData = book.partners.indices.filter { p in
      // No tier and no flags: a tier or flag filter leaves them out.
      !book.isEvaluated(p, t) && filter.flag == nil
        && filter.matches(book.partners[p], tierID: "")
    }
    let byName = noData.sorted { a, b in
      Ranking.precedes(
        (0, book.partners[a].name, book.partners[a].id), (0, book.partners[b].name, book.partners[b].id))
    }
    for p in byName {
      let first = book.firstPeriod[p]
      add(.noData, p, firstData: first >= 0 ? book.periods[first] : nil)
    }
    entries = sections.flatMap { $0 }
  }
}

extension Scorebook {
  /// Every requirement of tier `ti` checked for partner `p` at period `t`
  /// (SPEC section 5): met, unmet, missing, or waived where the KPI does not
  /// apply to the partner's segment.
  public func requirementChecks(_ p: Int, _ t: Int, tier ti: Int) -> [RequirementCheck] {
    program.tiers[ti].requirements.map { req in
      let k = program.kpiIndex(req.kpi)!
      let v = value(p, t, k)
      return RequirementCheck(
        requirement: req, kpi: program.kpis[k], current: v,
        outcome: TierRules.holds(req, kpi: program.kpis[k], value: v, applicable: weights[p].isApplicable(k)))
    }
  }
}
