/// Terminal display width of text, measured per grapheme cluster:
/// 0 for control and combining-only clusters, 2 for East Asian Wide and
/// Fullwidth characters and for emoji presentation (VS16, flags, ZWJ
/// sequences), 1 otherwise. No Foundation.
public enum TextWidth {
  /// Columns `s` occupies in a terminal.
  public static func of(_ s: String) -> Int {
    var w = 0
    for c in s { w += of(c) }
    return w
  }

  /// Columns one grapheme cluster occupies: 0, 1 or 2.
  public static func of(_ c: Character) -> Int {
    if let a = c.asciiValue { return a < 0x20 || a == 0x7F ? 0 : 1 }
    let scalars = c.unicodeScalars
    guard let first = scalars.first else { return 0 }
    switch first.properties.generalCategory {
    case .control, .format, .nonspacingMark, .enclosingMark, .lineSeparator, .paragraphSeparator:
      // A lone mark or control; a ZWJ-led cluster is not an emoji either.
      return 0
    default: break
    }
    if EastAsianWide.contains(first.value) || first.properties.isEmojiPresentation { return 2 }
    var regional = 0
    for u in scalars {
      if u.value == 0xFE0F { return 2 }  // VARIATION SELECTOR-16: emoji presentation
      if (0x1F1E6...0x1F1FF).contains(u.value) { regional += 1 }
    }
    return regional >= 2 ? 2 : 1
  }

  /// Cuts `s` to at most `width` columns, ending in `ellipsis` when cut.
  /// Never splits a wide character: when one would overflow, a space pads
  /// the result so it is exactly `width` columns. Text that fits is
  /// returned unchanged; if even the ellipsis does not fit, the text is cut
  /// without it.
  public static func truncate(_ s: String, to width: Int, ellipsis: String = "…") -> String {
    guard width > 0 else { return "" }
    if of(s) <= width { return s }
    var tail = ellipsis
    var tailWidth = of(ellipsis)
    if tailWidth > width {
      tail = ""
      tailWidth = 0
    }
    let room = width - tailWidth
    var out = ""
    var w = 0
    for c in s {
      let cw = of(c)
      if w + cw > room { break }
      out.append(c)
      w += cw
    }
    out += tail
    if w < room { out += String(repeating: " ", count: room - w) }
    return out
  }

  /// A sentence in `width` columns: whole words, then "…" where it is cut,
  /// so a number is never shown in part ("41.…" would read as a value);
  /// a first word too long for the room is cut as `truncate` does.
  public static func truncateWords(_ s: String, to width: Int) -> String {
    guard of(s) > width else { return s }
    guard width > 1 else { return truncate(s, to: width) }
    var out = ""
    for word in s.split(separator: " ", omittingEmptySubsequences: false) {
      let next = out.isEmpty ? String(word) : out + " " + word
      if of(next) + 1 > width { break }
      out = next
    }
    func trim() {
      while out.hasSuffix(",") || out.hasSuffix(";") || out.hasSuffix(":") || out.hasSuffix(" ") {
        out.removeLast()
      }
    }
    trim()
    // Not ending on a number: "32.56…" would read as a number cut short.
    while let last = out.split(separator: " ").last, last.contains(where: \.isNumber), out.contains(" ") {
      out.removeLast(last.count)
      trim()
    }
    return out.isEmpty ? truncate(s, to: width) : out + "…"
  }

  /// Pads `s` with spaces to `width` columns; longer text is returned as is.
  public static func pad(_ s: String, to width: Int, align: Alignment) -> String {
    let gap = width - of(s)
    guard gap > 0 else { return s }
    switch align {
    case .left: return s + String(repeating: " ", count: gap)
    case .right: return String(repeating: " ", count: gap) + s
    case .center:
      let left = gap / 2
      return String(repeating: " ", count: left) + s + String(repeating: " ", count: gap - left)
    }
  }
}

extension TextWidth {
  /// Plain text wrapped greedily at spaces into lines of at most `width`
  /// display columns; a word longer than a line is cut with an ellipsis.
  public static func wrap(_ s: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    // A percent sign stays with its number ("90 %").
    var words: [String] = []
    for word in s.split(separator: " ", omittingEmptySubsequences: true) {
      if word.first == "%", let last = words.last {
        words[words.count - 1] = last + " " + word
      } else {
        words.append(String(word))
      }
    }
    for var word in words {
      var w = of(word)
      if w > width {
        word = truncate(word, to: width)
        w = of(word)
      }
      if lineWidth > 0 && lineWidth + 1 + w > width {
        lines.append(line)
        line = ""
        lineWidth = 0
      }
      if lineWidth > 0 {
        line += " "
        lineWidth += 1
      }
      line += word
      lineWidth += w
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }
}
