import Presentation
import Scoring

/// `partnerboard trends`: the program's KPI statistics, per quarter for one
/// KPI, or per KPI at one quarter.
public enum TrendsReport {
  public static func rows(_ book: Scorebook, kpi: Int?, period t: Int, filter: PartnerFilter)
    -> [KPIStatistics]
  {
    if let k = kpi { return (0...t).map { book.statistics(kpi: k, period: $0, filter: filter) } }
    return book.program.kpis.indices.map { book.statistics(kpi: $0, period: t, filter: filter) }
  }

  public static func json(_ program: Program, _ periods: [Period], _ rows: [KPIStatistics]) -> String {
    JSON.lines(
      rows.map { s in
        .object([
          ("kpi", .string(program.kpis[s.kpi].id)),
          ("period", .string(periods[s.period].description)),
          ("n", .int(s.n)), ("missing", .int(s.missing)), ("p25", .rounded(s.p25, 4)),
          ("median", .rounded(s.median, 4)), ("p75", .rounded(s.p75, 4)),
          ("share_at_target", .rounded(s.shareAtTarget, 4)), ("mean_credit", .rounded(s.meanCredit, 4)),
        ])
      })
  }

  public static func csv(_ program: Program, _ periods: [Period], _ rows: [KPIStatistics]) -> String {
    TrendsCSV.document(program, periods, rows)
  }

  public static func table(
    _ program: Program, _ periods: [Period], _ rows: [KPIStatistics], width: Int, unicode: Bool
  ) -> String {
    let body = rows.map { s -> [String] in
      let kpi = program.kpis[s.kpi]
      func v(_ x: Double?) -> String {
        x == nil ? "—" : NumberFormat.value(x, unit: kpi.unit, currency: program.currency)
      }
      let better = kpi.direction == .higher ? (unicode ? "↑" : "^") : (unicode ? "↓" : "v")
      return [
        kpi.name + " " + better, periods[s.period].description, String(s.n), String(s.missing), v(s.p25),
        v(s.median), v(s.p75), s.shareAtTarget.map { Phrases.sharePercent($0) } ?? "—",
        s.meanCredit.map { NumberFormat.fixed($0, 2) } ?? "—",
      ]
    }
    return TextTable(
      columns: [
        .init("KPI (better)", flexible: true), .init("Period"), .init("n", align: .right),
        .init("missing", align: .right), .init("p25", align: .right), .init("median", align: .right),
        .init("p75", align: .right), .init("at target", align: .right), .init("credit", align: .right),
      ], rows: body
    ).render(width: width)
  }
}
