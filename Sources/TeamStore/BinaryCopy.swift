import CLibPQ
import Foundation
import PartnerStore

/// Rows in COPY's binary format (PostgreSQL's documentation, "Binary
/// Format"): a header, then per row a field count and each field's length
/// and bytes (big-endian numbers; text as its UTF-8 bytes, nothing escaped),
/// then -1. Sent to the server about 1 MB at a time.
public final class BinaryCopyWriter {
  /// About 1 MB of rows, sent when full; a field longer than the room left
  /// goes out on its own.
  let capacity = 1 << 20
  let buffer: UnsafeMutableRawPointer
  var used = 0
  let send: (UnsafeRawBufferPointer) throws -> Void

  init(send: @escaping (UnsafeRawBufferPointer) throws -> Void) {
    self.send = send
    buffer = .allocate(byteCount: capacity, alignment: 8)
    let header: [UInt8] = Array("PGCOPY\n".utf8) + [0xFF, 0x0D, 0x0A, 0x00] + [0, 0, 0, 0] + [0, 0, 0, 0]
    header.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
    used = header.count
  }

  deinit { buffer.deallocate() }

  func flush() throws {
    guard used > 0 else { return }
    try send(UnsafeRawBufferPointer(start: buffer, count: used))
    used = 0
  }

  /// Room for `n` more bytes (the buffer sent first when it has not).
  @inline(__always) func reserve(_ n: Int) throws {
    if used + n > capacity { try flush() }
  }

  @inline(__always) func integer<T: FixedWidthInteger>(_ v: T) {
    buffer.storeBytes(of: v.bigEndian, toByteOffset: used, as: T.self)
    used += MemoryLayout<T>.size
  }

  public func row(fields: Int) throws {
    try reserve(2 + fields * 12)
    integer(Int16(fields))
  }
  public func null() { integer(Int32(-1)) }
  public func int64(_ v: Int64) {
    integer(Int32(8))
    integer(v)
  }
  public func double(_ v: Double) {
    integer(Int32(8))
    integer(v.bitPattern)
  }
  public func bytes(_ b: UnsafeRawBufferPointer) throws {
    // `row` left room for the length; the bytes may need a send first.
    integer(Int32(b.count))
    guard b.count > 0 else { return }
    if used + b.count > capacity {
      try flush()
      if b.count > capacity {
        try send(b)
        return
      }
    }
    (buffer + used).copyMemory(from: b.baseAddress!, byteCount: b.count)
    used += b.count
  }

  func finish() throws {
    try reserve(2)
    integer(Int16(-1))
    try flush()
  }
}

/// One row of a binary COPY from the server: each field's bytes in place
/// (nil for NULL), valid until the next row.
public struct BinaryCopyRow {
  public let fields: [UnsafeRawBufferPointer?]

  public func int64(_ i: Int) -> Int64? {
    guard let f = fields[i], f.count == 8 else { return nil }
    return Int64(bigEndian: f.loadUnaligned(as: Int64.self))
  }
  public func double(_ i: Int) -> Double? {
    guard let f = fields[i], f.count == 8 else { return nil }
    return Double(bitPattern: UInt64(bigEndian: f.loadUnaligned(as: UInt64.self)))
  }
}

