import Testing

@testable import TextLayout

@Suite struct SanitizerTests {
  static let unsafe: [Unicode.Scalar] = [
    "\u{0}", "\u{7}", "\t", "\n", "\r", "\u{1B}", "\u{1F}", "\u{7F}", "\u{80}", "\u{9B}", "\u{9F}",
    "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}",
    "\u{2069}",
  ]

  @Test func everyUnsafeCharacterIsReplaced() {
    for u in Self.unsafe {
      let s = "a" + String(Character(u)) + "b"
      #expect(Sanitizer.field(s) == "a\u{FFFD}b", "U+\(String(u.value, radix: 16))")
      #expect(Sanitizer.needsCleaning(s))
    }
  }

  @Test func byteScanAgreesWithTheScalarRule() {
    // Every scalar up to U+2FFF, alone and between letters: the fast byte scan
    // and the scalar rule must agree, or a character slips through raw.
    for v in UInt32(0)...0x2FFF {
      guard let u = Unicode.Scalar(v) else { continue }
      let s = "x" + String(Character(u)) + "y"
      #expect(Sanitizer.needsCleaning(s) == Sanitizer.isUnsafe(u), "U+\(String(v, radix: 16))")
    }
  }

  @Test func everythingElseIsKept() {
    for s in ["Müller GmbH", "東京パートナー", "👩‍👩‍👧 family", "🇫🇷 flag", "e\u{301}", "‏", "", "x=1"] {
      #expect(Sanitizer.field(s) == s)
    }
  }

  @Test func linesKeepLineFeedsOnly() {
    #expect(Sanitizer.lines("a\nb\r\n\u{1B}[2J") == "a\nb\u{FFFD}\n\u{FFFD}[2J")
    #expect(Sanitizer.field("a\nb") == "a\u{FFFD}b")
  }

  @Test func escapeSequencesLoseTheirIntroducer() {
    let osc52 = "N\u{1B}]52;c;ZXZpbA==\u{7}"
    #expect(Sanitizer.field(osc52) == "N\u{FFFD}]52;c;ZXZpbA==\u{FFFD}")
    #expect(!Sanitizer.field(osc52).unicodeScalars.contains { Sanitizer.isUnsafe($0) })
  }
}
