import CLibPQ
import Foundation
import PartnerStore
import TextLayout

/// Why the team store cannot be used, in one line for the user (names and
/// server text sanitised; a password is never repeated).
public struct TeamStoreError: Error, CustomStringConvertible, Equatable, Sendable {
  public let description: String
  public init(_ description: String) { self.description = description }
}

/// A `postgres://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=...]` address, as
/// libpq takes it; checked for its shape before any connection, and
/// written back without its password.
public struct PostgresURL: Sendable, Equatable {
  public let text: String

  /// Whether `text` asks for the team store (else it is a SQLite file's path).
  public static func isPostgres(_ text: String) -> Bool {
    text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
  }

  public init(_ text: String) throws(TeamStoreError) {
    guard Self.isPostgres(text), let url = URLComponents(string: text) else {
      throw TeamStoreError(
        "\(Self.redacted(text)): expected postgres://USER@HOST[:PORT]/DATABASE")
    }
    guard
      url.host.map({ !$0.isEmpty }) ?? false || url.queryItems?.contains(where: { $0.name == "host" }) == true
    else {
      throw TeamStoreError("\(Self.redacted(text)): no host (postgres://USER@HOST[:PORT]/DATABASE)")
    }
    let path = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
    guard !path.isEmpty, !path.contains("/") else {
      throw TeamStoreError("\(Self.redacted(text)): no database name (postgres://USER@HOST[:PORT]/DATABASE)")
    }
    self.text = text
  }

  /// The database's name, and the login when the address names one.
  public var database: String { URLComponents(string: text).map { String($0.path.dropFirst()) } ?? "" }
  public var user: String? { URLComponents(string: text)?.user }

  /// The address as it may be shown: the password, if any, as "***".
  public var shown: String { Self.redacted(text) }

  static func redacted(_ text: String) -> String {
    guard var url = URLComponents(string: text), url.password != nil else { return Sanitizer.field(text) }
    url.password = "***"
    return Sanitizer.field(url.string ?? text)
  }
}

/// One connection to PostgreSQL through libpq: statements with text
/// parameters, rows as text. Not shared between threads.
public final class PGConnection {
  let handle: OpaquePointer
  public let url: PostgresURL

  public init(_ url: PostgresURL) throws(TeamStoreError) {
    self.url = url
    guard let conn = PQconnectdb(url.text) else {
      throw TeamStoreError("\(url.shown): cannot connect (out of memory)")
    }
    guard PQstatus(conn) == CONNECTION_OK else {
      let why = Self.firstLine(PQerrorMessage(conn))
      PQfinish(conn)
      throw TeamStoreError("\(url.shown): cannot connect: \(why)")
    }
    handle = conn
    // Messages in one language, numbers written the same way on every server.
    _ = try? execute("SET client_min_messages = error; SET extra_float_digits = 3; SET TIME ZONE 'UTC'")
  }

  deinit { PQfinish(handle) }

  /// The first line of a libpq or server message, sanitised.
  static func firstLine(_ message: UnsafePointer<CChar>?) -> String {
    guard let message else { return "unknown error" }
    let text = String(cString: message)
    let line = text.split(separator: "\n").first.map(String.init) ?? text
    return Sanitizer.field(line.trimmingCharacters(in: .whitespaces))
  }

  /// Runs `sql` (one statement with `$1`.. parameters, or several without);
  /// the rows of a query as text (nil for NULL).
  @discardableResult
  public func execute(_ sql: String, _ parameters: [String?] = []) throws(TeamStoreError) -> [[String?]] {
    let result: OpaquePointer?
    if parameters.isEmpty {
      result = PQexec(handle, sql)
    } else {
      // Each parameter as a C string kept alive for the call.
      var copies = parameters.map { $0.map { strdup($0) } ?? nil }
      defer { for c in copies { free(c) } }
      result = copies.withUnsafeMutableBufferPointer { buffer -> OpaquePointer? in
        buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) {
          PQexecParams(handle, sql, Int32(parameters.count), nil, $0, nil, nil, 0)
        }
      }
    }
    guard let result else { throw TeamStoreError("\(url.shown): \(Self.firstLine(PQerrorMessage(handle)))") }
    defer { PQclear(result) }
    switch PQresultStatus(result) {
    case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY: return []
    case PGRES_TUPLES_OK:
      let rows = PQntuples(result)
      let columns = PQnfields(result)
      var out: [[String?]] = []
      out.reserveCapacity(Int(rows))
      for r in 0..<rows {
        var row: [String?] = []
        row.reserveCapacity(Int(columns))
        for c in 0..<columns {
          row.append(PQgetisnull(result, r, c) == 1 ? nil : String(cString: PQgetvalue(result, r, c)))
        }
        out.append(row)
      }
      return out
    default:
      throw TeamStoreError("\(url.shown): \(Self.firstLine(PQresultErrorMessage(result)))")
    }
  }

  /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
  public func transaction<T>(begin: String = "BEGIN", _ body: () throws -> T) throws -> T {
    try execute(begin)
    do {
      let value = try body()
      try execute("COMMIT")
      return value
    } catch {
      _ = try? execute("ROLLBACK")
      throw error
    }
  }
}

