import TextLayout

/// A border with an optional title in the top edge: "┌ Title ───┐".
public struct Box: Widget, Sendable {
  public var title: String?
  public var style: Style
  public var titleStyle: Style

  public init(title: String? = nil, style: Style = .plain, titleStyle: Style = .bold) {
    self.title = title
    self.style = style
    self.titleStyle = titleStyle
  }

  /// The area inside the border.
  public func inner(_ rect: Rect) -> Rect { rect.inset(1) }

  public func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    let (x0, y0, x1, y1) = (rect.x, rect.y, rect.maxX - 1, rect.maxY - 1)
    let top = Rect(x: x0 + 1, y: y0, width: rect.width - 2, height: 1)
    buffer.fill(top, with: glyphs.horizontal, style: style)
    buffer.fill(
      Rect(x: x0 + 1, y: y1, width: rect.width - 2, height: 1), with: glyphs.horizontal, style: style)
    buffer.fill(
      Rect(x: x0, y: y0 + 1, width: 1, height: rect.height - 2), with: glyphs.vertical, style: style)
    buffer.fill(
      Rect(x: x1, y: y0 + 1, width: 1, height: rect.height - 2), with: glyphs.vertical, style: style)
    buffer[x0, y0] = Cell(glyphs.topLeft, style: style)
    buffer[x1, y0] = Cell(glyphs.topRight, style: style)
    buffer[x0, y1] = Cell(glyphs.bottomLeft, style: style)
    buffer[x1, y1] = Cell(glyphs.bottomRight, style: style)
    if let title, !title.isEmpty, top.width >= 3 {
      let text = " " + title + " "
      let fitted = TextWidth.truncate(text, to: top.width, ellipsis: glyphs.ellipsis)
      buffer.put(fitted, x: top.x, y: y0, style: titleStyle, maxWidth: top.width)
    }
  }
}
