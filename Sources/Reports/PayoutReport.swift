import Presentation
import Scoring

/// `partnerboard payouts`: SPEC section 7, as JSON (section 8), CSV or a table.
public enum PayoutReport {
  public static func object(_ r: PayoutResult) -> JSON {
    .object([
      ("id", .string(r.agreement.id)),
      ("partner_id", .string(r.agreement.partnerID)),
      ("kpi", .string(r.agreement.kpi)),
      ("period", .string(r.agreement.period.description)),
      ("value", .rounded(r.value, 4)),
      ("attainment", .rounded(r.attainment, 4)),
      ("share", .rounded(r.shareApplied, 4)),
      ("payout", .rounded(r.payout, 2)),
      ("status", .string(r.status.rawValue)),
    ])
  }

  public static func json(_ results: [PayoutResult]) -> String { JSON.lines(results.map(object)) }

  public static func csv(_ results: [PayoutResult]) -> String {
    CSVWriter.document(
      header: ["id", "partner_id", "kpi", "period", "value", "attainment", "share", "payout", "status"],
      rows: results.map { r in
        [
          r.agreement.id, r.agreement.partnerID, r.agreement.kpi, r.agreement.period.description,
          r.value.map { NumberFormat.trimmed($0, 4) } ?? "",
          r.attainment.map { NumberFormat.fixed($0, 4) } ?? "",
          NumberFormat.fixed(r.shareApplied, 4),
          NumberFormat.fixed(r.payout, 2), r.status.rawValue,
        ]
      })
  }

  public static func table(_ results: [PayoutResult], book: Scorebook, width: Int) -> String {
    let currency = book.program.currency
    var rows = results.map { r -> [String] in
      let name =
        book.partnerIndex(id: r.agreement.partnerID).map { book.partners[$0].name } ?? r.agreement.partnerID
      let unit = book.program.kpiIndex(r.agreement.kpi).map { book.program.kpis[$0].unit } ?? .count
      return [
        r.agreement.id, name, r.agreement.kpi, r.agreement.period.description,
        NumberFormat.value(r.value, unit: unit, currency: currency),
        r.attainment.map { NumberFormat.trimmed($0, 4) } ?? "—",
        NumberFormat.fixed(r.shareApplied, 2),
        NumberFormat.grouped(r.payout, 2), r.status.rawValue,
      ]
    }
    let total = results.reduce(0) { $0 + $1.payout }
    rows.append(["", "Total", "", "", "", "", "", NumberFormat.grouped(total, 2), currency])
    return TextTable(
      columns: [
        .init("Id"), .init("Partner", flexible: true), .init("KPI"), .init("Period"),
        .init("Value", align: .right), .init("r", align: .right), .init("Share", align: .right),
        .init("Payout", align: .right), .init("Status"),
      ], rows: rows
    ).render(width: width)
  }
}
