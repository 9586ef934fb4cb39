import ArgumentParser
import Platform
import ProgramFiles
import Reports
import Scoring

/// `partnerboard compare OTHER.toml`: the store's data under another program.
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "What if the program changed? Score the store's data under another program file, side by side.",
    discussion: """
      Scores every partner under the store's program (current) and under OTHER
      (validated like any program, and it must declare every stored partner's
      segment), at one period: the tier matrix (from current to other), the
      payout totals of the agreements up to the period, the biggest winners and
      losers, and every partner's score, tier and rank under both. The store is
      not changed. KPIs OTHER lacks are unscored under it; an agreement on such
      a KPI is valued with the current program's aggregate over OTHER's window.

      Examples:
        partnerboard compare sample-data/volume-program.toml
        partnerboard compare next-year.toml --period 2026Q3 --top 10
        partnerboard compare next-year.toml --format csv > what-if.csv
      """)

  @OptionGroup var store: StoreOptions
  @OptionGroup var period: PeriodOption
  @Argument(help: "The other program file (TOML, as program.toml).", completion: .file(extensions: ["toml"]))
  var other: String
  @Option(help: "Winners and losers listed in the table.") var top: Int = 5
  @Option(help: "table, csv or json.") var format: OutputFormat = .table

  func run() throws {
    try reportingErrors {
      guard top >= 1 else { throw CLIError("--top: expected a number of at least 1, found \(top)") }
      let s = try store.open()
      StoreOptions.noteBookOnly("the what-if")
      let program = try OtherProgram.load(path: other, partners: try s.allPartners())
      // A slice of partners at a time: bounded memory at any size.
      let facts = try Timings.measure("score both") {
        try s.whatIfFacts(other: program, choose: period.index(in:))
      }
      let report = CompareReport(facts)
      switch format {
      case .table:
        Output.out(report.table(width: TerminalInfo.width, unicode: TerminalInfo.unicode, top: top))
      case .csv: Output.out(report.csv())
      case .json: Output.out(report.json())
      }
    }
  }
}

/// `partnerboard fairness`: SPEC section 11 per segment or region.
struct FairnessCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fairness",
    abstract:
      "Is the program fair to every segment and region? Scores, tiers, gaps and the KPIs that drag a group down.",
    discussion: """
      Per group with a partner evaluated at the period: n, mean and median
      score, the share of partners at each tier, the gap (everyone else's
      median minus the group's), flagged when the gap is more than the
      program's [review] fairness_margin (10 points unless set), and up to
      three KPIs where the others' mean credit is more than 0.1 above the
      group's.

      Examples:
        partnerboard fairness
        partnerboard fairness --by region --period 2026Q3
        partnerboard fairness --format json
      """)

  @OptionGroup var store: StoreOptions
  @OptionGroup var period: PeriodOption
  @Option(help: "segment or region.") var by: FairnessReview.Grouping = .segment
  @Option(help: "table, csv or json.") var format: OutputFormat = .table

  func run() throws {
    try reportingErrors {
      let book = try store.scorebook()
      StoreOptions.noteBookOnly("the fairness review")
      let t = try period.index(in: book)
      let report = FairnessReport(book, period: t, by: by)
      switch format {
      case .table: Output.out(report.table(width: TerminalInfo.width))
      case .csv: Output.out(report.csv())
      case .json: Output.out(report.json())
      }
    }
  }
}

extension FairnessReview.Grouping: ExpressibleByArgument {}
