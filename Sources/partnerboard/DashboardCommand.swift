import ArgumentParser
import Dashboard
import DashboardShell
import Foundation
import PartnerStore
import ProgramFiles
import Scoring
import Screens
import TerminalUI

extension Theme.Name: ExpressibleByArgument {}

struct DashboardCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dashboard",
    abstract: "Open the full-screen dashboard (the default command).",
    discussion: """
      Leaderboard, partner detail and program overview, by keyboard (press ? for
      every key) or mouse. The dashboard notices imports made by other processes
      within 2 seconds and reloads, keeping the selected partner.

      Needs a terminal of at least 80x24. Without one (a pipe, TERM=dumb) it
      exits with status 2: use `partnerboard leaderboard` instead.

      Examples:
        partnerboard
        partnerboard dashboard --period 2026Q2 --theme light
        partnerboard render leaderboard --size 120x40   # the same screens as text
      """)

  @OptionGroup var store: StoreOptions
  @OptionGroup var period: PeriodOption
  @Option(help: "dark or light (the terminal's own background shows through).") var theme: Theme.Name = .dark

  func run() throws {
    if let problem = TerminalSession.canOpen() {
      Output.err(
        "partnerboard: cannot open the dashboard: \(problem).\nUse `partnerboard leaderboard` (or `partnerboard render leaderboard`) for text output."
      )
      throw ExitCode(2)
    }
    var app: DashboardApp?
    try reportingErrors {
      let s = try store.open()
      if let view = try s.keptView() {
        // Kept scores: the first frame is drawn from them while the whole
        // scorebook loads behind it.
        app = DashboardApp(store: s, loading: try period.index(in: view.periods), theme: Theme(theme))
      } else {
        let book = Scorebook(try s.loadDataset())
        let state = DashboardState(
          book: book, period: try period.index(in: book), listPaths: PathCompletion.paths)
        app = DashboardApp(store: s, state: state, theme: Theme(theme))
      }
    }
    guard let app else { return }
    try reportingErrors {
      let session = try TerminalSession()
      defer { session.close() }
      try app.run(on: session)
    }
  }
}
