/// The one place that decides which characters from the data may leave the
/// program as they are. Every output uses it: tables and messages on stdout
/// and stderr, the dashboard's cell buffer, CSV cells, JSON strings, the QBR
/// packs.
///
/// Unsafe are the characters a terminal, a spreadsheet or a text editor
/// acts on instead of showing: C0 controls (U+0000-U+001F), DEL, C1
/// controls (U+0080-U+009F) and the bidirectional embeddings, overrides and
/// isolates (U+202A-U+202E, U+2066-U+2069). Shown text replaces each with
/// `placeholder`; JSON writes each as a `\uXXXX` escape instead, so the data
/// stays exact. Everything else (accents, CJK, emoji with their joiners) is
/// kept.
public enum Sanitizer {
  /// What an unsafe character becomes in shown text: U+FFFD, one column wide.
  public static let placeholder: Unicode.Scalar = "\u{FFFD}"

  /// True for the characters no output may carry raw.
  @inline(__always)
  public static func isUnsafe(_ u: Unicode.Scalar) -> Bool {
    let v = u.value
    if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
    return (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
  }

  /// True when `s` holds at least one unsafe character.
  public static func needsCleaning(_ s: String) -> Bool {
    var s = s
    return s.withUTF8 { firstUnsafe(in: $0, keepingNewlines: false) != nil }
  }

  /// One field of text (a name, an id, a cell): every unsafe character,
  /// newlines and tabs included, becomes the placeholder.
  public static func field(_ s: String) -> String { clean(s, keepingNewlines: false) }

  /// A value from a file or the command line quoted in a message: as
  /// `field`, and cut to `limit` characters with "…" (an id or a value can
  /// be megabytes long; a message shows enough to find it).
  public static func quoted(_ s: Substring, limit: Int = 60) -> String {
    s.count > limit ? field(String(s.prefix(limit))) + "…" : field(String(s))
  }

  public static func quoted(_ s: String, limit: Int = 60) -> String { quoted(s[...], limit: limit) }

  /// Text of several lines (a report, a message): as `field`, but line
  /// feeds stay, so the text keeps its lines.
  public static func lines(_ s: String) -> String { clean(s, keepingNewlines: true) }

  static func clean(_ s: String, keepingNewlines: Bool) -> String {
    var s = s
    // Fast path: a byte scan finds nothing to replace in almost all text.
    let unsafe = s.withUTF8 { firstUnsafe(in: $0, keepingNewlines: keepingNewlines) }
    guard unsafe != nil else { return s }
    var out = String.UnicodeScalarView()
    for u in s.unicodeScalars {
      if isUnsafe(u) && !(keepingNewlines && u == "\n") {
        out.append(placeholder)
      } else {
        out.append(u)
      }
    }
    return String(out)
  }

  /// The offset of the first byte that starts an unsafe character in UTF-8.
  static func firstUnsafe(in b: UnsafeBufferPointer<UInt8>, keepingNewlines: Bool) -> Int? {
    var i = 0
    let n = b.count
    while i < n {
      let c = b[i]
      if c < 0x20 {
        if !(keepingNewlines && c == 0x0A) { return i }
      } else if c == 0x7F {
        return i
      } else if c == 0xC2, i + 1 < n, (0x80...0x9F).contains(b[i + 1]) {
        return i  // C1: U+0080-U+009F
      } else if c == 0xE2, i + 2 < n {
        let c1 = b[i + 1]
        let c2 = b[i + 2]
        if c1 == 0x80 && (0xAA...0xAE).contains(c2) { return i }  // U+202A-U+202E
        if c1 == 0x81 && (0xA6...0xA9).contains(c2) { return i }  // U+2066-U+2069
      }
      i += 1
    }
    return nil
  }
}
