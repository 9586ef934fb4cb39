import Presentation
import Scoring

/// `partnerboard fairness`: SPEC section 11 as a table, CSV or JSON.
public struct FairnessReport {
  public let review: FairnessReview
  public let book: Scorebook

  public init(_ book: Scorebook, period t: Int, by grouping: FairnessReview.Grouping) {
    self.book = book
    review = FairnessReview(book: book, period: t, by: grouping)
  }

  var program: Program { book.program }

  /// An array of `{"group", "n", "mean", "median", "tiers", "gap", "flagged", "drags"}`;
  /// `tiers` maps every tier id to its share.
  public func json() -> String {
    JSON.lines(
      review.groups.map { g in
        .object([
          ("group", .string(g.id)), ("n", .int(g.n)), ("mean", .rounded(g.mean, 2)),
          ("median", .rounded(g.median, 2)),
          (
            "tiers",
            .object(program.tiers.indices.map { (program.tiers[$0].id, .rounded(g.tierShares[$0], 4)) })
          ),
          ("gap", .rounded(g.gap, 2)), ("flagged", .bool(g.flagged)),
          (
            "drags",
            .array(
              g.drags.map { d in
                .object([("kpi", .string(program.kpis[d.kpi].id)), ("gap", .rounded(d.gap, 4))])
              })
          ),
        ])
      })
  }

  public func csv() -> String { FairnessCSV.document(review, program: program) }

  /// One row per group: n, mean, median, tier shares in percent, gap, a
  /// flag, and the drag KPIs by name.
  public func table(width: Int) -> String {
    let by = review.grouping == .segment ? "Segment" : "Region"
    var out =
      "Fairness at \(QuarterText.name(book.coverage(review.period))) by \(by.lowercased()): flagged when the others' median is more than \(NumberFormat.trimmed(review.margin, 2)) points higher\n"
    let rows = review.groups.map { g -> [String] in
      [g.name, String(g.n), NumberFormat.fixed(g.mean, 2), NumberFormat.fixed(g.median, 2)]
        + g.tierShares.map { Phrases.sharePercent($0, space: false) }
        + [
          FairnessText.gap(g, digits: 2), g.flagged ? "FLAGGED" : "",
          FairnessText.drags(g, program: program),
        ]
    }
    out += TextTable(
      columns: [
        .init(by, flexible: true), .init("n", align: .right), .init("Mean", align: .right),
        .init("Median", align: .right),
      ]
        + program.tiers.map { .init($0.name, align: .right) }
        + [.init("vs others", align: .right), .init(""), .init("Held back by", wraps: true)],
      rows: rows
    ).render(width: width)
    out +=
      "vs others: the group's median score against everyone else's, in points. Held back by: KPIs\n"
    out += "where the group earns more than 10 % less credit than the others (at most 3).\n"
    return out
  }
}
