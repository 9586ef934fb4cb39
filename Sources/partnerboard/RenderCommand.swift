import ArgumentParser
import Dashboard
import DashboardShell
import PartnerStore
import Platform
import Presentation
import ProgramFiles
import Scoring
import Screens
import TerminalUI
import TextLayout

struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Print a dashboard screen as text (the same cells the dashboard draws).",
    discussion: """
      SCREEN is leaderboard, partner (with a partner id or name), overview, changes
      (with --segment), trends (with --kpi and --segment), payouts (with
      --quarter and --mask), fairness (with --by), pilot (with --cohort), roi,
      whatif (with --other), qbr (with a partner, --slide and --mask) or help.
      Used for the README's screenshots, tests, and terminals that cannot run
      the full-screen dashboard. LANG=C gives the ASCII version.

      Examples:
        partnerboard render leaderboard --size 120x40
        partnerboard render partner acme --size 160x48
        partnerboard render overview --period 2026Q3
        partnerboard render changes --size 80x24
        partnerboard render payouts --quarter 2026Q4 --mask
        partnerboard render whatif --other sample-data/volume-program.toml
        partnerboard render fairness --by region --size 80x24
        partnerboard render trends --kpi renewal_rate --segment msp
        partnerboard render pilot --cohort outcomes_pilot --size 80x24
        partnerboard render roi --size 220x60
      """)

  enum Which: String, ExpressibleByArgument, CaseIterable {
    case leaderboard, partner, overview, changes, trends, payouts, fairness, pilot, roi, whatif, qbr, help
  }

  @OptionGroup var store: StoreOptions
  @OptionGroup var period: PeriodOption
  @Argument(
    help:
      "leaderboard, partner, overview, changes, trends, payouts, fairness, pilot, roi, whatif, qbr or help.")
  var screen: Which
  @Argument(help: "With `partner`: an id or a piece of the name.") var partner: String?
  @Option(help: "WIDTHxHEIGHT of the screen.") var size: String = "120x40"
  @Option(help: "With `trends`: the KPI id shown.") var kpi: String?
  @Option(help: "With `qbr`: the slide, 1-7.") var slide: Int = 1
  @Flag(help: "With `qbr` and `payouts`: hide money amounts.") var mask = false
  @Option(help: "With `payouts`: the agreements' quarter, YYYYQn.") var quarter: String?
  @Option(help: "With `whatif`: the other program file.", completion: .file(extensions: ["toml"]))
  var other: String?
  @Option(help: "With `fairness`: segment or region.") var by: FairnessReview.Grouping = .segment
  @Option(help: "With `pilot`: the cohort id (default: the first).") var cohort: String?
  @Option(help: "Filter to one segment id (leaderboard, changes, trends).") var segment: String?
  @OptionGroup var book: BookOption
  @Option(help: "dark or light.") var theme: Theme.Name = .dark

  /// The KPI `--kpi` names in `program` (the first without one).
  func kpiIndex(_ program: Program) throws -> Int {
    guard let kpi else { return 0 }
    guard let i = program.kpiIndex(kpi) else { throw CLIError("--kpi: unknown KPI \"\(kpi)\"") }
    return i
  }

  /// The screen from the numbers the store kept, when it keeps them for
  /// this screen and these options; nil: score the whole scorebook.
  func keptFrame(_ kept: KeptReader, manager: String?, width: Int, height: Int) throws -> KeptFrame? {
    let choose: ([Period]) throws -> Int = { try period.index(in: $0) }
    switch screen {
    case .leaderboard:
      // A screenful of the kept scores draws the same cells as the whole scorebook.
      return try Timings.measure("kept excerpt") {
        try kept.leaderboard(rows: height, width: width, segment: segment, manager: manager, choose: choose)
      }
    case .partner:
      // The partner read on its own draws the same cells as in the whole scorebook.
      guard let partner,
        let one = try LookupPartner.alone(partner, period: period, store: kept.store, manager: manager)
      else {
        return nil
      }
      return .partner(KeptReader.model(one))
    case .overview: return try kept.overview(choose: choose)
    case .trends where segment == nil && manager == nil:
      return try Timings.measure("kept trends") { try kept.trends(kpi: kpiIndex, choose: choose) }
    case .pilot:
      let cohorts = try kept.store.cohortIDs()
      guard let chosen = cohort ?? cohorts.first else { return nil }
      switch try kept.pilot(cohort: chosen, of: cohorts, choose: choose) {
      case .failure(.unknownCohort(let known))?: throw CLIError(Self.unknownCohort(chosen, known))
      case .success(let frame)?: return .pilot(frame)
      default: return nil  // before the start: the screen says why, from the whole scorebook
      }
    case .roi: return try kept.programReturn(choose: choose).map { .programReturn($0) }
    default: return nil
    }
  }

  static let noCohort = "render pilot: no pilot cohort in the store (import a cohorts.csv)"

  static func unknownCohort(_ cohort: String, _ known: [String]) -> String {
    known.isEmpty
      ? noCohort
      : "--cohort: unknown cohort \"\(Sanitizer.quoted(cohort))\" (known: \(known.joined(separator: ", ")))"
  }

  func run() throws {
    try reportingErrors {
      let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
      guard parts.count == 2, parts[0] > 0, parts[1] > 0, parts[0] <= 1000, parts[1] <= 1000 else {
        throw CLIError("--size: expected WIDTHxHEIGHT such as 120x40, found \"\(size)\"")
      }
      let opened: PartnerStore? = try Timings.measure("open") { try store.open() }
      if let opened {
        let manager = try book.resolve(among: try opened.managers())
        if let frame = try keptFrame(
          KeptReader(store: opened), manager: manager, width: parts[0], height: parts[1])
        {
          let buffer = DashboardView.render(
            kept: frame, width: parts[0], height: parts[1], theme: Theme(theme), glyphs: Glyphs.forLocale())
          Output.out(TextBackend.render(buffer))
          return
        }
      }
      let data = try store.dataset(of: opened)
      let book = Timings.measure("score") { Scorebook(data) }
      let manager = try self.book.resolve(among: Books.managers(book.partners))
      let t = try period.index(in: book)
      var state = DashboardState(book: book, period: t, width: parts[0], height: parts[1])
      if let manager { Update.apply(.command(.book(manager)), to: &state) }
      switch screen {
      case .leaderboard:
        if let segment { Update.apply(.command(.filterSegment(segment)), to: &state) }
      case .overview:
        Update.apply(.command(.show(.overview)), to: &state)
      case .changes:
        if let segment { Update.apply(.command(.filterSegment(segment)), to: &state) }
        Update.apply(.command(.show(.changes)), to: &state)
      case .trends:
        if kpi != nil { Update.apply(.command(.chooseKPI(try kpiIndex(book.program))), to: &state) }
        if let segment { Update.apply(.command(.filterSegment(segment)), to: &state) }
        Update.apply(.command(.show(.trends)), to: &state)
      case .payouts:
        if let quarter {
          guard let q = Period(quarter) else {
            throw CLIError("--quarter: expected a quarter written YYYYQn (e.g. 2026Q3), found \"\(quarter)\"")
          }
          Update.apply(.command(.payoutQuarter(q)), to: &state)
        }
        Update.apply(.command(.maskPayouts(mask)), to: &state)
        if let segment { Update.apply(.command(.filterSegment(segment)), to: &state) }
        Update.apply(.command(.show(.payouts)), to: &state)
      case .fairness:
        Update.apply(.command(.fairness(by)), to: &state)
      case .whatif:
        guard let other else { throw CLIError("render whatif: name the other program with --other PATH") }
        var data = data
        data.program = try OtherProgram.load(path: other, partners: data.partners)
        Update.apply(.otherProgram(Scorebook(data), source: other), to: &state)
        Update.apply(.status(""), to: &state)
        if let segment { Update.apply(.command(.filterSegment(segment)), to: &state) }
        Update.apply(.command(.show(.whatIf)), to: &state)
      case .pilot:
        if let cohort, !PilotReview.cohorts(book).contains(cohort) {
          let known = PilotReview.cohorts(book)
          throw CLIError(
            known.isEmpty
              ? "--cohort: no pilot cohort in the store (import a cohorts.csv)"
              : "--cohort: unknown cohort \"\(Sanitizer.quoted(cohort))\" (known: \(known.joined(separator: ", ")))"
          )
        }
        Update.apply(.command(.pilot(cohort)), to: &state)
      case .roi: Update.apply(.command(.show(.roi)), to: &state)
      case .help: Update.apply(.command(.help), to: &state)
      case .qbr:
        guard let partner else {
          throw CLIError("render qbr: name the partner (an id or a piece of the name)")
        }
        let p = try LookupPartner.find(partner, in: book, manager: manager)
        _ = try LookupPartner.evaluation(p, t, in: book)
        guard (1...QBRModel.slideTitles.count).contains(slide) else {
          throw CLIError("--slide: expected 1 to \(QBRModel.slideTitles.count), found \(slide)")
        }
        Update.apply(.command(.openQBR(p, standalone: true)), to: &state)
        Update.apply(.command(.qbrSlide(slide - 1)), to: &state)
        Update.apply(.command(.maskAmounts(mask)), to: &state)
      case .partner:
        guard let partner else {
          throw CLIError("render partner: name the partner (an id or a piece of the name)")
        }
        let p = try LookupPartner.find(partner, in: book, manager: manager)
        Update.apply(.command(.openPartner(p)), to: &state)
      }
      let buffer = DashboardView.render(state, theme: Theme(theme), glyphs: Glyphs.forLocale())
      Output.out(TextBackend.render(buffer))
    }
  }
}
