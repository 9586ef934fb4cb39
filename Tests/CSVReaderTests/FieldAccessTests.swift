import CSVReader
import Testing

/// Reading fields back: bytes, strings, trimming, emptiness, caller-built errors.
@Suite struct FieldAccessTests {
  @Test func withFieldBytesGivesUnescapedBytes() throws {
    let document = try parsed("a,b\nplain,\"q\"\"uote\"\n")
    #expect(document.withFieldBytes(row: 0, column: 0) { Array($0) } == Array("plain".utf8))
    #expect(document.withFieldBytes(row: 0, column: 1) { Array($0) } == Array("q\"uote".utf8))
    #expect(document.withFieldBytes(row: 0, column: 1) { $0.count } == 6)
  }

  @Test func trimmedAccessors() throws {
    let document = try parsed("a,b\n \tx y\t ,\" z \"\n")
    #expect(document.trimmedString(row: 0, column: 0) == "x y")
    #expect(document.trimmedString(row: 0, column: 1) == "z")
    #expect(document.string(row: 0, column: 1) == " z ")
    #expect(document.withTrimmedBytes(row: 0, column: 0) { $0.count } == 3)
  }

  @Test func isEmptyMeansNothingButBlanks() throws {
    let document = try parsed("a,b,c,d\n,\"\", \t ,x\n")
    #expect(document.isEmpty(row: 0, column: 0))
    #expect(document.isEmpty(row: 0, column: 1))
    #expect(document.isEmpty(row: 0, column: 2))
    #expect(!document.isEmpty(row: 0, column: 3))
  }

  @Test func callerErrorsAreLocated() throws {
    let document = try CSVReader.parse("id,kpi\n\n1,nps\n2,\"bad\nkpi\"\n", fileName: "metrics.csv")
    #expect(
      document.error(row: 0, column: 1, "unknown kpi").description
        == "metrics.csv:3: column 2 (kpi): unknown kpi")
    #expect(
      document.error(row: 1, column: nil, "duplicate row").description == "metrics.csv:4: duplicate row")
    #expect(
      document.error(row: 1, column: 0, "x")
        == CSVError(file: "metrics.csv", line: 4, column: 1, columnName: "id", message: "x"))
    #expect(document.lineNumber(ofRow: 1, column: 1) == 4)
  }

  @Test func manyRowsWithEscapesKeepTheirOwnText() throws {
    var text = "id,name\n"
    for i in 0..<500 { text += i % 2 == 0 ? "\(i),\"n\"\"\(i)\"\n" : "\(i),plain\(i)\n" }
    let document = try parsed(text)
    #expect(document.rowCount == 500)
    for i in 0..<500 {
      #expect(document.string(row: i, column: 1) == (i % 2 == 0 ? "n\"\(i)" : "plain\(i)"))
      #expect(document.lineNumber(ofRow: i) == i + 2)
    }
  }

  @Test func parseTextAndBytesAgree() throws {
    let text = "a,b\r\n\"x,y\",\"1\n2\"\r\n"
    let fromText = try parsed(text)
    let fromBytes = try CSVReader.parse(Array(text.utf8), fileName: "m.csv")
    #expect(allRows(fromText) == allRows(fromBytes))
    #expect(fromText.fileName == "m.csv")
  }
}
