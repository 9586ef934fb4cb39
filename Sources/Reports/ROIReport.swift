import Presentation
import Scoring

/// `partnerboard roi`: SPEC section 14 as JSON, CSV or a table.
public struct ROIReport {
  public let roi: ProgramROI

  public init(_ book: Scorebook, period t: Int) { roi = ProgramROI(book: book, period: t) }

  public func json() -> String {
    JSON.object([
      ("period", .string(roi.period.description)),
      (
        "kpis",
        .array(
          roi.kpis.map { k in
            .object([
              ("kpi", .string(k.kpi.id)), ("agreements", .int(k.agreements)), ("paid", .rounded(k.paid, 2)),
              ("gain", .rounded(k.gain, 2)), ("gain_per_paid", .rounded(k.gainPerPaid, 4)),
              ("roi", .rounded(k.roi, 4)),
            ])
          })
      ),
      ("paid", .rounded(roi.paid, 2)), ("cash_gain", .rounded(roi.cashGain, 2)),
      ("cash_roi", .rounded(roi.cashROI, 4)),
      (
        "periods",
        .array(
          roi.periods.map { p in
            .object([
              ("period", .string(p.period.description)), ("paid", .rounded(p.paid, 2)),
              ("cash_gain", .rounded(p.cashGain, 2)), ("cum_cash_roi", .rounded(p.cumulativeCashROI, 4)),
            ])
          })
      ),
      ("payback", .str(roi.payback?.description)),
    ]).text + "\n"
  }

  /// One row per KPI, then the program (kpi "all").
  public func csv() -> String {
    let money = { (x: Double) in NumberFormat.fixed(x, 2) }
    let ratio = { (x: Double?) in x.map { NumberFormat.fixed($0, 4) } ?? "" }
    var rows = roi.kpis.map { k in
      [k.kpi.id, String(k.agreements), money(k.paid), money(k.gain), ratio(k.gainPerPaid), ratio(k.roi)]
    }
    rows.append([
      "all", String(roi.agreements.count), money(roi.paid), money(roi.cashGain), "", ratio(roi.cashROI),
    ])
    return CSVWriter.document(
      header: ["kpi", "agreements", "paid", "gain", "gain_per_paid", "roi"], rows: rows)
  }

  public func table(program: Program, width: Int) -> String {
    let currency = program.currency
    let money = { (x: Double) in NumberFormat.grouped(x, 2) }
    var out =
      "Program return up to \(roi.period): what the outcome agreements paid and what their outcomes gained\n"
    out += "Paid \(money(roi.paid)) \(currency); cash gain \(money(roi.cashGain)) \(currency)"
    if let r = roi.cashROI { out += "; cash ROI \(NumberFormat.fixed(r, 2)) (\(Phrases.sharePercent(r)))" }
    out += "\n"
    out +=
      "A lower bound: only outcomes in \(currency) count as cash; the other KPIs' gains are shown in their own units.\n"
    if let first = roi.firstPayout {
      if let payback = roi.payback {
        let quarters = payback.ordinal - first.ordinal
        let when =
          quarters == 0
          ? "the quarter of the first payout"
          : "\(quarters) quarter\(quarters == 1 ? "" : "s") after the first payout (\(first))"
        out +=
          "Payback in \(payback), \(when); the usual expectation is a positive return within 4-8 quarters.\n"
      } else {
        out +=
          "No payback yet: the cash gain has not covered what was paid since \(first) (expected within 4-8 quarters).\n"
      }
    }
    out += "\n"
    out += TextTable(
      columns: [
        .init("KPI", flexible: true), .init("Agreements", align: .right), .init("Paid", align: .right),
        .init("Gain", align: .right), .init("Gain per paid", align: .right), .init("ROI", align: .right),
      ],
      rows: roi.kpis.map { k in
        [
          k.kpi.name, String(k.agreements), money(k.paid),
          NumberFormat.value(k.gain, unit: k.kpi.unit, currency: currency),
          k.gainPerPaid.map { NumberFormat.fixed($0, 4) } ?? "—",
          k.roi.map { NumberFormat.fixed($0, 2) } ?? "—",
        ]
      }
    ).render(width: width)
    out += "\n"
    out += TextTable(
      columns: [
        .init("Quarter"), .init("Paid", align: .right), .init("Cash gain", align: .right),
        .init("Cumulative cash ROI", align: .right),
      ],
      rows: roi.periods.map { p in
        [
          p.period.description, money(p.paid), money(p.cashGain),
          p.cumulativeCashROI.map { NumberFormat.fixed($0, 2) } ?? "—",
        ]
      }
    ).render(width: width)
    return out
  }
}
