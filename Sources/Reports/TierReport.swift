import Presentation
import Scoring
import TextLayout

/// `partnerboard tier ID`: the quick lookup of one partner's standing.
public enum TierReport {
  public static func text(_ e: PartnerEvaluation, program: Program, unicode: Bool) -> String {
    let dot = unicode ? " · " : " | "
    var lines: [String] = []
    lines.append(
      EvaluationText.heading(e, unicode: unicode)
    )
    lines.append("Tier           \(EvaluationText.tierLine(e, gracePeriods: program.gracePeriods))")
    lines.append("Qualified      \(e.qualifiedTier.name)")
    lines.append("Grace          \(e.grace > 0 ? "\(e.grace) of \(program.gracePeriods)" : "no")")
    lines.append(
      "Score          \(NumberFormat.fixed(e.score, 2))   rank \(e.rank) of \(e.rankedCount)\(dot)segment rank \(e.segmentRank) of \(e.segmentCount)"
    )
    var flags = Phrases.flags(e, gracePeriods: program.gracePeriods).map { $0.text() }
    if let s = e.slope { flags.append(EvaluationText.trend(s)) }
    if !flags.isEmpty { lines.append("Flags          \(flags.joined(separator: ", "))") }
    if !e.badges.isEmpty { lines.append("Badges         \(Phrases.badges(e.badges))") }
    // In grace, what keeps the tier comes before what reaches the next one.
    if let keep = EvaluationText.keep(e), let needed = e.keepPointsNeeded {
      lines.append("Keep tier      \(keep)")
      for (i, r) in e.unmetKeepRequirements.enumerated() {
        lines.append(
          (i == 0 ? "Keep unmet     " : "               ") + EvaluationText.requirement(r, program))
      }
      if needed > 0 {
        lines.append("To keep it     (\(EvaluationText.aloneHeading(e.keepWhatItTakes)))")
        lines += EvaluationText.takesLines(
          e.keepWhatItTakes, plan: e.keepPlan, program, together: Self.together)
      }
    }
    guard let next = e.nextTier, let needed = e.pointsNeeded else {
      lines.append("Next tier      none: \(e.tier.name) is the top tier")
      return lines.joined(separator: "\n") + "\n"
    }
    lines.append(
      "Next tier      \(next.name): \(EvaluationText.pointsNeeded(needed, to: next))"
    )
    lines.append(
      "Progress       \(EvaluationText.bar(e.progress, width: 20, unicode: unicode)) \(EvaluationText.progress(e))"
    )
    let unmet = e.unmetRequirements
    if unmet.isEmpty {
      lines.append("Requirements   \(next.requirements.isEmpty ? "none" : "all met")")
    } else {
      for (i, r) in unmet.enumerated() {
        lines.append(
          (i == 0 ? "Unmet          " : "               ") + EvaluationText.requirement(r, program))
      }
    }
    if needed > 0 {
      lines.append("What it takes  (\(EvaluationText.aloneHeading(e.whatItTakes)))")
      lines += EvaluationText.takesLines(e.whatItTakes, plan: e.plan, program, together: Self.together)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  public static func json(_ e: PartnerEvaluation, program: Program) -> String {
    var pairs: [(String, JSON)]
    if case .object(let base) = ScoreReport.object(e) { pairs = base } else { pairs = [] }
    pairs.insert(("region", .string(e.partner.region)), at: 3)
    func requirements(_ list: [RequirementCheck]) -> JSON {
      .array(
        list.map { r in
          .object([
            ("kpi", .string(r.kpi.id)), ("required", .number(r.requirement.value)),
            ("current", .rounded(r.current, 4)), ("outcome", .string(r.outcome.rawValue)),
          ])
        })
    }
    func takes(_ list: [WhatItTakes]) -> JSON {
      .array(
        list.map { w in
          .object([
            ("kpi", .string(w.kpi.id)), ("current", .rounded(w.current, 4)),
            ("needed", .rounded(w.needed, 4)), ("headroom", .rounded(w.headroom, 2)),
          ])
        })
    }
    pairs.append(("unmet_requirements", requirements(e.unmetRequirements)))
    pairs.append(("what_it_takes", takes(e.whatItTakes)))
    // Keeping the tier (SPEC section 5): filled only while in grace.
    pairs.append(("unmet_keep_requirements", requirements(e.unmetKeepRequirements)))
    pairs.append(("keep_what_it_takes", takes(e.keepWhatItTakes)))
    return JSON.object(pairs).text + "\n"
  }
}

extension String {
  /// Pads to a display width (names here are the program's, mostly ASCII).
  func padding(_ width: Int) -> String {
    let w = TextWidth.of(self)
    return w >= width ? self + " " : self + String(repeating: " ", count: width - w)
  }
}

extension TierReport {
  /// The combined plan's heading, in the report's column.
  static let together = "Together       (\(EvaluationText.planRule))"
}
