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
    try reportingErrors {
      let period = try QuarterArgument.parse(quarter)
      let s = try store.openExistingForWriting()
      let change = try s.closeQuarters(through: period)
      if change.logID == nil {
        Output.out("\(period) is already closed (closed through \(change.before!)); nothing changed")
      } else {
        Output.out("closed every quarter through \(change.after.map(\.description) ?? "\(period)")")
      }
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
    try reportingErrors {
      let period = try QuarterArgument.parse(quarter)
      let s = try store.openExistingForWriting()
      let change = try s.reopenQuarters(from: period)
      if change.logID == nil {
        Output.out("\(period) is open already; nothing changed")
      } else {
        Output.out(
          "reopened \(period) and every quarter after it"
            + (change.after.map { "; closed through \($0)" } ?? "; no quarter is closed"))
      }
    }
  }
}

/// A quarter named on the command line.
enum QuarterArgument {
  static func parse(_ text: String) throws -> Period {
    guard let p = Period(text) else {
      throw CLIError("expected a quarter such as 2026Q3 (YYYYQn), found \"\(Sanitizer.quoted(text))\"")
    }
    return p
  }
}
