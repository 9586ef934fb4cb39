import Scoring

/// What a QBR says, phrased once, amounts masked or not: the slides, the
/// Markdown pack and the HTML pack only lay it out (and draw its numbers as
/// charts and bars). A sentence added here appears in all three.
public struct QBRContent: Sendable {
  public struct Fact: Sendable, Equatable {
    public let label: String
    public let value: String
  }

  public struct KPIRow: Sendable {
    /// The KPI's name, with " *" when an approved correction is in its window.
    public let name: String
    public let value: String
    /// The effective target, or the improvement asked for.
    public let target: String
    public let isImprovement: Bool
    public let attainment: String
    public let points: String
    /// How the partner does: "met", "partial", "exceeded (128 %)", ...
    public let result: String
    public let credit: Double
    /// The change since last quarter in "better" units (the slides draw it
    /// as an arrow with `Phrases.change`).
    public let betterChange: Double?
    /// The change in words, for the packs: "↑ better", "↓ worse", "→ same".
    public let changeWords: String
  }

  public struct Scorecard: Sendable {
    public let title: String
    public let rows: [KPIRow]
  }

  public struct PayoutRow: Sendable {
    public let outcome: String
    public let quarter: String
    public let baseline: String
    public let target: String
    public let now: String
    public let attained: String
    public let share: String
    public let payout: String
    public let status: String
    public let pending: Bool

    /// The cells in the order of `QBRContent.payoutHeader`.
    public var cells: [String] { [outcome, quarter, baseline, target, now, attained, share, payout, status] }
  }

  public let partnerName: String
  /// "Segment · Region · 2026Q4".
  public let subtitle: String
  public let programName: String
  public let tierName: String
  /// "in grace: 1 of 1 quarters to get back to Gold", or nil.
  public let graceNote: String?
  /// While in grace: "9.2 points to keep Gold".
  public let keepSummary: String?
  public let score: String
  /// "3 of 12", and "3/12" where digits are drawn large.
  public let rank: String
  public let rankShort: String
  public let rankLabel: String
  /// Where the partner stands, as label and value.
  public let facts: [Fact]
  /// "39 % to Gold" and "12.1 points to Gold"; nil at the top tier.
  public let progress: (bar: String, points: String)?
  public let topTier: String?
  public let alsoNeeded: [String]

  public let scorecards: [Scorecard]
  public static let scorecardNote = "Arrows: better or worse than last quarter. * an approved correction."

  /// A goal of the "What it takes" slide: its title ("To keep Gold", "To
  /// reach Platinum"; nil at the top tier), what closes the gap in one
  /// sentence, the KPI gains that would each do it alone, and the tier's
  /// unmet requirements under their heading ("Gold also requires:").
  public struct Goal: Sendable {
    public let title: String?
    public let lead: String
    public let paths: [String]
    public let requiredHeading: String?
    public let required: [String]

    init(title: String?, lead: String, paths: [String], required: [String], tier: String) {
      self.title = title
      self.lead = lead
      self.paths = paths
      self.required = required
      requiredHeading = required.isEmpty ? nil : "\(tier) also requires:"
    }

    /// What closes a gap of `needed` points, in one sentence; `keeping`
    /// names the tier when the goal is to keep it.
    static func lead(_ needed: Double, paths: [String], keeping tier: String?) -> String {
      guard needed > 0 else {
        return tier.map { "The score is enough to keep \($0); its requirements are not met yet:" }
          ?? "The score is already enough."
      }
      let more = "\(NumberFormat.fixed(needed, 1)) more points" + (tier.map { " keep \($0)" } ?? "")
      return paths.isEmpty
        ? more + ": no single KPI closes the gap; it takes progress on several."
        : more + ". Any one of these alone would do it:"
    }
  }

  /// While in grace: keeping the tier, shown before the next tier.
  public let keep: Goal?
  /// Reaching the next tier (at the top tier: keeping it, without a title).
  public let reach: Goal
  /// Both, in the order shown.
  public var goals: [Goal] { (keep.map { [$0] } ?? []) + [reach] }

  public static let payoutHeader = [
    "Outcome", "Quarter", "Baseline", "Target", "Now", "Attained", "Share", "Payout", "Status",
  ]
  public let payouts: [PayoutRow]
  public let payoutTotal: String
  public static let noPayouts = "No outcome agreements."

  /// "Reseller: 12 partners"; nil when the segment is too small to show.
  public let peersHeading: String?
  public let peerFacts: [Fact]
  public let peersSentence: String
  /// The segment's partners per 10-point score band, highest band first;
  /// `mine` marks the partner's own (empty without enough peers).
  public let peerBands: [PeerBand]

  public struct PeerBand: Sendable, Equatable {
    /// "90-100".
    public let label: String
    public let partners: Int
    public let mine: Bool
  }

  /// What marks the partner's band: "◀ you" ("< you" in ASCII).
  public static func you(unicode: Bool) -> String { unicode ? "◀ you" : "< you" }

