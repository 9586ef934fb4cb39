import ArgumentParser
import Scoring

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case table, csv, json
}

/// `--period YYYYQn`, checked against the program's periods.
struct PeriodOption: ParsableArguments {
  @Option(name: .long, help: "Evaluation period, YYYYQn (default: the latest).")
  var period: String?

  func index(in book: Scorebook) throws -> Int {
    guard let last = book.latestPeriodIndex else { throw CLIError("the store has no metrics yet") }
    guard let text = period else { return last }
    guard let p = Period(text) else {
      throw CLIError("--period: expected a quarter written YYYYQn (e.g. 2026Q3), found \"\(text)\"")
    }
    guard let t = book.periodIndex(p) else {
      throw CLIError(
        "--period \(p): outside the program's periods \(book.periods.first!)..\(book.periods.last!)")
    }
    return t
  }
}
