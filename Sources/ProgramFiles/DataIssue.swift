import TextLayout

/// One problem found in a data file: where it is and what was expected.
/// Every user-facing error of the data formats is one of these.
public struct DataIssue: Error, Equatable, Sendable, CustomStringConvertible {
  public enum Severity: String, Sendable { case error, warning }

  public var severity: Severity
  public var file: String
  /// 1-based line; nil when the problem concerns the whole file.
  public var line: Int?
  /// 1-based column (CSV: the field number; TOML: the character column).
  public var column: Int?
  /// CSV: the column's header name; TOML: the key path, e.g. `kpi[2].weight`.
  public var key: String?
  public var message: String

  public init(
    _ severity: Severity = .error, file: String, line: Int? = nil, column: Int? = nil,
    key: String? = nil, message: String
  ) {
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.key = key
    self.message = message
  }

  /// `metrics.csv:14: column 4 (value): expected a number, found "abc"` or
  /// `program.toml:23: kpi[2].weight: must be >= 0, found -1`.
  public var description: String {
    var s = file
    if let line { s += ":\(line)" }
    if let column, file.hasSuffix(".toml") { s += ":\(column)" }
    s += ": "
    if severity == .warning { s += "warning: " }
    if let column, !file.hasSuffix(".toml") {
      s += "column \(column)"
      if let key { s += " (\(key))" }
      s += ": "
    } else if let key {
      s += "\(key): "
    }
    // Keys and messages quote data (a column name, "unknown partner ..."):
    // the whole line is one field, with no raw control character.
    return Sanitizer.field(s + message)
  }
}

/// Several issues at once: what `validate` prints and what a failed import throws.
public struct DataIssues: Error, Sendable, CustomStringConvertible {
  public var issues: [DataIssue]
  public init(_ issues: [DataIssue]) { self.issues = issues }
  public var errors: [DataIssue] { issues.filter { $0.severity == .error } }
  public var description: String { issues.map(\.description).joined(separator: "\n") }
}
