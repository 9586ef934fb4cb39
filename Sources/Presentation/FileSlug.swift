import Foundation

/// A piece of a file name made from data (a partner id, a KPI id, a
/// manager): accents are dropped ("Lucía" is "Lucia"), then letters,
/// digits, `-`, `_` and `.` of ASCII are kept, every other run of characters
/// becomes one `-`; no path separator, no leading dot, no `..`, at most 60
/// characters. An id of `../../etc/x` gives `etc-x`; one of only symbols
/// gives `partner`.
public enum FileSlug {
  public static func of(_ s: String, fallback: String = "partner") -> String {
    var out = ""
    var pendingDash = false
    let plain = s.utf8.allSatisfy { $0 < 0x80 } ? s : s.folding(options: .diacriticInsensitive, locale: nil)
    for u in plain.unicodeScalars {
      let keep =
        (u >= "a" && u <= "z") || (u >= "A" && u <= "Z") || (u >= "0" && u <= "9") || u == "-" || u == "_"
        || u == "."
      if keep {
        if pendingDash && !out.isEmpty { out.append("-") }
        pendingDash = false
        out.unicodeScalars.append(u)
      } else {
        pendingDash = true
      }
    }
    while out.contains("..") { out = out.replacing("..", with: ".") }
    while let first = out.first, first == "." || first == "-" { out.removeFirst() }
    out = String(out.prefix(60))
    return out.isEmpty ? fallback : out
  }
}
