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
      ("provisional", .bool(r.provisional)),
    ])
  }

  public static func json(_ results: [PayoutResult]) -> String { JSON.lines(results.map(object)) }

  /// CSV: the JSON's fields, with the partner's and KPI's names and the
  /// maximum payout, for a spreadsheet (`PayoutCSV`, as the dashboard exports).
  public static func csv(_ results: [PayoutResult], book: Scorebook) -> String {
    PayoutCSV.document(results, book: book)
  }

  /// The table: one precision per column (r 2 decimals, shares in percent as the dashboard shows them, amounts
  /// to the cent), names in full where the width allows; below it the
  /// subtotals by status and the total (pending amounts are floor shares).
  public static func table(_ results: [PayoutResult], book: Scorebook, width: Int) -> String {
    let currency = book.program.currency
    let rows = results.map { r -> [String] in
      let name =
        book.partnerIndex(id: r.agreement.partnerID).map { book.partners[$0].name } ?? r.agreement.partnerID
      let kpi = book.program.kpiIndex(r.agreement.kpi).map { book.program.kpis[$0] }
      return [
        r.agreement.id, name, kpi?.name ?? r.agreement.kpi, r.agreement.period.description,
        NumberFormat.value(r.value, unit: kpi?.unit ?? .count, currency: currency),
        r.attainment.map { NumberFormat.fixed($0, 2) } ?? "—",
        Phrases.sharePercent(r.shareApplied, space: false), NumberFormat.grouped(r.payout, 2),
        r.status.rawValue,
      ]
    }
    let totals = PayoutTotals(results)
    var sums: [[String]] = []
    if totals.verifiedCount > 0 {
      sums.append([
        "Verified (\(totals.verifiedCount))", NumberFormat.grouped(totals.verified, 2), currency,
        "agreements up to the data",
      ])
    }
    if totals.pendingCount > 0 {
      sums.append([
        "Pending (\(totals.pendingCount))", NumberFormat.grouped(totals.pending, 2), currency,
        "floor shares of agreements after the data",
      ])
    }
    sums.append(["Total (\(totals.count))", NumberFormat.grouped(totals.total, 2), currency, ""])
    if totals.stillOpen > 0 {
      sums.append([
        "Still open", NumberFormat.grouped(totals.stillOpen, 2), currency,
        "more that pending agreements can pay, at the schedule's top share",
      ])
    }
    let table = TextTable(
      columns: [
        .init("Id"), .init("Partner", flexible: true), .init("KPI"), .init("Period"),
        .init("Value", align: .right), .init("r", align: .right), .init("Share", align: .right),
        .init("Payout", align: .right), .init("Status"),
      ], rows: rows
    ).render(width: width)
    let sumTable = TextTable(
      columns: [.init(""), .init("", align: .right), .init(""), .init("", wraps: true)], rows: sums
    ).render(width: width)
    // The totals table's empty header line is dropped.
    return table + "\n" + sumTable.drop { $0 != "\n" }.dropFirst()
  }
}
