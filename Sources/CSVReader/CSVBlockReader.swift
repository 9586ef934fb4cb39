import Platform

/// Reads a CSV file a block of whole records at a time, so that a file of
/// any size is parsed in bounded memory. Each block is a `CSVDocument` with
/// the file's header and the file's own line numbers; errors name the line
/// as a whole-file parse would. `onBytes` sees every byte of the file once,
/// in order (for its digest).
public final class CSVBlockReader {
  public let fileName: String
  private let file: Platform.ReadingFile
  private let blockSize: Int
  private let onBytes: (UnsafeBufferPointer<UInt8>) -> Void
  /// Bytes read but not yet handed out; they start at a record boundary.
  private var pending: [UInt8] = []
  /// Physical line on which `pending` starts.
  private var line = 1
  private var atEnd = false
  private var started = false
  /// The header record's bytes (without a byte order mark), line end included,
  /// and how many physical lines it spans; nil until the first block.
  private var header: (bytes: [UInt8], lines: Int)?

  public init(
    path: String, fileName: String, blockSize: Int = 8 << 20,
    onBytes: @escaping (UnsafeBufferPointer<UInt8>) -> Void = { _ in }
  ) throws(CSVError) {
    self.fileName = fileName
    self.blockSize = max(64, blockSize)
    self.onBytes = onBytes
    do {
      file = try Platform.ReadingFile(path: path)
    } catch {
      throw CSVError(
        file: fileName, line: 0, column: nil, columnName: nil, message: "cannot read \(path): \(error.reason)"
      )
    }
  }

  /// The next block of records; nil after the last.
  public func next() throws(CSVError) -> CSVDocument? {
    var want = blockSize
    var cut = 0
    while true {
      if !atEnd && pending.count < want { try read(want - pending.count) }
      cut = atEnd ? pending.count : lastBoundary()
      // The first block must hold the whole header; any block at least one record.
      if !started && !atEnd && headerEnd() == nil { cut = 0 }
      if cut > 0 || atEnd { break }
      if pending.count > RecordScanner.maximumRecordBytes {
        throw CSVError(
          file: fileName, line: line, column: nil, columnName: nil,
          message: "the record is longer than 1 MiB: expected one row per line (is a quote left open?)")
      }
      want = pending.count + blockSize  // a record longer than a block: read on
    }
    if cut == 0 && started { return nil }
    let doc: CSVDocument
    if !started {
      // The first block is parsed as a whole file (an empty one is an error).
      started = true
      doc = try CSVReader.parse(Array(pending[0..<cut]), fileName: fileName)
      if let (start, end) = headerEnd() {
        let bytes = Array(pending[start..<end])
        header = (bytes, bytes.withUnsafeBufferPointer { LineCounting.newlines(in: $0) })
      }
    } else if let header {
      doc = try CSVReader.parse(
        header.bytes + pending[0..<cut], fileName: fileName, firstLine: line - header.lines)
    } else {
      return nil  // a header without a line end ends the file
    }
    line += pending.withUnsafeBufferPointer {
      LineCounting.newlines(in: UnsafeBufferPointer(rebasing: $0[0..<cut]))
    }
    pending.removeFirst(cut)
    return doc
  }

  private func read(_ count: Int) throws(CSVError) {
    let before = pending.count
    do {
      atEnd = try !file.append(to: &pending, count: count) || pending.count - before < count
    } catch {
      throw CSVError(
        file: fileName, line: line, column: nil, columnName: nil, message: "cannot read: \(error.reason)")
    }
    pending.withUnsafeBufferPointer { onBytes(UnsafeBufferPointer(rebasing: $0[before...])) }
  }

  /// Where the header record starts (after a byte order mark and blank lines)
  /// and ends (after its line end); nil when `pending` does not hold all of it.
  private func headerEnd() -> (Int, Int)? {
    pending.withUnsafeBufferPointer { p -> (Int, Int)? in
      var i = 0
      if p.count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { i = 3 }
      while i < p.count && (p[i] == ByteValue.lineFeed || p[i] == ByteValue.carriageReturn) { i += 1 }
      guard i < p.count, let end = Self.boundary(p, from: i, first: true, atEnd: atEnd) else { return nil }
      return (i, end)
    }
  }

  /// The offset just after the last whole record in `pending` (0: none yet).
  private func lastBoundary() -> Int {
    pending.withUnsafeBufferPointer { Self.boundary($0, from: 0, first: false, atEnd: atEnd) ?? 0 }
  }

  /// Record ends are line ends outside quotes; `pending` starts at one, so the
  /// quote parity is known from there. A CR that is the last byte read may be
  /// the first half of a CRLF: it ends a record only at the end of the file.
  static func boundary(_ p: UnsafeBufferPointer<UInt8>, from start: Int, first: Bool, atEnd: Bool) -> Int? {
    var quoted = false
    var last: Int? = nil
    var i = start
    while i < p.count {
      let b = p[i]
      if b == ByteValue.quote {
        quoted.toggle()
      } else if !quoted && (b == ByteValue.lineFeed || b == ByteValue.carriageReturn) {
        if b == ByteValue.carriageReturn {
          if i + 1 < p.count {
            if p[i + 1] == ByteValue.lineFeed { i += 1 }
          } else if !atEnd {
            break
          }
        }
        last = i + 1
        if first { return last }
      }
      i += 1
    }
    return last
  }
}