  public init(_ model: QBRModel, masked: Bool) {
    let e = model.evaluation
    let p = model.partner
    partnerName = p.name
    subtitle = "\(model.segmentName) · \(p.region) · \(QuarterText.brief(e.coverage))"
    programName = model.program.name
    tierName = e.tier.name
    score = NumberFormat.fixed(e.score, 1)
    rank = "\(e.segmentRank) of \(e.segmentCount)"
    rankShort = "\(e.segmentRank)/\(e.segmentCount)"
    rankLabel = "Rank in \(model.segmentName)"
    graceNote =
      e.grace > 0
      ? "in grace: \(e.grace) of \(model.program.gracePeriods) quarters to get back to \(e.tier.name)" : nil
    let requirement = { (r: RequirementCheck) in model.requirement(r, mask: masked) }
    keepSummary = e.keepPointsNeeded.map { "\(NumberFormat.fixed($0, 1)) points to keep \(e.tier.name)" }

    var facts = [
      Fact(
        label: "Tier",
        value: e.tier.name + (e.grace > 0 ? " (in grace, \(e.grace) of \(model.program.gracePeriods))" : "")),
      Fact(label: "Score", value: score), Fact(label: rankLabel, value: rank),
    ]
    if let keep = keepSummary { facts.append(Fact(label: "To keep \(e.tier.name)", value: keep)) }
    if !e.badges.isEmpty { facts.append(Fact(label: "Badges", value: Phrases.badges(e.badges))) }
    if let next = e.nextTier, let needed = e.pointsNeeded {
      let percent = EvaluationText.progress(e)
      facts.append(
        Fact(
          label: "Progress to \(next.name)",
          value: "\(percent) (\(NumberFormat.fixed(needed, 1)) points to go)"))
      progress = ("\(percent) to \(next.name)", "\(NumberFormat.fixed(needed, 1)) points to \(next.name)")
      topTier = nil
      alsoNeeded = e.unmetRequirements.map(requirement)
      for r in alsoNeeded { facts.append(Fact(label: "Also needed", value: r)) }
    } else {
      progress = nil
      topTier = Phrases.topTier(e.tier.name, inGrace: e.inGrace)
      alsoNeeded = []
    }
    self.facts = facts

    scorecards = [("Leading indicators", model.leading), ("Lagging indicators", model.lagging)]
      .filter { !$0.1.isEmpty }
      .map { title, lines in
        Scorecard(
          title: title,
          rows: lines.map { l in
            KPIRow(
              name: l.kpi.name + (l.adjusted ? " *" : ""), value: model.money(l.value, l.kpi, mask: masked),
              target: model.target(l, mask: masked), isImprovement: l.kpi.isImprovement,
              attainment: Phrases.sharePercent(l.attainment),
              points: NumberFormat.fixed(l.points, 1), result: l.result, credit: l.credit,
              betterChange: l.betterChange,
              changeWords: Phrases.change(l.betterChange, unicode: true, words: true).text)
          })
      }

    if let keepNeeded = e.keepPointsNeeded {
      let keepPaths = keepNeeded > 0 ? e.keepWhatItTakes.compactMap { model.path($0, mask: masked) } : []
      keep = Goal(
        title: "To keep \(e.tier.name)", lead: Goal.lead(keepNeeded, paths: keepPaths, keeping: e.tier.name),
        paths: keepPaths,
        required: e.unmetKeepRequirements.map(requirement), tier: e.tier.name)
    } else {
      keep = nil
    }

    if let next = e.nextTier, let needed = e.pointsNeeded {
      let paths = needed > 0 ? e.whatItTakes.compactMap { model.path($0, mask: masked) } : []
      reach = Goal(
        title: "To reach \(next.name)", lead: Goal.lead(needed, paths: paths, keeping: nil), paths: paths,
        required: e.unmetRequirements.map(requirement),
        tier: next.name)
    } else {
      reach = Goal(
        title: nil,
        lead: e.inGrace
          ? "\(e.tier.name) is the top tier."
          : "You are at the top tier. Keep it: the score must stay at or above \(NumberFormat.trimmed(e.tier.minScore, 1)).",
        paths: [], required: [], tier: e.tier.name)
    }

    payouts = model.payouts.map { r in
      let kpi = model.program.kpis.first { $0.id == r.agreement.kpi }!
      return PayoutRow(
        outcome: kpi.name, quarter: r.agreement.period.description,
        baseline: model.money(r.agreement.baseline, kpi, mask: masked),
        target: model.money(r.agreement.target, kpi, mask: masked),
        now: model.money(r.value, kpi, mask: masked),
        attained: r.attainment.map { Phrases.sharePercent($0) } ?? "—",
        share: Phrases.sharePercent(r.shareApplied), payout: model.amount(r.payout, mask: masked),
        status: r.status.rawValue, pending: r.status == .pending)
    }
    payoutTotal = model.amount(model.payouts.reduce(0) { $0 + $1.payout }, mask: masked)

    if let peers = model.peers {
      peersHeading = "\(model.segmentName): \(peers.count) partners"
      peerFacts = [
        Fact(label: "Your score", value: score),
        Fact(label: "Median", value: NumberFormat.fixed(peers.median, 0)),
        Fact(label: "Top 25 %", value: NumberFormat.fixed(peers.topQuartile, 0) + " or more"),
      ]
      peersSentence =
        "You score at or above \(Phrases.sharePercent(peers.percentile)) of the segment."
      let mine = min(9, max(0, Int(clampingRounded: (e.score / 10).rounded(.down))))
      peerBands = stride(from: 9, through: 0, by: -1).map { band in
        PeerBand(label: "\(band * 10)-\(band * 10 + 10)", partners: peers.histogram[band], mine: band == mine)
      }
    } else {
      peersHeading = nil
      peerFacts = []
      peerBands = []
      peersSentence =
        "Fewer than \(QBRModel.minimumPeers) partners in \(model.segmentName): no comparison is shown, so no one's figures can be inferred."
    }
  }
}
