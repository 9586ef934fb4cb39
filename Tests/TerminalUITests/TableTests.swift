import TerminalUI
import Testing

/// Counts provider calls; a class so the row closure can mutate it.
final class CallLog: @unchecked Sendable {
  var indices: [Int] = []
}

@Suite struct TableTests {
  static let names = ["Apple", "東京システム", "Rocket 🚀 Cloud"]
  static let columns = [Table.Column("Name"), Table.Column("Qty", width: .fixed(5), alignment: .right)]

  func table(selected: Int? = nil) -> Table {
    Table(columns: Self.columns, rowCount: 3, selected: selected) { i in
      [StyledText(Self.names[i]), StyledText(["3", "12", "7"][i])]
    }
  }

  @Test func wideCharactersKeepColumnsAligned() {
    #expect(
      lines(table(selected: 1), width: 20, height: 4) == [
        "  Name           Qty",
        "  Apple            3",
        "▸ 東京システム    12",
        "  Rocket 🚀 C…     7",
      ])
  }

  @Test func selectionIsMarkedAndReversed() {
    var b = CellBuffer(width: 20, height: 4)
    table(selected: 1).render(in: b.area, buffer: &b, glyphs: .unicode)
    #expect(b[0, 2].character == "▸")
    for x in 0..<20 { #expect(b[x, 2].style.reverse) }
    #expect(!b[0, 1].style.reverse)
    #expect(b[2, 0].style == Style(bold: true, underline: true))
  }

  @Test func asciiMarkerAndEllipsis() {
    #expect(
      lines(table(selected: 0), width: 20, height: 4, glyphs: .ascii) == [
        "  Name           Qty",
        "> Apple            3",
        "  東京システム    12",
        "  Rocket 🚀 C~     7",
      ])
  }

  @Test func clipsToAShortRect() {
    #expect(lines(table(), width: 20, height: 2) == ["  Name           Qty", "  Apple            3"])
    // Fixed columns are served first; the flexible one shrinks to "…".
    #expect(lines(table(), width: 9, height: 2) == ["  …   Qty", "  …     3"])
  }

  @Test func sortIndicator() {
    var t = table()
    t.sortColumn = 1
    t.sortDescending = true
    #expect(lines(t, width: 20, height: 1) == ["  Name         Qty ▼"])
  }

  @Test func asksOnlyForVisibleRowsOf100000() {
    let log = CallLog()
    let t = Table(columns: Self.columns, rowCount: 100_000, selected: 50_000) { i in
      log.indices.append(i)
      return [StyledText("row \(i)"), StyledText("\(i % 100)")]
    }
    let out = lines(t, width: 20, height: 10)
    #expect(log.indices == Array(49_992...50_000))
    #expect(out[9] == "▸ row 50000        0")
    #expect(out[1] == "  row 49992       92")
  }

  @Test func scrollOffsetKeepsSelectionVisible() {
    #expect(Table.scrollOffset(selected: 0, offset: 0, visibleRows: 9, rowCount: 100) == 0)
    #expect(Table.scrollOffset(selected: 9, offset: 0, visibleRows: 9, rowCount: 100) == 1)
    #expect(Table.scrollOffset(selected: 5, offset: 10, visibleRows: 9, rowCount: 100) == 5)
    #expect(Table.scrollOffset(selected: 12, offset: 10, visibleRows: 9, rowCount: 100) == 10)
    #expect(Table.scrollOffset(selected: nil, offset: 95, visibleRows: 9, rowCount: 100) == 91)
    #expect(Table.scrollOffset(selected: 2, offset: 7, visibleRows: 9, rowCount: 3) == 0)
    #expect(Table.visibleRows(in: Rect(width: 10, height: 10)) == 9)
  }

  @Test func offsetScrollsWithoutSelection() {
    let t = Table(columns: Self.columns, rowCount: 3, offset: 1) { i in
      [StyledText(Self.names[i]), StyledText("\(i)")]
    }
    #expect(
      lines(t, width: 20, height: 3) == ["  Name           Qty", "  東京システム     1", "  Rocket 🚀 C…     2"])
  }
}
