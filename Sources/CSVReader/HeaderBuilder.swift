/// Turns the header record's fields into trimmed, non-empty, unique column names.
enum HeaderBuilder {
  static func names(
    bounds: [UInt32], input: UnsafeBufferPointer<UInt8>, unescaped: [UInt8], line: Int, fileName: String
  ) throws(CSVError) -> [String] {
    var names: [String] = []
    var seen: [String: Int] = [:]
    for column in 0..<bounds.count / 2 {
      let start = Int(bounds[2 * column])
      let end = Int(bounds[2 * column + 1])
      let raw: String
      if start >= input.count {
        raw = String(decoding: unescaped[(start - input.count)..<(end - input.count)], as: UTF8.self)
      } else {
        raw = String(decoding: UnsafeBufferPointer(rebasing: input[start..<end]), as: UTF8.self)
      }
      let name = trimmed(raw)
      if name.isEmpty {
        throw CSVError(
          file: fileName, line: line, column: column + 1, columnName: nil,
          message: "empty column name in the header: expected a name for every column")
      }
      if let first = seen[name] {
        throw CSVError(
          file: fileName, line: line, column: column + 1, columnName: nil,
          message: "column \"\(CSVError.cut(name))\" appears twice in the header (also column \(first + 1)): "
            + "expected unique column names")
      }
      seen[name] = column
      names.append(name)
    }
    return names
  }

  /// `name` without surrounding spaces and tabs.
  static func trimmed(_ name: String) -> String {
    let utf8 = name.utf8
    guard let first = utf8.firstIndex(where: { !ByteValue.isBlank($0) }),
      let last = utf8.lastIndex(where: { !ByteValue.isBlank($0) })
    else { return "" }
    return String(name[first...last])
  }

  static func emptyFileError(_ fileName: String) -> CSVError {
    CSVError(
      file: fileName, line: 1, column: nil, columnName: nil,
      message: "the file is empty: expected a header row")
  }
}
