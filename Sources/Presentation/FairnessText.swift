import Scoring
import TextLayout

/// The fairness review's words, for the command and the dashboard's panel.
public enum FairnessText {
  /// The KPIs that hold a group back, with how much less credit it earns
  /// than the others on each (the headings say "credit"): "Revenue -33 %,
  /// Time to value -13 %", or "—".
  public static func drags(_ g: FairnessReview.Group, program: Program) -> String {
    g.drags.isEmpty ? "—" : dragItems(g, program: program).joined(separator: ", ")
  }

  static func dragItems(_ g: FairnessReview.Group, program: Program) -> [String] {
    g.drags.map { "\(program.kpis[$0.kpi].name) -\(NumberFormat.fixed($0.gap * 100, 0)) %" }
  }

  /// `drags` in `width` columns: whole KPIs with their figure, then "+N
  /// more" for those that do not fit (a KPI is never shown without its number).
  public static func drags(_ g: FairnessReview.Group, program: Program, fitting width: Int) -> String {
    let all = drags(g, program: program)
    guard TextWidth.of(all) > width else { return all }
    let items = dragItems(g, program: program)
    for n in stride(from: items.count - 1, through: 1, by: -1) {
      let text = items.prefix(n).joined(separator: ", ") + ", +\(items.count - n) more"
      if TextWidth.of(text) <= width { return text }
    }
    let counted = "\(items.count) KPIs"
    return TextWidth.of(counted) <= width ? counted : TextWidth.truncate(all, to: width)
  }

  /// Where a group's median score stands against everyone else's, in
  /// points, the right way round: "12.3 behind", "4.1 ahead", "even", "—".
  public static func gap(_ g: FairnessReview.Group, digits: Int = 1) -> String {
    guard let gap = g.gap else { return "—" }
    let size = NumberFormat.fixed(abs(gap), digits)
    if Double(size) == 0 { return "even" }
    return size + (gap > 0 ? " behind" : " ahead")
  }
}
