import ArgumentParser
import Presentation
import Reports
import Scoring

struct TrendsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trends",
    abstract: "KPI statistics across the program: quartiles, share at target, mean credit.",
    discussion: """
      With --kpi: one row per quarter up to --period. Without: one row per KPI at
      --period (default: the latest quarter). Statistics are taken over the
      aggregated values of the partners evaluated that quarter for whom the KPI
      is applicable and has a value (n); applicable partners without a value are
      counted as missing, never as zero. Quantiles interpolate between closest
      ranks (type 7). share_at_target: the fraction of n with attainment >= 1;
      mean_credit: their mean credit (attainment capped to 0..1). The arrow in
      the table points to "better".

      Examples:
        partnerboard trends
        partnerboard trends --kpi renewal_rate --segment msp
        partnerboard trends --period 2026Q2 --format json
      """)

  @OptionGroup var store: StoreOptions
  @OptionGroup var period: PeriodOption
  @Option(help: "One KPI id: a row per quarter.") var kpi: String?
  @OptionGroup var groups: GroupOptions
  @Option(help: "table, csv or json.") var format: OutputFormat = .table

  func run() throws {
    try reportingErrors {
      let book = try store.scorebook()
      let t = try period.index(in: book)
      var k: Int? = nil
      if let kpi {
        guard let i = book.program.kpiIndex(kpi) else {
          throw CLIError(
            "--kpi: unknown KPI \"\(kpi)\" (known: \(book.program.kpis.map(\.id).joined(separator: ", ")))")
        }
        k = i
      }
      let rows = TrendsReport.rows(book, kpi: k, period: t, filter: try groups.filter(in: book.program))
      switch format {
      case .json: Output.out(TrendsReport.json(book, rows))
      case .csv: Output.out(TrendsReport.csv(book, rows))
      case .table:
        Output.out(TrendsReport.table(book, rows, width: TerminalInfo.width, unicode: TerminalInfo.unicode))
      }
    }
  }
}
