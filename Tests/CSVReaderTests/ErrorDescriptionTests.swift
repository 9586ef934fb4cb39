import CSVReader
import Testing

/// CSVError's description in each of its shapes.
@Suite struct ErrorDescriptionTests {
  @Test func withColumnAndName() {
    let error = CSVError(
      file: "metrics.csv", line: 14, column: 4, columnName: "value",
      message: "expected a number, found \"12,5\"")
    #expect(error.description == "metrics.csv:14: column 4 (value): expected a number, found \"12,5\"")
  }

  @Test func withColumnOnly() {
    let error = CSVError(file: "m.csv", line: 1, column: 2, columnName: nil, message: "oops")
    #expect(error.description == "m.csv:1: column 2: oops")
  }

  @Test func wholeLine() {
    let error = CSVError(
      file: "metrics.csv", line: 3, column: nil, columnName: nil,
      message: "expected 4 fields as in the header, found 5")
    #expect(error.description == "metrics.csv:3: expected 4 fields as in the header, found 5")
  }

  @Test func wholeFile() {
    let error = CSVError(
      file: "m.csv", line: 0, column: nil, columnName: nil, message: "cannot read m.csv: gone")
    #expect(error.description == "m.csv: cannot read m.csv: gone")
    #expect("\(error)" == error.description)
  }
}