extension PGConnection {
  /// `COPY table (columns) FROM STDIN` in the binary format, the rows
  /// written by `produce`.
  public func copyBinary(
    into table: String, columns: [String], _ produce: (BinaryCopyWriter) throws -> Void
  ) throws {
    try beginCopy(
      "COPY \(table) (\(columns.joined(separator: ", "))) FROM STDIN WITH (FORMAT binary)", PGRES_COPY_IN)
    let handle = self.handle
    let url = self.url
    let writer = BinaryCopyWriter { bytes in
      let sent = PQputCopyData(
        handle, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count))
      guard sent == 1 else { throw TeamStoreError("\(url.shown): \(Self.firstLine(PQerrorMessage(handle)))") }
    }
    var failure: Error?
    do {
      try produce(writer)
      try writer.finish()
    } catch {
      failure = error
    }
    // A failure ends the COPY as failed (the server rolls its rows back).
    guard PQputCopyEnd(handle, failure == nil ? nil : "the rows could not be read") == 1 else {
      throw TeamStoreError("\(url.shown): \(Self.firstLine(PQerrorMessage(handle)))")
    }
    try endCopy(failure)
  }

  /// `COPY (query) TO STDOUT` in the binary format: each row to `body`.
  public func copyBinaryOut(_ query: String, _ body: (BinaryCopyRow) throws -> Void) throws {
    try beginCopy("COPY (\(query)) TO STDOUT WITH (FORMAT binary)", PGRES_COPY_OUT)
    var failure: Error?
    var headerRead = false
    var fields: [UnsafeRawBufferPointer?] = []
    while true {
      var buffer: UnsafeMutablePointer<CChar>? = nil
      let count = PQgetCopyData(handle, &buffer, 0)
      if count < 0 { break }
      guard let buffer else { continue }
      defer { PQfreemem(buffer) }
      // A row that fails stops the caller's work, but the COPY is read to
      // its end so that the connection stays usable.
      guard failure == nil else { continue }
      var bytes = UnsafeRawBufferPointer(start: buffer, count: Int(count))
      do {
        if !headerRead {
          // "PGCOPY\n\377\r\n\0", flags, then a header extension of its given length.
          guard bytes.count >= 19 else { throw TeamStoreError("\(url.shown): a damaged COPY header") }
          let extra = Int(UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: 15, as: UInt32.self)))
          bytes = UnsafeRawBufferPointer(rebasing: bytes[min(bytes.count, 19 + extra)...])
          headerRead = true
          if bytes.isEmpty { continue }
        }
        try Self.binaryRow(bytes, into: &fields)
        if fields.isEmpty { continue }  // the trailer
        try body(BinaryCopyRow(fields: fields))
      } catch {
        failure = error
      }
    }
    try endCopy(failure)
  }

  /// Starts a COPY; the server must answer `ready`.
  func beginCopy(_ sql: String, _ ready: ExecStatusType) throws(TeamStoreError) {
    let start = PQexec(handle, sql)
    let started = start.map { PQresultStatus($0) == ready } ?? false
    let why = start.map { Self.firstLine(PQresultErrorMessage($0)) } ?? Self.firstLine(PQerrorMessage(handle))
    PQclear(start)
    guard started else { throw TeamStoreError("\(url.shown): \(why)") }
  }

  /// The COPY's own result, then the end of results: the caller's
  /// `failure` first, else the server's.
  func endCopy(_ failure: Error?) throws {
    var serverFailure: String?
    while let result = PQgetResult(handle) {
      if PQresultStatus(result) != PGRES_COMMAND_OK {
        serverFailure = Self.firstLine(PQresultErrorMessage(result))
      }
      PQclear(result)
    }
    if let failure { throw failure }
    if let serverFailure { throw TeamStoreError("\(url.shown): \(serverFailure)") }
  }

  /// One binary row's fields (empty for the trailer, -1).
  static func binaryRow(_ bytes: UnsafeRawBufferPointer, into fields: inout [UnsafeRawBufferPointer?]) throws
  {
    fields.removeAll(keepingCapacity: true)
    guard bytes.count >= 2 else { throw TeamStoreError("a damaged COPY row") }
    let n = Int16(bigEndian: bytes.loadUnaligned(as: Int16.self))
    if n < 0 { return }
    var at = 2
    for _ in 0..<n {
      guard at + 4 <= bytes.count else { throw TeamStoreError("a damaged COPY row") }
      let length = Int(Int32(bigEndian: bytes.loadUnaligned(fromByteOffset: at, as: Int32.self)))
      at += 4
      if length < 0 {
        fields.append(nil)
        continue
      }
      guard at + length <= bytes.count else { throw TeamStoreError("a damaged COPY row") }
      fields.append(UnsafeRawBufferPointer(rebasing: bytes[at..<(at + length)]))
      at += length
    }
  }
}

extension BinaryCopyWriter {
  /// One row of values, each as its own kind.
  public func values(_ row: [StoreMirror.Value]) throws {
    try self.row(fields: row.count)
    for v in row {
      switch v {
      case .null: null()
      case .integer(let x): int64(x)
      case .real(let x): double(x)
      case .text(let x): try Array(x.utf8).withUnsafeBytes { try bytes($0) }
      case .blob(let x): try x.withUnsafeBytes { try bytes($0) }
      }
    }
  }
}
