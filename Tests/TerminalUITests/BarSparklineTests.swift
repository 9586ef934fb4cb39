import TerminalUI
import Testing

@Suite struct BarTests {
  @Test func eighthBlocks() {
    #expect(Bar.string(0.55, width: 10, glyphs: .unicode) == "█████▌    ")
    #expect(Bar.string(0, width: 10, glyphs: .unicode) == "          ")
    #expect(Bar.string(1, width: 10, glyphs: .unicode) == "██████████")
    #expect(Bar.string(0.05, width: 10, glyphs: .unicode) == "▌         ")
    #expect(Bar.string(0.01, width: 10, glyphs: .unicode) == "▏         ")
    #expect(Bar.string(0.99, width: 10, glyphs: .unicode) == "█████████▉")
    #expect(Bar.string(1.7, width: 4, glyphs: .unicode) == "████")
    #expect(Bar.string(-1, width: 4, glyphs: .unicode) == "    ")
    #expect(Bar.string(.nan, width: 4, glyphs: .unicode) == "    ")
    #expect(Bar.string(0.5, width: 0, glyphs: .unicode) == "")
    // 0.3 x 32 eighths = 9.6, rounded to 10: one full block and a quarter.
    #expect(Bar.string(0.3, width: 4, glyphs: .unicode, showsTrack: true) == "█▎░░")
  }

  @Test func asciiWholeCells() {
    #expect(Bar.string(0.55, width: 10, glyphs: .ascii) == "######    ")
    #expect(Bar.string(0.3, width: 4, glyphs: .ascii, showsTrack: true) == "#...")
  }

  @Test func rendersEveryRowOfItsRect() {
    var b = CellBuffer(width: 12, height: 3)
    Bar(0.55, showsTrack: true).render(
      in: Rect(x: 1, y: 1, width: 10, height: 2), buffer: &b, glyphs: .unicode)
    #expect(b.lines() == ["", " █████▌░░░░", " █████▌░░░░"])
    #expect(b[1, 1].style == .plain)
    #expect(b[7, 1].style == .dim)
  }
}

@Suite struct SparklineTests {
  @Test func levels() {
    #expect(Sparkline.string([1, 2, 3, 4, 5, 6, 7, 8], glyphs: .unicode) == "▁▂▃▄▅▆▇█")
    #expect(Sparkline.string([0, nil, 7], glyphs: .unicode) == "▁ █")
    #expect(Sparkline.string([5, 5], glyphs: .unicode) == "██")
    #expect(Sparkline.string([0, 0], glyphs: .unicode) == "▁▁")
    #expect(Sparkline.string([nil, nil], glyphs: .unicode) == "  ")
    #expect(Sparkline.string([], glyphs: .unicode) == "")
    #expect(Sparkline.string([0, 50, 100], range: 0...200, glyphs: .unicode) == "▁▃▅")
  }

  @Test func showsTheMostRecentValuesThatFit() {
    // Scaled over all values, not just the visible ones.
    #expect(Sparkline.string([1, 2, 3, 4], width: 2, glyphs: .unicode) == "▆█")
    #expect(lines(Sparkline([1, 2, 3, 4, 5, 6, 7, 8]), width: 3, height: 1) == ["▆▇█"])
  }

  @Test func ascii() {
    #expect(Sparkline.string([0, 3, 6, nil, 1], glyphs: .ascii) == ".=# :")
  }
}

@Suite struct ProgressBarTests {
  @Test func labelBarPercent() {
    #expect(lines(ProgressBar(0.55, label: "Load"), width: 20, height: 1) == ["Load █████▌░░░░  55%"])
    #expect(
      lines(ProgressBar(0.55, label: "Load"), width: 20, height: 1, glyphs: .ascii) == [
        "Load ######....  55%"
      ])
    #expect(lines(ProgressBar(1, label: "東京"), width: 14, height: 1) == ["東京 ████ 100%"])
    #expect(lines(ProgressBar(0.07), width: 10, height: 1) == ["▍░░░░   7%"])
  }

  @Test func narrowDropsTheBar() {
    #expect(lines(ProgressBar(0.55, label: "Load"), width: 8, height: 1) == ["Load 55%"])
    #expect(lines(ProgressBar(0.55, label: "Load"), width: 6, height: 1) == ["Load …"])
    #expect(lines(ProgressBar(0.55, label: "Load"), width: 6, height: 1, glyphs: .ascii) == ["Load ~"])
  }
}
