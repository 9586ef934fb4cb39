import TerminalUI
import Testing

@Suite struct BoxTests {
  @Test func borderAndTitle() {
    #expect(
      lines(Box(title: "Hi"), width: 12, height: 3) == ["┌ Hi ──────┐", "│          │", "└──────────┘"])
    #expect(
      lines(Box(title: "Hi"), width: 12, height: 3, glyphs: .ascii) == [
        "+ Hi ------+", "|          |", "+----------+",
      ])
    #expect(lines(Box(), width: 3, height: 2) == ["┌─┐", "└─┘"])
  }

  @Test func longTitleIsTruncated() {
    #expect(lines(Box(title: "Revenue"), width: 8, height: 2) == ["┌ Reve…┐", "└──────┘"])
    #expect(lines(Box(title: "東京システム"), width: 9, height: 2) == ["┌ 東京… ┐", "└───────┘"])
  }

  @Test func innerArea() {
    #expect(Box().inner(Rect(x: 1, y: 1, width: 10, height: 4)) == Rect(x: 2, y: 2, width: 8, height: 2))
  }

  @Test func card() {
    let card = Card(title: "KPI", lines: [["Revenue"], [StyledText("1,234", style: .bold), " €"]])
    #expect(
      lines(card, width: 14, height: 4) == [
        "┌ KPI ───────┐", "│ Revenue    │", "│ 1,234 €    │", "└────────────┘",
      ])
    #expect(lines(card, width: 14, height: 3) == ["┌ KPI ───────┐", "│ Revenue    │", "└────────────┘"])
  }
}

@Suite struct TextTests {
  @Test func wrapsAtWords() {
    #expect(Text.wrap("the quick brown fox", width: 10) == ["the quick", "brown fox"])
    #expect(Text.wrap("the quick brown fox", width: 19) == ["the quick brown fox"])
    #expect(Text.wrap("a\n\nb", width: 5) == ["a", "", "b"])
    #expect(Text.wrap("  indented", width: 20) == ["  indented"])
    #expect(Text.wrap("", width: 5) == [""])
    #expect(Text.wrap("abc", width: 0) == [])
  }

  @Test func breaksLongWordsByDisplayWidth() {
    #expect(Text.wrap("東京システム株式会社", width: 7) == ["東京シ", "ステム", "株式会", "社"])
    #expect(Text.wrap("abcdefgh ij", width: 3) == ["abc", "def", "gh", "ij"])
    #expect(Text.wrap("Rocket 🚀 Cloud", width: 8) == ["Rocket", "🚀 Cloud"])
  }

  @Test func rendersAlignedAndClipped() {
    #expect(lines(Text("abc", alignment: .right), width: 10, height: 1) == ["       abc"])
    #expect(lines(Text("ab", alignment: .center), width: 6, height: 1) == ["  ab"])
    #expect(lines(Text("one two three four"), width: 9, height: 2) == ["one two", "three"])
    let styled = Text(spans: [StyledText("bold", style: .bold), " plain"])
    var b = CellBuffer(width: 6, height: 2)
    styled.render(in: b.area, buffer: &b, glyphs: .unicode)
    #expect(b.lines() == ["bold", "plain"])
    #expect(b[0, 0].style == .bold && b[0, 1].style == .plain)
  }
}

@Suite struct CenteredMessageTests {
  @Test func centred() {
    #expect(lines(CenteredMessage("Too small"), width: 20, height: 5) == ["", "", "     Too small", "", ""])
  }

  @Test func wrapsInATinyBuffer() {
    let m = CenteredMessage(["Terminal too small", "need 80x24"])
    #expect(lines(m, width: 10, height: 3) == [" Terminal", "too small", "need 80x24"])
    #expect(lines(m, width: 10, height: 2) == [" Terminal", "too small"])
  }
}

@Suite struct StatusBarTests {
  @Test func hintsLeftMessageRight() {
    let bar = StatusBar(hints: [.init("q", "quit"), .init("?", "help")], message: "ok")
    #expect(lines(bar, width: 30, height: 1) == [" q quit  ? help            ok"])
    var b = CellBuffer(width: 30, height: 1)
    bar.render(in: b.area, buffer: &b, glyphs: .unicode)
    #expect(b[1, 0].style == Style(bold: true, reverse: true))
    #expect(b[3, 0].style == .reverse)
    #expect(b[29, 0].style == .reverse)
  }

  @Test func dropsHintsThatDoNotFitAndTruncatesTheMessage() {
    let bar = StatusBar(hints: [.init("q", "quit"), .init("?", "help")], message: "row 5")
    #expect(lines(bar, width: 12, height: 1) == [" q quit  r…"])
    #expect(lines(bar, width: 6, height: 1) == ["   r…"])
  }
}

@Suite struct HelpOverlayTests {
  @Test func centredBoxWithGroups() {
    let help = HelpOverlay(groups: [.init("Move", [.init("j", "down"), .init("k", "up")])])
    #expect(
      lines(help, width: 30, height: 8) == [
        "",
        "        ┌ Help ─────┐",
        "        │ Move      │",
        "        │   j  down │",
        "        │   k  up   │",
        "        └───────────┘",
        "",
        "",
      ])
  }

  @Test func coversWhatIsBelowAndHasAFooter() {
    let help = HelpOverlay(
      groups: [
        .init("Keys", [.init("PgDn", "page"), .init("q", "quit")]), .init("Other", [.init("?", "help")]),
      ],
      footer: "Esc closes")
    var b = CellBuffer(width: 24, height: 10, fill: Cell("x"))
    help.render(in: b.area, buffer: &b, glyphs: .ascii)
    #expect(
      b.lines() == [
        "xxxx+ Help --------+xxxx",
        "xxxx| Keys         |xxxx",
        "xxxx|   PgDn  page |xxxx",
        "xxxx|   q     quit |xxxx",
        "xxxx|              |xxxx",
        "xxxx| Other        |xxxx",
        "xxxx|   ?     help |xxxx",
        "xxxx|              |xxxx",
        "xxxx| Esc closes   |xxxx",
        "xxxx+--------------+xxxx",
      ])
    // One row short: the box shrinks to the screen and the last lines go.
    var c = CellBuffer(width: 24, height: 9, fill: Cell("x"))
    help.render(in: c.area, buffer: &c, glyphs: .ascii)
    #expect(c.lines()[7] == "xxxx|              |xxxx")
    // The frame says there is more below, within the box.
    #expect(c.lines()[8] == "xxxx+----- v more -+xxxx")
    var scrolled = help
    scrolled.offset = 1
    var d = CellBuffer(width: 24, height: 9, fill: Cell("x"))
    scrolled.render(in: d.area, buffer: &d, glyphs: .ascii)
    #expect(d.lines()[1] == "xxxx|   PgDn  page |xxxx")
    #expect(d.lines()[7] == "xxxx| Esc closes   |xxxx")
  }
}
