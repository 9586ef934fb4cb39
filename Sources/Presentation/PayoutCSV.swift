import Scoring

/// The one CSV layout of payouts, for `payouts --format csv` and the
/// dashboard's Payouts screen alike.
public enum PayoutCSV {
  /// The JSON's fields, with the partner's and KPI's names and the
  /// maximum payout, for a spreadsheet.
  public static func document(_ results: [PayoutResult], book: Scorebook) -> String {
    table(results, book: book).csv()
  }

  /// The rows, for any export format.
  public static func table(_ results: [PayoutResult], book: Scorebook) -> ExportTable {
    ExportTable(
      header: [
        "id", "partner_id", "name", "kpi", "kpi_name", "period", "value", "attainment", "share", "max_payout",
        "payout", "status",
      ],
      rows: results.map { r in
        let name = book.partnerIndex(id: r.agreement.partnerID).map { book.partners[$0].name } ?? ""
        let kpiName =
          book.program.kpiIndex(r.agreement.kpi).map { book.program.kpis[$0].name } ?? r.agreement.kpi
        return [
          r.agreement.id, r.agreement.partnerID, name, r.agreement.kpi, kpiName,
          r.agreement.period.description,
          r.value.map { NumberFormat.trimmed($0, 4) } ?? "",
          r.attainment.map { NumberFormat.fixed($0, 4) } ?? "",
          NumberFormat.fixed(r.shareApplied, 4), NumberFormat.fixed(r.agreement.maxPayout, 2),
          NumberFormat.fixed(r.payout, 2), r.status.rawValue,
        ]
      })
  }

  /// One row per partner: its agreements summed by status.
  public static func partnerTable(_ rows: [PartnerPayouts], book: Scorebook) -> ExportTable {
    ExportTable(
      header: ["partner_id", "name", "agreements", "verified", "pending", "still_open", "total"],
      rows: rows.map { r in
        let name = book.partnerIndex(id: r.partnerID).map { book.partners[$0].name } ?? ""
        return [
          r.partnerID, name, String(r.agreements), NumberFormat.fixed(r.totals.verified, 2),
          NumberFormat.fixed(r.totals.pending, 2), NumberFormat.fixed(r.totals.stillOpen, 2),
          NumberFormat.fixed(r.totals.total, 2),
        ]
      })
  }
}
