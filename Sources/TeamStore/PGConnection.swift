import CLibPQ
import Foundation
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
    _ = try? execute("SET client_min_messages = warning; SET extra_float_digits = 3; SET TIME ZONE 'UTC'")
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
  public func transaction<T>(_ body: () throws -> T) throws -> T {
    try execute("BEGIN")
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
  public func copy(into table: String, columns: [String], rows: some Sequence<[String?]>)
    throws(TeamStoreError)
  {
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
    for row in rows {
      for (i, value) in row.enumerated() {
        if i > 0 { chunk += "\t" }
        if let value { Self.escape(value, into: &chunk) } else { chunk += "\\N" }
      }
      chunk += "\n"
      if chunk.utf8.count >= 1 << 20 { try flush() }
    }
    try flush()
    guard PQputCopyEnd(handle, nil) == 1 else {
      throw TeamStoreError("\(url.shown): \(Self.firstLine(PQerrorMessage(handle)))")
    }
    // The COPY's own result, then the end of results.
    var failure: String?
    while let result = PQgetResult(handle) {
      if PQresultStatus(result) != PGRES_COMMAND_OK { failure = Self.firstLine(PQresultErrorMessage(result)) }
      PQclear(result)
    }
    if let failure { throw TeamStoreError("\(url.shown): \(failure)") }
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
