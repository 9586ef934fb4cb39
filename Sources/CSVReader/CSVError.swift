/// A problem in a CSV file, located by file, physical line and column.
///
/// `description` reads `metrics.csv:14: column 4 (value): expected a number, found "12,5"`,
/// or `metrics.csv:3: expected 4 fields as in the header, found 5` when `column` is nil,
/// or `metrics.csv: cannot read …` when `line` is 0 (the file as a whole).
public struct CSVError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Display name given by the caller, e.g. "metrics.csv".
  public let file: String
  /// 1-based physical line (the header is line 1; newlines inside quoted fields count).
  /// 0 when the error concerns the file as a whole (it could not be read).
  public let line: Int
  /// 1-based field index, nil when the error concerns the whole line or file.
  public let column: Int?
  /// Header name of `column` when known.
  public let columnName: String?
  /// What was wrong and what was expected.
  public let message: String

  public init(file: String, line: Int, column: Int?, columnName: String?, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.columnName = columnName
    self.message = message
  }

  public var description: String {
    var text = file
    if line > 0 { text += ":\(line)" }
    text += ": "
    if let column {
      text += "column \(column)"
      if let columnName { text += " (\(CSVError.cut(columnName)))" }
      text += ": "
    }
    return text + message
  }

  /// A name or value from the file as a message quotes it: at most 60
  /// characters (a header name can be a megabyte long).
  static func cut(_ s: String) -> String { s.count > 60 ? s.prefix(60) + "…" : s }
}
