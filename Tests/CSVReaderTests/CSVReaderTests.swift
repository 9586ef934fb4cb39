import CSVReader
import Testing

@Suite struct CSVReadingTests {
  func doc(_ text: String) throws -> CSVDocument { try CSVReader.parse(text, fileName: "t.csv") }

  func rows(_ d: CSVDocument) -> [[String]] {
    (0..<d.rowCount).map { r in (0..<d.header.count).map { d.string(row: r, column: $0) } }
  }

  @Test func byteOrderMarkIsIgnored() throws {
    let d = try CSVReader.parse([0xEF, 0xBB, 0xBF] + Array("id,name\n1,a\n".utf8), fileName: "t.csv")
    #expect(d.header == ["id", "name"])
    #expect(d.columnIndex(named: "id") == 0)
  }

  @Test func quotedCommasQuotesAndNewlines() throws {
    let d = try doc("id,name\n1,\"Acme, Inc.\"\n2,\"Say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,after\n")
    #expect(rows(d) == [["1", "Acme, Inc."], ["2", "Say \"hi\""], ["3", "two\nlines"], ["4", "after"]])
    #expect((0..<4).map(d.lineNumber(ofRow:)) == [2, 3, 4, 6])
  }

  @Test func crlfLoneCrAndNoFinalNewline() throws {
    let d = try doc("a,b\r\n1,2\r\n3,4\r5,6")
    #expect(rows(d) == [["1", "2"], ["3", "4"], ["5", "6"]])
    #expect(d.lineNumber(ofRow: 2) == 4)
  }

  @Test func blankLinesAreSkippedButCounted() throws {
    let d = try doc("a,b\n\n1,2\n\r\n\n3,4\n\n")
    #expect(d.rowCount == 2)
    #expect(d.lineNumber(ofRow: 0) == 3)
    #expect(d.lineNumber(ofRow: 1) == 6)
  }

  @Test func anyColumnOrderAndExtraColumns() throws {
    let d = try doc("value,extra,kpi\n5,x,nps\n")
    #expect(d.columnIndex(named: "kpi") == 2)
    #expect(d.columnIndex(named: "value") == 0)
    #expect(d.columnIndex(named: "missing") == nil)
  }

  @Test func headerNamesAreTrimmed() throws {
    #expect(try doc(" id , name\n1,2\n").header == ["id", "name"])
  }

  @Test func emptyTrailingField() throws {
    let d = try doc("a,b,c\n1,,\n")
    #expect(rows(d) == [["1", "", ""]])
    #expect(d.isEmpty(row: 0, column: 1))
  }

  @Test func unicodeFields() throws {
    let d = try doc("name\n東京システム株式会社\nRocket 🚀 Cloud\nSociété\n")
    #expect(rows(d).map { $0[0] } == ["東京システム株式会社", "Rocket 🚀 Cloud", "Société"])
  }
}

@Suite struct CSVErrorTests {
  func error(_ bytes: [UInt8]) -> CSVError? {
    do {
      _ = try CSVReader.parse(bytes, fileName: "m.csv")
      return nil
    } catch { return error }
  }
  func error(_ text: String) -> CSVError? { error(Array(text.utf8)) }

  @Test func emptyFile() {
    #expect(error("")?.description == "m.csv:1: the file is empty: expected a header row")
    #expect(error("\n\n")?.line == 1)
  }

  @Test func repeatedOrEmptyHeader() {
    #expect(
      error("a,b,a\n")?.description
        == "m.csv:1: column 3: column \"a\" appears twice in the header (also column 1)")
    #expect(error("a,,c\n")?.column == 2)
  }

  @Test func wrongFieldCount() {
    #expect(error("a,b\n1,2\n1,2,3\n")?.description == "m.csv:3: expected 2 fields as in the header, found 3")
    #expect(error("a,b\n1\n")?.line == 2)
  }

  @Test func unterminatedQuote() {
    let e = error("a,b\n1,2\n3,\"open\n4,5\n")
    #expect(e?.line == 3)
    #expect(e?.column == 2)
    #expect(e?.columnName == "b")
    #expect(e?.message.hasPrefix("quoted field is not closed") == true)
  }

  @Test func quoteInsideUnquotedField() {
    let e = error("a,b\n1,ab\"c\n")
    #expect(e?.line == 2)
    #expect(e?.column == 2)
  }

  @Test func textAfterClosingQuote() {
    let e = error("a,b\n\"ab\"c,1\n")
    #expect(e?.line == 2)
    #expect(e?.column == 1)
    #expect(e?.message.contains("after a closing quote") == true)
  }

  @Test func invalidUTF8() {
    let e = error(Array("a,b\n1,2\n3,".utf8) + [0xC3, 0x28] + Array("\n".utf8))
    #expect(e?.description == "m.csv:3: column 2 (b): invalid UTF-8: the file must be UTF-8 text")
    #expect(error(Array("a\n".utf8) + [0xED, 0xA0, 0x80])?.line == 2)  // surrogate
    #expect(error(Array("a\n".utf8) + [0xE2, 0x82])?.line == 2)  // truncated
  }

  @Test func nulByte() {
    #expect(error(Array("a\nx".utf8) + [0] + Array("y\n".utf8))?.message == "NUL byte in the file")
  }
}

@Suite struct CSVNumberTests {
  func number(_ field: String) throws -> Double {
    let d = try CSVReader.parse("v\n\"\(field)\"\n", fileName: "n.csv")
    return try d.double(row: 0, column: 0)
  }

  @Test(arguments: [
    ("12", 12.0), ("-3.5", -3.5), ("+4", 4), ("1e3", 1000), ("2.5E-2", 0.025), (" 7 ", 7), ("0.1", 0.1),
    ("5.", 5), (".5", 0.5),
  ])
  func valid(_ text: String, _ expected: Double) throws {
    #expect(try number(text) == expected)
  }

  @Test(arguments: [
    "", "nan", "NaN", "inf", "-inf", "Infinity", "1,000", "1.2.3", "abc", "0x10", ".", "-", "1e", "1e+",
    "1 000", "1e999",
  ])
  func invalid(_ text: String) {
    #expect(throws: CSVError.self) { try number(text) }
  }

  @Test func errorNamesLineColumnAndText() {
    do {
      let d = try CSVReader.parse(
        "partner_id,period,kpi,value\np1,2026Q1,nps,12,5\n".replacingOccurrences(), fileName: "metrics.csv")
      _ = try d.double(row: 0, column: 3)
      Issue.record("expected an error")
    } catch let e as CSVError {
      #expect(
        e.description
          == "metrics.csv:2: column 4 (value): expected a number (like 1250 or -3.5), found \"abc\"")
    } catch {
      Issue.record("unexpected \(error)")
    }
  }
}

extension String {
  fileprivate func replacingOccurrences() -> String { replacing("12,5", with: "abc") }
}
