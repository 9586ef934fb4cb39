import Platform

/// Entry points: parse bytes or text already in memory, or read a file.
///
/// The format is strict RFC 4180 over UTF-8: comma separated, the first non-blank record is
/// the header, quoted fields may hold commas, `""` and newlines, records end with LF, CRLF
/// or a lone CR, the final newline is optional, and blank lines are skipped (but counted).
public enum CSVReader {
  public static func parse(_ bytes: [UInt8], fileName: String, firstLine: Int = 1) throws(CSVError)
    -> CSVDocument
  {
    let scanned = try bytes.withUnsafeBufferPointer { buffer throws(CSVError) in
      try RecordScanner.scan(buffer, fileName: fileName, firstLine: firstLine)
    }
    return CSVDocument(fileName: fileName, bytes: bytes, scanned: scanned)
  }

  public static func parse(_ text: String, fileName: String) throws(CSVError) -> CSVDocument {
    try parse(Array(text.utf8), fileName: fileName)
  }

  /// Reads and parses the file at `path`. `fileName` (for messages) defaults to the last
  /// path component. A file that cannot be read is a CSVError at line 0 with the OS reason.
  public static func read(path: String, fileName: String? = nil) throws(CSVError) -> CSVDocument {
    let name = fileName ?? (path.split(separator: "/").last.map(String.init) ?? path)
    let bytes: [UInt8]
    do {
      bytes = try Platform.readFile(path)
    } catch {
      throw CSVError(
        file: name, line: 0, column: nil, columnName: nil,
        message: "cannot read \(path): \(error.reason)")
    }
    return try parse(bytes, fileName: name)
  }
}
