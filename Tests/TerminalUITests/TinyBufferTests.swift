import TerminalUI
import Testing

@Suite struct TinyBufferTests {
  static var widgets: [(String, any Widget)] {
    [
      (
        "table",
        Table(
          columns: [.init("Name"), .init("Value", width: .fixed(8), alignment: .right)], rowCount: 100_000,
          selected: 99_999
        ) { i in
          ["東京システム \(i)", "\(i)"]
        }
      ),
      ("bar", Bar(0.55, showsTrack: true)),
      ("sparkline", Sparkline([1, nil, 3, 8, 2, 9, 4, 4, 7, 1, 5, 6])),
      ("progress", ProgressBar(0.42, label: "Attainment")),
      ("chart", LineChart(series: [.init("s", values: [1, 5, 2, 8, 3])], target: 4)),
      ("box", Box(title: "A long title")),
      ("card", Card(title: "Card", lines: [["Rocket 🚀 Cloud"], ["more"]])),
      ("status", StatusBar(hints: [.init("q", "quit"), .init("?", "help")], message: "row 1 of 100,000")),
      (
        "help",
        HelpOverlay(
          groups: [.init("Move", [.init("j/k", "down/up"), .init("g/G", "top/bottom")])], footer: "Esc")
      ),
      ("text", Text("The quick brown fox jumps over the lazy dog 東京")),
      ("message", CenteredMessage(["Terminal too small", "need 80x24"])),
    ]
  }

  @Test func everyWidgetRendersIn10x3() {
    for glyphs in [Glyphs.unicode, .ascii] {
      for (name, widget) in Self.widgets {
        let out = lines(widget, width: 10, height: 3, glyphs: glyphs)
        #expect(out.count == 3, "\(name)")
        #expect(out.allSatisfy { $0.count <= 10 }, "\(name)")
      }
    }
  }

  @Test func degenerateRects() {
    for (_, widget) in Self.widgets {
      for (w, h) in [(0, 0), (1, 1), (2, 1), (1, 5), (3, 2)] {
        var b = CellBuffer(width: w, height: h)
        widget.render(in: b.area, buffer: &b, glyphs: .unicode)
        // A rect hanging off the buffer is clipped, not a crash.
        widget.render(in: Rect(x: w - 1, y: h - 1, width: 10, height: 3), buffer: &b, glyphs: .unicode)
        widget.render(in: Rect(x: -4, y: -2, width: 10, height: 3), buffer: &b, glyphs: .unicode)
        #expect(b.lines().count == h)
      }
    }
  }

  @Test func someTinyOutputs() {
    #expect(lines(Bar(0.55), width: 10, height: 3) == ["█████▌", "█████▌", "█████▌"])
    #expect(
      lines(Box(title: "A long title"), width: 10, height: 3) == ["┌ A long…┐", "│        │", "└────────┘"])
    #expect(
      lines(StatusBar(hints: [.init("q", "quit")], message: "row 1"), width: 10, height: 3) == [
        " q quit", "", "",
      ])
    #expect(
      lines(
        Table(columns: [.init("Name")], rowCount: 100_000, selected: 99_999) { i in ["\(i)"] }, width: 10,
        height: 3)
        == ["  Name", "  99998", "▸ 99999"])
  }
}
