import Presentation
import Reports
import Testing

@Suite struct JSONTests {
  @Test func numbersInShortestForm() {
    #expect(JSON.rounded(71.25, 2).text == "71.25")
    #expect(JSON.rounded(3.0, 2).text == "3")
    #expect(JSON.rounded(0.18525, 4).text == "0.1853")
    #expect(JSON.rounded(-0.0, 2).text == "0")
    #expect(JSON.rounded(nil, 2).text == "null")
    #expect(JSON.rounded(2750.0, 2).text == "2750")
  }

  @Test func stringsAreEscaped() {
    #expect(JSON.string("a\"b\\c\nd\u{1}").text == "\"a\\\"b\\\\c\\nd\\u0001\"")
    #expect(JSON.string("東京 🚀").text == "\"東京 🚀\"")
  }

  @Test func objectsKeepKeyOrder() {
    #expect(
      JSON.object([("b", .int(1)), ("a", .null), ("c", .array([.bool(true)]))]).text
        == "{\"b\": 1, \"a\": null, \"c\": [true]}")
  }
}

@Suite struct NumberFormatTests {
  @Test func fixedAndGrouped() {
    #expect(NumberFormat.fixed(2.5, 2) == "2.50")
    #expect(NumberFormat.fixed(-0.004, 2) == "0.00")
    #expect(NumberFormat.fixed(16.915, 2) == "16.92")
    #expect(NumberFormat.grouped(2750, 2) == "2,750.00")
    #expect(NumberFormat.grouped(-1234567.891, 2) == "-1,234,567.89")
    #expect(NumberFormat.grouped(999, 0) == "999")
    #expect(NumberFormat.trimmed(42.50, 2) == "42.5")
    #expect(NumberFormat.trimmed(40, 2) == "40")
  }

  /// One way to sign a number everywhere: a plus only where the shown
  /// number is above zero (a change that rounds to zero shows no sign).
  @Test func signedNumbers() {
    #expect(
      NumberFormat.signed(3) == "+3" && NumberFormat.signed(-1) == "-1" && NumberFormat.signed(0) == "0")
    #expect(NumberFormat.signed(2.5, 2) == "+2.50" && NumberFormat.signed(-0.75, 2) == "-0.75")
    #expect(NumberFormat.signed(0.001, 2) == "0.00")
    #expect(NumberFormat.signedGrouped(12500, 2) == "+12,500.00")
    #expect(NumberFormat.signedGrouped(-1234.5, 2) == "-1,234.50")
    #expect(NumberFormat.signedGrouped(0.004, 2) == "0.00")
  }

  /// A rank movement keeps every digit, or says thousands where a column
  /// holds only `digits` (the leaderboard's 5 cells at 100,000 partners).
  @Test func movementsAreNeverCut() {
    #expect(Phrases.movement(10061, unicode: true).text == "▲10061")
    #expect(Phrases.movement(10061, unicode: true, digits: 4).text == "▲10k")
    #expect(Phrases.movement(-99_999, unicode: false, digits: 4).text == "v99k")
    #expect(Phrases.movement(9999, unicode: true, digits: 4).text == "▲9999")
    #expect(Phrases.movement(0, unicode: true, digits: 4).text == "–")
    #expect(Phrases.movement(nil, unicode: true, digits: 4).text == "new")
  }

  @Test func valuesInTheirUnits() {
    #expect(NumberFormat.value(512000, unit: .currency, currency: "USD") == "512,000 USD")
    #expect(NumberFormat.value(91.5, unit: .percent, currency: "USD") == "91.5 %")
    #expect(NumberFormat.value(42.5, unit: .days, currency: "USD") == "42.5 days")
    #expect(NumberFormat.value(nil, unit: .count, currency: "USD") == "—")
  }
}

@Suite struct TextTableTests {
  @Test func alignsWideNamesAndShrinksTheFlexibleColumn() {
    let t = TextTable(
      columns: [.init("#", align: .right), .init("Partner", flexible: true), .init("Score", align: .right)],
      rows: [["1", "東京システム株式会社", "97.64"], ["10", "Rocket 🚀 Cloud", "5.00"]])
    #expect(
      t.render(width: 80) == """
         #  Partner               Score
         1  東京システム株式会社  97.64
        10  Rocket 🚀 Cloud        5.00

        """)
    // 31 columns wanted, 22 available: the partner column shrinks to 11.
    #expect(
      t.render(width: 22) == """
         #  Partner      Score
         1  東京システ…  97.64
        10  Rocket 🚀 …   5.00

        """)
  }
}

@Suite struct CSVWriterTests {
  @Test func quotesWhenNeeded() {
    #expect(CSVWriter.field("plain") == "plain")
    #expect(CSVWriter.field("Smith, Jones \"and\" Partners") == "\"Smith, Jones \"\"and\"\" Partners\"")
    // A line feed in data is a control character: replaced, one row stays one line.
    #expect(CSVWriter.document(header: ["a", "b"], rows: [["1", "x\ny"]]) == "a,b\n1,x\u{FFFD}y\n")
  }
}

@Suite struct DifferenceTests {
  /// A change of a percentage is in percentage points; other units keep theirs.
  @Test func percentagePointsForPercentKPIs() {
    #expect(NumberFormat.difference(2.95, unit: .percent, currency: "EUR") == "2.95 pp")
    #expect(NumberFormat.difference(1200, unit: .currency, currency: "EUR") == "1,200 EUR")
    #expect(NumberFormat.difference(3.5, unit: .days, currency: "EUR") == "3.5 days")
    #expect(NumberFormat.difference(2, unit: .count, currency: "EUR") == "2")
  }
}
