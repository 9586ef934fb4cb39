import ArgumentParser
import PartnerStore
import Presentation
import Reports
import Scoring
import TextLayout

struct LeaderboardCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "leaderboard",
    abstract: "Rank partners at one period, with movement, tier and flags.",
    discussion: """
      Columns: overall rank, rank within the segment, movement since the previous
      quarter (▲ up, ▼ down, new), partner, segment, region, tier, score, and
      flags: at risk, rising, grace n/m. The table fits the terminal width; in a
      pipe or a file every row is one whole line (or COLUMNS wide when set).

      Examples:
        partnerboard leaderboard
        partnerboard leaderboard --segment msp --region EMEA --top 10
        partnerboard leaderboard --tier gold --format csv > gold.csv
      """)

  @OptionGroup var store: StoreOptions
  @OptionGroup var period: PeriodOption
  @OptionGroup var groups: GroupOptions
  @Option(help: "Only partners holding this tier id.") var tier: String?
  @Option(help: "At most N rows.") var top: Int?
  @Option(help: "table, csv or json.") var format: OutputFormat = .table

  func run() throws {
    try reportingErrors {
      // The kept scores answer without scoring anyone; an older store that
      // could not be upgraded is scored in full.
      let s: PartnerStore? = try store.open()
      let view = try s?.keptView()
      let book = view == nil ? try store.scorebook(of: s) : nil
      let program = view?.program ?? book!.program
      let periods = view?.periods ?? book!.periods
      let t = try period.index(in: periods)
      // A tier by id or name, case aside (`--tier Gold`), as the other filters match.
      let tierID = try tier.map { x in
        guard
          let i = program.tiers.firstIndex(where: { $0.id.lowercased() == x.lowercased() })
            ?? program.tiers.firstIndex(where: { $0.name.lowercased() == x.lowercased() })
        else {
          throw CLIError(
            "--tier: unknown tier \"\(Sanitizer.quoted(x))\" (known: \(program.tiers.map(\.id).joined(separator: ", ")))"
          )
        }
        return program.tiers[i].id
      }
      let filter = try groups.filter(
        in: program, regions: try book?.partners.map(\.region) ?? s!.regions(),
        managers: try book.map { Books.managers($0.partners) } ?? s!.managers(), tier: tierID)
      if let top, top < 1 { throw CLIError("--top: expected a number of at least 1, found \(top)") }
      let report: LeaderboardReport
      let evaluated: Int
      if let book {
        report = LeaderboardReport(book, period: t, filter: filter, top: top)
        evaluated = book.order[t].count
      } else {
        let kept = try s!.keptLeaderboard(at: periods[t], filter: filter, top: top)
        report = LeaderboardReport(program: program, lines: kept.lines)
        evaluated = kept.evaluated
      }
      switch format {
      case .table:
        let quarter = QuarterText.name(view?.coverage[t] ?? book!.coverage(t))
        Output.out(
          "\(program.name) · \(quarter)\(Books.suffix(filter.manager)) · \(report.lines.count) of \(evaluated) partners"
        )
        Output.out(report.table(width: TerminalInfo.width, unicode: TerminalInfo.unicode))
      case .csv: Output.out(report.csv())
      case .json: Output.out(report.json())
      }
    }
  }
}

struct TierCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tier",
    abstract: "Look up one partner's tier, score, rank and what it takes to move up.",
    discussion: """
      PARTNER is an id, or a case-insensitive piece of the name. Several matches
      print a short list and exit 1; none exits 1 with a hint.

      Examples:
        partnerboard tier acme
        partnerboard tier p017 --period 2026Q2
        partnerboard tier müller --format json
      """)

  @OptionGroup var store: StoreOptions
  @OptionGroup var period: PeriodOption
  @Argument(help: "Partner id or a piece of its name.") var partner: String
  @OptionGroup var book: BookOption
  /// One partner is a card, not a table: text or JSON (no CSV to offer).
  enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }
  @Option(help: "table or json.") var format: Format = .table

  func run() throws {
    try reportingErrors {
      let (e, program) = try LookupPartner.evaluate(partner, period: period, store: store, book: book)
      switch format {
      case .json: Output.out(TierReport.json(e, program: program))
      case .table: Output.out(TierReport.text(e, program: program, unicode: TerminalInfo.unicode))
      }
    }
  }
}

struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Show every number behind a partner's score and tier.",
    discussion: """
      For every KPI: the observations in the window (adjusted ones marked * with
      their reason and approver), the aggregate, the baseline, attainment,
      weight, points and status; then each tier's rules met or not, grace, the
      trend and what it takes to reach the next tier.

      Example:
        partnerboard explain acme --period 2026Q3
      """)

  @OptionGroup var store: StoreOptions
  @OptionGroup var period: PeriodOption
  @Argument(help: "Partner id or a piece of its name.") var partner: String
  @OptionGroup var book: BookOption

  func run() throws {
    try reportingErrors {
      let (e, program) = try LookupPartner.evaluate(partner, period: period, store: store, book: book)
      Output.out(ExplainReport.text(e, program: program, unicode: TerminalInfo.unicode))
    }
  }
}

