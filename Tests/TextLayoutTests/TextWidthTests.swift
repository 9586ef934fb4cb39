import Testing

@testable import TextLayout

@Suite struct TextWidthTests {
  @Test(arguments: [
    ("Müller", 6), ("Socie\u{301}te\u{301}", 7), ("東京システム", 12),
    // 6 + 1 + 2 (rocket) + 1 + 5
    ("Rocket 🚀 Cloud", 15), ("🇯🇵", 2), ("👨‍👩‍👧", 2), ("❤️", 2), ("서울", 4), ("ＡＢ", 4), ("abc", 3),
    ("", 0), ("e\u{301}", 1), ("\u{301}", 0), ("a\tb", 2), ("👍🏽", 2), ("1️⃣", 2), ("☺︎", 1),
    ("⌚", 2), ("中a", 3), ("→", 1), ("\u{200B}", 0), ("ｶ", 1), ("한국어", 6),
  ])
  func widths(_ s: String, _ w: Int) {
    #expect(TextWidth.of(s) == w, "\(s)")
  }

  @Test func characterWidths() {
    #expect(TextWidth.of(Character("A")) == 1)
    #expect(TextWidth.of(Character("東")) == 2)
    #expect(TextWidth.of(Character("🇯🇵")) == 2)
    #expect(TextWidth.of(Character("\u{7}")) == 0)
    #expect(TextWidth.of(Character("\r\n")) == 0)
  }

  @Test func truncateNeverSplitsAWideCharacter() {
    #expect(TextWidth.truncate("東京システム", to: 5) == "東京…")
    #expect(TextWidth.truncate("東京システム", to: 6) == "東京… ")
    #expect(TextWidth.truncate("東京システム", to: 7) == "東京シ…")
    #expect(TextWidth.truncate("東京システム", to: 3, ellipsis: "") == "東 ")
    #expect(TextWidth.truncate("東京システム", to: 1) == "…")
    #expect(TextWidth.truncate("東京システム", to: 1, ellipsis: "") == " ")
    for w in 0...13 {
      #expect(TextWidth.of(TextWidth.truncate("東京システム", to: w)) == min(w, 12))
    }
  }

  @Test func truncateLatin() {
    #expect(TextWidth.truncate("Northwind Solutions", to: 10) == "Northwind…")
    #expect(TextWidth.truncate("Northwind Solutions", to: 10, ellipsis: "...") == "Northwi...")
    #expect(TextWidth.truncate("abcdef", to: 2, ellipsis: "...") == "ab")
    #expect(TextWidth.truncate("short", to: 10) == "short")
    #expect(TextWidth.truncate("exact", to: 5) == "exact")
    #expect(TextWidth.truncate("abc", to: 0) == "")
    #expect(TextWidth.truncate("abc", to: -3) == "")
    #expect(
      TextWidth.truncate("Socie\u{301}te\u{301} Ge\u{301}ne\u{301}rale", to: 8) == "Socie\u{301}te\u{301}…")
    #expect(TextWidth.truncate("Rocket 🚀 Cloud", to: 8) == "Rocket …")
    #expect(TextWidth.truncate("Rocket 🚀 Cloud", to: 9) == "Rocket … ")
    #expect(TextWidth.truncate("🇯🇵🇯🇵", to: 3) == "🇯🇵…")
  }

  @Test func padByDisplayWidth() {
    #expect(TextWidth.pad("東京", to: 6, align: .left) == "東京  ")
    #expect(TextWidth.pad("東京", to: 6, align: .right) == "  東京")
    #expect(TextWidth.pad("東京", to: 7, align: .center) == " 東京  ")
    #expect(TextWidth.pad("ab", to: 5, align: .center) == " ab  ")
    #expect(TextWidth.pad("Müller", to: 8, align: .right) == "  Müller")
    #expect(TextWidth.pad("❤️", to: 3, align: .left) == "❤️ ")
    #expect(TextWidth.pad("toolong", to: 3, align: .left) == "toolong")
  }
}

@Suite struct EastAsianTableTests {
  @Test func rangesAreSortedAndDisjoint() {
    let r = EastAsianWide.ranges
    for i in 1..<r.count { #expect(r[i - 1].upperBound < r[i].lowerBound, "\(r[i])") }
  }
}

/// Search folds case, accents and the letters that have no accent to drop,
/// so a name is found as a reader types it.
@Suite struct SearchKeyTests {
  @Test func lettersAreFoundAsTyped() {
    let key = TextKeys.search("Øresund Æsir Straße Łódź Đorđević Þór Işık Cœur")
    for typed in ["oresund", "aesir", "strasse", "lodz", "dordevic", "thor", "isik", "coeur"] {
      #expect(key.contains(typed), "\(typed) in \(key)")
    }
    #expect(TextKeys.search("Müller") == "muller")
    #expect(TextKeys.search("ACME") == "acme")
  }
}
