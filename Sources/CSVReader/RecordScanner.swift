/// The single pass over the bytes: splits records and fields, checks quoting, UTF-8 and NUL,
/// counts physical lines, and records every data field as (start, end) offsets.
/// No String is created except for the header names.
enum RecordScanner {
  /// Offsets are stored as UInt32 and unescaped copies live above the input's size,
  /// so the input may be at most half of UInt32's range (2 GiB).
  static let maximumInputSize = Int(UInt32.max / 2)

  /// One record (a row, its line ends included) is at most 1 MiB, and a
  /// header names at most 1,024 columns: a longer line is an error at once,
  /// so that a file of one 200 MB line cannot ask for gigabytes.
  public static let maximumRecordBytes = 1 << 20
  public static let maximumFields = 1024

  /// Records seen before `bounds` and `rowLines` are sized from the average record length.
  static let sampleRecords = 1024

  /// `firstLine`: the physical line the buffer starts on (a block of a
  /// longer file, see `CSVBlockReader`).
  static func scan(_ buffer: UnsafeBufferPointer<UInt8>, fileName: String, firstLine: Int = 1)
    throws(CSVError)
    -> ScannedRecords
  {
    let end = buffer.count
    guard end <= maximumInputSize else {
      throw CSVError(
        file: fileName, line: 0, column: nil, columnName: nil,
        message: "the file is too large (\(end) bytes): expected at most \(maximumInputSize) bytes")
    }
    guard let p = buffer.baseAddress, end > 0 else { throw HeaderBuilder.emptyFileError(fileName) }

    var i = 0
    if end >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { i = 3 }  // byte order mark
    if i == end { throw HeaderBuilder.emptyFileError(fileName) }

    var line = firstLine
    var header: [String] = []
    var headerLine = 0
    var columns = 0  // 0 until the header has been read
    var bounds: [UInt32] = []
    var unescaped: [UInt8] = []
    var rowLines: [UInt32] = []
    var dataStart = 0

    while i < end {
      var byte = p[i]
      // A blank line: zero bytes between record ends. Skipped, but counted.
      if byte == ByteValue.lineFeed {
        line += 1
        i += 1
        continue
      }
      if byte == ByteValue.carriageReturn {
        line += 1
        i += 1
        if i < end && p[i] == ByteValue.lineFeed { i += 1 }
        continue
      }

      let recordLine = line
      let recordStart = i
      var column = 0  // 0-based index of the field being read
      fields: while true {
        if i < end && p[i] == ByteValue.quote {
          let openLine = line
          i += 1
          var segment = i  // start of the bytes not yet copied
          var copyStart = -1  // where this field starts in `unescaped`, once it needs a copy
          while true {
            guard i < end else {
              throw located(
                fileName, openLine, column, header,
                "quoted field is not closed: expected a closing quote before the end of the file")
            }
            byte = p[i]
            if byte == ByteValue.quote {
              guard i + 1 < end && p[i + 1] == ByteValue.quote else { break }
              // "" stands for one quote: copy up to and including the first of the pair.
              if copyStart < 0 { copyStart = unescaped.count }
              unescaped.append(contentsOf: UnsafeBufferPointer(start: p + segment, count: i + 1 - segment))
              i += 2
              segment = i
              continue
            }
            if byte >= 0x80 {
              let length = UTF8Validation.sequenceLength(p, at: i, end: end)
              if length == 0 { throw invalidUTF8(fileName, line, column, header) }
              i += length
              continue
            }
            i += 1
            if byte == ByteValue.lineFeed {
              line += 1
            } else if byte == ByteValue.carriageReturn {
              line += 1
              if i < end && p[i] == ByteValue.lineFeed { i += 1 }
            } else if byte == ByteValue.nul {
              throw nulByte(fileName, line, column, header)
            }
          }
          if copyStart < 0 {
            bounds.append(UInt32(truncatingIfNeeded: segment))
            bounds.append(UInt32(truncatingIfNeeded: i))
          } else {
            unescaped.append(contentsOf: UnsafeBufferPointer(start: p + segment, count: i - segment))
            bounds.append(UInt32(truncatingIfNeeded: end + copyStart))
            bounds.append(UInt32(truncatingIfNeeded: end + unescaped.count))
          }
          i += 1  // the closing quote
          if i < end {
            byte = p[i]
            if byte != ByteValue.comma && byte != ByteValue.lineFeed && byte != ByteValue.carriageReturn {
              throw located(
                fileName, line, column, header,
                "found \(FieldText.describe(byte: p, at: i, end: end)) after a closing quote: "
                  + "expected a comma or the end of the line")
            }
          }
        } else {
          let start = i
          while i < end {
            byte = p[i]
            // Fast path: printable ASCII other than the quote and the comma.
            if byte > ByteValue.quote && byte < 0x80 && byte != ByteValue.comma {
              i += 1
              continue
            }
            if byte == ByteValue.comma || byte == ByteValue.lineFeed || byte == ByteValue.carriageReturn {
              break
            }
            if byte >= 0x80 {
              let length = UTF8Validation.sequenceLength(p, at: i, end: end)
              if length == 0 { throw invalidUTF8(fileName, line, column, header) }
              i += length
              continue
            }
            if byte == ByteValue.quote {
              throw located(
                fileName, line, column, header,
                "unexpected quote inside an unquoted field: "
                  + "expected the whole field in quotes, with inner quotes doubled")
            }
            if byte == ByteValue.nul { throw nulByte(fileName, line, column, header) }
            i += 1  // space, '!', tab and other control characters are plain data
          }
          bounds.append(UInt32(truncatingIfNeeded: start))
          bounds.append(UInt32(truncatingIfNeeded: i))
        }
        // Here p[i] is a comma, CR or LF, or i == end.
        if i - recordStart > maximumRecordBytes {
          throw CSVError(
            file: fileName, line: recordLine, column: nil, columnName: nil,
            message: "the record is longer than 1 MiB: expected one row per line (is a quote left open?)")
        }
        if i < end && p[i] == ByteValue.comma {
          i += 1
          column += 1
          if column >= maximumFields {
            throw CSVError(
              file: fileName, line: recordLine, column: nil, columnName: nil,
              message: columns > 0
                ? "expected \(columns) fields as in the header, found more than \(maximumFields)"
                : "the header has more than \(maximumFields) columns")
          }
          continue fields
        }
        break
      }

      // The record ends at a newline (LF, CRLF or a lone CR) or at the end of the file.
      if i < end {
        byte = p[i]
        i += 1
        line += 1
        if byte == ByteValue.carriageReturn && i < end && p[i] == ByteValue.lineFeed { i += 1 }
      }

      let fieldCount = column + 1
      if columns == 0 {
        header = try HeaderBuilder.names(
          bounds: bounds, input: buffer, unescaped: unescaped, line: recordLine, fileName: fileName)
        headerLine = recordLine
        columns = fieldCount
        bounds.removeAll(keepingCapacity: true)
        unescaped.removeAll(keepingCapacity: true)
        dataStart = i
        continue
      }
      guard fieldCount == columns else {
        throw CSVError(
          file: fileName, line: recordLine, column: nil, columnName: nil,
          message: "expected \(columns) fields as in the header, found \(fieldCount)")
      }
      rowLines.append(UInt32(truncatingIfNeeded: recordLine))
      if rowLines.count == sampleRecords {
        // Size the arrays once from the average record length so far, with 10% to spare.
        let perRecord = max(1, (i - dataStart) / sampleRecords)
        let expected = (end - dataStart) / perRecord * 11 / 10 + 16
        rowLines.reserveCapacity(expected)
        bounds.reserveCapacity(expected * columns * 2)
      }
    }

    guard columns > 0 else {
      throw CSVError(
        file: fileName, line: 1, column: nil, columnName: nil,
        message: "the file has only blank lines: expected a header row")
    }
    return ScannedRecords(
      header: header, headerLine: headerLine, bounds: bounds, unescaped: unescaped, rowLines: rowLines)
  }

  /// An error at `column` (0-based) of the record being read; data records name the column.
  static func located(
    _ fileName: String, _ line: Int, _ column: Int, _ header: [String], _ message: String
  ) -> CSVError {
    CSVError(
      file: fileName, line: line, column: column + 1,
      columnName: column < header.count ? header[column] : nil, message: message)
  }

  static func invalidUTF8(_ fileName: String, _ line: Int, _ column: Int, _ header: [String]) -> CSVError {
    located(fileName, line, column, header, "invalid UTF-8: the file must be UTF-8 text")
  }

  static func nulByte(_ fileName: String, _ line: Int, _ column: Int, _ header: [String]) -> CSVError {
    located(fileName, line, column, header, "NUL byte in the file: expected text without NUL bytes")
  }
}