extension PGConnection {
  /// Writes `rows` into `table` with one `COPY ... FROM STDIN` (text
  /// format: every value escaped, nil as NULL), in chunks of about 1 MB.
  public func copy(into table: String, columns: [String], rows: some Sequence<[String?]>) throws {
    try copy(into: table, columns: columns) { write in
      for row in rows { try write(row) }
    }
  }

  /// `COPY ... FROM STDIN` of the rows `produce` gives to its `write`.
  public func copy(
    into table: String, columns: [String], _ produce: (_ write: ([String?]) throws -> Void) throws -> Void
  ) throws {
    let start = PQexec(handle, "COPY \(table) (\(columns.joined(separator: ", "))) FROM STDIN")
    let ready = start.map { PQresultStatus($0) == PGRES_COPY_IN } ?? false
    let why = start.map { Self.firstLine(PQresultErrorMessage($0)) } ?? Self.firstLine(PQerrorMessage(handle))
    PQclear(start)
    guard ready else { throw TeamStoreError("\(url.shown): \(why)") }
    var chunk = ""
    chunk.reserveCapacity(1 << 20)
    func flush() throws(TeamStoreError) {
      guard !chunk.isEmpty else { return }
      let sent = chunk.withCString { PQputCopyData(handle, $0, Int32(strlen($0))) }
      chunk.removeAll(keepingCapacity: true)
      guard sent == 1 else { throw TeamStoreError("\(url.shown): \(Self.firstLine(PQerrorMessage(handle)))") }
    }
    var failure: Error?
    do {
      try produce { row in
        for (i, value) in row.enumerated() {
          if i > 0 { chunk += "\t" }
          if let value { Self.escape(value, into: &chunk) } else { chunk += "\\N" }
        }
        chunk += "\n"
        if chunk.utf8.count >= 1 << 20 { try flush() }
      }
      try flush()
    } catch {
      failure = error
    }
    // A failure ends the COPY as failed (the server rolls its rows back).
    guard PQputCopyEnd(handle, failure == nil ? nil : "the rows could not be read") == 1 else {
      throw TeamStoreError("\(url.shown): \(Self.firstLine(PQerrorMessage(handle)))")
    }
    // The COPY's own result, then the end of results.
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

  /// COPY's text format: backslash, tab, newline and carriage return escaped.
  static func escape(_ value: String, into out: inout String) {
    guard value.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
      out += value
      return
    }
    for c in value.unicodeScalars {
      switch c {
      case "\\": out += "\\\\"
      case "\t": out += "\\t"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      default: out.unicodeScalars.append(c)
      }
    }
  }
}

