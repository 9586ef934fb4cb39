import GRDB

/// The store's tables, built by GRDB's migrator. Every data table carries
/// the `import_id` that last wrote the row; each has a `*_undo` twin that
/// keeps the rows an import replaced, so `undo-import` can put them back.
enum Schema {
  static var migrator: DatabaseMigrator {
    var m = DatabaseMigrator()
    m.registerMigration("v1") { db in
      try db.execute(
        sql: """
          CREATE TABLE imports (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            command TEXT NOT NULL,
            files TEXT NOT NULL,
            summary TEXT NOT NULL,
            undone_at TEXT
          );
          CREATE TABLE program (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            toml TEXT NOT NULL,
            import_id INTEGER NOT NULL
          );
          CREATE TABLE partners (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, segment TEXT NOT NULL, region TEXT NOT NULL,
            manager TEXT, import_id INTEGER NOT NULL
          ) WITHOUT ROWID;
          CREATE TABLE observations (
            partner_id TEXT NOT NULL, period INTEGER NOT NULL, kpi TEXT NOT NULL,
            value REAL NOT NULL, import_id INTEGER NOT NULL,
            PRIMARY KEY (partner_id, period, kpi)
          ) WITHOUT ROWID;
          CREATE TABLE adjustments (
            partner_id TEXT NOT NULL, period INTEGER NOT NULL, kpi TEXT NOT NULL,
            value REAL NOT NULL, reason TEXT NOT NULL, approved_by TEXT NOT NULL,
            import_id INTEGER NOT NULL,
            PRIMARY KEY (partner_id, period, kpi)
          ) WITHOUT ROWID;
          CREATE TABLE agreements (
            id TEXT PRIMARY KEY, partner_id TEXT NOT NULL, kpi TEXT NOT NULL,
            baseline REAL NOT NULL, target REAL NOT NULL, period INTEGER NOT NULL,
            max_payout REAL NOT NULL, attribution REAL NOT NULL, floor_share REAL NOT NULL,
            import_id INTEGER NOT NULL
          ) WITHOUT ROWID;
          """)
      // The tables of v1 only: a migration never changes once it has run.
      for table in StoreTable.all.prefix(5) {
        try db.execute(
          sql:
            "CREATE TABLE \(table.name)_undo (undo_import_id INTEGER NOT NULL, \(table.columns.joined(separator: ", ")), import_id INTEGER NOT NULL)"
        )
        try db.execute(
          sql: "CREATE INDEX \(table.name)_undo_by_import ON \(table.name)_undo (undo_import_id)")
      }
    }
    m.registerMigration("v2 kept scores") { db in try KeptScores.createTables(db) }
    m.registerMigration("v3 blocked flag") { db in try KeptScores.addBlocked(db) }
    m.registerMigration("v4 rank order") { db in try KeptScores.addRankOrder(db) }
    m.registerMigration("v5 search keys") { db in try KeptScores.addSearchKeys(db) }
    m.registerMigration("v6 first frame") { db in try KeptScores.addFirstFrame(db) }
    m.registerMigration("v7 overview") { db in try KeptScores.addOverview(db) }
    m.registerMigration("v8 trends") { db in try KeptScores.addTrends(db) }
    m.registerMigration("v9 open and closed quarters") { db in try Quarters.migrate(db) }
    m.registerMigration("v10 pilot cohorts") { db in
      // SPEC section 13: who is in which pilot, from which quarter.
      try db.execute(
        sql: """
          CREATE TABLE cohorts (
            partner_id TEXT NOT NULL, cohort TEXT NOT NULL, start INTEGER NOT NULL, import_id INTEGER NOT NULL,
            PRIMARY KEY (partner_id, cohort)
          ) WITHOUT ROWID;
          CREATE TABLE cohorts_undo (
            undo_import_id INTEGER NOT NULL, partner_id, cohort, start, import_id INTEGER NOT NULL
          );
          CREATE INDEX cohorts_undo_by_import ON cohorts_undo (undo_import_id);
          """)
    }
    m.registerMigration("v11 flags record") { db in try KeptScores.addFlags(db) }
    m.registerMigration("v12 pilot reviews") { db in try KeptScores.addPilot(db) }
    m.registerMigration("v13 payout values") { db in try KeptScores.addPayouts(db) }
    return m
  }
}

/// A data table's name, columns (without import_id) and key columns.
struct StoreTable: Sendable {
  let name: String
  let columns: [String]
  let key: [String]

  static let program = StoreTable(name: "program", columns: ["id", "toml"], key: ["id"])
  static let partners = StoreTable(
    name: "partners", columns: ["id", "name", "segment", "region", "manager"], key: ["id"])
  static let observations = StoreTable(
    name: "observations", columns: ["partner_id", "period", "kpi", "value"],
    key: ["partner_id", "period", "kpi"])
  static let adjustments = StoreTable(
    name: "adjustments",
    columns: ["partner_id", "period", "kpi", "value", "reason", "approved_by"],
    key: ["partner_id", "period", "kpi"])
  static let agreements = StoreTable(
    name: "agreements",
    columns: [
      "id", "partner_id", "kpi", "baseline", "target", "period", "max_payout", "attribution",
      "floor_share",
    ], key: ["id"])

  static let cohorts = StoreTable(
    name: "cohorts", columns: ["partner_id", "cohort", "start"], key: ["partner_id", "cohort"])

  static let all = [program, partners, observations, adjustments, agreements, cohorts]
}
