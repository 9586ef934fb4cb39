import TextLayout

/// The bottom line: key hints on the left (" q Quit  ? Help"), a message on
/// the right. Hints that do not fit are dropped from the end, except the last
/// `pinned` (help and quit: a user must always see how to get out); the
/// message gets what the hints leave and is truncated.
public struct StatusBar: Widget, Sendable {
  public typealias Hint = KeyHint

  public var hints: [Hint]
  public var message: String
  public var style: Style
  /// Laid over `style` for the keys.
  public var keyStyle: Style
  public var messageStyle: Style
  /// The last hints kept whatever the width.
  public var pinned: Int

  public init(
    hints: [Hint], message: String = "", style: Style = .reverse, keyStyle: Style = .bold,
    messageStyle: Style = .plain, pinned: Int = 2
  ) {
    self.hints = hints
    self.pinned = pinned
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
    func width(_ h: Hint) -> Int { TextWidth.of(h.keys) + 1 + TextWidth.of(h.action) }
    var shown = hints
    let keep = min(pinned, hints.count)
    while shown.count > keep, shown.reduce(0, { $0 + width($1) + 2 }) - 2 > end - x {
      shown.remove(at: shown.count - keep - 1)
    }
    for (i, hint) in shown.enumerated() {
      let w = width(hint)
      let start = i == 0 ? x : x + 2
      guard start + w <= end else { break }
      x = buffer.put(hint.keys, x: start, y: row.y, style: style.patched(with: keyStyle))
      x = buffer.put(" " + hint.action, x: x, y: row.y, style: style)
    }
    let room = end - x - 2
    guard !message.isEmpty, room > 0 else { return }
    let text = TextWidth.truncate(message, to: room, ellipsis: glyphs.ellipsis)
    buffer.put(text, x: end - TextWidth.of(text), y: row.y, style: style.patched(with: messageStyle))
  }
}
