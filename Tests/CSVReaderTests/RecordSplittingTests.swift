import CSVReader
import Testing

/// How bytes become records and fields: quoting, newlines, blank lines, line numbers.
@Suite struct RecordSplittingTests {
  @Test func byteOrderMarkIsIgnored() throws {
    let document = try CSVReader.parse([0xEF, 0xBB, 0xBF] + Array("id,name\n1,a\n".utf8), fileName: "t.csv")
    #expect(document.header == ["id", "name"])
    #expect(document.columnIndex(named: "id") == 0)
    #expect(allRows(document) == [["1", "a"]])
  }

  @Test func byteOrderMarkOnlyAtTheVeryStart() throws {
    // Elsewhere U+FEFF is ordinary text.
    let document = try parsed("id\n\u{FEFF}x\n")
    #expect(document.string(row: 0, column: 0) == "\u{FEFF}x")
  }

  @Test func quotedCommas() throws {
    let document = try parsed("id,name,city\n1,\"Acme, Inc.\",\",\"\n")
    #expect(allRows(document) == [["1", "Acme, Inc.", ","]])
  }

  @Test func doubledQuotes() throws {
    let document = try parsed("id,name\n1,\"Say \"\"hi\"\"\"\n2,\"\"\"\"\n3,\"\"\n4,\"a\"\"\"\"b\"\n")
    #expect(allRows(document) == [["1", "Say \"hi\""], ["2", "\""], ["3", ""], ["4", "a\"\"b"]])
  }

  @Test func newlinesInsideQuotesAreKeptAndCounted() throws {
    let document = try parsed("id,note\n1,\"two\nlines\"\n2,\"cr\rcrlf\r\nend\"\n3,after\n")
    #expect(allRows(document) == [["1", "two\nlines"], ["2", "cr\rcrlf\r\nend"], ["3", "after"]])
    #expect((0..<3).map(document.lineNumber(ofRow:)) == [2, 4, 7])
  }

  @Test func crlfAndLoneCarriageReturnEndRecords() throws {
    let document = try parsed("a,b\r\n1,2\r\n3,4\r5,6\n7,8")
    #expect(allRows(document) == [["1", "2"], ["3", "4"], ["5", "6"], ["7", "8"]])
    #expect((0..<4).map(document.lineNumber(ofRow:)) == [2, 3, 4, 5])
  }

  @Test func finalNewlineIsOptional() throws {
    #expect(allRows(try parsed("a,b\n1,2")) == [["1", "2"]])
    #expect(allRows(try parsed("a,b\n1,2\n")) == [["1", "2"]])
    #expect(allRows(try parsed("a,b\n1,\"x\"")) == [["1", "x"]])
    #expect(allRows(try parsed("a,b\n1,")) == [["1", ""]])
  }

  @Test func blankLinesAreSkippedButCounted() throws {
    let document = try parsed("a,b\n\n1,2\n\r\n\r3,4\n\n")
    #expect(document.rowCount == 2)
    #expect(document.lineNumber(ofRow: 0) == 3)
    #expect(document.lineNumber(ofRow: 1) == 6)
  }

  @Test func blankLinesBeforeTheHeader() throws {
    let document = try parsed("\n\r\nid,v\n1,2\n")
    #expect(document.header == ["id", "v"])
    #expect(document.headerLine == 3)
    #expect(document.lineNumber(ofRow: 0) == 4)
  }

  @Test func headerOnlyFileHasNoRows() throws {
    #expect(try parsed("a,b").rowCount == 0)
    #expect(try parsed("a,b\r\n\r\n").rowCount == 0)
  }

  @Test func emptyFieldsAnywhere() throws {
    let document = try parsed("a,b,c\n,,\n1,,\n")
    #expect(allRows(document) == [["", "", ""], ["1", "", ""]])
    #expect(document.isEmpty(row: 1, column: 1))
    #expect(!document.isEmpty(row: 1, column: 0))
  }

  @Test func singleColumnFile() throws {
    let document = try parsed("v\n1\n\n\"\"\n2")
    #expect(allRows(document) == [["1"], [""], ["2"]])
    #expect((0..<3).map(document.lineNumber(ofRow:)) == [2, 4, 5])
  }

  @Test func spacesAndTabsInFieldsAreData() throws {
    let document = try parsed("a,b\n x ,\t\n")
    #expect(allRows(document) == [[" x ", "\t"]])
  }

  @Test func unicodeFields() throws {
    let document = try parsed("name\n東京システム株式会社\nRocket 🚀 Cloud\n\"Société, \"\"SA\"\"\"\n")
    #expect(allRows(document).map { $0[0] } == ["東京システム株式会社", "Rocket 🚀 Cloud", "Société, \"SA\""])
  }
}
