/// TOML's integers and floats, read exactly as the standard says: `_` only
/// between digits, no leading zeros, `0x` `0o` `0b` without a sign, `inf`
/// and `nan` with an optional sign. The digits go to Swift's own conversion.
enum TOMLNumbers {
  static func parse(_ token: String) -> TOMLValue? {
    var s = Substring(token)
    switch s {
    case "inf", "+inf": return .float(.infinity)
    case "-inf": return .float(-.infinity)
    case "nan", "+nan", "-nan": return .float(.nan)
    default: break
    }
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where s.hasPrefix(prefix) {
      guard let digits = plainDigits(s.dropFirst(2), radix: radix) else { return nil }
      return Int64(digits, radix: radix).map { .integer($0) }
    }
    var sign = ""
    if let f = s.first, f == "+" || f == "-" {
      sign = f == "-" ? "-" : ""
      s = s.dropFirst()
    }
    // Integer part, then an optional fraction and exponent.
    let intEnd = s.firstIndex { $0 == "." || $0 == "e" || $0 == "E" } ?? s.endIndex
    guard let whole = plainDigits(s[..<intEnd], radix: 10) else { return nil }
    if whole.count > 1 && whole.hasPrefix("0") { return nil }
    if intEnd == s.endIndex { return Int64(sign + whole).map { .integer($0) } }
    var rest = s[intEnd...]
    var text = sign + whole
    if rest.first == "." {
      rest = rest.dropFirst()
      let fracEnd = rest.firstIndex { $0 == "e" || $0 == "E" } ?? rest.endIndex
      guard let frac = plainDigits(rest[..<fracEnd], radix: 10) else { return nil }
      text += "." + frac
      rest = rest[fracEnd...]
    }
    if let e = rest.first, e == "e" || e == "E" {
      rest = rest.dropFirst()
      var expSign = ""
      if let f = rest.first, f == "+" || f == "-" {
        expSign = String(f)
        rest = rest.dropFirst()
      }
      guard let exp = plainDigits(rest, radix: 10) else { return nil }
      text += "e" + expSign + exp
    } else if !rest.isEmpty {
      return nil
    }
    return Double(text).map { .float($0) }
  }

  /// Digits of `radix` with single underscores between them; nil otherwise.
  static func plainDigits(_ s: Substring, radix: Int) -> String? {
    guard let first = s.first, let last = s.last, first != "_", last != "_", !s.contains("__") else {
      return nil
    }
    let digits = s.filter { $0 != "_" }
    guard digits.allSatisfy({ $0.isASCII && $0.hexDigitValue.map { $0 < radix } == true }) else { return nil }
    return String(digits)
  }

  /// `1979-05-27`, `07:32:00`, `1979-05-27T07:32:00Z`, `1979-05-27 07:32:00.5+01:00`.
  static func isDateTime(_ token: String) -> Bool {
    let u = Array(token.utf8)
    func digits(_ at: Int, _ n: Int) -> Bool {
      at + n <= u.count && u[at..<at + n].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
    if digits(0, 4) && u.count >= 10 && u[4] == 0x2D && digits(5, 2) && u[7] == 0x2D && digits(8, 2) {
      return u.count == 10 || u[10] == 0x54 || u[10] == 0x74 || u[10] == 0x20
    }
    return digits(0, 2) && u.count >= 8 && u[2] == 0x3A && digits(3, 2) && u[5] == 0x3A && digits(6, 2)
  }
}
