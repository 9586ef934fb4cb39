import ArgumentParser
import Dashboard
import DashboardShell
import Foundation
import Platform
import Presentation
import Scoring
import Screens
import TerminalUI

struct QBRCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "qbr",
    abstract: "Present a quarterly business review of one partner, full screen.",
    discussion: """
      Seven slides about one partner only: title, where you stand, scorecard,
      trends, what it takes, outcomes and payouts, among peers (segment
      aggregates, never another partner's name or figure). Space, Right, l and
      PgDn go forward; Left, h, Backspace and PgUp back; 1-7 jump; m hides every
      money amount (shown as •••); q or Esc leaves. In the dashboard, p opens the
      QBR of the selected partner.

      Examples:
        partnerboard qbr acme
        partnerboard qbr p004 --period 2026Q3 --theme light
        partnerboard render qbr acme --slide 2 --size 200x60
        partnerboard qbr acme --export acme-2026Q4.html --mask
      """)

  @OptionGroup var store: StoreOptions
  @OptionGroup var period: PeriodOption
  @Argument(help: "Partner id or a piece of its name.") var partner: String
  @OptionGroup var book: BookOption
  @Option(help: "dark or light.") var theme: Theme.Name = .dark
  @Option(
    help: ArgumentHelp(
      "Write the QBR pack to FILE.md (Markdown) or FILE.html (one self-contained page) instead.",
      valueName: "file"))
  var export: String?
  @Flag(help: "Hide every money amount (•••), on screen from the start and in the export.") var mask = false

  func run() throws {
    var opened: (Scorebook, Int, Int)?
    try reportingErrors {
      let book = try store.scorebook()
      let t = try period.index(in: book)
      let manager = try self.book.resolve(among: Books.managers(book.partners))
      let p = try LookupPartner.find(partner, in: book, manager: manager)
      _ = try LookupPartner.evaluation(p, t, in: book)
      opened = (book, t, p)
    }
    guard let (book, t, p) = opened else { return }
    if let export {
      try reportingErrors {
        let document = QBRDocument(model: QBRModel(book: book, partner: p, period: t)!, masked: mask)
        let text: String
        if export.lowercased().hasSuffix(".md") {
          text = document.markdown()
        } else if export.lowercased().hasSuffix(".html") || export.lowercased().hasSuffix(".htm") {
          text = document.html()
        } else {
          throw CLIError("--export: name a .md or .html file, found \"\(export)\"")
        }
        do {
          try PrivateFile.write(text, to: export, replacing: true)
        } catch {
          throw CLIError("\(error)")
        }
        Output.out("wrote \(export)")
      }
      return
    }
    if let problem = TerminalSession.canOpen() {
      Output.err(
        "partnerboard: cannot open the QBR: \(problem).\nUse `partnerboard render qbr \(partner) --slide N` for text output."
      )
      throw ExitCode(2)
    }
    try reportingErrors {
      let source: any DashboardSource = try self.store.open()
      let app = DashboardApp(store: source, state: DashboardState(book: book, period: t), theme: Theme(theme))
      app.apply(.command(.openQBR(p, standalone: true)))
      app.apply(.command(.maskAmounts(mask)))
      let session = try TerminalSession()
      defer { session.close() }
      try app.run(on: session)
    }
  }
}
