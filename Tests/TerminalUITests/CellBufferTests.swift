import TerminalUI
import Testing

@Suite struct CellBufferTests {
  @Test func putWritesAndReturnsNextColumn() {
    var b = CellBuffer(width: 10, height: 2)
    let next = b.put("Müller", x: 1, y: 0)
    #expect(next == 7)
    #expect(b.lines() == [" Müller", ""])
    #expect(b[1, 0].character == "M")
  }

  @Test func wideCharacterTakesTwoCells() {
    var b = CellBuffer(width: 6, height: 1)
    b.put("a東b", x: 0, y: 0)
    #expect(b[1, 0].character == "東")
    #expect(b[2, 0].isContinuation)
    #expect(b[3, 0].character == "b")
    #expect(b.lines() == ["a東b"])
  }

  @Test func neverHalfAWideCharacterAtTheRightEdge() {
    var b = CellBuffer(width: 4, height: 1)
    #expect(b.put("abc東", x: 0, y: 0) == 4)
    #expect(b.lines() == ["abc"])
    #expect(!b[3, 0].isContinuation && b[3, 0].character == " ")
    var c = CellBuffer(width: 4, height: 1)
    c.put("ab東c", x: 0, y: 0)
    #expect(c.lines() == ["ab東"])
  }

  @Test func maxWidthClipsLikeAnEdge() {
    var b = CellBuffer(width: 8, height: 1, fill: Cell("."))
    b.put("東京", x: 0, y: 0, maxWidth: 3)
    #expect(b.lines() == ["東 ....."])
    b.put("abcdef", x: 4, y: 0, maxWidth: 2)
    #expect(b.lines() == ["東 .ab.."])
  }

  @Test func clipsAtTheLeftTopAndBottom() {
    var b = CellBuffer(width: 5, height: 2)
    b.put("東京ab", x: -1, y: 0)  // the right half of 東 lands on column 0
    #expect(b.lines() == [" 京ab", ""])
    b.put("zzz", x: -5, y: 1)
    b.put("hidden", x: 0, y: 2)
    b.put("hidden", x: 0, y: -1)
    #expect(b.lines() == [" 京ab", ""])
    b.put("far", x: 9, y: 1)
    #expect(b.lines() == [" 京ab", ""])
  }

  @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
    var b = CellBuffer(width: 6, height: 1)
    b.put("東京", x: 0, y: 0)
    b.put("x", x: 1, y: 0)  // right half of 東
    #expect(b.lines() == [" x京"])
    b.put("y", x: 2, y: 0)  // left half of 京
    #expect(b.lines() == [" xy"])
    #expect(!b[3, 0].isContinuation)
  }

  @Test func fillAndSubscriptOutOfBounds() {
    var b = CellBuffer(width: 5, height: 2)
    b.fill(Rect(x: 0, y: 0, width: 5, height: 1), with: "東")
    b.fill(Rect(x: 3, y: 1, width: 10, height: 10), with: "#")
    #expect(b.lines() == ["東東", "   ##"])
    b[7, 7] = Cell("x")
    #expect(b[7, 7] == .blank)
    #expect(b[-1, 0] == .blank)
  }

  @Test func linesTrimTrailingSpacesAndStylesStayPerCell() {
    var b = CellBuffer(width: 6, height: 1)
    b.put("a ", x: 0, y: 0, style: .bold)
    b.put("b", x: 4, y: 0, style: .reverse)
    #expect(b.lines() == ["a   b"])
    #expect(b[0, 0].style == .bold)
    #expect(b[4, 0].style == .reverse)
    #expect(TextBackend.render(b) == "a   b")
  }

  @Test func styledRunsAndPatching() {
    var b = CellBuffer(width: 10, height: 1)
    let end = b.put([StyledText("ab", style: .bold), StyledText("東c")], x: 0, y: 0, maxWidth: 4)
    #expect(end == 4)
    #expect(b.lines() == ["ab東"])
    b.patchStyle(.reverse, in: Rect(x: 0, y: 0, width: 1, height: 1))
    #expect(b[0, 0].style == Style(bold: true, reverse: true))
  }

  @Test func textBackendJoinsRows() {
    var b = CellBuffer(width: 4, height: 3)
    b.put("ab  ", x: 0, y: 0)
    b.put("c", x: 2, y: 2)
    #expect(TextBackend.render(b) == "ab\n\n  c")
  }
}

