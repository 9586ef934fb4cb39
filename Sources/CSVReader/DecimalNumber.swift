/// Strict decimal numbers read straight from field bytes.
///
/// Grammar (spaces and tabs around it are ignored):
///   [+|-] ( digits [ "." digits? ] | "." digits ) [ (e|E) [+|-] digits ]
/// Everything else is rejected: empty text, nan, inf, infinity, hex, "1,000", "1.2.3", ".", "-", "1e".
///
/// Values with at most 19 significant digits, a mantissa up to 2^53 and a decimal exponent
/// within ±22 are converted exactly with one IEEE multiplication or division (Clinger's fast
/// path), which is the correctly rounded result. Anything else goes to `Double(String)`, the
/// locale-independent standard conversion; both therefore equal Swift's `Double("...")`.
enum DecimalNumber {
  enum Outcome: Equatable {
    case value(Double)
    /// Nothing but spaces and tabs.
    case empty
    /// Not a decimal number.
    case invalid
    /// A decimal number too large for a finite Double.
    case outOfRange
  }

  /// 1e0 ... 1e22, all exactly representable.
  static let exactPowersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  ]

  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
    guard let p = bytes.baseAddress else { return .empty }
    var start = 0
    var end = bytes.count
    while start < end && ByteValue.isBlank(p[start]) { start += 1 }
    while end > start && ByteValue.isBlank(p[end - 1]) { end -= 1 }
    if start == end { return .empty }

    var i = start
    var negative = false
    if p[i] == ByteValue.minus || p[i] == ByteValue.plus {
      negative = p[i] == ByteValue.minus
      i += 1
    }

    var mantissa: UInt64 = 0
    var significantDigits = 0  // digits in `mantissa`, leading zeros excluded
    var exact = true  // false once a digit did not fit in `mantissa`
    var exponent = 0
    var digits = 0

    while i < end {
      let digit = p[i] &- ByteValue.zero
      if digit > 9 { break }
      digits += 1
      if significantDigits < 19 {
        mantissa = mantissa &* 10 &+ UInt64(digit)
        if mantissa != 0 { significantDigits += 1 }
      } else {
        exact = false
      }
      i += 1
    }
    if i < end && p[i] == ByteValue.dot {
      i += 1
      while i < end {
        let digit = p[i] &- ByteValue.zero
        if digit > 9 { break }
        digits += 1
        if significantDigits < 19 {
          mantissa = mantissa &* 10 &+ UInt64(digit)
          if mantissa != 0 { significantDigits += 1 }
          exponent -= 1
        } else {
          exact = false
        }
        i += 1
      }
    }
    if digits == 0 { return .invalid }

    if i < end && (p[i] == ByteValue.lowerE || p[i] == ByteValue.upperE) {
      i += 1
      var exponentNegative = false
      if i < end && (p[i] == ByteValue.minus || p[i] == ByteValue.plus) {
        exponentNegative = p[i] == ByteValue.minus
        i += 1
      }
      var value = 0
      var exponentDigits = 0
      while i < end {
        let digit = p[i] &- ByteValue.zero
        if digit > 9 { break }
        if value < 1_000_000 { value = value * 10 + Int(digit) }
        exponentDigits += 1
        i += 1
      }
      if exponentDigits == 0 { return .invalid }
      exponent += exponentNegative ? -value : value
    }
    if i != end { return .invalid }

    if exact {
      if mantissa == 0 { return .value(negative ? -0.0 : 0.0) }
      if mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
        var value = Double(mantissa)
        if exponent < 0 {
          value /= exactPowersOfTen[-exponent]
        } else {
          value *= exactPowersOfTen[exponent]
        }
        return .value(negative ? -value : value)
      }
    }
    let text = String(decoding: UnsafeBufferPointer(start: p + start, count: end - start), as: UTF8.self)
    guard let value = Double(text) else { return .invalid }
    return value.isFinite ? .value(value) : .outOfRange
  }
}
