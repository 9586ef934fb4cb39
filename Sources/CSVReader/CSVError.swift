/// A CSV problem located by file, line and column.
public struct CSVError: Error, Equatable, Sendable, CustomStringConvertible {
  public let file: String
  /// 1-based physical line (the header is line 1); 0 when the file could not be read.
  public let line: Int
  /// 1-based field number; nil when the problem concerns the whole line or file.
  public let column: Int?
  public let columnName: String?
  public let message: String

  public init(file: String, line: Int, column: Int?, columnName: String?, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.columnName = columnName
    self.message = message
  }

  /// `metrics.csv:14: column 4 (value): expected a number, found "12,5"`.
  public var description: String {
    var s = file
    if line > 0 { s += ":\(line)" }
    s += ": "
    if let column {
      s += "column \(column)"
      if let columnName { s += " (\(columnName))" }
      s += ": "
    }
    return s + message
  }
}
