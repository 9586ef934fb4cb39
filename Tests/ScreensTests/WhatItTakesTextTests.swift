import Dashboard
import Presentation
import SampleData
import Scoring
import Screens
import TerminalUI
import Testing

/// The sample data scored, from a store built as `init` builds it.
func sampleBook() throws -> Scorebook {
  let store = try FirstFrameTests.store(
    SampleData.files.sorted { $0.key < $1.key }.map { (name: $0.key, text: $0.value) })
  return Scorebook(try store.loadDataset())
}

/// "What it takes" asks for a count in whole units: the next whole number
/// the right way, never "11.73 deal registrations".
@Suite struct WhatItTakesTextTests {
  @Test func countsAreAskedForInWholeUnits() throws {
    let book = try sampleBook()
    let t = book.periods.count - 1
    var fractional = 0
    for p in book.partners.indices {
      guard let e = book.evaluation(partner: p, period: t) else { continue }
      for w in e.whatItTakes + e.keepWhatItTakes where w.kpi.unit == .count {
        guard let needed = w.needed else { continue }
        let asked = try #require(
          EvaluationText.whatItTakes(w, book.program).components(separatedBy: " -> ").last)
        let whole = w.kpi.direction == .higher ? needed.rounded(.up) : needed.rounded(.down)
        #expect(
          asked == NumberFormat.value(whole, unit: .count, currency: book.program.currency), "\(needed)")
        if needed != needed.rounded() { fractional += 1 }
      }
    }
    #expect(fractional > 0, "the sample asks for a fractional count somewhere")
  }
}

/// A quarter the partner kept its tier in grace says so in its history.
@Suite struct PartnerHistoryTests {
  @Test func graceQuartersAreMarked() throws {
    let book = try sampleBook()
    let t = book.periods.count - 1
    let p = try #require(book.partners.indices.first { book.grace($0, t) > 0 })
    var s = DashboardState(book: book, period: t, width: 160, height: 120)
    Update.apply(.command(.openPartner(p)), to: &s)
    let screen = TextBackend.render(DashboardView.render(s, glyphs: .unicode))
    let line = try #require(
      screen.split(separator: "\n").first { $0.contains("\(book.periods[t])  ") && $0.contains("#") })
    #expect(line.contains("grace \(book.grace(p, t))/\(book.program.gracePeriods)"), "\(line)")
  }
}

/// The export prompt over a QBR offers the pack's formats.
@Suite struct QBRExportPromptTests {
  @Test func thePromptOffersHTMLAndMarkdown() throws {
    var s = DashboardState(book: try sampleBook(), width: 120, height: 40)
    Update.apply(.command(.openQBR(0, standalone: false)), to: &s)
    Update.apply(.key(.char("e")), to: &s)
    let last = TextBackend.render(DashboardView.render(s, glyphs: .unicode)).split(separator: "\n").last ?? ""
    #expect(last.contains("Tab html/md") && last.contains(".html"))
  }
}
