import Presentation
import Scoring
import TextLayout

/// `partnerboard explain ID`: every number behind a partner's score and tier,
/// enough to answer "why is this partner Silver and not Gold?".
public enum ExplainReport {
  public static func text(_ e: PartnerEvaluation, program: Program, unicode: Bool) -> String {
    var out: [String] = []
    out.append(
      EvaluationText.heading(e, unicode: unicode)
    )
    out.append(
      "Score \(NumberFormat.fixed(e.score, 2)) = sum of KPI points (window \(program.window) quarter\(program.window == 1 ? "" : "s"), weights normalised for \(e.partner.segment))"
    )
    out.append("")
    out.append("KPIs")
    for k in e.kpis {
      let kpi = k.kpi
      out.append(
        "  \(kpi.name) (\(kpi.id), \(kpi.aggregate.rawValue), \(kpi.direction == .higher ? "higher" : "lower") is better): \(Phrases.result(k).text)"
      )
      if k.status == .notApplicable {
        out.append("    not applicable: weight 0 for \(e.partner.segment)")
      }
      let obs = k.window.map { o -> String in
        var s = "\(o.period) \(o.value.map { NumberFormat.trimmed($0, 4) } ?? "—")"
        if o.adjustment != nil { s += "*" }
        return s
      }
      out.append("    window      \(obs.isEmpty ? "none" : obs.joined(separator: ", "))")
      out.append("    \(kpi.aggregate.rawValue.padding(12))\(EvaluationText.value(k.value, kpi, program))")
      switch kpi.basis {
      case .absolute:
        out.append(
          "    credit      from \(EvaluationText.value(k.threshold, kpi, program)) (0) to \(EvaluationText.value(k.target, kpi, program)) (full)"
        )
      case .improvement(let ti, _):
        let base = k.baselineWindow.map {
          "\($0.period) \($0.value.map { NumberFormat.trimmed($0, 4) } ?? "—")\($0.adjustment != nil ? "*" : "")"
        }
        out.append(
          "    baseline    \(EvaluationText.value(k.baseline, kpi, program)) (\(base.isEmpty ? "no earlier window" : base.joined(separator: ", "))); full credit at \(NumberFormat.trimmed(ti * 100, 2)) % improvement"
        )
      }
      var attain = "    attainment  \(NumberFormat.fixed(k.attainment, 4))"
      if k.status == .missing { attain += " (no value in the window)" }
      if k.status == .noBaseline { attain += " (no baseline)" }
      if k.attainment > 1 { attain += " (over-achieved; credit capped at 1)" }
      out.append(attain)
      out.append(
        "    points      \(NumberFormat.fixed(k.points, 2)) = 100 x weight \(NumberFormat.fixed(k.weight, 4)) x credit \(NumberFormat.fixed(k.credit, 4))"
      )
      for o in k.window + k.baselineWindow {
        if let a = o.adjustment {
          out.append(
            "    * \(o.period) adjusted to \(NumberFormat.trimmed(a.value, 4)): \(Sanitizer.field(a.reason)) (approved by \(Sanitizer.field(a.approvedBy)))"
          )
        }
      }
    }
    out.append("")
    out.append("Tiers")
    for (i, check) in e.tierChecks.enumerated() {
      let mark = i == e.tierIndex ? (unicode ? "▸" : ">") : " "
      var line =
        "\(mark) \(check.tier.name.padding(12))min score \(NumberFormat.trimmed(check.tier.minScore, 2)): \(check.scoreMet ? "met" : "unmet")"
      line += check.qualifies ? "  -> qualifies" : "  -> does not qualify"
      out.append(line)
      for r in check.requirements {
        out.append("      \(EvaluationText.requirement(r, program))")
      }
    }
    out.append("")
    out.append(
      "Qualified tier \(e.qualifiedTier.name); assigned tier \(EvaluationText.tierLine(e, gracePeriods: program.gracePeriods))"
    )
    if e.grace > 0 {
      out.append(
        "  In grace: short of \(e.tier.name) for \(e.grace) consecutive quarter\(e.grace == 1 ? "" : "s"); the tier drops to the qualified one after \(program.gracePeriods)."
      )
    } else if e.qualifiedTier.id != e.tier.id {
      out.append("  Kept by grace.")
    }
    if let s = e.slope {
      out.append(
        "Trend \(NumberFormat.fixed(s, 2)) points/quarter; projection \(NumberFormat.fixed(e.projection!, 2))\(e.atRisk ? "; at risk" : "")\(e.rising ? "; rising" : "")"
      )
    }
    if let keep = EvaluationText.keep(e), let needed = e.keepPointsNeeded {
      out.append("")
      out.append("Keeping \(e.tier.name): \(keep)")
      for r in e.unmetKeepRequirements { out.append("  unmet: \(EvaluationText.requirement(r, program))") }
      if needed > 0 {
        out.append("What keeps it (\(EvaluationText.aloneHeading(e.keepWhatItTakes))):")
        out += EvaluationText.takesLines(
          e.keepWhatItTakes, plan: e.keepPlan, program, together: Self.together)
      }
    }
    if let next = e.nextTier, let needed = e.pointsNeeded {
      out.append("")
      out.append(
        "Next tier \(next.name): \(EvaluationText.pointsNeeded(needed, to: next)), progress \(EvaluationText.progress(e))"
      )
      for r in e.unmetRequirements { out.append("  unmet: \(EvaluationText.requirement(r, program))") }
      if needed > 0 {
        out.append("What it takes (\(EvaluationText.aloneHeading(e.whatItTakes))):")
        out += EvaluationText.takesLines(e.whatItTakes, plan: e.plan, program, together: Self.together)
      }
    }
    return out.joined(separator: "\n") + "\n"
  }
}

extension ExplainReport {
  /// The combined plan's heading.
  static let together = "Together (\(EvaluationText.planRule)):"
}
