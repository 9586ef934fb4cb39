import ArgumentParser
import PartnerStore
import Presentation
import Reports
import Scoring
import TextLayout

/// `partnerboard roi`: SPEC section 14.
struct ROICommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "roi",
    abstract: "What the outcome agreements paid, and what their outcomes gained, per KPI and by quarter.",
    discussion: """
      Values every agreement up to the period: its payout, and its gain
      ((value - baseline) x attribution, positive when better). Per KPI: paid,
      gain, gain per amount paid and, for currency KPIs, the ROI. For the
      program: the cash ROI, counting only outcomes in the program's currency
      (a lower bound), quarter by quarter, and the quarter it paid back.

      Examples:
        partnerboard roi
        partnerboard roi --period 2026Q3 --format json
      """)

  @OptionGroup var store: StoreOptions
  @OptionGroup var period: PeriodOption
  @Option(help: "table, csv or json.") var format: OutputFormat = .table

  func outputs(_ report: ROIReport, program: Program) -> BookReport.Outputs {
    BookReport.Outputs(
      json: report.json, csv: report.csv, table: { report.table(program: program, width: TerminalInfo.width) }
    )
  }

  func run() throws {
    try BookReport.run(
      store, period, format, review: "the return",
      kept: { opened in
        // The agreements and their kept outcome values: no partner is scored.
        guard let (payouts, view) = try opened.keptPayouts() else { return nil }
        let t = try period.index(in: view.periods)
        let roi = ProgramROI(program: view.program, periods: view.periods, payouts: payouts, period: t)
        return (
          outputs(ROIReport(roi), program: view.program),
          heading: "\(view.program.name) · \(QuarterText.name(view.coverage[t]))"
        )
      }
    ) { book, t in outputs(ROIReport(book, period: t), program: book.program) }
  }
}

/// `partnerboard flags`: SPEC section 16.
struct FlagsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "flags",
    abstract: "How often the at-risk and rising flags came true the next quarter.",
    discussion: """
      An at-risk flag came true when the partner qualified below its tier the
      next quarter; a rising flag when it qualified above it. Precision: how
      many flags came true; recall: how many such moves were flagged. Over
      every quarter up to the period, and quarter by quarter.

      Examples:
        partnerboard flags
        partnerboard flags --format json
      """)

  @OptionGroup var store: StoreOptions
  @OptionGroup var period: PeriodOption
  @Option(help: "table, csv or json.") var format: OutputFormat = .table

  func run() throws {
    try BookReport.run(
      store, period, format,
      kept: { opened in
        // The record a rescore kept: a few rows, whatever the store's size.
        guard let view = try opened.keptView(), let kept = try opened.keptFlags(choose: period.index(in:))
        else { return nil }
        let report = FlagsReport(kept.calibration, periods: kept.periods)
        return (
          BookReport.Outputs(
            json: report.json, csv: report.csv, table: { report.table(width: TerminalInfo.width) }),
          heading: "\(view.program.name) · \(QuarterText.name(view.coverage[kept.calibration.period]))"
        )
      }
    ) { book, t in
      let report = FlagsReport(book, period: t)
      return BookReport.Outputs(
        json: report.json, csv: report.csv, table: { report.table(width: TerminalInfo.width) })
    }
  }
}

/// `partnerboard pilot COHORT`: SPEC section 13.
struct PilotCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pilot",
    abstract: "Did the program work where it was piloted? A cohort against the partners in no cohort.",
    discussion: """
      cohorts.csv (partner_id,cohort,start) names the pilots. For the score and
      every KPI: each partner's change from the quarters before the start (one
      window) to the quarters since, the members' mean change against the
      rest's (difference in differences), its standard error, t and a verdict
      (better or worse when |t| >= 1.96). Also the cohort's size against the
      advice of 10-15 % of partners.

      Examples:
        partnerboard pilot p1
        partnerboard pilot p1 --period 2026Q3 --format json
      """)

  @OptionGroup var store: StoreOptions
  @OptionGroup var period: PeriodOption
  @Argument(help: "The cohort id, as cohorts.csv names it.") var cohort: String
  @Option(help: "table, csv or json.") var format: OutputFormat = .table

  /// The problem in words, naming what to do.
  func message(_ problem: PilotReview.Problem, at period: Period) -> CLIError {
    switch problem {
    case .unknownCohort(let known):
      return CLIError(
        "no cohort \"\(Sanitizer.quoted(cohort))\""
          + (known.isEmpty
            ? ": the store has no cohorts (import a cohorts.csv)"
            : " (cohorts: \(known.joined(separator: ", ")))"))
    case .beforeStart(let start):
      return CLIError("--period \(period): cohort \(cohort) starts in \(start); choose \(start) or later")
    }
  }

  func outputs(_ review: PilotReview, program: Program) -> BookReport.Outputs {
    let report = PilotReport(review, program: program)
    return BookReport.Outputs(
      json: report.json, csv: report.csv, table: { report.table(width: TerminalInfo.width) })
  }

  func run() throws {
    try BookReport.run(
      store, period, format,
      kept: { opened in
        // The review a rescore kept: one row, whatever the store's size.
        guard let view = try opened.keptView() else { return nil }
        let t = try period.index(in: view.periods)
        guard let kept = try opened.keptPilot(cohort: cohort, choose: { _ in t }) else { return nil }
        switch kept {
        case .failure(let problem): throw message(problem, at: view.periods[t])
        case .success(let review):
          return (
            outputs(review, program: view.program),
            heading: "\(view.program.name) · \(QuarterText.name(view.coverage[t]))"
          )
        }
      }
    ) { book, t in
      do {
        return outputs(try PilotReview(book: book, cohort: cohort, period: t), program: book.program)
      } catch let problem as PilotReview.Problem {
        throw message(problem, at: book.periods[t])
      }
    }
  }
}

/// What every report of the whole scorebook shares: read the store, choose
/// the period, print the format asked for; a table under a heading that
/// names the program and the quarter (provisional or not).
enum BookReport {
  struct Outputs {
    let json: () -> String
    let csv: () -> String
    let table: () -> String
  }

  /// `kept`: the outputs from the numbers a rescore kept, and the heading
  /// of the table; nil when the store keeps none of this engine (the whole
  /// scorebook is read then).
  static func run(
    _ store: StoreOptions, _ period: PeriodOption, _ format: OutputFormat, review: String? = nil,
    kept: ((PartnerStore) throws -> (Outputs, heading: String)?)? = nil,
    _ make: (Scorebook, Int) throws -> Outputs
  ) throws {
    try reportingErrors {
      let opened = try store.open()
      if let review { StoreOptions.noteBookOnly(review) }
      if let kept, let (outputs, heading) = try kept(opened) {
        print(outputs, heading: heading, format)
        return
      }
      let book = try store.scorebook(of: opened)
      let t = try period.index(in: book)
      print(
        try make(book, t), heading: "\(book.program.name) · \(QuarterText.name(book.coverage(t)))", format)
    }
  }

  static func print(_ outputs: Outputs, heading: String, _ format: OutputFormat) {
    switch format {
    case .json: Output.out(outputs.json())
    case .csv: Output.out(outputs.csv())
    case .table:
      Output.out(heading)
      Output.out(outputs.table())
    }
  }
}
