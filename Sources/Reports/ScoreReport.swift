import Presentation
import Scoring

/// `partnerboard score`: SPEC section 8's JSON, and the same rows as CSV or a table.
public enum ScoreReport {
  /// One object per partner evaluated at period index `t`, in rank order.
  public static func objects(_ book: Scorebook, period t: Int, filter: PartnerFilter = PartnerFilter())
    -> [JSON]
  {
    listed(book, t, filter).map { p in object(book.evaluation(partner: p, period: t)!) }
  }

  public static func object(_ e: PartnerEvaluation) -> JSON {
    .object([
      ("partner_id", .string(e.partner.id)),
      ("name", .string(e.partner.name)),
      ("segment", .string(e.partner.segment)),
      ("period", .string(e.period.description)),
      ("score", .rounded(e.score, 2)),
      ("rank", .int(e.rank)),
      ("segment_rank", .int(e.segmentRank)),
      ("movement", .int(e.movement)),
      ("qualified_tier", .string(e.qualifiedTier.id)),
      ("tier", .string(e.tier.id)),
      ("grace", .int(e.grace)),
      ("next_tier", .str(e.nextTier?.id)),
      ("points_needed", .rounded(e.pointsNeeded, 2)),
      ("keep_points_needed", .rounded(e.keepPointsNeeded, 2)),
      ("progress", .rounded(e.progress, 4)),
      ("at_risk", .bool(e.atRisk)),
      ("rising", .bool(e.rising)),
      ("slope", .rounded(e.slope, 2)),
      ("provisional", .bool(e.provisional)),
      ("badges", .array(e.badges.map { .string($0.id) })),
      (
        "kpis",
        .array(
          e.kpis.map { k in
            .object([
              ("kpi", .string(k.kpi.id)),
              ("value", .rounded(k.value, 4)),
              ("attainment", .rounded(k.attainment, 4)),
              ("points", .rounded(k.points, 2)),
              ("status", .string(k.status.name)),
            ])
          })
      ),
    ])
  }

  /// The partners listed: rank order, those `filter` keeps (a book, `--manager`).
  static func listed(_ book: Scorebook, _ t: Int, _ filter: PartnerFilter) -> [Int] {
    filter.isEmpty ? book.order[t] : book.order[t].filter { book.matches($0, t, filter) }
  }

  public static func json(_ book: Scorebook, period t: Int, filter: PartnerFilter = PartnerFilter()) -> String
  {
    JSON.lines(objects(book, period: t, filter: filter))
  }

  /// One row per partner; KPI points as `points_<kpi>` columns.
  public static func csv(_ book: Scorebook, period t: Int, filter: PartnerFilter = PartnerFilter()) -> String
  {
    let kpis = book.program.kpis
    let header =
      [
        "partner_id", "name", "segment", "period", "score", "rank", "segment_rank", "movement",
        "qualified_tier", "tier", "grace", "next_tier", "points_needed", "progress", "at_risk",
        "rising", "slope",
      ] + kpis.map { "points_\($0.id)" } + kpis.map { "status_\($0.id)" }
    let rows = listed(book, t, filter).map { p -> [String] in
      let e = book.evaluation(partner: p, period: t)!
      var row: [String] = [e.partner.id, e.partner.name, e.partner.segment, e.period.description]
      row.append(NumberFormat.fixed(e.score, 2))
      row.append(String(e.rank))
      row.append(String(e.segmentRank))
      row.append(e.movement.map(String.init) ?? "")
      row.append(e.qualifiedTier.id)
      row.append(e.tier.id)
      row.append(String(e.grace))
      row.append(e.nextTier?.id ?? "")
      row.append(e.pointsNeeded.map { NumberFormat.fixed($0, 2) } ?? "")
      row.append(NumberFormat.fixed(e.progress, 4))
      row.append(String(e.atRisk))
      row.append(String(e.rising))
      row.append(e.slope.map { NumberFormat.fixed($0, 2) } ?? "")
      row += e.kpis.map { NumberFormat.fixed($0.points, 2) }
      row += e.kpis.map { $0.status.name }
      return row
    }
    return CSVWriter.document(header: header, rows: rows)
  }

  public static func table(
    _ book: Scorebook, period t: Int, width: Int, filter: PartnerFilter = PartnerFilter()
  ) -> String {
    let kpis = book.program.kpis
    var columns: [TextTable.Column] = [
      .init("Rank", align: .right), .init("Partner", flexible: true), .init("Score", align: .right),
      .init("Tier"),
    ]
    columns += kpis.map { TextTable.Column($0.id, align: .right) }
    let rows = listed(book, t, filter).map { p -> [String] in
      let e = book.evaluation(partner: p, period: t)!
      return [String(e.rank), e.partner.name, NumberFormat.fixed(e.score, 2), e.tier.name]
        + e.kpis.map { $0.status == .notApplicable ? "n/a" : NumberFormat.fixed($0.points, 2) }
    }
    return TextTable(columns: columns, rows: rows).render(width: width)
  }
}