extension PGConnection {
  /// Runs `COPY (query) TO STDOUT` and gives each row's fields (text
  /// format, unescaped; nil for NULL) to `body`, one row at a time.
  public func copyOut(_ query: String, _ body: ([String?]) throws -> Void) throws {
    let start = PQexec(handle, "COPY (\(query)) TO STDOUT")
    let ready = start.map { PQresultStatus($0) == PGRES_COPY_OUT } ?? false
    let why = start.map { Self.firstLine(PQresultErrorMessage($0)) } ?? Self.firstLine(PQerrorMessage(handle))
    PQclear(start)
    guard ready else { throw TeamStoreError("\(url.shown): \(why)") }
    var fields: [String?] = []
    var failure: Error?
    while true {
      var buffer: UnsafeMutablePointer<CChar>? = nil
      let count = PQgetCopyData(handle, &buffer, 0)
      if count < 0 { break }
      guard let buffer else { continue }
      defer { PQfreemem(buffer) }
      // A row that fails stops the caller's work, but the COPY is read to
      // its end so that the connection stays usable.
      guard failure == nil else { continue }
      let bytes = UnsafeRawBufferPointer(start: buffer, count: Int(count))
      Self.fields(of: bytes, into: &fields)
      do { try body(fields) } catch { failure = error }
    }
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

  /// One line of COPY's text format (ending in a newline) as its fields:
  /// tab-separated, `\N` for NULL, backslash escapes undone.
  static func fields(of line: UnsafeRawBufferPointer, into fields: inout [String?]) {
    fields.removeAll(keepingCapacity: true)
    var end = line.count
    if end > 0 && line[end - 1] == 0x0A { end -= 1 }
    var field: [UInt8] = []
    var escaped = false
    var i = 0
    func finish() {
      fields.append(
        escaped && field == [0x5C, 0x4E] ? nil : String(decoding: unescape(field), as: UTF8.self))
      field.removeAll(keepingCapacity: true)
      escaped = false
    }
    while i < end {
      let b = line[i]
      if b == 0x09 {
        finish()
      } else {
        if b == 0x5C { escaped = true }
        field.append(b)
      }
      i += 1
    }
    finish()
  }

  /// COPY's backslash sequences: \b \f \n \r \t \v, octal \ooo, hex \xhh,
  /// and a backslash before any other byte standing for that byte.
  static func unescape(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.contains(0x5C) else { return bytes }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    func digit(_ b: UInt8, radix: Int) -> UInt8? {
      guard let v = Int(String(UnicodeScalar(b)), radix: radix) else { return nil }
      return UInt8(v)
    }
    while i < bytes.count {
      let b = bytes[i]
      guard b == 0x5C, i + 1 < bytes.count else {
        out.append(b)
        i += 1
        continue
      }
      let n = bytes[i + 1]
      i += 2
      switch n {
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "v"): out.append(0x0B)
      case UInt8(ascii: "x"):
        var v: UInt8 = 0
        var taken = 0
        while taken < 2, i < bytes.count, let d = digit(bytes[i], radix: 16) {
          v = v &* 16 &+ d
          i += 1
          taken += 1
        }
        out.append(taken == 0 ? n : v)
      case UInt8(ascii: "0")...UInt8(ascii: "7"):
        var v = n - 0x30
        var taken = 1
        while taken < 3, i < bytes.count, let d = digit(bytes[i], radix: 8) {
          v = v &* 8 &+ d
          i += 1
          taken += 1
        }
        out.append(v)
      default: out.append(n)
      }
    }
    return out
  }
}

extension PGConnection {
  /// Waits up to `timeout` seconds for a notification on a channel this
  /// connection LISTENs to: its payload, or nil when none came.
  public func notification(timeout: Double) throws(TeamStoreError) -> String? {
    if let n = nextNotification() { return n }
    var fd = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
    _ = poll(&fd, 1, Int32(timeout * 1000))
    guard PQconsumeInput(handle) == 1 else {
      throw TeamStoreError("\(url.shown): \(Self.firstLine(PQerrorMessage(handle)))")
    }
    return nextNotification()
  }

  func nextNotification() -> String? {
    guard let n = PQnotifies(handle) else { return nil }
    defer { PQfreemem(n) }
    return String(cString: n.pointee.extra)
  }
}

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
    let start = PQexec(
      handle, "COPY \(table) (\(columns.joined(separator: ", "))) FROM STDIN WITH (FORMAT binary)")
    let ready = start.map { PQresultStatus($0) == PGRES_COPY_IN } ?? false
    let why = start.map { Self.firstLine(PQresultErrorMessage($0)) } ?? Self.firstLine(PQerrorMessage(handle))
    PQclear(start)
    guard ready else { throw TeamStoreError("\(url.shown): \(why)") }
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
    guard PQputCopyEnd(handle, failure == nil ? nil : "the rows could not be read") == 1 else {
      throw TeamStoreError("\(url.shown): \(Self.firstLine(PQerrorMessage(handle)))")
    }
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

  /// `COPY (query) TO STDOUT` in the binary format: each row to `body`.
  public func copyBinaryOut(_ query: String, _ body: (BinaryCopyRow) throws -> Void) throws {
    let start = PQexec(handle, "COPY (\(query)) TO STDOUT WITH (FORMAT binary)")
    let ready = start.map { PQresultStatus($0) == PGRES_COPY_OUT } ?? false
    let why = start.map { Self.firstLine(PQresultErrorMessage($0)) } ?? Self.firstLine(PQerrorMessage(handle))
    PQclear(start)
    guard ready else { throw TeamStoreError("\(url.shown): \(why)") }
    var failure: Error?
    var headerRead = false
    var fields: [UnsafeRawBufferPointer?] = []
    while true {
      var buffer: UnsafeMutablePointer<CChar>? = nil
      let count = PQgetCopyData(handle, &buffer, 0)
      if count < 0 { break }
      guard let buffer else { continue }
      defer { PQfreemem(buffer) }
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
