/// A boxed panel with a title and a few lines of styled text.
public struct Card: Widget, Sendable {
  public var box: Box
  public var lines: [[StyledText]]

  public init(title: String? = nil, lines: [[StyledText]], style: Style = .plain, titleStyle: Style = .bold) {
    box = Box(title: title, style: style, titleStyle: titleStyle)
    self.lines = lines
  }

  public func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    box.render(in: rect, buffer: &buffer, glyphs: glyphs)
    let inner = box.inner(rect).inset(dx: 1, dy: 0)
    guard !inner.isEmpty else { return }
    for (i, line) in lines.prefix(inner.height).enumerated() {
      buffer.put(line, x: inner.x, y: inner.y + i, maxWidth: inner.width)
    }
  }
}
