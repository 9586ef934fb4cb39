import TextLayout

/// RFC 4180 output that is safe to open in a spreadsheet: fields quoted when
/// they hold a comma, quote or newline; control characters replaced
/// (`Sanitizer`); a text cell that a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-`, `@`, tab or CR) gets a leading `'` (OWASP's
/// advice against CSV injection). Plain numbers such as `-3.5` stay numbers.
public enum CSVWriter {
  public static func field(_ s: String) -> String {
    var s = s
    if let first = s.unicodeScalars.first, formulaStarts.contains(first), !isPlainNumber(s) {
      s = "'" + s
    }
    s = Sanitizer.field(s)
    if s.contains(where: { $0 == "," || $0 == "\"" }) {
      return "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"")
        + "\""
    }
    return s
  }

  public static func document(header: [String], rows: [[String]]) -> String {
    var out = header.map(field).joined(separator: ",") + "\n"
    for row in rows { out += row.map(field).joined(separator: ",") + "\n" }
    return out
  }

  static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

  /// `[+-]digits[.digits][e[+-]digits]`: what the reports print for numbers.
  static func isPlainNumber(_ s: String) -> Bool {
    var it = s.utf8.makeIterator()
    var c = it.next()
    if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { c = it.next() }
    func digits() -> Int {
      var n = 0
      while let d = c, d >= UInt8(ascii: "0"), d <= UInt8(ascii: "9") {
        n += 1
        c = it.next()
      }
      return n
    }
    guard digits() > 0 else { return false }
    if c == UInt8(ascii: ".") {
      c = it.next()
      guard digits() > 0 else { return false }
    }
    if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
      c = it.next()
      if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { c = it.next() }
      guard digits() > 0 else { return false }
    }
    return c == nil
  }
}
