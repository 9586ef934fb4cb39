import Foundation

/// How text from the data is compared. Ids are keys: "Å" typed as one
/// character (NFC) or as A + ring (NFD) must be one partner to Swift, to
/// SQLite and in every lookup, so every id is NFC-normalised where it enters.
/// Search is forgiving: case and accents do not matter ("muller" finds
/// "Müller").
public enum TextKeys {
  /// The NFC form of `s`; ASCII text (almost every id) is returned as it is.
  public static func id(_ s: String) -> String {
    if s.utf8.allSatisfy({ $0 < 0x80 }) { return s }
    return s.precomposedStringWithCanonicalMapping
  }

  /// The form compared by search: NFC, case-folded, accents removed, and
  /// the letters that are not a base letter with an accent written as a
  /// reader would type them: ø o, æ ae, œ oe, ß ss, ł l, đ ð d, þ th, ı i.
  public static func search(_ s: String) -> String {
    if s.utf8.allSatisfy({ $0 < 0x80 }) { return s.lowercased() }
    let folded = s.precomposedStringWithCanonicalMapping.folding(
      options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    guard folded.unicodeScalars.contains(where: { letters[$0] != nil }) else { return folded }
    var out = ""
    for u in folded.unicodeScalars {
      if let typed = letters[u] { out += typed } else { out.unicodeScalars.append(u) }
    }
    return out
  }

  /// Letters that folding keeps (they have no accent to remove), as typed.
  static let letters: [Unicode.Scalar: String] = [
    "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
  ]

  /// A partner's name and id as one searchable text: every `search` key
  /// that either contains is in it (a store narrows a search with it).
  public static func searchable(name: String, id: String) -> String {
    search(name) + "\u{1F}" + search(id)
  }
}
