import Dashboard
import Foundation
import ProgramFiles
import SampleData
import Scoring
import Screens
import TerminalUI
import Testing

/// Every screen at 80x24 and 160x48 through the text backend, compared with
/// the files in __Snapshots__. Record them again after a deliberate change
/// with `PARTNERBOARD_RECORD_SNAPSHOTS=1 swift test --filter ScreenSnapshot`.
@Suite struct ScreenSnapshotTests {
  static let book: Scorebook = {
    var issues: [DataIssue] = []
    let files = DataFiles.read(
      contents: SampleData.files.sorted { $0.key < $1.key }.map { (name: $0.key, text: $0.value) },
      issues: &issues)
    var data = Dataset(
      program: files.program!, partners: files.partners!.rows, observations: files.metrics!.rows,
      adjustments: files.adjustments!.rows, agreements: files.agreements!.rows)
    data.cohorts = files.cohorts!.rows
    // As the sample store: every quarter closed but the last (2026Q4, provisional).
    data.closedThrough = Period("2026Q3")
    return Scorebook(data)
  }()

  static let directory: String = {
    var url = URL(fileURLWithPath: #filePath)
    url.deleteLastPathComponent()
    return url.appendingPathComponent("__Snapshots__").path
  }()

  func assertSnapshot(_ name: String, _ state: DashboardState, glyphs: Glyphs = .unicode) throws {
    let text = TextBackend.render(DashboardView.render(state, glyphs: glyphs)) + "\n"
    let path = Self.directory + "/" + name + ".txt"
    if ProcessInfo.processInfo.environment["PARTNERBOARD_RECORD_SNAPSHOTS"] == "1" {
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      return
    }
    let expected = try? String(contentsOfFile: path, encoding: .utf8)
    #expect(expected != nil, "missing snapshot \(name): record it with PARTNERBOARD_RECORD_SNAPSHOTS=1")
    if let expected, expected != text {
      Issue.record(
        "snapshot \(name): \(SnapshotDiff.describe(expected: expected, actual: text))\nrecord it again with PARTNERBOARD_RECORD_SNAPSHOTS=1 if the change is meant"
      )
    }
  }

  func state(_ w: Int, _ h: Int) -> DashboardState { DashboardState(book: Self.book, width: w, height: h) }

  func partner(_ name: String) -> Int { Self.book.partners.firstIndex { $0.name == name }! }

  static let sizes = [(80, 24), (120, 40), (160, 48), (220, 60)]

  @Test(arguments: sizes) func leaderboard(_ size: (Int, Int)) throws {
    try assertSnapshot("leaderboard-\(size.0)x\(size.1)", state(size.0, size.1))
  }

  @Test(arguments: sizes) func partnerWithCJKName(_ size: (Int, Int)) throws {
    var s = state(size.0, size.1)
    Update.apply(.command(.openPartner(partner("東京システム株式会社"))), to: &s)
    try assertSnapshot("partner-cjk-\(size.0)x\(size.1)", s)
  }

  @Test(arguments: sizes) func partnerWithEmojiName(_ size: (Int, Int)) throws {
    var s = state(size.0, size.1)
    Update.apply(.command(.openPartner(partner("Rocket 🚀 Cloud"))), to: &s)
    try assertSnapshot("partner-emoji-\(size.0)x\(size.1)", s)
  }

  /// Unusual partners at every size: Müller keeps Platinum in grace at the
  /// top tier, Kōdo is blocked by a requirement, Lead Lantern has no data.
  @Test(arguments: sizes) func partnersInUnusualStates(_ size: (Int, Int)) throws {
    for (slug, name) in [
      ("grace-top", "Müller Systemhaus GmbH"), ("blocked", "Kōdo Managed IT"), ("no-data", "Lead Lantern"),
    ] {
      var s = state(size.0, size.1)
      Update.apply(.command(.openPartner(partner(name))), to: &s)
      try assertSnapshot("partner-\(slug)-\(size.0)x\(size.1)", s)
    }
  }

  /// A manager's book and the book picker over it; the book's changes
  /// (at 80 columns the program's name gives way, separator and all).
  @Test(arguments: sizes) func bookAndPicker(_ size: (Int, Int)) throws {
    var s = state(size.0, size.1)
    Update.apply(.command(.book("Sophie Laurent")), to: &s)
    try assertSnapshot("book-leaderboard-\(size.0)x\(size.1)", s)
    var changes = s
    Update.apply(.key(.char("5")), to: &changes)
    #expect(!TextBackend.render(DashboardView.render(changes, glyphs: .unicode)).contains("·  ·"))
    try assertSnapshot("book-changes-\(size.0)x\(size.1)", changes)
    for c in ":manager" { Update.apply(.key(.char(c)), to: &s) }
    Update.apply(.key(.enter), to: &s)
    try assertSnapshot("book-picker-\(size.0)x\(size.1)", s)
  }

  /// Payouts for the whole year, one row per partner.
  @Test(arguments: sizes) func payoutsByPartnerForTheYear(_ size: (Int, Int)) throws {
    var s = state(size.0, size.1)
    for key in ["$", "y", "b"] { Update.apply(.key(.char(Character(key))), to: &s) }
    try assertSnapshot("payouts-year-by-partner-\(size.0)x\(size.1)", s)
  }

  @Test(arguments: sizes) func overview(_ size: (Int, Int)) throws {
    var s = state(size.0, size.1)
    Update.apply(.command(.show(.overview)), to: &s)
    try assertSnapshot("overview-\(size.0)x\(size.1)", s)
  }

  @Test(arguments: sizes) func changes(_ size: (Int, Int)) throws {
    var s = state(size.0, size.1)
    Update.apply(.key(.char("5")), to: &s)
    // Down to Oakridge Digital, demoted Gold -> Registered.
    while let m = s.changesState.model,
      Self.book.partners[m.changes.entries[s.changesState.selected].partner].name
        != "Oakridge Digital"
    {
      Update.apply(.key(.down), to: &s)
    }
    try assertSnapshot("changes-\(size.0)x\(size.1)", s)
  }

  @Test(arguments: sizes) func payouts(_ size: (Int, Int)) throws {
    var s = state(size.0, size.1)
    Update.apply(.key(.char("6")), to: &s)
    Update.apply(.key(.down), to: &s)
    try assertSnapshot("payouts-\(size.0)x\(size.1)", s)
    Update.apply(.key(.char("]")), to: &s)
    Update.apply(.key(.char("m")), to: &s)
    try assertSnapshot("payouts-pending-masked-\(size.0)x\(size.1)", s)
  }

  /// The sample under its volume program (sample-data/volume-program.toml).
  static let volume: Scorebook = {
    var issues: [DataIssue] = []
    let files = DataFiles.read(
      contents: SampleData.files.sorted { $0.key < $1.key }.map { (name: $0.key, text: $0.value) },
      issues: &issues)
    var data = Dataset(
      program: try! ProgramParser.parse(SampleData.files["volume-program.toml"]!).get(),
      partners: files.partners!.rows, observations: files.metrics!.rows,
      adjustments: files.adjustments!.rows, agreements: files.agreements!.rows)
    return Scorebook(data)
  }()

  @Test(arguments: sizes) func whatIf(_ size: (Int, Int)) throws {
    var s = state(size.0, size.1)
    Update.apply(.otherProgram(Self.volume, source: "sample-data/volume-program.toml"), to: &s)
    Update.apply(.status(""), to: &s)
    try assertSnapshot("whatif-\(size.0)x\(size.1)", s)
    // A loser opened: the partner card shows both programs.
    Update.apply(.key(.end), to: &s)
    Update.apply(.key(.enter), to: &s)
    try assertSnapshot("whatif-partner-\(size.0)x\(size.1)", s)
  }

  @Test(arguments: sizes) func fairness(_ size: (Int, Int)) throws {
    var s = state(size.0, size.1)
    Update.apply(.key(.char("7")), to: &s)
    try assertSnapshot("fairness-\(size.0)x\(size.1)", s)
    Update.apply(.key(.char("b")), to: &s)
    try assertSnapshot("fairness-region-\(size.0)x\(size.1)", s)
  }

  /// The Pilot screen (`9`): the sample cohort against the rest, the
  /// score's chart; then a KPI's (↓) and, a quarter before the start, why
  /// there is nothing to compare.
  @Test(arguments: sizes) func pilot(_ size: (Int, Int)) throws {
    var s = state(size.0, size.1)
    Update.apply(.key(.char("9")), to: &s)
    try assertSnapshot("pilot-\(size.0)x\(size.1)", s)
    Update.apply(.key(.down), to: &s)
    Update.apply(.key(.down), to: &s)
    try assertSnapshot("pilot-renewal-\(size.0)x\(size.1)", s)
    Update.apply(.command(.show(.leaderboard)), to: &s)
    Update.apply(.key(.char("[")), to: &s)
    Update.apply(.key(.char("[")), to: &s)
    Update.apply(.key(.char("[")), to: &s)
    Update.apply(.key(.char("9")), to: &s)
    try assertSnapshot("pilot-before-start-\(size.0)x\(size.1)", s)
  }

  /// The Program return screen (`0`): paid against gained, the running net
  /// crossing zero, payback named; and a quarter before any payout.
  @Test(arguments: sizes) func programReturn(_ size: (Int, Int)) throws {
    var s = state(size.0, size.1)
    Update.apply(.key(.char("0")), to: &s)
    try assertSnapshot("roi-\(size.0)x\(size.1)", s)
    Update.apply(.command(.show(.leaderboard)), to: &s)
    Update.apply(.key(.char("[")), to: &s)
    Update.apply(.key(.char("[")), to: &s)
    Update.apply(.key(.char("[")), to: &s)
    Update.apply(.key(.char("0")), to: &s)
    try assertSnapshot("roi-before-payouts-\(size.0)x\(size.1)", s)
  }

  /// At 80x24 the help does not fit: it scrolls to its last line (the
  /// program's badges, after the Data keys).
  @Test func helpScrollsAt80x24() throws {
    var s = state(80, 24)
    let program = Self.book.program
    Update.apply(.command(.help), to: &s)
    for width in [80, 120, 220] {
      #expect(
        HelpScreen.overlay(program: program).lineCount(width: width)
          == KeyHelp.lineCount(width: width, program: program))
    }
    for _ in 0..<6 { Update.apply(.key(.pageDown), to: &s) }
    #expect(s.helpScroll == KeyHelp.maxScroll(width: 80, height: 24, program: program) && s.helpScroll > 0)
    try assertSnapshot("help-scrolled-80x24", s)
    let text = TextBackend.render(DashboardView.render(s, glyphs: .unicode))
    #expect(text.contains("q  Ctrl-C") && text.contains("more") == false)
    // Each badge by its mark, name and rule.
    for line in [
      "★S", "Segment top 10 %: top 10 % of its segment", "★A",
      "Adoption up 2 quarters running: Customer adoption",
      "★P", "Promoted: promoted to a higher tier",
    ] {
      #expect(text.contains(line), "\(line)\n\(text)")
    }
    Update.apply(.key(.up), to: &s)
    #expect(s.helpScroll == KeyHelp.maxScroll(width: 80, height: 24, program: program) - 1 && s.showHelp)
    Update.apply(.key(.char("x")), to: &s)
    #expect(!s.showHelp && s.helpScroll == 0)
  }

