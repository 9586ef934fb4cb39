import CSVReader
import Testing

/// Every parse error, with its exact line, column and description.
@Suite struct ParseErrorTests {
  @Test func emptyFile() throws {
    let error = try #require(parseError(""))
    #expect(
      error
        == CSVError(
          file: "m.csv", line: 1, column: nil, columnName: nil,
          message: "the file is empty: expected a header row"))
    #expect(error.description == "m.csv:1: the file is empty: expected a header row")
    #expect(
      parseError([0xEF, 0xBB, 0xBF])?.description == "m.csv:1: the file is empty: expected a header row")
  }

  @Test func onlyBlankLines() throws {
    let error = try #require(parseError("\n\r\n\r\n"))
    #expect(error.line == 1)
    #expect(error.column == nil)
    #expect(error.description == "m.csv:1: the file has only blank lines: expected a header row")
  }

  @Test func emptyHeaderName() throws {
    let error = try #require(parseError("a,,c\n1,2,3\n"))
    #expect(error.line == 1)
    #expect(error.column == 2)
    #expect(error.columnName == nil)
    #expect(
      error.description
        == "m.csv:1: column 2: empty column name in the header: expected a name for every column")
    #expect(parseError(" \t,b\n")?.column == 1)  // empty once trimmed
    #expect(parseError("a,\"\"\n")?.column == 2)
    #expect(parseError("a,b,\n")?.column == 3)
    #expect(parseError("\n\na,,c\n")?.line == 3)
  }

  @Test func repeatedHeaderName() throws {
    let error = try #require(parseError("a,b,a\n1,2,3\n"))
    #expect(error.line == 1)
    #expect(error.column == 3)
    #expect(
      error.description
        == "m.csv:1: column 3: column \"a\" appears twice in the header (also column 1): expected unique column names"
    )
    let trimmed = try #require(parseError("id, kpi ,value,kpi\n"))
    #expect(trimmed.column == 4)
    #expect(trimmed.message.hasPrefix("column \"kpi\" appears twice in the header (also column 2)"))
  }

  @Test func tooManyFields() throws {
    let error = try #require(parseError("a,b\n1,2\n1,2,3\n4,5\n"))
    #expect(
      error
        == CSVError(
          file: "m.csv", line: 3, column: nil, columnName: nil,
          message: "expected 2 fields as in the header, found 3"))
    #expect(error.description == "m.csv:3: expected 2 fields as in the header, found 3")
  }

  @Test func tooFewFields() throws {
    #expect(
      parseError("a,b,c,d\n1,2,3,4\n\n1,2,3\n")?.description
        == "m.csv:4: expected 4 fields as in the header, found 3")
    #expect(parseError("a,b\n1")?.description == "m.csv:2: expected 2 fields as in the header, found 1")
    // The record's first line, after a quoted newline in an earlier record.
    #expect(parseError("a,b\n\"x\ny\",2\n3\n")?.line == 4)
    // A record spanning lines is reported where it starts.
    #expect(parseError("a,b\n1,2\n\"x\ny\"\n")?.line == 3)
    // A line of spaces is a record, not a blank line.
    #expect(
      parseError("a,b\n1,2\n  \n")?.description == "m.csv:3: expected 2 fields as in the header, found 1")
  }

  @Test func unterminatedQuotedField() throws {
    let error = try #require(parseError("a,b\n1,2\n3,\"open\n4,5\n"))
    #expect(error.line == 3)
    #expect(error.column == 2)
    #expect(error.columnName == "b")
    #expect(
      error.description
        == "m.csv:3: column 2 (b): quoted field is not closed: expected a closing quote before the end of the file"
    )
    #expect(
      parseError("\"a,b\n1,2\n")?.description
        == "m.csv:1: column 1: quoted field is not closed: expected a closing quote before the end of the file"
    )
    #expect(parseError("a,b\n1,\"")?.line == 2)
    // A doubled quote at the end does not close the field.
    #expect(parseError("a,b\n1,\"x\"\"\n")?.column == 2)
  }

  @Test func quoteInsideUnquotedField() throws {
    let error = try #require(parseError("a,b\n1,ab\"c\n"))
    #expect(error.line == 2)
    #expect(error.column == 2)
    #expect(error.columnName == "b")
    #expect(
      error.description
        == "m.csv:2: column 2 (b): unexpected quote inside an unquoted field: expected the whole field in quotes, with inner quotes doubled"
    )
    #expect(parseError("a,b\n1, \"x\"\n")?.column == 2)  // a space before the quote
    #expect(parseError("a,b\"\n")?.column == 2)  // in the header
  }

  @Test func textAfterClosingQuote() throws {
    let error = try #require(parseError("a,b\n\"ab\"c,1\n"))
    #expect(error.line == 2)
    #expect(error.column == 1)
    #expect(error.columnName == "a")
    #expect(
      error.description
        == "m.csv:2: column 1 (a): found 'c' after a closing quote: expected a comma or the end of the line")
    #expect(
      parseError("a,b\n1,\"x\" \n")?.message
        == "found a space after a closing quote: expected a comma or the end of the line")
    #expect(parseError("a,b\n1,\"x\"\"\"é\n")?.message.hasPrefix("found 'é' after a closing quote") == true)
    // The line of the stray character, after a newline inside the quotes.
    let later = try #require(parseError("a,b\n1,\"x\ny\"z\n"))
    #expect(later.line == 3)
    #expect(later.column == 2)
  }

  @Test func invalidUTF8() throws {
    let error = try #require(parseError(Array("a,b\n1,2\n3,".utf8) + [0xC3, 0x28] + Array("\n".utf8)))
    #expect(error.line == 3)
    #expect(error.column == 2)
    #expect(error.description == "m.csv:3: column 2 (b): invalid UTF-8: the file must be UTF-8 text")
    #expect(
      parseError([0xFF] + Array(",b\n".utf8))?.description
        == "m.csv:1: column 1: invalid UTF-8: the file must be UTF-8 text")
    // Inside a quoted field, on the line of the bad byte.
    let quoted = try #require(parseError(Array("a,b\n1,\"x\n".utf8) + [0x80] + Array("\"\n".utf8)))
    #expect(quoted.line == 3)
    #expect(quoted.column == 2)
    #expect(quoted.columnName == "b")
  }

  @Test func nulByte() throws {
    let error = try #require(parseError(Array("a\nx".utf8) + [0] + Array("y\n".utf8)))
    #expect(error.line == 2)
    #expect(error.column == 1)
    #expect(
      error.description == "m.csv:2: column 1 (a): NUL byte in the file: expected text without NUL bytes")
    #expect(parseError(Array("a,b\n1,\"\n".utf8) + [0] + Array("\"\n".utf8))?.line == 3)
    #expect(parseError([0] + Array("\n".utf8))?.column == 1)
  }

  @Test func errorsInExtraFieldsHaveNoColumnName() throws {
    let error = try #require(parseError("a,b\n1,2,x\"y\n"))
    #expect(error.column == 3)
    #expect(error.columnName == nil)
  }
}
