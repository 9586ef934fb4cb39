import PartnerStore

/// The team store's tables, in the `partnerboard` schema of a PostgreSQL
/// database (docs/team-store.md lists them): the SQLite store's tables, of
/// the same names and columns, and `meta` (the schema's version, the store
/// layout's, and the generation every write changes).
enum TeamSchema {
  /// The version this partnerboard writes and reads; a database of a newer
  /// one is refused (its tables may mean something else). Version 1 (one
  /// release, the data tables only) is rebuilt by `init --force`.
  static let version = 2

  static let meta = """
    CREATE SCHEMA IF NOT EXISTS partnerboard;
    CREATE TABLE IF NOT EXISTS partnerboard.meta (key text PRIMARY KEY, value text NOT NULL);
    """

  static func type(_ kind: StoreMirror.Kind) -> String {
    switch kind {
    case .integer: "bigint"
    case .real: "double precision"
    // Byte order, as SQLite compares: the same key order on both.
    case .text: "text COLLATE \"C\""
    case .blob: "bytea"
    }
  }

  static func create(_ table: StoreMirror.Table) -> String {
    var columns = zip(table.columns, table.kinds).map { "\($0) \(type($1))" }
    if !table.key.isEmpty { columns.append("PRIMARY KEY (\(table.key.joined(separator: ", ")))") }
    var sql = "CREATE TABLE partnerboard.\(table.name) (\(columns.joined(separator: ", ")));"
    // A book's rows are found by partner (row-level security reads them so).
    if table.columns.contains("partner_id") && table.key.first != "partner_id" {
      sql += " CREATE INDEX ON partnerboard.\(table.name) (partner_id);"
    }
    return sql
  }
}