struct ScoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "score",
    abstract: "Print every partner's score at one period: a table, CSV, or JSON for scripts.",
    discussion: """
      --format json prints the spec's JSON array in rank order; csv one row per
      partner with KPI points and statuses; table a readable summary.

      Examples:
        partnerboard score --format json
        partnerboard score --period 2026Q2 --format csv
      """)

  @OptionGroup var store: StoreOptions
  @OptionGroup var period: PeriodOption
  @OptionGroup var book: BookOption
  @Option(help: "json, csv or table.") var format: OutputFormat = .table

  func run() throws {
    try BookReport.run(store, period, format) { book, t in
      let filter = PartnerFilter(
        manager: try self.book.resolve(among: Books.managers(book.partners)))
      return BookReport.Outputs(
        json: { ScoreReport.json(book, period: t, filter: filter) },
        csv: { ScoreReport.csv(book, period: t, filter: filter) },
        table: { ScoreReport.table(book, period: t, width: TerminalInfo.width, filter: filter) })
    }
  }
}

struct PayoutsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "payouts",
    abstract: "Compute the payouts of outcome agreements (agreements.csv).",
    discussion: """
      Payout = max_payout x attribution x max(schedule(r), floor_share), rounded
      to cents; an agreement whose period lies after the data is pending.

      The table ends with subtotals of verified and pending payouts, then the
      total: pending amounts are floor shares, not money earned yet.

      Examples:
        partnerboard payouts
        partnerboard payouts --period 2026Q4 --status verified
        partnerboard payouts --partner p007 --format json
        partnerboard payouts --manager "Sophie Laurent"
      """)

  @OptionGroup var store: StoreOptions
  @Option(help: "Only agreements of this quarter, YYYYQn.") var period: String?
  @Option(help: "Only verified or pending agreements.") var status: String?
  @Option(help: "Only this partner's agreements (id or a piece of the name).") var partner: String?
  @OptionGroup var book: BookOption
  @Option(help: "table, csv or json.") var format: OutputFormat = .table

  func run() throws {
    try reportingErrors {
      // The kept outcome values answer without scoring anyone.
      let opened = try store.open()
      let book: Scorebook
      var results: [PayoutResult]
      if let (kept, view) = try opened.keptPayouts() {
        (book, results) = (try opened.namingBook(view), kept)
      } else {
        book = try store.scorebook(of: opened)
        results = book.payouts()
      }
      let manager = try self.book.resolve(among: Books.managers(book.partners))
      if let partner {
        let p = try LookupPartner.find(partner, in: book, manager: manager)
        results = results.filter { $0.agreement.partnerID == book.partners[p].id }
      } else if let manager {
        let inBook = Set(book.partners.filter { $0.manager == manager }.map(\.id))
        results = results.filter { inBook.contains($0.agreement.partnerID) }
      }
      if let period {
        guard let q = Period(period) else {
          throw CLIError("--period: expected a quarter written YYYYQn (e.g. 2026Q3), found \"\(period)\"")
        }
        results = results.filter { $0.agreement.period == q }
      }
      if let status {
        guard let s = PayoutResult.Status(rawValue: status) else {
          throw CLIError("--status: expected verified or pending, found \"\(status)\"")
        }
        results = results.filter { $0.status == s }
      }
      switch format {
      case .json: Output.out(PayoutReport.json(results))
      case .csv: Output.out(PayoutReport.csv(results, book: book))
      case .table:
        if let manager { Output.out(Books.title(manager)) }
        Output.out(PayoutReport.table(results, book: book, width: TerminalInfo.width))
        // Agreements of open quarters: their values may still change.
        let open = Set(results.filter(\.provisional).map(\.agreement.period))
        for t in book.periods.indices where open.contains(book.periods[t]) {
          Output.out("\(QuarterText.name(book.coverage(t))): its payouts may still change")
        }
      }
    }
  }
}

struct ChangesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "changes",
    abstract:
      "What changed this quarter: promotions, demotions, grace, new, no data, at risk, rising, blocked.",
    discussion: """
      Compares the period with the one before, or with an earlier quarter with
      --since (year on year: --since 2025Q4 at 2026Q4). Sections: promoted and demoted
      (from and to tier), entered and left grace, new partners, partners with
      no data, at risk (with the reason), rising on track (projected to reach
      the next tier, every requirement met) and blocked (the score reaches the
      next tier, a requirement does not: named with its current value).
      A partner can be in several sections. docs/changes.md has the rules.

      Examples:
        partnerboard changes
        partnerboard changes --period 2026Q3 --segment msp
        partnerboard changes --since 2025Q4
        partnerboard changes --format csv > changes.csv
      """)

  @OptionGroup var store: StoreOptions
  @OptionGroup var period: PeriodOption
  @OptionGroup var groups: GroupOptions
  @Option(
    help: ArgumentHelp(
      "Compare with this earlier quarter, YYYYQn (default: the one before).", valueName: "quarter"))
  var since: String?
  @Option(help: "table, csv or json.") var format: OutputFormat = .table

  func run() throws {
    try reportingErrors {
      let book = try store.scorebook()
      let t = try period.index(in: book)
      let filter = try groups.filter(
        in: book.program, regions: book.partners.map(\.region),
        managers: Books.managers(book.partners))
      let base = try since.map { text -> Int in
        let b = try PeriodOption(period: text).index(in: book.periods, option: "--since")
        guard b < t else {
          throw CLIError("--since \(book.periods[b]): expected a quarter before \(book.periods[t])")
        }
        return b
      }
      let report = ChangesReport(book, period: t, since: base, filter: filter)
      switch format {
      case .table:
        let against =
          report.changes.previous.map { "compared with \($0)" } ?? "the first quarter: nothing to compare"
        Output.out(
          "\(book.program.name) · \(QuarterText.name(book.coverage(t))) \(against)\(Books.suffix(filter.manager))"
        )
        Output.out(report.table(width: TerminalInfo.width, unicode: TerminalInfo.unicode))
      case .csv: Output.out(report.csv())
      case .json: Output.out(report.json())
      }
    }
  }
}
