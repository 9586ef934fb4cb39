import ArgumentParser
import Scoring

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case table, csv, json
}

/// `--period YYYYQn`, checked against the program's periods.
struct PeriodOption: ParsableArguments {
  @Option(name: .long, help: "Evaluation period, YYYYQn (default: the latest).")
  var period: String?

  func index(in book: Scorebook) throws -> Int { try index(in: book.periods) }

  /// The index of the chosen period among `periods` (the program's, in order).
  func index(in periods: [Period]) throws -> Int {
    guard let last = periods.indices.last else { throw CLIError("the store has no metrics yet") }
    guard let text = period else { return last }
    guard let p = Period(text) else {
      throw CLIError("--period: expected a quarter written YYYYQn (e.g. 2026Q3), found \"\(text)\"")
    }
    guard let t = periods.firstIndex(of: p) else {
      throw CLIError("--period \(p): outside the program's periods \(periods.first!)..\(periods.last!)")
    }
    return t
  }
}
