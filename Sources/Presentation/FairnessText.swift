import Scoring

/// The fairness review's words, for the command and the dashboard's panel.
public enum FairnessText {
  /// The KPIs that hold a group back, with how much less credit it earns
  /// than the others on each (the headings say "credit"): "Revenue -33 %,
  /// Time to value -13 %", or "—".
  public static func drags(_ g: FairnessReview.Group, program: Program) -> String {
    g.drags.isEmpty
      ? "—"
      : g.drags.map { "\(program.kpis[$0.kpi].name) -\(NumberFormat.fixed($0.gap * 100, 0)) %" }.joined(
        separator: ", ")
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
