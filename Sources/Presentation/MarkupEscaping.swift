import TextLayout

/// Data written into Markdown (the QBR pack): shown as text by every
/// Markdown viewer, never run as HTML, a link or table structure.
public enum Markdown {
  /// `&`, and `<` where a tag, comment or autolink could start (before a
  /// letter, `/`, `!` or `?`), become entities: no tag or entity can form,
  /// and "<= 30" stays as readable as ">= 30". Markdown's own punctuation
  /// (`\ * _ [ ] | \``) is backslash-escaped; control and bidi characters
  /// become the sanitiser's placeholder.
  public static func text(_ s: String) -> String {
    MarkupEscaping.sanitised(s) { ch, next in
      switch ch {
      case "<" where next.map { $0.isLetter || "/!?".contains($0) } ?? false: "&lt;"
      case "&": "&amp;"
      case "\\", "*", "_", "[", "]", "|", "`": "\\" + String(ch)
      default: nil
      }
    }
  }
}

/// Data written into HTML (the QBR pack), as element text or a quoted
/// attribute value.
public enum HTML {
  public static func text(_ s: String) -> String {
    MarkupEscaping.sanitised(s) { ch, _ in
      switch ch {
      case "&": "&amp;"
      case "<": "&lt;"
      case ">": "&gt;"
      case "\"": "&quot;"
      case "'": "&#39;"
      default: nil
      }
    }
  }
}

enum MarkupEscaping {
  /// `s` through the sanitiser, each character replaced where `escape`
  /// (given it and the character after it) gives a replacement.
  static func sanitised(_ s: String, _ escape: (Character, Character?) -> String?) -> String {
    let clean = Array(Sanitizer.field(s))
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for (i, ch) in clean.enumerated() {
      if let e = escape(ch, i + 1 < clean.count ? clean[i + 1] : nil) { out += e } else { out.append(ch) }
    }
    return out
  }
}
