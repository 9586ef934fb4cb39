import ArgumentParser
import PartnerStore
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
      let opened = try store.open()
      let (program, periods, rows, coverage, managers) = try statistics(opened)
      let manager = try groups.book.resolve(among: managers)
      switch format {
      case .json: Output.out(TrendsReport.json(program, periods, rows))
      case .csv: Output.out(TrendsReport.csv(program, periods, rows))
      case .table:
        Output.out("\(program.name) · \(QuarterText.name(coverage))\(Books.suffix(manager))")
        Output.out(
          TrendsReport.table(program, periods, rows, width: TerminalInfo.width, unicode: TerminalInfo.unicode)
        )
      }
    }
  }

  /// The rows: read from the statistics the store keeps when no segment or
  /// region or book narrows them (the same numbers, to the last bit), else computed
  /// from the whole scorebook.
  func statistics(_ opened: PartnerStore?) throws -> (
    Program, [Period], [KPIStatistics], QuarterCoverage, [String]
  ) {
    func kpiIndex(_ program: Program) throws -> Int? {
      guard let kpi else { return nil }
      guard let i = program.kpiIndex(kpi) else {
        throw CLIError(
          "--kpi: unknown KPI \"\(kpi)\" (known: \(program.kpis.map(\.id).joined(separator: ", ")))")
      }
      return i
    }
    if groups.segment == nil, groups.region == nil, groups.book.asked == nil, let opened,
      let kept = try opened.keptTrends(kpi: { try kpiIndex($0) ?? 0 }, choose: period.index(in:))
    {
      let t = kept.period
      let rows = kpi == nil ? kept.all.map { $0[t] } : Array(kept.all[kept.chosen.statistics.kpi][0...t])
      return (kept.program, kept.periods, rows, kept.coverage[t], [])
    }
    let book = try store.scorebook(of: opened)
    let t = try period.index(in: book)
    let rows = TrendsReport.rows(
      book, kpi: try kpiIndex(book.program), period: t,
      filter: try groups.filter(
        in: book.program, regions: book.partners.map(\.region),
        managers: Books.managers(book.partners)))
    return (book.program, book.periods, rows, book.coverage(t), Books.managers(book.partners))
  }
}
