import TerminalUI
import TextLayout

/// A table column holding numbers: as wide as its widest cell or title, so
/// that a number is never cut (the width rule of the outcome screens).
enum NumberColumn {
  static func fitted(_ title: String, _ cells: [String]) -> Table.Column {
    let widest = cells.reduce(TextWidth.of(title)) { max($0, TextWidth.of($1)) }
    return Table.Column(title, width: .fixed(widest), alignment: .right)
  }
}

extension Table {
  /// The same table with only the leading columns that fit `width` whole (a
  /// flexible column needs one cell): a number column that cannot hold its
  /// numbers is left out with those after it, never cut mid-digit.
  func fitting(width: Int) -> Table {
    var used = showsMarker ? 2 : 0
    var n = 0
    for column in columns {
      let w: Int
      switch column.width {
      case .fixed(let f): w = f
      case .flex: w = 1
      }
      let next = used + (n > 0 ? spacing : 0) + w
      guard next <= width else { break }
      used = next
      n += 1
    }
    guard n < columns.count else { return self }
    var t = self
    let all = row
    t.columns = Array(columns.prefix(n))
    t.row = { Array(all($0).prefix(n)) }
    return t
  }
}

/// A value as a bar from zero, `width` cells at `maximum`: whole eighths
/// of a cell, at least one for a positive value.
enum ValueBar {
  static func text(_ value: Double, maximum: Double, width: Int, glyphs: Glyphs) -> String {
    guard maximum > 0, value > 0, width > 0 else { return "" }
    let filled = Bar.filled(min(1, value / maximum), width: width, glyphs: glyphs)
    return filled.isEmpty ? String(glyphs.isUnicode ? "▏" : "|") : filled
  }
}