  /// `c` with Region and a KPI's value switched on, then the leaderboard with them.
  @Test func columnChooser() throws {
    var s = state(80, 24)
    for k: Dashboard.Key in [.char("c"), .down, .down, .char(" ")] { Update.apply(.key(k), to: &s) }
    for _ in 0..<9 { Update.apply(.key(.down), to: &s) }
    Update.apply(.key(.char(" ")), to: &s)
    try assertSnapshot("columns-80x24", s)
    Update.apply(.key(.escape), to: &s)
    try assertSnapshot("leaderboard-with-kpi-80x24", s)
  }

  @Test func commandLineWithCompletions() throws {
    var s = state(80, 24)
    for k in ":se" { Update.apply(.key(.char(k)), to: &s) }
    Update.apply(.key(.tab), to: &s)
    Update.apply(.key(.tab), to: &s)
    try assertSnapshot("command-line-80x24", s)
  }

  /// At 80x24 the overview is one column that scrolls: every at-risk
  /// partner and every KPI (by name) can be reached.
  @Test func overviewScrollsAt80x24() throws {
    var s = state(80, 24)
    Update.apply(.command(.show(.overview)), to: &s)
    let top = TextBackend.render(DashboardView.render(s, glyphs: .unicode))
    #expect(top.contains("↓ more (1-21 of"))
    Update.apply(.key(.pageDown), to: &s)
    try assertSnapshot("overview-scrolled-80x24", s)
    let text = TextBackend.render(DashboardView.render(s, glyphs: .unicode))
    #expect(text.contains("Müller Systemhaus GmbH  Platinum 40.46 · in grace 1 of 1"))
    for _ in 0..<10 { Update.apply(.key(.pageDown), to: &s) }
    let end = TextBackend.render(DashboardView.render(s, glyphs: .unicode))
    #expect(end.contains("Sustainability score") && end.contains("80 and up good") && end.contains("end ("))
    Update.apply(.key(.char("g")), to: &s)
    #expect(s.overviewState.scroll == 0)
  }

