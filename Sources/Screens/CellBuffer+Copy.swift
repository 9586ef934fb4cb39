import TerminalUI

extension CellBuffer {
  /// Copies `rect` of `page` to (x, y) of this buffer (a scrolled window on a tall page).
  mutating func copy(from page: CellBuffer, rect: Rect, toX x: Int, y: Int) {
    guard rect.height > 0 else { return }
    for row in 0..<rect.height {
      for col in 0..<rect.width where page.contains(x: rect.x + col, y: rect.y + row) {
        let cell = page[rect.x + col, rect.y + row]
        if cell.isContinuation { continue }
        put(String(cell.character), x: x + col, y: y + row, style: cell.style, maxWidth: rect.width - col)
      }
    }
  }
}
