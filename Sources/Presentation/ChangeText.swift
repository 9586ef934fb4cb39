import Scoring

/// The words of the changes list (`partnerboard changes`, the Changes
/// screen): each section's title and each entry's reason.
public enum ChangeText {
  public static func title(_ kind: Changes.Kind) -> String {
    switch kind {
    case .promoted: "Promoted"
    case .demoted: "Demoted"
    case .enteredGrace: "Entered grace"
    case .leftGrace: "Left grace"
    case .new: "New"
    case .awaitingData: "Awaiting data"
    case .noData: "No data"
    case .atRisk: "At risk"
    case .onTrack: "Rising, on track"
    case .blocked: "Blocked by a requirement"
    }
  }

  /// The section's name in the screen's summary line.
  public static func shortTitle(_ kind: Changes.Kind) -> String {
    switch kind {
    case .promoted: "Promoted"
    case .demoted: "Demoted"
    case .enteredGrace: "Grace in"
    case .leftGrace: "Grace out"
    case .new: "New"
    case .awaitingData: "Awaiting"
    case .noData: "No data"
    case .atRisk: "At risk"
    case .onTrack: "On track"
    case .blocked: "Blocked"
    }
  }

  /// The section's name where even the short names do not fit (80 columns).
  public static func tinyTitle(_ kind: Changes.Kind) -> String {
    switch kind {
    case .promoted: "Up"
    case .demoted: "Down"
    case .enteredGrace: "Grace+"
    case .leftGrace: "Grace-"
    case .new: "New"
    case .awaitingData: "Awaiting"
    case .noData: "No data"
    case .atRisk: "Risk"
    case .onTrack: "On track"
    case .blocked: "Blocked"
    }
  }

  /// One line on what the section means, for the screen's empty sections
  /// and help; `since`: compared with that quarter, not the one before.
  public static func meaning(_ kind: Changes.Kind, since: Period? = nil) -> String {
    if let since {
      switch kind {
      case .promoted: return "tier above \(since)'s"
      case .demoted: return "tier below \(since)'s"
      case .enteredGrace: return "in grace now, not at \(since)"
      case .leftGrace: return "in grace at \(since), not now"
      case .new: return "first evaluated after \(since)"
      default: break
      }
    }
    return switch kind {
    case .promoted: "tier above last quarter's"
    case .demoted: "tier below last quarter's"
    case .enteredGrace: "keeps a tier it no longer qualifies for"
    case .leftGrace: "qualifies again, or grace ran out"
    case .new: "first quarter with data"
    case .awaitingData: "open quarter, nothing reported yet: not judged until it is"
    case .noData: "listed, but no data at this quarter"
    case .atRisk: "in grace, or projected below the tier"
    case .onTrack: "projected to reach the next tier, every requirement met"
    case .blocked: "score reaches the next tier, a requirement does not"
    }
  }

  /// "Gold → Silver" (ASCII "Gold -> Silver").
  public static func move(_ from: String, _ to: String, unicode: Bool) -> String {
    "\(from) \(unicode ? "→" : "->") \(to)"
  }

  /// Why partner's entry is in its section, in one line.
  public static func reason(_ e: Changes.Entry, book: Scorebook, unicode: Bool = true) -> String {
    let program = book.program
    let tiers = program.tiers
    let tierName = e.tier.map { tiers[$0].name } ?? ""
    switch e.kind {
    case .promoted, .demoted:
      return move(tiers[e.fromTier!].name, tierName, unicode: unicode)
    case .enteredGrace:
      let qualifies = e.qualifiedTier.map { ", qualifies for \(tiers[$0].name)" } ?? ""
      return "keeps \(tierName) in grace \(e.grace) of \(program.gracePeriods)\(qualifies)"
        + keep(e, tiers: tiers)
    case .leftGrace:
      let from = tiers[e.fromTier!].name
      if let tier = e.tier, tier >= e.fromTier! { return "qualifies for \(from) again" }
      return "grace ran out: " + move(from, tierName, unicode: unicode)
    case .new:
      return "starts at \(tierName)"
    case .awaitingData:
      return
        "nothing reported yet this quarter; \(e.fromTier.map { tiers[$0].name } ?? tierName) last quarter"
    case .noData:
      return e.firstData.map { "first data in \($0)" } ?? "no data yet"
    case .atRisk:
      return risk(grace: e.grace, projection: e.projection, tier: e.tier.map { tiers[$0] }, program: program)
    case .onTrack:
      let next = tiers[e.nextTier!]
      let ge = unicode ? "≥" : ">="
      return
        "projected \(NumberFormat.fixed(e.projection ?? 0, 1)) \(ge) \(next.name) \(NumberFormat.trimmed(next.minScore, 2))"
    case .blocked:
      let next = tiers[e.nextTier!]
      let needs = e.unmet.map { r in
        Phrases.requirement(r, style: .partner) { EvaluationText.value($0, r.kpi, program) }
      }
      return "\(next.name) needs " + needs.joined(separator: "; ")
    }
  }

  /// Why a partner is at risk: "in grace 1 of 2", or "projected 61.2 < 70".
  public static func risk(grace: Int, projection: Double?, tier: Tier?, program: Program) -> String {
    if grace > 0 { return "in grace \(grace) of \(program.gracePeriods)" }
    return
      "projected \(NumberFormat.fixed(projection ?? 0, 1)) < \(NumberFormat.trimmed(tier?.minScore ?? 0, 2))"
  }

  private static func keep(_ e: Changes.Entry, tiers: [Tier]) -> String {
    guard let tier = e.tier, let score = e.score,
      let gap = TierProgress(score: score, tier: tier, tiers: tiers, grace: e.grace).keepPointsNeeded, gap > 0
    else { return "" }
    return ", \(NumberFormat.fixed(gap, 2)) points to keep it"
  }
}
