import TextLayout

/// Key bindings in groups, in a box centred over whatever is below it.
///
///   ┌ Help ─────────────────┐
///   │ Navigation            │
///   │   j/↓      Next row   │
///   └───────────────────────┘
public struct HelpOverlay: Widget, Sendable {
  public typealias Entry = KeyHint

  public struct Group: Hashable, Sendable {
    public var title: String
    public var entries: [Entry]
    public init(_ title: String, _ entries: [Entry]) {
      self.title = title
      self.entries = entries
    }
  }

  public var title: String
  public var groups: [Group]
  public var footer: String?
  public var style: Style
  public var headingStyle: Style
  public var keyStyle: Style
  /// The first content line shown, when the box is shorter than the help.
  public var offset = 0

  /// Lines of content in a box at most `width` columns wide, for scrolling.
  public func lineCount(width: Int) -> Int { contentLines(width: width - 4).count }

  public init(
    title: String = "Help", groups: [Group], footer: String? = nil, style: Style = .plain,
    headingStyle: Style = Style(bold: true, underline: true), keyStyle: Style = .bold
  ) {
    self.title = title
    self.groups = groups
    self.footer = footer
    self.style = style
    self.headingStyle = headingStyle
    self.keyStyle = keyStyle
  }

  /// The lines inside the box (`width` columns inside its frame), unpadded;
  /// actions too long for it wrap under themselves (`KeyHint.helpLines`).
  func contentLines(width: Int) -> [[StyledText]] {
    let keyWidth = groups.flatMap { $0.entries.map { TextWidth.of($0.keys) } }.max() ?? 0
    var lines: [[StyledText]] = []
    for (i, group) in groups.enumerated() {
      if i > 0 { lines.append([]) }
      lines.append([StyledText(group.title, style: style.patched(with: headingStyle))])
      for e in group.entries {
        for (n, part) in KeyHint.helpLines(action: e.action, keyWidth: keyWidth, width: width).enumerated() {
          let keys =
            n == 0
            ? TextWidth.pad(e.keys, to: keyWidth, align: .left) : String(repeating: " ", count: keyWidth)
          lines.append([
            StyledText("  "), StyledText(keys, style: style.patched(with: keyStyle)),
            StyledText("  " + part, style: style),
          ])
        }
      }
    }
    if let footer {
      lines.append([])
      lines.append([StyledText(footer, style: style.patched(with: .dim))])
    }
    return lines
  }

  public func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    guard !rect.isEmpty else { return }
    let lines = contentLines(width: rect.width - 4)
    let contentWidth = max(
      lines.map { $0.reduce(0) { $0 + TextWidth.of($1.text) } }.max() ?? 0, TextWidth.of(title) + 2)
    let box = rect.centered(width: contentWidth + 4, height: lines.count + 2)
    buffer.fill(box, style: style)
    let border = Box(title: title, style: style, titleStyle: style.patched(with: .bold))
    border.render(in: box, buffer: &buffer, glyphs: glyphs)
    let inner = border.inner(box).inset(dx: 1, dy: 0)
    guard !inner.isEmpty else { return }
    let first = max(0, min(offset, lines.count - inner.height))
    for (i, line) in lines.dropFirst(first).prefix(inner.height).enumerated() {
      buffer.put(line, x: inner.x, y: inner.y + i, maxWidth: inner.width)
    }
    // Cut: say which way the rest lies, on the frame (shorter where narrow).
    if lines.count > inner.height {
      let up = first > 0 ? "\(glyphs.arrowUp) " : ""
      let down = first + inner.height < lines.count ? " \(glyphs.arrowDown) more" : ""
      let forms = [
        " \(up)\(first + 1)-\(first + inner.height) of \(lines.count)\(down) ",
        down.isEmpty ? " \(up)end " : " \(up)\(glyphs.arrowDown) more ",
      ]
      if let more = forms.first(where: { TextWidth.of($0) <= box.width - 4 }) {
        buffer.put(
          more, x: box.maxX - 2 - TextWidth.of(more), y: box.maxY - 1, style: style.patched(with: .bold))
      }
    }
  }
}
