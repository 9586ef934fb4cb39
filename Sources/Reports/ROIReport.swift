import Presentation
import Scoring

/// `partnerboard roi`: SPEC section 14 as JSON, CSV or a table.
public struct ROIReport {
  public let roi: ProgramROI

  public init(_ book: Scorebook, period t: Int) { roi = ProgramROI(book: book, period: t) }

  public init(_ roi: ProgramROI) { self.roi = roi }

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
  public func csv() -> String { ROICSV.table(roi).csv() }

  public func table(program: Program, width: Int) -> String {
    let currency = program.currency
    let money = { (x: Double) in NumberFormat.grouped(x, 2) }
    var out =
      "Program return up to \(roi.period): what the outcome agreements paid and what their outcomes gained\n"
    out += OutcomeText.returnSummary(roi, currency: currency) + "\n"
    out += OutcomeText.lowerBound(currency: currency) + "\n"
    if let payback = OutcomeText.payback(roi) { out += payback + "\n" }
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
          OutcomeText.ratio(k.roi),
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
          OutcomeText.ratio(p.cumulativeCashROI),
        ]
      }
    ).render(width: width)
    return out
  }
}
