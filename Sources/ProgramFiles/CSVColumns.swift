import CSVReader
import Scoring
import TextLayout

/// The columns one data file needs, looked up by header name (any order,
/// extra columns ignored), and typed field readers that record located issues.
struct CSVColumns {
  let doc: CSVDocument
  var issues: [DataIssue] = []
  private var indices: [String: Int] = [:]

  /// Nil when a required column is missing (the issue is recorded).
  init?(_ doc: CSVDocument, required: [String], optional: [String] = [], issues: inout [DataIssue]) {
    self.doc = doc
    var missing: [String] = []
    for name in required {
      if let i = doc.columnIndex(named: name) { indices[name] = i } else { missing.append(name) }
    }
    for name in optional { if let i = doc.columnIndex(named: name) { indices[name] = i } }
    if !missing.isEmpty {
      issues.append(
        DataIssue(
          file: doc.fileName, line: 1,
          message:
            "missing column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", ")) (the header must name \(required.joined(separator: ",")); found \(doc.header.joined(separator: ",")))"
        ))
      return nil
    }
  }

  func has(_ name: String) -> Bool { indices[name] != nil }

  /// A column resolved once, for loops over a million rows.
  struct Column {
    let name: String
    let index: Int?
  }

  func column(_ name: String) -> Column { Column(name: name, index: indices[name]) }

  mutating func issue(_ row: Int, _ name: String?, _ message: String) {
    issue(row, name.map(column), message)
  }

  mutating func issue(_ row: Int, _ col: Column?, _ message: String) {
    let name = col?.name
    let column = col?.index
    issues.append(
      DataIssue(
        file: doc.fileName, line: doc.lineNumber(ofRow: row), column: column.map { $0 + 1 },
        key: name, message: message))
  }

  /// A required non-empty text field (surrounding spaces trimmed).
  mutating func text(_ row: Int, _ name: String) -> String? { text(row, column(name)) }

  mutating func text(_ row: Int, _ col: Column) -> String? {
    let s = optionalText(row, col)
    if s == nil { issue(row, col, "expected a value, found an empty field") }
    return s
  }

  /// A key (an id, a region): required text in NFC (`TextKeys.id`), so
  /// ids that differ only in Unicode normalisation are one id.
  mutating func id(_ row: Int, _ name: String) -> String? { id(row, column(name)) }

  mutating func id(_ row: Int, _ col: Column) -> String? { text(row, col).map(TextKeys.id) }

  mutating func optionalText(_ row: Int, _ name: String) -> String? { optionalText(row, column(name)) }

  mutating func optionalText(_ row: Int, _ col: Column) -> String? {
    guard let c = col.index else { return nil }
    let s = doc.trimmedString(row: row, column: c)
    return s.isEmpty ? nil : s
  }

  mutating func number(_ row: Int, _ name: String) -> Double? { number(row, column(name)) }

  mutating func number(_ row: Int, _ col: Column) -> Double? {
    guard let c = col.index else { return nil }
    do {
      let x = try doc.double(row: row, column: c)
      guard NumberLimits.magnitude.contains(x) else {
        issue(row, col, NumberLimits.outOfRange(String(doc.trimmedString(row: row, column: c).prefix(40))))
        return nil
      }
      return x
    } catch {
      issues.append(DataIssue(csv: error))
      return nil
    }
  }

  /// An optional number: an empty field (or absent column) gives `default`.
  mutating func number(_ row: Int, _ name: String, default value: Double) -> Double? {
    guard let c = indices[name], !doc.isEmpty(row: row, column: c) else { return value }
    return number(row, name)
  }

  mutating func period(_ row: Int, _ name: String) -> Period? { period(row, column(name)) }

  mutating func period(_ row: Int, _ col: Column) -> Period? {
    if let c = col.index, let p = doc.withTrimmedBytes(row: row, column: c, { Period(utf8: $0) }) {
      return p
    }
    guard let text = text(row, col) else { return nil }
    guard let p = Period(text) else {
      issue(row, col, "expected a quarter written YYYYQn (e.g. 2026Q3), found \"\(text.prefix(40))\"")
      return nil
    }
    return p
  }
}

extension DataIssue {
  init(csv e: CSVError) {
    self.init(
      file: e.file, line: e.line > 0 ? e.line : nil, column: e.column, key: e.columnName, message: e.message)
  }
}
