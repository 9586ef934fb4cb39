import Scoring

/// The one CSV layout of the KPI statistics (`trends --format csv` and the
/// trends screen's export).
public enum TrendsCSV {
  public static let header = [
    "kpi", "period", "n", "missing", "p25", "median", "p75", "share_at_target", "mean_credit",
  ]

  public static func document(_ program: Program, _ periods: [Period], _ rows: [KPIStatistics]) -> String {
    table(program, periods, rows).csv()
  }

  /// The rows, for any export format.
  public static func table(_ program: Program, _ periods: [Period], _ rows: [KPIStatistics]) -> ExportTable {
    func f(_ x: Double?) -> String { x.map { NumberFormat.trimmed($0, 4) } ?? "" }
    return ExportTable(
      header: header,
      rows: rows.map { s in
        [
          program.kpis[s.kpi].id, periods[s.period].description, String(s.n), String(s.missing),
          f(s.p25), f(s.median), f(s.p75), f(s.shareAtTarget), f(s.meanCredit),
        ]
      })
  }
}
