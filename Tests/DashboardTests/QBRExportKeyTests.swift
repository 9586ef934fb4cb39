import Dashboard
import Presentation
import Scoring
import Testing

/// `e` in a QBR exports the pack the partner keeps: HTML by default, Tab
/// for Markdown, named for the partner and quarter ("-masked" when amounts
/// are hidden); another format is refused with why.
@Suite struct QBRExportKeyTests {
  let book = Synthetic.book([[10, 90], [50, 40], [70, 70], [nil, 60], [20, 85]])

  func press(_ keys: [Key], _ s: inout DashboardState) -> [Effect] {
    keys.flatMap { Update.apply(.key($0), to: &s) }
  }

  @Test func eExportsThePack() throws {
    var s = DashboardState(book: book, period: 1)
    Update.apply(.command(.openQBR(2, standalone: false)), to: &s)
    #expect(s.screen == .qbr)
    _ = press([.char("e")], &s)
    #expect(s.exportPrompt?.text == "partnerboard-qbr-p2-2026Q2.html")
    guard case .export(let name, let html)? = press([.enter], &s).first else {
      Issue.record("no export")
      return
    }
    #expect(
      name == "partnerboard-qbr-p2-2026Q2.html" && html.hasPrefix("<!DOCTYPE html>") && html.contains("P2"))
    // Tab: Markdown; masked amounts say so in the name.
    _ = press([.char("m"), .char("e"), .tab], &s)
    #expect(s.exportPrompt?.text == "partnerboard-qbr-p2-2026Q2-masked.md")
    guard case .export(_, let markdown)? = press([.enter], &s).first else {
      Issue.record("no markdown export")
      return
    }
    #expect(markdown.hasPrefix("# Quarterly business review: P2"))
    // Another format: nothing written, and why.
    _ = press([.char("e")] + Array(repeating: .backspace, count: 60) + "x.csv".map { .char($0) }, &s)
    #expect(press([.enter], &s).isEmpty && s.failed && s.message?.contains(".html or .md") == true)
    #expect(s.screen == .qbr)
  }
}
