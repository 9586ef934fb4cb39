import Dashboard
import Scoring
import Screens
import TerminalUI
import Testing

/// Every screen opened after its model was built ahead (`.prefetched`)
/// draws exactly what a first open that builds it draws.
@Suite struct PrefetchScreenTests {
  @Test func screensBuiltAheadDrawWhatAFirstOpenDraws() {
    let book = ScreenSnapshotTests.book
    var ahead = DashboardState(book: book, width: 120, height: 40)
    Update.apply(.prefetched(ahead.preparedAhead()), to: &ahead)
    var built = DashboardState(book: book, width: 120, height: 40)
    for key in ["3", "4", "5", "6", "7"] as [Character] {
      Update.apply(.key(.char(key)), to: &ahead)
      Update.apply(.key(.char(key)), to: &built)
      let a = TextBackend.render(DashboardView.render(ahead, glyphs: .unicode))
      #expect(a == TextBackend.render(DashboardView.render(built, glyphs: .unicode)), "screen \(key)")
      #expect(a.count > 200)
    }
  }
}
