import Scoring

/// The phrases of the pilot review and the program return (SPEC sections
/// 13-14), shared by the `pilot` and `roi` tables and their screens.
public enum OutcomeText {
  /// Quarters as a span: "2026Q1-2026Q2", "2026Q3", "none".
  public static func span(_ periods: [Period]) -> String {
    periods.isEmpty
      ? "none" : periods.count == 1 ? "\(periods[0])" : "\(periods.first!)-\(periods.last!)"
  }

  /// "Pilot outcomes_pilot from 2026Q2, up to 2026Q4: before 2025Q2-2026Q1, since 2026Q2-2026Q4".
  public static func pilotHeading(_ r: PilotReview) -> String {
    "Pilot \(r.cohort) from \(r.start), up to \(r.period): before \(span(r.pre)), since \(span(r.post))"
  }

  /// "8 members, 13 % of the partners: within the 10-15 % a pilot should have".
  public static func pilotSize(_ r: PilotReview) -> String {
    "\(r.members) member\(r.members == 1 ? "" : "s"), \(Phrases.sharePercent(r.share)) of the partners: \(Phrases.pilotSize(r.size))"
  }

  public static let noCohort = "No pilot cohort yet: import a cohorts.csv (partner_id,cohort,start)"

  public static let pilotComparison =
    "Compared with the partners in no cohort; a change is positive when it is better."

  /// A measure's name: "Score" or the KPI's.
  public static func measure(_ r: PilotReview.Result, program: Program) -> String {
    r.kpi.map { program.kpis[$0].name } ?? "Score"
  }

  /// A change with its sign and 2 decimals, or "—".
  public static func signed(_ x: Double?) -> String { x.map { NumberFormat.signed($0, 2) } ?? "—" }

  /// A group's mean change with how many partners count: "+2.50 (n 8)".
  public static func groupChange(_ change: Double?, n: Int) -> String { signed(change) + " (n \(n))" }

  /// The selected measure in a sentence: what each group did and the verdict.
  public static func pilotSentence(_ r: PilotReview.Result, program: Program) -> String {
    let name = measure(r, program: program)
    guard let effect = r.effect else {
      return "\(name): \(Phrases.pilotVerdict(r.verdict, n: r.n)) (a group has no partner to compare)."
    }
    var text =
      "\(name): the members changed by \(NumberFormat.signed(r.change.members ?? 0, 2)), the rest by \(NumberFormat.signed(r.change.rest ?? 0, 2)); the difference is \(NumberFormat.signed(effect, 2))"
    if let se = r.se, let t = r.t {
      text += " (se \(NumberFormat.fixed(se, 2)), t \(NumberFormat.fixed(t, 2)))"
    }
    return text + ": " + Phrases.pilotVerdict(r.verdict, n: r.n) + "."
  }

  /// "Paid 12,500.00 EUR; cash gain 30,000.00 EUR; cash ROI 1.40 (140 %)".
  public static func returnSummary(_ roi: ProgramROI, currency: String) -> String {
    let money = { (x: Double) in NumberFormat.grouped(x, 2) }
    var out = "Paid \(money(roi.paid)) \(currency); cash gain \(money(roi.cashGain)) \(currency)"
    if let r = roi.cashROI { out += "; cash ROI \(NumberFormat.fixed(r, 2)) (\(Phrases.sharePercent(r)))" }
    return out
  }

  /// Why the cash ROI is a lower bound.
  public static func lowerBound(currency: String) -> String {
    "A lower bound: only outcomes in \(currency) count as cash; the other KPIs' gains are shown in their own units."
  }

  /// When the program paid for itself, against the 4-8 quarters expected;
  /// nil before the first payout.
  public static func payback(_ roi: ProgramROI) -> String? {
    guard let first = roi.firstPayout else { return nil }
    guard let payback = roi.payback else {
      return
        "No payback yet: the cash gain has not covered what was paid since \(first) (expected within 4-8 quarters)."
    }
    let quarters = payback.ordinal - first.ordinal
    let when =
      quarters == 0
      ? "the quarter of the first payout"
      : "\(quarters) quarter\(quarters == 1 ? "" : "s") after the first payout (\(first))"
    return "Payback in \(payback), \(when); the usual expectation is a positive return within 4-8 quarters."
  }

  /// A ratio as a plain number with 2 decimals, or "—".
  public static func ratio(_ x: Double?) -> String { x.map { NumberFormat.fixed($0, 2) } ?? "—" }
}
