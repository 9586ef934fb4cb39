import TerminalUI

/// Renders `widget` into a fresh buffer and returns its plain-text lines.
func lines(_ widget: some Widget, width: Int, height: Int, glyphs: Glyphs = .unicode) -> [String] {
  var buffer = CellBuffer(width: width, height: height)
  widget.render(in: buffer.area, buffer: &buffer, glyphs: glyphs)
  return buffer.lines()
}
