import Scoring

/// One import as recorded in the store.
public struct ImportRecord: Sendable, Equatable {
  public struct File: Sendable, Equatable, Codable {
    public var name: String
    public var path: String
    public var sha256: String
  }

  /// Rows per file: added, replaced (value changed) and unchanged.
  public struct Counts: Sendable, Equatable, Codable {
    public var file: String
    public var added: Int
    public var replaced: Int
    public var unchanged: Int
  }

  public var id: Int64
  /// UTC, ISO 8601.
  public var at: String
  public var command: String
  public var files: [File]
  public var counts: [Counts]
  public var undoneAt: String?
  /// What the import rescored (not stored: said once, when it runs).
  public var rescored: KeptScores.Rescored? = nil
  /// The coverage of every quarter the import's rows touched, after it
  /// (not stored: said once, when it runs).
  public var coverage: [QuarterCoverage] = []
  /// The quarter the import reopened (`--reopen`), if any.
  public var reopened: Period? = nil

  public var added: Int { counts.reduce(0) { $0 + $1.added } }
  public var replaced: Int { counts.reduce(0) { $0 + $1.replaced } }
}
