import CSVReader
import Testing

/// double(): the strict grammar, exact values, and located errors.
@Suite struct NumberTests {
  /// A one-column file "n.csv" whose single data field (line 2) is `field`, quoted.
  func document(_ field: String) throws -> CSVDocument {
    try CSVReader.parse("v\n\"\(field.replacing("\"", with: "\"\""))\"\n", fileName: "n.csv")
  }

  @Test(arguments: [
    ("12", 12.0), ("-3.5", -3.5), ("+4", 4), ("1e3", 1000), ("2.5E-2", 0.025), (" 7 ", 7), ("\t8\t", 8),
    ("0.1", 0.1), ("5.", 5), (".5", 0.5), ("007", 7), ("1E+2", 100), ("-0.0", 0), ("1e-400", 0),
    ("123456789012345678901234567890", 1.2345678901234568e29), ("9007199254740993", 9_007_199_254_740_992),
    ("1.7976931348623157e308", 1.7976931348623157e308), ("4.9e-324", .leastNonzeroMagnitude),
  ])
  func validForms(_ text: String, _ expected: Double) throws {
    let value = try document(text).double(row: 0, column: 0)
    #expect(value == expected)
    #expect(value.bitPattern == Double(text.trimmingBlanks())!.bitPattern)
  }

  @Test func negativeZeroKeepsItsSign() throws {
    #expect(try document("-0").double(row: 0, column: 0).sign == .minus)
    #expect(try document("0").double(row: 0, column: 0).sign == .plus)
  }

  @Test(arguments: [
    "nan", "NaN", "inf", "-inf", "Infinity", "infinity", "1,000", "1.2.3", "abc", "0x10", ".", "-", "+", "1e",
    "1e+", "e5", ".e1", "1 000", "--1", "+-1", "1.5f", "0b1", "1_000", "1e2.5", "12abc", "١٢", "1.-2",
  ])
  func invalidForms(_ text: String) throws {
    let error = try #require(numberError(try document(text), row: 0, column: 0))
    #expect(error.file == "n.csv")
    #expect(error.line == 2)
    #expect(error.column == 1)
    #expect(error.columnName == "v")
    #expect(error.message == "expected a number (like 1250 or -3.5), found \"\(text)\"")
  }

  @Test(arguments: ["", " ", "\t \t"])
  func emptyIsAnError(_ text: String) throws {
    let error = try #require(numberError(try document(text), row: 0, column: 0))
    #expect(
      error
        == CSVError(
          file: "n.csv", line: 2, column: 1, columnName: "v",
          message: "expected a number, found an empty field"))
  }

  @Test func outOfRangeIsAnError() throws {
    let error = try #require(numberError(try document("1e999"), row: 0, column: 0))
    #expect(
      error.description == "n.csv:2: column 1 (v): expected a number within Double's range, found \"1e999\"")
    #expect(numberError(try document("-1.8e308"), row: 0, column: 0) != nil)
  }

  @Test func errorNamesLineColumnAndText() throws {
    let document = try CSVReader.parse(
      "partner_id,period,kpi,value\n\np1,2026Q1,nps,12\np1,2026Q2,nps,\"12,5\"\n", fileName: "metrics.csv")
    #expect(try document.double(row: 0, column: 3) == 12)
    let error = try #require(numberError(document, row: 1, column: 3))
    #expect(
      error
        == CSVError(
          file: "metrics.csv", line: 4, column: 4, columnName: "value",
          message: "expected a number (like 1250 or -3.5), found \"12,5\""))
    #expect(
      error.description
        == "metrics.csv:4: column 4 (value): expected a number (like 1250 or -3.5), found \"12,5\"")
  }

  @Test func errorTextIsTruncatedAndEscaped() throws {
    let long = String(repeating: "x", count: 39) + "yz" + String(repeating: "w", count: 20)
    let error = try #require(numberError(try document(long), row: 0, column: 0))
    #expect(
      error.message
        == "expected a number (like 1250 or -3.5), found \"\(String(repeating: "x", count: 39))y...\"")
    let escaped = try #require(numberError(try document("1\"2\n3"), row: 0, column: 0))
    #expect(escaped.message == "expected a number (like 1250 or -3.5), found \"1\\\"2\\n3\"")
  }

  @Test func errorLineFollowsNewlinesInEarlierFields() throws {
    let document = try CSVReader.parse("note,v\n\"a\nb\r\nc\",x\n", fileName: "n.csv")
    let error = try #require(numberError(document, row: 0, column: 1))
    #expect(error.line == 4)
    #expect(document.lineNumber(ofRow: 0) == 2)
  }

  /// Many random decimal strings, each equal bit for bit to Swift's Double(String).
  @Test func agreesWithStandardLibraryConversion() throws {
    var generator = SeededGenerator(seed: 42)
    var texts: [String] = []
    for _ in 0..<20_000 {
      let digitCount = Int.random(in: 1...22, using: &generator)
      var digits = String(
        (0..<digitCount).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
      if Bool.random(using: &generator) {
        let point = Int.random(in: 0...digitCount, using: &generator)
        digits.insert(".", at: digits.index(digits.startIndex, offsetBy: point))
        if digits == "." { digits = "0." }
      }
      var text = [nil, "-", "+"].randomElement(using: &generator)!.map { $0 + digits } ?? digits
      if Int.random(in: 0..<3, using: &generator) == 0 {
        text +=
          ["e", "E"].randomElement(using: &generator)! + String(Int.random(in: -330...310, using: &generator))
      }
      texts.append(text)
    }
    let document = try CSVReader.parse("v\n" + texts.joined(separator: "\n"), fileName: "r.csv")
    #expect(document.rowCount == texts.count)
    var mismatches: [String] = []
    for (row, text) in texts.enumerated() {
      let expected = Double(text)!
      if !expected.isFinite {
        #expect(numberError(document, row: row, column: 0) != nil)
      } else if try document.double(row: row, column: 0).bitPattern != expected.bitPattern {
        mismatches.append(text)
      }
    }
    #expect(mismatches == [])
  }
}

/// A reproducible random number generator (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

extension String {
  /// Without surrounding spaces and tabs.
  func trimmingBlanks() -> String {
    String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
