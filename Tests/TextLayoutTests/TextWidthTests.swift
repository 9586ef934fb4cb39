import Testing
import TextLayout

@Suite struct TextWidthTests {
  @Test(arguments: [
    ("Müller", 6), ("Socie\u{301}te\u{301}", 7), ("東京システム", 12), ("Rocket 🚀 Cloud", 15), ("🇯🇵", 2),
    ("👨‍👩‍👧", 2), ("❤️", 2), ("서울", 4), ("ＡＢ", 4), ("abc", 3), ("", 0), ("e\u{301}", 1),
  ])
  func widths(_ s: String, _ w: Int) {
    #expect(TextWidth.of(s) == w)
  }

  @Test func truncateNeverSplitsAWideCharacter() {
    #expect(TextWidth.truncate("東京システム", to: 5) == "東京…")
    #expect(TextWidth.of(TextWidth.truncate("東京システム", to: 6)) <= 6)
    #expect(TextWidth.truncate("Northwind Solutions", to: 10) == "Northwind…")
    #expect(TextWidth.truncate("short", to: 10) == "short")
    #expect(TextWidth.truncate("abc", to: 0) == "")
  }

  @Test func padByDisplayWidth() {
    #expect(TextWidth.pad("東京", to: 6, align: .left) == "東京  ")
    #expect(TextWidth.pad("東京", to: 6, align: .right) == "  東京")
    #expect(TextWidth.pad("ab", to: 5, align: .center) == " ab  ")
    #expect(TextWidth.pad("toolong", to: 3, align: .left) == "toolong")
  }
}
