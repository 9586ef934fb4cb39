#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A parsed CSV file: the header and every record's fields as byte ranges
/// into one buffer (no per-field allocation while parsing).
public struct CSVDocument: Sendable {
  public let fileName: String
  public let header: [String]
  /// Unescaped field bytes, back to back.
  let storage: [UInt8]
  /// Per field: start and end offsets into `storage`; `header.count` per record.
  let bounds: [Int32]
  /// Per record: the line it starts on.
  let lines: [Int32]

  public var rowCount: Int { lines.count }

  public func lineNumber(ofRow row: Int) -> Int { Int(lines[row]) }

  public func columnIndex(named name: String) -> Int? { header.firstIndex(of: name) }

  private func range(_ row: Int, _ column: Int) -> (Int, Int) {
    let i = (row * header.count + column) * 2
    return (Int(bounds[i]), Int(bounds[i + 1]))
  }

  public func withFieldBytes<R>(
    row: Int, column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R
  ) rethrows -> R {
    let (a, b) = range(row, column)
    return try storage.withUnsafeBufferPointer { buf in
      try body(UnsafeBufferPointer(rebasing: buf[a..<b]))
    }
  }

  public func string(row: Int, column: Int) -> String {
    withFieldBytes(row: row, column: column) { String(decoding: $0, as: UTF8.self) }
  }

  /// The field without surrounding spaces and tabs.
  public func trimmedString(row: Int, column: Int) -> String {
    withTrimmedBytes(row: row, column: column) { String(decoding: $0, as: UTF8.self) }
  }

  /// The field's bytes without surrounding spaces and tabs.
  public func withTrimmedBytes<R>(
    row: Int, column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R
  ) rethrows -> R {
    try withFieldBytes(row: row, column: column) { buf in
      var a = 0
      var b = buf.count
      while a < b && (buf[a] == 32 || buf[a] == 9) { a += 1 }
      while b > a && (buf[b - 1] == 32 || buf[b - 1] == 9) { b -= 1 }
      return try body(UnsafeBufferPointer(rebasing: buf[a..<b]))
    }
  }

  public func isEmpty(row: Int, column: Int) -> Bool {
    let (a, b) = range(row, column)
    return storage[a..<b].allSatisfy { $0 == 32 || $0 == 9 }
  }

  public func error(row: Int, column: Int?, _ message: String) -> CSVError {
    CSVError(
      file: fileName, line: lineNumber(ofRow: row), column: column.map { $0 + 1 },
      columnName: column.map { header[$0] }, message: message)
  }

  /// A strict decimal number: optional sign, digits with an optional
  /// fraction, optional exponent; surrounding spaces ignored. `nan`, `inf`,
  /// empty fields, thousands separators and hex are errors.
  public func double(row: Int, column: Int) throws(CSVError) -> Double {
    let parsed: Double? = withFieldBytes(row: row, column: column) { NumberSyntax.parse($0) }
    guard let parsed else {
      let text = string(row: row, column: column)
      if text.allSatisfy({ $0 == " " || $0 == "\t" }) {
        throw error(row: row, column: column, "expected a number, found an empty field")
      }
      let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
      throw error(row: row, column: column, "expected a number (like 1250 or -3.5), found \"\(shown)\"")
    }
    return parsed
  }
}

/// The number grammar of SPEC section 1, checked by hand, converted by strtod.
enum NumberSyntax {
  static func parse(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
    var a = 0
    var b = field.count
    while a < b && (field[a] == 32 || field[a] == 9) { a += 1 }
    while b > a && (field[b - 1] == 32 || field[b - 1] == 9) { b -= 1 }
    guard a < b, b - a < 64 else { return nil }
    var i = a
    if field[i] == 43 || field[i] == 45 { i += 1 }  // + -
    var digits = 0
    while i < b && field[i] >= 48 && field[i] <= 57 {
      i += 1
      digits += 1
    }
    if i < b && field[i] == 46 {  // .
      i += 1
      var frac = 0
      while i < b && field[i] >= 48 && field[i] <= 57 {
        i += 1
        frac += 1
      }
      digits += frac
    }
    guard digits > 0 else { return nil }
    if i < b && (field[i] == 101 || field[i] == 69) {  // e E
      i += 1
      if i < b && (field[i] == 43 || field[i] == 45) { i += 1 }
      var exp = 0
      while i < b && field[i] >= 48 && field[i] <= 57 {
        i += 1
        exp += 1
      }
      guard exp > 0 else { return nil }
    }
    guard i == b else { return nil }
    // strtod needs a NUL-terminated copy.
    var buf = [CChar](repeating: 0, count: b - a + 1)
    for j in a..<b { buf[j - a] = CChar(bitPattern: field[j]) }
    let v = strtod(buf, nil)
    return v.isFinite ? v : nil
  }
}