  @Test(arguments: sizes) func help(_ size: (Int, Int)) throws {
    var s = state(size.0, size.1)
    Update.apply(.command(.help), to: &s)
    try assertSnapshot("help-\(size.0)x\(size.1)", s)
  }

  @Test(arguments: sizes) func trends(_ size: (Int, Int)) throws {
    var s = state(size.0, size.1)
    Update.apply(.key(.char("t")), to: &s)
    try assertSnapshot("trends-\(size.0)x\(size.1)", s)
  }

  @Test(arguments: sizes) func trendsForOneSegmentAndALowerIsBetterKPI(_ size: (Int, Int)) throws {
    var s = state(size.0, size.1)
    Update.apply(.command(.filterSegment("msp")), to: &s)
    Update.apply(.command(.chooseKPI(Self.book.program.kpiIndex("time_to_value")!)), to: &s)
    Update.apply(.key(.char("t")), to: &s)
    try assertSnapshot("trends-msp-ttv-\(size.0)x\(size.1)", s)
  }

  /// At 80x24 the movers list scrolls with the selection: the last faller is reachable.
  @Test func trendsMoversScrollAt80x24() throws {
    var s = state(80, 24)
    Update.apply(.key(.char("t")), to: &s)
    Update.apply(.key(.char("m")), to: &s)
    for _ in 0..<9 { Update.apply(.key(.down), to: &s) }
    let text = TextBackend.render(DashboardView.render(s, glyphs: .unicode))
    let last = s.trends!.moverList.last!.partner
    #expect(s.trendsMover == 9)
    #expect(text.contains("▸▼ " + String(Self.book.partners[last].name.prefix(6))))
  }

