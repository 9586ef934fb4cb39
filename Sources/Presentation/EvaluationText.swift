import Scoring
import TextLayout

/// Phrases shared by `tier` and `explain`: progress bars, requirements and
/// "what it takes", in the KPI's own units.
public enum EvaluationText {
  public static func bar(_ fraction: Double, width: Int, unicode: Bool) -> String {
    let filled = Int(clampingRounded: (fraction.clamped(to: 0...1) * Double(width)).rounded(.down))
    return String(repeating: unicode ? "█" : "#", count: filled)
      + String(repeating: unicode ? "░" : ".", count: width - filled)
  }

  public static func value(_ v: Double?, _ kpi: KPI, _ program: Program) -> String {
    NumberFormat.value(v, unit: kpi.unit, currency: program.currency)
  }

  public static func requirement(_ r: RequirementCheck, _ program: Program) -> String {
    Phrases.requirement(r, style: .detailed) { value($0, r.kpi, program) }
  }

  /// What one KPI alone would take: "10 -> 12". A count is asked for in
  /// whole units (the next whole number the right way: 11.73 deal
  /// registrations is 12; at most 3.4 days' delay is 3).
  public static func whatItTakes(_ w: WhatItTakes, _ program: Program) -> String {
    if let needed = w.needed {
      return "\(value(w.current, w.kpi, program)) -> \(asked(needed, w.kpi, program))"
    }
    if w.headroom <= 0 { return "already at full credit" }
    return "alone at most +\(NumberFormat.fixed(w.headroom, 2)) points"
  }

  /// A value asked for: a count in whole units, rounded the right way.
  static func asked(_ v: Double, _ kpi: KPI, _ program: Program) -> String {
    guard kpi.unit == .count else { return value(v, kpi, program) }
    return value(kpi.direction == .higher ? v.rounded(.up) : v.rounded(.down), kpi, program)
  }

  /// What the "each KPI alone" list says of itself: that each KPI listed
  /// with a value closes the gap alone, or that none does.
  public static func aloneHeading(_ takes: [WhatItTakes]) -> String {
    let closing = takes.filter { $0.needed != nil }.count
    if closing == 0 { return "no KPI closes the gap alone" }
    if closing == takes.count { return "each KPI alone closes the gap" }
    return closing == 1 ? "one KPI closes the gap alone" : "\(closing) KPIs close the gap alone"
  }

  /// A combined plan, one line per KPI ("Revenue", "50 USD -> 68.34 USD
  /// (+9.17 points)", a requirement's "(+1.50 points, required)"); nil when
  /// one KPI alone does it and the tier requires nothing more (the list
  /// says so). Short of the gap even at full credit everywhere: one line saying so.
  public static func plan(_ plan: GainPlan?, _ program: Program) -> [(kpi: String, text: String)]? {
    guard let plan, plan.steps.count > 1 || plan.short > 0 || plan.steps.contains(where: \.required)
    else { return nil }
    if plan.short > 0 {
      return [
        (
          "",
          "not this quarter: every KPI at full credit leaves \(NumberFormat.fixed(plan.short, 2)) of "
            + "\(NumberFormat.fixed(plan.gap, 2)) points"
        )
      ]
    }
    return plan.steps.map { s in
      (
        s.kpi.name,
        "\(value(s.current, s.kpi, program)) -> \(asked(s.target, s.kpi, program)) (+\(NumberFormat.fixed(s.points, 2)) points\(s.required ? ", required" : ""))"
      )
    }
  }

  /// The reports' "what it takes" lines: each KPI alone, then the combined
  /// plan under `together` (nothing when one KPI alone does it).
  public static func takesLines(
    _ takes: [WhatItTakes], plan: GainPlan?, _ program: Program, together: String
  ) -> [String] {
    func row(_ name: String, _ text: String) -> String {
      "  " + name + String(repeating: " ", count: max(1, 24 - TextWidth.of(name))) + text
    }
    var lines = takes.map { row($0.kpi.name, whatItTakes($0, program)) }
    if let steps = self.plan(plan, program) { lines += [together] + steps.map { row($0.kpi, $0.text) } }
    return lines
  }

  /// How a plan is chosen, said once beside it.
  public static let planRule = "the tier's requirements first, then the KPIs with the most points to gain"

  /// The first line of `tier` and `explain`: who, where, when. Names come
  /// from the data: one field each, so a newline in a name cannot fake a line.
  public static func heading(_ e: PartnerEvaluation, unicode: Bool) -> String {
    let dot = unicode ? " · " : " | "
    let p = e.partner
    return [
      "\(Sanitizer.field(p.name)) (\(Sanitizer.field(p.id)))", Sanitizer.field(p.segment),
      Sanitizer.field(p.region), QuarterText.name(e.coverage),
    ].joined(separator: dot)
  }

  /// Keeping the tier (SPEC section 5), while in grace: "9.17 points to keep
  /// Gold (min score 80)", or "the score keeps Gold" when only requirements lack.
  public static func keep(_ e: PartnerEvaluation) -> String? {
    guard let needed = e.keepPointsNeeded else { return nil }
    if needed <= 0 { return "the score keeps \(e.tier.name); its requirements do not hold" }
    return
      "\(NumberFormat.fixed(needed, 2)) points to keep \(e.tier.name) (min score \(NumberFormat.trimmed(e.tier.minScore, 2)))"
  }

  /// Short of the next tier: "9.17 points needed (min score 80)".
  public static func pointsNeeded(_ needed: Double, to next: Tier) -> String {
    "\(NumberFormat.fixed(needed, 2)) points needed (min score \(NumberFormat.trimmed(next.minScore, 2)))"
  }

  /// Progress to the next tier, whole percent everywhere: "73 %".
  public static func progress(_ e: PartnerEvaluation) -> String { Phrases.sharePercent(e.progress) }

  /// A trend slope: "trend +0.50/quarter".
  public static func trend(_ slope: Double) -> String { "trend \(NumberFormat.signed(slope, 2))/quarter" }

  public static func tierLine(_ e: PartnerEvaluation, gracePeriods: Int) -> String {
    var s = e.tier.name
    if e.qualifiedTier.id != e.tier.id { s += " (qualifies for \(e.qualifiedTier.name))" }
    if e.grace > 0 { s += ", in grace \(e.grace) of \(gracePeriods)" }
    return s
  }
}
