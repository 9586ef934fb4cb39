import TextLayout

/// The bottom line: key hints on the left (" q Quit  ? Help"), a message on
/// the right. Hints that do not fit are dropped from the end; the message
/// gets what the hints leave and is truncated.
public struct StatusBar: Widget, Sendable {
  public struct Hint: Hashable, Sendable {
    public var keys: String
    public var label: String
    public init(_ keys: String, _ label: String) {
      self.keys = keys
      self.label = label
    }
  }

  public var hints: [Hint]
  public var message: String
  public var style: Style
  /// Laid over `style` for the keys.
  public var keyStyle: Style
  public var messageStyle: Style

  public init(
    hints: [Hint], message: String = "", style: Style = .reverse, keyStyle: Style = .bold,
    messageStyle: Style = .plain
  ) {
    self.hints = hints
    self.message = message
    self.style = style
    self.keyStyle = keyStyle
    self.messageStyle = messageStyle
  }

  public func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    guard !rect.isEmpty else { return }
    let row = rect.row(0)
    buffer.fill(row, style: style)
    let end = row.maxX - 1  // keep one blank column at each edge
    var x = row.x + 1
    for (i, hint) in hints.enumerated() {
      let w = TextWidth.of(hint.keys) + 1 + TextWidth.of(hint.label)
      let start = i == 0 ? x : x + 2
      guard start + w <= end else { break }
      x = buffer.put(hint.keys, x: start, y: row.y, style: style.patched(with: keyStyle))
      x = buffer.put(" " + hint.label, x: x, y: row.y, style: style)
    }
    let room = end - x - 2
    guard !message.isEmpty, room > 0 else { return }
    let text = TextWidth.truncate(message, to: room, ellipsis: glyphs.ellipsis)
    buffer.put(text, x: end - TextWidth.of(text), y: row.y, style: style.patched(with: messageStyle))
  }
}
