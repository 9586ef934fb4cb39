import CLibPQ
import Foundation
import TextLayout

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
