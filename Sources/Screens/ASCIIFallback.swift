import TerminalUI

/// Without a UTF-8 locale the widgets already draw ASCII boxes, bars and
/// charts; this maps the screens' own punctuation (separators, arrows) to
/// ASCII too, as the last step of `view(state)`.
enum ASCIIFallback {
  static let map: [Character: String] = [
    "·": "|", "—": "-", "–": "-", "→": ">", "←": "<", "↑": "^", "↓": "v", "Δ": "+/-", "“": "\"", "”": "\"",
    "‹": "<", "›": ">", "…": "~", "▸": ">", "▲": "^", "▼": "v",
  ]

  static func apply(to buffer: inout CellBuffer) {
    for y in 0..<buffer.height {
      var x = 0
      while x < buffer.width {
        let cell = buffer[x, y]
        if !cell.isContinuation, let replacement = map[cell.character] {
          buffer.put(replacement, x: x, y: y, style: cell.style, maxWidth: 1)
        }
        x += 1
      }
    }
  }
}
