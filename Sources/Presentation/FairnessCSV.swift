import Scoring

/// The one CSV layout of the fairness review (`fairness --format csv`, the Fairness screen's `e`).
public enum FairnessCSV {
  public static func document(_ review: FairnessReview, program: Program) -> String {
    table(review, program: program).csv()
  }

  /// The rows, for any export format.
  public static func table(_ review: FairnessReview, program: Program) -> ExportTable {
    ExportTable(
      header: ["group", "n", "mean", "median"] + program.tiers.map { "share_" + $0.id } + [
        "gap", "flagged", "drags",
      ],
      rows: review.groups.map { g in
        [g.id, String(g.n), NumberFormat.fixed(g.mean, 2), NumberFormat.fixed(g.median, 2)]
          + g.tierShares.map { NumberFormat.fixed($0, 4) }
          + [
            g.gap.map { NumberFormat.fixed($0, 2) } ?? "", String(g.flagged),
            g.drags.map { "\(program.kpis[$0.kpi].id) \(NumberFormat.fixed($0.gap, 4))" }.joined(
              separator: "; "),
          ]
      })
  }

}