  /// In grace at the top tier: what keeps the tier, never a bare "Top tier".
  @Test func inGraceAtTheTopTierIsToldToKeepIt() throws {
    var s = state(80, 24)
    Update.apply(.command(.openPartner(partner("Müller Systemhaus GmbH"))), to: &s)
    let card = TextBackend.render(DashboardView.render(s, glyphs: .unicode))
    #expect(card.contains("41.54 points to keep Platinum"))
    #expect(card.contains("Platinum is the top tier: keeping it is the goal"))
    var q = state(80, 24)
    Update.apply(.command(.openQBR(partner("Müller Systemhaus GmbH"), standalone: true)), to: &q)
    Update.apply(.command(.qbrSlide(1)), to: &q)
    let slide = TextBackend.render(DashboardView.render(q, glyphs: .unicode))
    #expect(slide.contains("41.5 points to keep Platinum") && slide.contains("keeping it is the goal"))
    #expect(!slide.contains("Top tier: Platinum"))
  }

  @Test func trendsASCII() throws {
    var s = state(80, 24)
    Update.apply(.key(.char("t")), to: &s)
    try assertSnapshot("trends-ascii-80x24", s, glyphs: .ascii)
  }

  @Test func filterPanelAndSearchPrompt() throws {
    var s = state(80, 24)
    Update.apply(.key(.char("f")), to: &s)
    Update.apply(.key(.down), to: &s)
    Update.apply(.key(.right), to: &s)
    try assertSnapshot("filter-80x24", s)
    var q = state(80, 24)
    for k in "/東京" { Update.apply(.key(.char(k)), to: &q) }
    try assertSnapshot("search-80x24", q)
  }

  @Test func asciiFallback() throws {
    try assertSnapshot("leaderboard-ascii-80x24", state(80, 24), glyphs: .ascii)
    var s = state(80, 24)
    Update.apply(.command(.openPartner(partner("Acme Corporation"))), to: &s)
    try assertSnapshot("partner-ascii-80x24", s, glyphs: .ascii)
    var o = state(80, 24)
    Update.apply(.command(.show(.overview)), to: &o)
    try assertSnapshot("overview-ascii-80x24", o, glyphs: .ascii)
  }

  @Test func tooSmall() throws {
    try assertSnapshot("too-small-40x10", state(40, 10))
    // 10x3 draws without crashing, whatever fits.
    let tiny = DashboardView.render(state(10, 3), glyphs: .unicode)
    #expect(tiny.width == 10 && tiny.height == 3)
  }

  @Test func selectionIsMarkedNotOnlyColoured() {
    var s = state(120, 40)
    Update.apply(.key(.down), to: &s)
    let buffer = DashboardView.render(s, glyphs: .unicode)
    let y = Layout.leaderboardFirstRow + 1
    #expect(buffer[0, y].character == "▸")
    #expect(buffer[10, y].style.reverse)
    #expect(!buffer[10, y + 1].style.reverse)
  }

  @Test func tiersHaveTheirOwnColours() {
    let theme = Theme()
    let styles = (0..<4).map { theme.tier($0, of: 4) }
    #expect(Set(styles.map(\.fg)).count == 4)
    let light = Theme(.light)
    #expect((0..<4).map { light.tier($0, of: 4).fg } != styles.map(\.fg))
  }
}
