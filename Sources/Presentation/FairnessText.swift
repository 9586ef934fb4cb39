import Scoring

/// The fairness review's words, for the command and the dashboard's panel.
public enum FairnessText {
  /// "Revenue +0.33, Time to value +0.13", or "—".
  public static func drags(_ g: FairnessReview.Group, program: Program) -> String {
    g.drags.isEmpty
      ? "—"
      : g.drags.map { "\(program.kpis[$0.kpi].name) +\(NumberFormat.fixed($0.gap, 2))" }.joined(
        separator: ", ")
  }
}
