import Dashboard
import Presentation
import Scoring
import Testing

/// The `:` command line: parsing, completion, and what running a line does.
@Suite struct CommandPromptTests {
  let book = Synthetic.book([[10, 90], [50, 40], [70, 70], [nil, 60], [20, 85]])

  func parse(_ text: String) -> LineCommand? { try? CommandPrompt.parse(text, book: book).get() }
  func error(_ text: String) -> String? {
    if case .failure(let e) = CommandPrompt.parse(text, book: book) { return e.message }
    return nil
  }

  @Test func parsesCommandsAndShortenings() {
    #expect(parse("seg a") == .segment("a"))
    #expect(parse("segment all") == .segment(nil))
    #expect(parse("tier Gold") == .tier("t2"))
    #expect(parse("region eu") == .region("EU"))
    #expect(parse("flag at_risk") == .flag(.atRisk))
    #expect(parse("period 2026q1") == .period(Period(year: 2026, quarter: 1)))
    #expect(parse("sort score desc") == .sort(.score, valuesDescend: true))
    #expect(parse("sort score ASC") == .sort(.score, valuesDescend: false))
    #expect(parse("sort part") == .sort(.partner, valuesDescend: nil))
    #expect(error("sort score sideways") == ":sort score \"sideways\": expected asc (smallest first) or desc")
    #expect(error("sort score asc desc") == ":sort score: one direction, asc or desc")
    #expect(parse("q") == .quit && parse("quit") == .quit)
    #expect(parse("compare next year.toml") == .compare(path: "next year.toml"))
    #expect(parse("fairness region") == .fairness(.region))
    #expect(parse("export top.csv") == .export("top.csv"))
    #expect(parse("pay") == .show(.payouts))
    #expect(error("period 2030Q1") == "2030Q1 is outside the data (2026Q1..2026Q2)")
    #expect(error("c") == "\"c\" could be compare, clear, changes")
    #expect(error("frobnicate")?.hasPrefix("unknown command \"frobnicate\"") == true)
    #expect(error("segment z") == "unknown segment \"z\" (known: a, b)")
    #expect(error("compare")?.contains("needs a program file") == true)
    #expect(error("sort trend")?.hasPrefix(":sort takes a column") == true)
  }

  /// `desc` means the values decrease down the table and `asc` that they
  /// increase, whatever the column's natural order (scores best first,
  /// names A to Z).
  @Test func sortDirectionsAreTheValuesDirection() {
    func sorted(_ line: String) -> [Double] {
      var s = DashboardState(book: book, period: 1)
      _ = Update.apply(.key(.char(":")), to: &s)
      for c in line { _ = Update.apply(.key(.char(c)), to: &s) }
      _ = Update.apply(.key(.enter), to: &s)
      return (0..<s.leaderboard.withData).compactMap { s.book.score(s.leaderboard.partners[$0], 1) }
    }
    #expect(sorted("sort score desc") == [90, 85, 70, 60, 40])
    #expect(sorted("sort score asc") == [40, 60, 70, 85, 90])
    #expect(sorted("sort score") == [90, 85, 70, 60, 40])
    var s = DashboardState(book: book, period: 1)
    for c in ":sort partner desc" { _ = Update.apply(.key(.char(c)), to: &s) }
    _ = Update.apply(.key(.enter), to: &s)
    #expect(s.leaderboard.partners.prefix(2).map { s.book.partners[$0].name } == ["P4", "P3"])
  }

  @Test func tabCompletesWordsAndIds() {
    #expect(CommandPrompt.complete("se", book: book).text == "segment ")
    let ids = CommandPrompt.complete("segment ", book: book)
    #expect(ids.candidates == ["a", "b", "all"] && ids.text == "segment ")
    #expect(CommandPrompt.complete("tier t", book: book).text == "tier t")
    #expect(CommandPrompt.complete("tier t2", book: book).text == "tier t2")
    #expect(CommandPrompt.complete("per", book: book).text == "period ")
    #expect(CommandPrompt.complete("period 2026Q", book: book).candidates == ["2026Q1", "2026Q2"])
    let two = CommandPrompt.complete("c", book: book)
    #expect(two.candidates == ["compare", "clear", "changes"] && two.text == "c")
    // :compare completes paths: folders, then .toml files in them.
    let files: (String) -> [String] = { prefix in
      [
        "sample-data/", "scripts/", "sample-data/program.toml", "sample-data/volume-program.toml",
        "sample-data/partners.csv",
      ]
      .filter { path in
        // Direct children of the typed folder, as the file system lists them.
        guard path.hasPrefix(prefix), path != prefix else { return false }
        let rest = path.dropFirst(prefix.count)
        return !rest.dropLast().contains("/")
          && !(prefix.isEmpty == false && !prefix.hasSuffix("/") && rest.contains("/")
            && !rest.hasSuffix("/"))
      }
    }
    #expect(CommandPrompt.complete("compare sam", book: book, paths: files).text == "compare sample-data/")
    let tomls = CommandPrompt.complete("compare sample-data/", book: book, paths: files)
    #expect(tomls.candidates == ["program.toml", "volume-program.toml"])
    #expect(
      CommandPrompt.complete("compare sample-data/v", book: book, paths: files).text
        == "compare sample-data/volume-program.toml")
  }

  @Test func runningALine() {
    var s = DashboardState(book: book, width: 120, height: 40)
    func type(_ text: String) -> [Effect] {
      var effects = Update.apply(.key(.char(":")), to: &s)
      for c in text { effects += Update.apply(.key(.char(c)), to: &s) }
      return effects + Update.apply(.key(.enter), to: &s)
    }
    _ = type("segment b")
    #expect(s.leaderboard.filter.segment == "b" && s.commandLine == nil)
    _ = type("clear")
    #expect(s.leaderboard.filter.isEmpty)
    _ = type("period 2026Q1")
    #expect(s.period == 0)
    _ = type("nope")
    #expect(s.failed && s.message?.hasPrefix("unknown command") == true)
    #expect(type("compare volume.toml") == [.loadProgram(path: "volume.toml")])
    #expect(type("q") == [.quit])
    guard case .export(let name, _) = type("export mine").first else {
      Issue.record("no export")
      return
    }
    #expect(name == "mine.csv")
    // Tab, Backspace, Esc.
    _ = Update.apply(.key(.char(":")), to: &s)
    _ = Update.apply(.key(.char("t")), to: &s)
    _ = Update.apply(.key(.tab), to: &s)
    #expect(s.commandLine?.candidates == ["tier", "trends"])
    _ = Update.apply(.key(.escape), to: &s)
    #expect(s.commandLine == nil)
    _ = Update.apply(.key(.char(":")), to: &s)
    _ = Update.apply(.key(.backspace), to: &s)
    #expect(s.commandLine == nil)
  }
}
