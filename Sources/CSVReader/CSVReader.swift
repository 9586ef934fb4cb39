#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// RFC 4180 reader (SPEC section 1): UTF-8 with an optional BOM, comma
/// separated, a header row, quoted fields holding commas, "" and newlines,
/// records ended by LF, CRLF or CR. Blank lines are skipped but counted.
public enum CSVReader {
  public static func parse(_ text: String, fileName: String) throws(CSVError) -> CSVDocument {
    try parse(Array(text.utf8), fileName: fileName)
  }

  public static func read(path: String, fileName: String? = nil) throws(CSVError) -> CSVDocument {
    let name = fileName ?? String(path.split(separator: "/").last ?? Substring(path))
    guard let f = fopen(path, "rb") else {
      throw CSVError(
        file: name, line: 0, column: nil, columnName: nil,
        message: "cannot read \(path): \(String(cString: strerror(errno)))")
    }
    defer { fclose(f) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = fread(&chunk, 1, chunk.count, f)
      if n <= 0 { break }
      bytes.append(contentsOf: chunk[0..<n])
    }
    return try parse(bytes, fileName: name)
  }

  public static func parse(_ bytes: [UInt8], fileName: String) throws(CSVError) -> CSVDocument {
    var parser = Parser(fileName: fileName)
    try bytes.withUnsafeBufferPointer { (buf) throws(CSVError) in try parser.run(buf) }
    return parser.document()
  }
}

private struct Parser {
  let fileName: String
  var storage: [UInt8] = []
  var bounds: [Int32] = []
  var lines: [Int32] = []
  var header: [String] = []
  var columns = -1

  // The record being read.
  var recordFields: [(Int32, Int32)] = []
  var recordLine = 1
  var line = 1

  init(fileName: String) { self.fileName = fileName }

  func fail(_ line: Int, _ column: Int?, _ message: String) -> CSVError {
    CSVError(
      file: fileName, line: line, column: column,
      columnName: column.flatMap { $0 - 1 < header.count ? header[$0 - 1] : nil }, message: message)
  }

  mutating func run(_ buf: UnsafeBufferPointer<UInt8>) throws(CSVError) {
    var i = 0
    let n = buf.count
    if n >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF { i = 3 }
    storage.reserveCapacity(n)
    var atRecordStart = true
    while i < n {
      if atRecordStart {
        // A blank line: skip it, count it.
        if buf[i] == 10 || buf[i] == 13 {
          if buf[i] == 13 && i + 1 < n && buf[i + 1] == 10 { i += 1 }
          i += 1
          line += 1
          continue
        }
        recordLine = line
        atRecordStart = false
      }
      let column = recordFields.count + 1
      let start = Int32(storage.count)
      if buf[i] == 34 {  // quoted field
        let openLine = line
        i += 1
        var closed = false
        while i < n {
          let c = buf[i]
          if c == 34 {
            if i + 1 < n && buf[i + 1] == 34 {
              storage.append(34)
              i += 2
              continue
            }
            i += 1
            closed = true
            break
          }
          if c == 10 || (c == 13 && !(i + 1 < n && buf[i + 1] == 10)) { line += 1 }
          if c == 0 { throw fail(line, column, "NUL byte in the file") }
          storage.append(c)
          i += 1
        }
        if !closed {
          throw fail(openLine, column, "quoted field is not closed (a \" opened here has no closing \")")
        }
        if i < n && buf[i] != 44 && buf[i] != 10 && buf[i] != 13 {
          throw fail(
            line, column,
            "unexpected character after a closing quote: expected a comma or the end of the line")
        }
      } else {
        while i < n {
          let c = buf[i]
          if c == 44 || c == 10 || c == 13 { break }
          if c == 34 {
            throw fail(
              line, column,
              "a quote inside an unquoted field: quote the whole field and double the inner quotes (\"\")")
          }
          if c == 0 { throw fail(line, column, "NUL byte in the file") }
          storage.append(c)
          i += 1
        }
      }
      let end = Int32(storage.count)
      if !validUTF8(storage, Int(start), Int(end)) {
        throw fail(line, column, "invalid UTF-8: the file must be UTF-8 text")
      }
      recordFields.append((start, end))
      if i < n && buf[i] == 44 {
        i += 1
        if i == n { recordFields.append((Int32(storage.count), Int32(storage.count))) }
        continue
      }
      // End of record.
      try finishRecord()
      atRecordStart = true
      if i < n {
        if buf[i] == 13 && i + 1 < n && buf[i + 1] == 10 { i += 1 }
        i += 1
        line += 1
      }
    }
    if !recordFields.isEmpty { try finishRecord() }
    if columns < 0 { throw fail(1, nil, "the file is empty: expected a header row") }
  }

  mutating func finishRecord() throws(CSVError) {
    defer { recordFields.removeAll(keepingCapacity: true) }
    if columns < 0 {
      var seen: [String: Int] = [:]
      for (k, (a, b)) in recordFields.enumerated() {
        let name = trim(String(decoding: storage[Int(a)..<Int(b)], as: UTF8.self))
        if name.isEmpty { throw fail(recordLine, k + 1, "empty column name in the header") }
        if let first = seen[name] {
          throw fail(
            recordLine, k + 1, "column \"\(name)\" appears twice in the header (also column \(first))")
        }
        seen[name] = k + 1
        header.append(name)
      }
      columns = header.count
      storage.removeAll(keepingCapacity: true)
      return
    }
    guard recordFields.count == columns else {
      throw fail(
        recordLine, nil,
        "expected \(columns) field\(columns == 1 ? "" : "s") as in the header, found \(recordFields.count)")
    }
    for (a, b) in recordFields {
      bounds.append(a)
      bounds.append(b)
    }
    lines.append(Int32(recordLine))
  }

  func document() -> CSVDocument {
    CSVDocument(fileName: fileName, header: header, storage: storage, bounds: bounds, lines: lines)
  }
}

private func trim(_ s: String) -> String {
  var t = Substring(s)
  while let f = t.first, f == " " || f == "\t" { t.removeFirst() }
  while let l = t.last, l == " " || l == "\t" { t.removeLast() }
  return String(t)
}

/// UTF-8 validity of bytes[a..<b]; ASCII runs are skipped quickly.
private func validUTF8(_ bytes: [UInt8], _ a: Int, _ b: Int) -> Bool {
  var i = a
  while i < b {
    let c = bytes[i]
    if c < 0x80 {
      i += 1
      continue
    }
    var need = 0
    var min: UInt32 = 0
    var cp: UInt32
    if c & 0xE0 == 0xC0 {
      need = 1
      min = 0x80
      cp = UInt32(c & 0x1F)
    } else if c & 0xF0 == 0xE0 {
      need = 2
      min = 0x800
      cp = UInt32(c & 0x0F)
    } else if c & 0xF8 == 0xF0 {
      need = 3
      min = 0x10000
      cp = UInt32(c & 0x07)
    } else {
      return false
    }
    for j in 1...need {
      guard i + j < b else { return false }
      let cc = bytes[i + j]
      guard cc & 0xC0 == 0x80 else { return false }
      cp = cp << 6 | UInt32(cc & 0x3F)
    }
    guard cp >= min, cp <= 0x10FFFF, !(0xD800...0xDFFF).contains(cp) else { return false }
    i += need + 1
  }
  return true
}
