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
