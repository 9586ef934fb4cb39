import TerminalUI

/// Large digits drawn with the terminal's own block characters (5 rows high),
/// readable from the back of a room.
enum BigDigits {
  static let height = 5
  static let font: [Character: [String]] = [
    "0": ["###", "# #", "# #", "# #", "###"], "1": [" # ", "## ", " # ", " # ", "###"],
    "2": ["###", "  #", "###", "#  ", "###"], "3": ["###", "  #", " ##", "  #", "###"],
    "4": ["# #", "# #", "###", "  #", "  #"], "5": ["###", "#  ", "###", "  #", "###"],
    "6": ["###", "#  ", "###", "# #", "###"], "7": ["###", "  #", " # ", " # ", " # "],
    "8": ["###", "# #", "###", "# #", "###"], "9": ["###", "# #", "###", "  #", "###"],
    ".": [" ", " ", " ", " ", "#"], "/": ["  #", "  #", " # ", "#  ", "#  "],
    " ": ["  ", "  ", "  ", "  ", "  "],
    "#": ["# #", "###", "# #", "###", "# #"], "-": ["   ", "   ", "###", "   ", "   "],
  ]

  static func width(_ text: String) -> Int {
    text.reduce(0) { $0 + (font[$1]?.first?.count ?? 0) + 1 } - 1
  }

  /// Draws `text` at (x, y); characters the font lacks are skipped.
  static func draw(
    _ text: String, x: Int, y: Int, style: Style, glyphs: Glyphs, into buffer: inout CellBuffer
  ) {
    let block = glyphs.isUnicode ? "█" : "#"
    var col = x
    for ch in text {
      guard let rows = font[ch] else { continue }
      for (r, row) in rows.enumerated() {
        var line = ""
        for c in row { line += c == "#" ? block : " " }
        for (i, c) in line.enumerated() where c != " " {
          buffer.put(String(c), x: col + i, y: y + r, style: style)
        }
      }
      col += (rows.first?.count ?? 0) + 1
    }
  }
}
