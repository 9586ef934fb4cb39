import ArgumentParser
import Dashboard
import DashboardShell
import Foundation
import PartnerStore
import Presentation
import ProgramFiles
import Scoring
import Screens
import TeamStore
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

      --manager NAME opens one manager's book (:manager in the dashboard picks
      another); the book shown last is remembered for the next start, per
      store, in $XDG_STATE_HOME/partnerboard/books.json. --manager all shows
      every partner.

      Needs a terminal of at least 80x24. Without one (a pipe, TERM=dumb) it
      exits with status 2: use `partnerboard leaderboard` instead.

      Examples:
        partnerboard
        partnerboard dashboard --period 2026Q2 --theme light
        partnerboard --manager sophie
        partnerboard render leaderboard --size 120x40   # the same screens as text
      """)

  @OptionGroup var store: StoreOptions
  @OptionGroup var period: PeriodOption
  @Option(help: "dark or light (the terminal's own background shows through).") var theme: Theme.Name = .dark
  @OptionGroup var book: BookOption

  func run() throws {
    if let problem = TerminalSession.canOpen() {
      Output.err(
        "partnerboard: cannot open the dashboard: \(problem).\nUse `partnerboard leaderboard` (or `partnerboard render leaderboard`) for text output."
      )
      throw ExitCode(2)
    }
    var app: DashboardApp?
    try reportingErrors {
      // A team store is read through its local copy, kept current while the
      // dashboard is open.
      let s = try store.open()
      let source: any DashboardSource = s
      if let replica = try store.teamReplica() { TeamListener(replica).start() }
      if let view = try s.keptView() {
        // Kept scores: the first frame is drawn from them while the whole
        // scorebook loads behind it.
        app = DashboardApp(
          store: s, loading: try period.index(in: view.periods),
          manager: try startingBook(among: s.managers(), store: s.name), theme: Theme(theme))
      } else {
        let book = Scorebook(try source.loadDataset())
        var state = DashboardState(
          book: book, period: try period.index(in: book), listPaths: PathCompletion.paths)
        if let manager = try startingBook(among: Books.managers(book.partners), store: source.name) {
          Update.apply(.command(.book(manager)), to: &state)
        }
        app = DashboardApp(store: source, state: state, theme: Theme(theme))
      }
    }
    guard let app else { return }
    if let replica = try? store.teamReplica() {
      app.greeting = AccessText.connected(replica.url, book: BookOption.loginBook)
    }
    try reportingErrors {
      let session = try TerminalSession()
      defer { session.close() }
      try app.run(on: session)
    }
  }
}

extension DashboardCommand {
  /// The book to open in: `--manager` (or PARTNERBOARD_MANAGER), else the
  /// one remembered for this store when the store still names that manager.
  func startingBook(among managers: [String], store name: String) throws -> String? {
    if book.manager != nil {
      // Chosen on the command line: remembered as a choice in the dashboard is.
      let chosen = try book.resolve(among: managers)
      try? RememberedBook.save(chosen, store: name)
      return chosen
    }
    if book.asked != nil || BookOption.loginBook != nil { return try book.resolve(among: managers) }
    guard let remembered = RememberedBook.load(store: name), managers.contains(remembered) else {
      return nil
    }
    return remembered
  }
}
