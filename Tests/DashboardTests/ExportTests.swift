import Dashboard
import Presentation
import Scoring
import Testing

@Suite struct ExportNameTests {
  @Test func idsBecomeSafeSlugs() {
    #expect(FileSlug.of("../../etc/passwd") == "etc-passwd")
    #expect(FileSlug.of("..") == "partner")
    #expect(FileSlug.of("/abs/path") == "abs-path")
    #expect(FileSlug.of("Müller & Co") == "Muller-Co")
    #expect(FileSlug.of(".hidden") == "hidden")
    #expect(FileSlug.of("a..b") == "a.b")
    #expect(FileSlug.of(String(repeating: "x", count: 100)).count == 60)
    #expect(FileSlug.of("P-001_x.y") == "P-001_x.y")
  }

  @Test func aPartnerExportNeverLeavesTheFolder() {
    var partners = [Partner(id: "../../../tmp/evil", name: "=HYPERLINK(\"x\")", segment: "a", region: "EU")]
    partners.append(Partner(id: "ok", name: "Ok", segment: "b", region: "EU"))
    let observations = [
      Observation(partnerID: partners[0].id, period: Period(year: 2026, quarter: 1), kpi: "v", value: 10),
      Observation(partnerID: "ok", period: Period(year: 2026, quarter: 1), kpi: "v", value: 20),
    ]
    let book = Scorebook(Dataset(program: Synthetic.program, partners: partners, observations: observations))
    var s = DashboardState(book: book, width: 120, height: 40)
    let row = s.leaderboard.partners.firstIndex(of: 0)!
    for _ in 0..<row { Update.apply(.key(.down), to: &s) }
    Update.apply(.key(.enter), to: &s)
    #expect(s.detailPartner == 0)
    guard let (name, _) = exportByKeys(&s) else {
      Issue.record("no export")
      return
    }
    #expect(name == "partnerboard-tmp-evil-2026Q1.csv")
    #expect(!name.contains("/"))
    // The leaderboard's export: the formula name is text in a spreadsheet.
    Update.apply(.key(.escape), to: &s)
    guard let (_, csv) = exportByKeys(&s) else {
      Issue.record("no leaderboard export")
      return
    }
    #expect(csv.contains(",\"'=HYPERLINK(\"\"x\"\")\","), "\(csv)")
  }
}

/// `e`: a prompt with the view's name; Tab cycles csv, md, json; the file
/// carries the view's period and filters.
@Suite struct ExportPromptTests {
  let book = Synthetic.book([[10, 90], [50, 40], [70, 70], [nil, 60], [20, 85]])

  @Test func nameFormatAndContext() throws {
    var s = DashboardState(book: book, width: 120, height: 40)
    Update.apply(.command(.filterSegment("a")), to: &s)
    #expect(Update.apply(.key(.char("e")), to: &s).isEmpty)
    #expect(s.exportPrompt?.text == "partnerboard-leaderboard-2026Q2-segment-a.csv")
    _ = Update.apply(.key(.tab), to: &s)
    #expect(s.exportPrompt?.text == "partnerboard-leaderboard-2026Q2-segment-a.md")
    guard case .export(let md, let markdown) = Update.apply(.key(.enter), to: &s).first else {
      Issue.record("no export")
      return
    }
    #expect(md == "partnerboard-leaderboard-2026Q2-segment-a.md" && s.exportPrompt == nil)
    #expect(
      markdown.hasPrefix("# Leaderboard\n\n- program: Synthetic\n- period: 2026Q2\n- segment: a\n\n| rank |"))
    // P0 rose from 4th to 1st: movement 3.
    #expect(
      markdown.contains(
        "| 1 | 1 | 3 | p0 | P0 | a | EU |  | t2 | 90.00 | 80.00 | false | false | 0 | false |"))
    #expect(markdown.contains("| rank | segment\\_rank |"))
    // JSON: a name typed by hand, numbers as numbers.
    _ = Update.apply(.key(.char("e")), to: &s)
    for _ in 0..<60 { _ = Update.apply(.key(.backspace), to: &s) }
    for c in "top.json" { _ = Update.apply(.key(.char(c)), to: &s) }
    guard case .export(let name, let json) = Update.apply(.key(.enter), to: &s).first else {
      Issue.record("no export")
      return
    }
    #expect(name == "top.json")
    #expect(
      json.hasPrefix(
        "{\"view\": \"Leaderboard\", \"program\": \"Synthetic\", \"period\": \"2026Q2\", \"segment\": \"a\", \"rows\": [{\"rank\": 1,"
      ))
    #expect(json.contains("\"partner_id\": \"p0\", \"name\": \"P0\""))
    #expect(json.contains("\"movement\": 3,") && json.contains("\"at_risk\": false"))
    // No extension: CSV. Esc cancels.
    _ = Update.apply(.key(.char("e")), to: &s)
    for _ in 0..<60 { _ = Update.apply(.key(.backspace), to: &s) }
    for c in "plain" { _ = Update.apply(.key(.char(c)), to: &s) }
    guard case .export(let plain, _) = Update.apply(.key(.enter), to: &s).first else {
      Issue.record("no export")
      return
    }
    #expect(plain == "plain.csv")
    _ = Update.apply(.key(.char("e")), to: &s)
    #expect(
      Update.apply(.key(.escape), to: &s).isEmpty && s.exportPrompt == nil && s.message == "export cancelled")
  }
}

/// A file names the filters its rows went through, and only those: the
/// name search narrows the leaderboard, not the changes or trends.
@Suite struct ExportNameFiltersTests {
  @Test func theBookIsNamedAndAnUnappliedSearchIsNot() {
    let book = Synthetic.book(
      [[10, 90], [50, 40], [70, 70], [nil, 60], [20, 85]],
      managers: ["Lucía Fernández", nil, "Lucía Fernández", "Marco Rossi", nil])
    var s = DashboardState(book: book, width: 120, height: 40)
    Update.apply(.command(.book("Lucía Fernández")), to: &s)
    for c in "/p2" { Update.apply(.key(.char(c)), to: &s) }
    Update.apply(.key(.enter), to: &s)
    Update.apply(.key(.char("e")), to: &s)
    #expect(s.exportPrompt?.text == "partnerboard-leaderboard-2026Q2-manager-Lucia-Fernandez-name-p2.csv")
    guard case .export(_, let csv) = Update.apply(.key(.enter), to: &s).first else {
      Issue.record("no export")
      return
    }
    #expect(csv.contains("# manager: Lucía Fernández") || csv.contains("Lucía Fernández"))
    Update.apply(.command(.show(.changes)), to: &s)
    Update.apply(.key(.char("e")), to: &s)
    #expect(s.exportPrompt?.text == "partnerboard-changes-2026Q2-manager-Lucia-Fernandez.csv")
  }
}
