import TextLayout

/// Lines centred horizontally and vertically, wrapped to the width: for
/// "terminal too small" and empty states.
public struct CenteredMessage: Widget, Sendable {
  public var lines: [String]
  public var style: Style

  public init(_ lines: [String], style: Style = .plain) {
    self.lines = lines
    self.style = style
  }

  public init(_ message: String, style: Style = .plain) {
    self.init(message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), style: style)
  }

  public func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    guard !rect.isEmpty else { return }
    let wrapped = lines.flatMap { Text.wrap($0, width: rect.width) }
    let shown = wrapped.prefix(rect.height)
    let top = rect.y + (rect.height - shown.count) / 2
    for (i, line) in shown.enumerated() {
      let w = TextWidth.of(line)
      buffer.put(line, x: rect.x + (rect.width - w) / 2, y: top + i, style: style, maxWidth: rect.width)
    }
  }
}
