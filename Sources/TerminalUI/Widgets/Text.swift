import TextLayout

/// A styled paragraph wrapped at word boundaries by display width; words
/// longer than a line are broken, "\n" starts a new line. Lines beyond the
/// rectangle are cut.
public struct Text: Widget, Sendable {
  public var spans: [StyledText]
  public var alignment: Alignment

  public init(_ string: String, style: Style = .plain, alignment: Alignment = .left) {
    self.init(spans: [StyledText(string, style: style)], alignment: alignment)
  }

  public init(spans: [StyledText], alignment: Alignment = .left) {
    self.spans = spans
    self.alignment = alignment
  }

  /// A styled character.
  typealias Glyph = (character: Character, style: Style)

  /// Plain text wrapped to `width` columns.
  public static func wrap(_ s: String, width: Int) -> [String] {
    layout([StyledText(s)], width: width).map { String($0.map(\.character)) }
  }

  public func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    guard !rect.isEmpty else { return }
    for (i, line) in Text.layout(spans, width: rect.width).prefix(rect.height).enumerated() {
      let w = line.reduce(0) { $0 + TextWidth.of($1.character) }
      var x = rect.x
      switch alignment {
      case .left: break
      case .right: x += rect.width - w
      case .center: x += (rect.width - w) / 2
      }
      for g in line {
        x = buffer.put(String(g.character), x: x, y: rect.y + i, style: g.style, maxWidth: rect.maxX - x)
      }
    }
  }

  /// Greedy word wrap of styled text into lines of at most `width` columns.
  static func layout(_ spans: [StyledText], width: Int) -> [[Glyph]] {
    guard width > 0 else { return [] }
    var paragraphs: [[Glyph]] = [[]]
    for span in spans {
      for c in span.text {
        if c == "\n" || c == "\r\n" {
          paragraphs.append([])
        } else {
          paragraphs[paragraphs.count - 1].append((c, span.style))
        }
      }
    }
    var lines: [[Glyph]] = []
    for p in paragraphs {
      lines += wrapParagraph(p, width: width)
    }
    return lines
  }

  private static func wrapParagraph(_ glyphs: [Glyph], width: Int) -> [[Glyph]] {
    // Split into alternating runs of spaces and words.
    var tokens: [(glyphs: [Glyph], isSpace: Bool)] = []
    for g in glyphs {
      let space = g.character == " "
      if let last = tokens.last, last.isSpace == space {
        tokens[tokens.count - 1].glyphs.append(g)
      } else {
        tokens.append(([g], space))
      }
    }
    var lines: [[Glyph]] = []
    var line: [Glyph] = []
    var lineWidth = 0
    var pendingSpaces: [Glyph] = []
    func widthOf(_ gs: [Glyph]) -> Int { gs.reduce(0) { $0 + TextWidth.of($1.character) } }
    for token in tokens {
      if token.isSpace {
        pendingSpaces = line.isEmpty && !lines.isEmpty ? [] : token.glyphs
        continue
      }
      var word = token.glyphs
      let ww = widthOf(word)
      let sw = widthOf(pendingSpaces)
      if lineWidth + sw + ww <= width {
        line += pendingSpaces + word
        lineWidth += sw + ww
        pendingSpaces = []
        continue
      }
      if !line.isEmpty || lineWidth > 0 {
        lines.append(line)
        line = []
        lineWidth = 0
      }
      pendingSpaces = []
      // Break words longer than a line.
      while widthOf(word) > width {
        var chunk: [Glyph] = []
        var cw = 0
        while let g = word.first, cw + TextWidth.of(g.character) <= width {
          chunk.append(g)
          cw += TextWidth.of(g.character)
          word.removeFirst()
        }
        if chunk.isEmpty {
          word.removeFirst()
        }  // a wide character in a 1-column line
        else {
          lines.append(chunk)
        }
      }
      line = word
      lineWidth = widthOf(word)
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }
}
