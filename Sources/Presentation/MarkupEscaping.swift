import TextLayout

/// Data written into Markdown (the QBR pack): shown as text by every
/// Markdown viewer, never run as HTML, a link or table structure.
public enum Markdown {
  /// `<` and `&` become entities (so no tag or entity can form; `>` stays
  /// readable, as in ">= 30"); Markdown's own punctuation
  /// (`\ * _ [ ] | \``) is backslash-escaped; control and bidi characters
  /// become the sanitiser's placeholder.
  public static func text(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for ch in Sanitizer.field(s) {
      switch ch {
      case "<": out += "&lt;"
      case "&": out += "&amp;"
      case "\\", "*", "_", "[", "]", "|", "`": out += "\\" + String(ch)
      default: out.append(ch)
      }
    }
    return out
  }
}

/// Data written into HTML (the QBR pack), as element text or a quoted
/// attribute value.
public enum HTML {
  public static func text(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for ch in Sanitizer.field(s) {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(ch)
      }
    }
    return out
  }
}
