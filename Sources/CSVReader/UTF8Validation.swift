/// Hand-written UTF-8 validation for the non-ASCII bytes of a field.
/// ASCII bytes never reach it, so pure-ASCII files pay nothing.
enum UTF8Validation {
  /// Length (2...4) of the well-formed UTF-8 sequence starting at `p[i]`, a byte >= 0x80,
  /// or 0 when it is not well formed (stray continuation byte, overlong form, surrogate,
  /// code point above U+10FFFF, or a sequence cut short by `end`).
  @inline(__always)
  static func sequenceLength(_ p: UnsafePointer<UInt8>, at i: Int, end: Int) -> Int {
    let lead = p[i]
    if lead < 0xC2 { return 0 }  // continuation byte, or overlong 2-byte lead C0/C1
    if lead < 0xE0 {
      return i + 1 < end && isContinuation(p[i + 1]) ? 2 : 0
    }
    if lead < 0xF0 {
      guard i + 2 < end else { return 0 }
      let second = p[i + 1]
      let low: UInt8 = lead == 0xE0 ? 0xA0 : 0x80  // E0: no overlongs
      let high: UInt8 = lead == 0xED ? 0x9F : 0xBF  // ED: no surrogates
      return second >= low && second <= high && isContinuation(p[i + 2]) ? 3 : 0
    }
    if lead < 0xF5 {
      guard i + 3 < end else { return 0 }
      let second = p[i + 1]
      let low: UInt8 = lead == 0xF0 ? 0x90 : 0x80  // F0: no overlongs
      let high: UInt8 = lead == 0xF4 ? 0x8F : 0xBF  // F4: nothing above U+10FFFF
      return second >= low && second <= high && isContinuation(p[i + 2]) && isContinuation(p[i + 3])
        ? 4 : 0
    }
    return 0
  }

  @inline(__always)
  static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
}
