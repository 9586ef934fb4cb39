import ArgumentParser
import Foundation
import PartnerStore
import Presentation
import Scoring
import TextLayout

/// `partnerboard close P` and `reopen P` (SPEC section 3): data arrives over
/// weeks, so a quarter is open, its scores provisional, until it is closed.
struct CloseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "close",
    abstract: "Close a quarter and every quarter before it: their numbers are final.",
    discussion: """
      An open quarter's scores are provisional: every screen and report names
      it with how many partners have reported, and `changes` lists partners
      whose data has not arrived as "awaiting data" rather than as demoted.
      Closing says the quarter is complete. An import that would change a
      closed quarter is refused unless it is given --reopen. The close is
      written to the import log (`partnerboard imports`) with who and when.

      Examples:
        partnerboard close 2026Q3
        partnerboard reopen 2026Q3
      """)

  @OptionGroup var store: StoreOptions
  @Argument(help: ArgumentHelp("The quarter, YYYYQn.", valueName: "quarter")) var quarter: String

  func run() throws {
    try QuarterArgument.change(quarter, in: store, by: { try $0.closeQuarters(through: $1) }) {
      period, change in
      change.logID == nil
        ? "\(period) is already closed (closed through \(change.before!)); nothing changed"
        : "closed every quarter through \(change.after.map(\.description) ?? "\(period)")"
    }
  }
}

struct ReopenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reopen",
    abstract: "Reopen a quarter and every quarter after it: their numbers are provisional again.",
    discussion: """
      Reopening lets an import change the quarter again (as `import --reopen`
      does). It is written to the import log with who and when.

      Example:
        partnerboard reopen 2026Q3
      """)

  @OptionGroup var store: StoreOptions
  @Argument(help: ArgumentHelp("The quarter, YYYYQn.", valueName: "quarter")) var quarter: String

  func run() throws {
    try QuarterArgument.change(quarter, in: store, by: { try $0.reopenQuarters(from: $1) }) {
      period, change in
      change.logID == nil
        ? "\(period) is open already; nothing changed"
        : "reopened \(period) and every quarter after it"
          + (change.after.map { "; closed through \($0)" } ?? "; no quarter is closed")
    }
  }
}

/// A quarter named on the command line.
enum QuarterArgument {
  /// Parses `text`, applies `change` to the store and prints what `said` says.
  static func change(
    _ text: String, in store: StoreOptions,
    by change: (PartnerStore, Period) throws -> PartnerStore.QuarterChange,
    said: (Period, PartnerStore.QuarterChange) -> String
  ) throws {
    try reportingErrors {
      let period = try parse(text)
      Output.out(said(period, try store.writing(existing: true) { try change($0, period) }))
    }
  }

  static func parse(_ text: String) throws -> Period {
    guard let p = Period(text) else {
      throw CLIError("expected a quarter such as 2026Q3 (YYYYQn), found \"\(Sanitizer.quoted(text))\"")
    }
    return p
  }
}
