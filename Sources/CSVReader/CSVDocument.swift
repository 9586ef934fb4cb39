/// A parsed CSV file: the header and every data field as offsets into the file's bytes.
///
/// Rows and columns are 0-based here; errors report 1-based lines and columns.
/// Accessors trap on a row or column out of range, as array subscripts do.
public struct CSVDocument: Sendable {
  public let fileName: String
  /// Column names, BOM stripped and trimmed of surrounding spaces and tabs.
  public let header: [String]
  /// Physical line of the header row (1 unless blank lines precede it).
  public let headerLine: Int

  /// The file's bytes, as given.
  let bytes: [UInt8]
  /// Unescaped copies of quoted fields that held `""`.
  let unescaped: [UInt8]
  /// Start and end offset of each field, row-major; see `ScannedRecords.bounds`.
  let bounds: [UInt32]
  let rowLines: [UInt32]
  let columnsByName: [String: Int]

  init(fileName: String, bytes: [UInt8], scanned: ScannedRecords) {
    self.fileName = fileName
    self.bytes = bytes
    header = scanned.header
    headerLine = scanned.headerLine
    unescaped = scanned.unescaped
    bounds = scanned.bounds
    rowLines = scanned.rowLines
    var columnsByName: [String: Int] = [:]
    for (index, name) in header.enumerated() { columnsByName[name] = index }
    self.columnsByName = columnsByName
  }

  /// Data records: the header and blank lines excluded.
  public var rowCount: Int { rowLines.count }

  /// Number of columns in the header, and so in every record.
  public var columnCount: Int { header.count }

  /// Physical line (1-based) where data record `row` (0-based) starts.
  public func lineNumber(ofRow row: Int) -> Int { Int(rowLines[row]) }

  /// Physical line where the field starts: the record's line plus the newlines kept
  /// in the quoted fields before it.
  public func lineNumber(ofRow row: Int, column: Int) -> Int {
    var line = lineNumber(ofRow: row)
    for earlier in 0..<column {
      line += withFieldBytes(row: row, column: earlier) { LineCounting.newlines(in: $0) }
    }
    return line
  }

  /// 0-based index of the column with exactly this (trimmed) header name.
  public func columnIndex(named name: String) -> Int? { columnsByName[name] }

  /// Like `columnIndex(named:)`, but a missing column is an error on the header line.
  public func requireColumn(named name: String) throws(CSVError) -> Int {
    if let index = columnsByName[name] { return index }
    throw CSVError(
      file: fileName, line: headerLine, column: nil, columnName: nil,
      message: "missing column \"\(name)\": expected it in the header")
  }

  /// Calls `body` with the field's bytes: unquoted, with `""` reduced to `"`, valid UTF-8.
  public func withFieldBytes<R>(
    row: Int, column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R
  ) rethrows -> R {
    precondition(column >= 0 && column < header.count, "column \(column) out of range")
    let index = 2 * (row * header.count + column)
    let start = Int(bounds[index])
    let end = Int(bounds[index + 1])
    let split = bytes.count
    if start < split {
      return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }
    return try unescaped.withUnsafeBufferPointer {
      try body(UnsafeBufferPointer(rebasing: $0[(start - split)..<(end - split)]))
    }
  }

  /// Like `withFieldBytes`, without surrounding spaces and tabs.
  public func withTrimmedBytes<R>(
    row: Int, column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R
  ) rethrows -> R {
    try withFieldBytes(row: row, column: column) { field in
      var start = 0
      var end = field.count
      while start < end && ByteValue.isBlank(field[start]) { start += 1 }
      while end > start && ByteValue.isBlank(field[end - 1]) { end -= 1 }
      return try body(UnsafeBufferPointer(rebasing: field[start..<end]))
    }
  }

  /// The field's text, exactly as written (quotes removed, `""` reduced to `"`).
  public func string(row: Int, column: Int) -> String {
    withFieldBytes(row: row, column: column) { String(decoding: $0, as: UTF8.self) }
  }

  /// The field's text without surrounding spaces and tabs.
  public func trimmedString(row: Int, column: Int) -> String {
    withTrimmedBytes(row: row, column: column) { String(decoding: $0, as: UTF8.self) }
  }

  /// True when the field is empty or holds only spaces and tabs.
  public func isEmpty(row: Int, column: Int) -> Bool {
    withFieldBytes(row: row, column: column) { field in field.allSatisfy(ByteValue.isBlank) }
  }

  /// Strict decimal number: optional sign, digits, optional '.' fraction, optional exponent
  /// (e/E, sign, digits). Leading/trailing spaces are tolerated and ignored. Rejects empty,
  /// nan, inf, infinity, hex, "1,000", "1.2.3", ".", "-", and values beyond Double's range.
  /// Throws a CSVError naming file, line, column (index+1), column name, and the offending
  /// text (truncated to 40 characters). The value equals Swift's `Double(text)`.
  public func double(row: Int, column: Int) throws(CSVError) -> Double {
    let outcome = withFieldBytes(row: row, column: column) { DecimalNumber.parse($0) }
    switch outcome {
    case .value(let value):
      return value
    case .empty:
      throw error(row: row, column: column, "expected a number, found an empty field")
    case .invalid:
      let shown = FieldText.quoted(string(row: row, column: column))
      throw error(row: row, column: column, "expected a number (like 1250 or -3.5), found \(shown)")
    case .outOfRange:
      let shown = FieldText.quoted(string(row: row, column: column))
      throw error(row: row, column: column, "expected a number within Double's range, found \(shown)")
    }
  }

  /// An error located at data record `row` and, when given, its 0-based `column`
  /// (reported 1-based, with the header name, on the line where that field starts).
  public func error(row: Int, column: Int?, _ message: String) -> CSVError {
    guard let column else {
      return CSVError(
        file: fileName, line: lineNumber(ofRow: row), column: nil, columnName: nil, message: message)
    }
    return CSVError(
      file: fileName, line: lineNumber(ofRow: row, column: column), column: column + 1,
      columnName: header[column], message: message)
  }
}
