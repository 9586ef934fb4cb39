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

/// A value as a bar from zero, `width` cells at `maximum`: whole eighths
/// of a cell, at least one for a positive value.
enum ValueBar {
  static func text(_ value: Double, maximum: Double, width: Int, glyphs: Glyphs) -> String {
    guard maximum > 0, value > 0, width > 0 else { return "" }
    let filled = Bar.filled(min(1, value / maximum), width: width, glyphs: glyphs)
    return filled.isEmpty ? String(glyphs.isUnicode ? "▏" : "|") : filled
  }
}
