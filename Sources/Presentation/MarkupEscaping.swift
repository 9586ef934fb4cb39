import TextLayout

/// Data written into Markdown (the QBR pack): shown as text by every
/// Markdown viewer, never run as HTML, a link or table structure.
public enum Markdown {
  /// `<` and `&` become entities (so no tag or entity can form; `>` stays
  /// readable, as in ">= 30"); Markdown's own punctuation
  /// (`\ * _ [ ] | \``) is backslash-escaped; control and bidi characters
  /// become the sanitiser's placeholder.
  public static func text(_ s: String) -> String {
    MarkupEscaping.sanitised(s) { ch in
      switch ch {
      case "<": "&lt;"
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
    MarkupEscaping.sanitised(s) { ch in
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
  /// gives a replacement.
  static func sanitised(_ s: String, _ escape: (Character) -> String?) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for ch in Sanitizer.field(s) {
      if let e = escape(ch) { out += e } else { out.append(ch) }
    }
    return out
  }
}