@Suite struct RectTests {
  @Test func sizesResolve() {
    #expect(Size.resolve([.fixed(3), .flex(1), .flex(2)], total: 20, spacing: 1) == [3, 5, 10])
    #expect(Size.resolve([.fixed(3), .flex(1), .flex(2)], total: 10, spacing: 1) == [3, 2, 3])
    #expect(Size.resolve([.fixed(8), .fixed(8)], total: 10) == [8, 2])
    #expect(Size.resolve([.flex(1)], total: 0) == [0])
    #expect(Size.resolve([], total: 5) == [])
  }

  @Test func splitsAndInsets() {
    let r = Rect(x: 2, y: 1, width: 20, height: 10)
    #expect(
      r.columns([.fixed(3), .flex(1)], spacing: 1) == [
        Rect(x: 2, y: 1, width: 3, height: 10), Rect(x: 6, y: 1, width: 16, height: 10),
      ])
    #expect(
      r.rows([.fixed(1), .flex(1), .fixed(2)]) == [
        Rect(x: 2, y: 1, width: 20, height: 1), Rect(x: 2, y: 2, width: 20, height: 7),
        Rect(x: 2, y: 9, width: 20, height: 2),
      ])
    #expect(r.inset(1) == Rect(x: 3, y: 2, width: 18, height: 8))
    #expect(r.inset(dx: 11, dy: 0).isEmpty)
    #expect(
      Rect(width: 30, height: 8).centered(width: 13, height: 5) == Rect(x: 8, y: 1, width: 13, height: 5))
    #expect(Rect(width: 10, height: 3).centered(width: 13, height: 5) == Rect(width: 10, height: 3))
    #expect(r.intersection(Rect(width: 5, height: 5)) == Rect(x: 2, y: 1, width: 3, height: 4))
  }
}

@Suite struct GlyphsTests {
  @Test(arguments: [
    (["LANG": "en_US.UTF-8"], true), (["LANG": "C.utf8"], true), (["LANG": "C"], false), ([:], false),
    (["LC_ALL": "C", "LANG": "en_US.UTF-8"], false),
    (["LC_ALL": "", "LC_CTYPE": "de_DE.Utf8", "LANG": "C"], true),
    (["LANG": "ja_JP.eucJP"], false), (["LANG": "POSIX"], false),
  ])
  func locale(_ env: [String: String], _ unicode: Bool) {
    #expect(Glyphs.forLocale(environment: env).isUnicode == unicode)
    #expect(Glyphs.forLocale(environment: env) == (unicode ? Glyphs.unicode : Glyphs.ascii))
  }

  @Test func asciiSetIsPureASCII() {
    let g = Glyphs.ascii
    let chars: [Character] =
      [g.horizontal, g.vertical, g.topLeft, g.topRight, g.bottomLeft, g.bottomRight, g.teeLeft, g.teeRight]
      + g.barEighths + g.sparkLevels + g.chartMarkers + [
        g.barTrack, g.targetLine, g.arrowUp, g.arrowDown, g.marker,
      ]
    #expect(chars.allSatisfy { $0.isASCII })
    #expect(g.ellipsis.allSatisfy { $0.isASCII })
    #expect(String(g.sparkLevels) == ".:-=+*#")
    #expect(String(Glyphs.unicode.sparkLevels) == "▁▂▃▄▅▆▇█")
    #expect(String(Glyphs.unicode.barEighths) == "▏▎▍▌▋▊▉█")
    #expect(!Glyphs.unicode.withoutBraille.braille)
  }
}
