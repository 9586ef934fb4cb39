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

  /// The table without its keys: they are built once its rows are in
  /// (`keys`), which is much faster than keeping them up row by row.
  static func create(_ table: StoreMirror.Table) -> String {
    let columns = zip(table.columns, table.kinds).map { "\($0) \(type($1))" }
    return "CREATE TABLE partnerboard.\(table.name) (\(columns.joined(separator: ", ")));"
  }

  /// The primary key, and an index by partner where the key does not start
  /// with it (a book's rows are found by partner: row-level security reads
  /// them so).
  static func keys(_ table: StoreMirror.Table) -> String {
    var sql = ""
    if !table.key.isEmpty {
      sql +=
        "ALTER TABLE partnerboard.\(table.name) ADD CONSTRAINT \(table.name)_pkey PRIMARY KEY (\(table.key.joined(separator: ", ")));"
    }
    if table.columns.contains("partner_id") && table.key.first != "partner_id" {
      sql += " CREATE INDEX \(table.name)_by_partner ON partnerboard.\(table.name) (partner_id);"
    }
    return sql
  }

  /// How a write's transaction builds keys: on one core (the other is
  /// `init`'s, building and scoring meanwhile), sorting in the default
  /// memory (at 100,000 partners the observations' key built in 256 MB
  /// took longer than in 64 MB, which merges sorted runs).
  static let keyBuilding =
    "SET LOCAL maintenance_work_mem = '64MB'; SET LOCAL max_parallel_maintenance_workers = 0"

  /// The keys `keys` builds, dropped before a table is filled anew.
  static func dropKeys(_ table: StoreMirror.Table) -> String {
    "ALTER TABLE partnerboard.\(table.name) DROP CONSTRAINT IF EXISTS \(table.name)_pkey;"
      + " DROP INDEX IF EXISTS partnerboard.\(table.name)_by_partner;"
  }
}
