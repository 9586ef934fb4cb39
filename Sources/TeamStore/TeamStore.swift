import Foundation
import PartnerStore
import Platform
import TextLayout

/// The store on PostgreSQL (a team's: one program, many managers): the
/// SQLite store's tables, row for row, in the `partnerboard` schema, the
/// kept scores and the import log with the data.
///
/// Every command works on a local copy of it (`TeamReplica`), read with the
/// same code as a SQLite store, so both give the same numbers by
/// construction. A write changes a copy and sends what changed (or, for
/// `init` and in doubt, every table) in one
/// transaction, under an advisory lock, with a new generation and a NOTIFY.
public final class TeamStore {
  public let connection: PGConnection

  init(_ connection: PGConnection) { self.connection = connection }

  /// Connects and checks the schema: one clear error for a database
  /// without it and for one a newer partnerboard made.
  public static func open(_ url: PostgresURL) throws -> TeamStore {
    let store = TeamStore(try PGConnection(url))
    guard try store.exists() else {
      throw TeamStoreError(
        "\(url.shown): no partnerboard store in this database (create one with `partnerboard init --from DIR --db URL`)"
      )
    }
    try store.checkVersion()
    return store
  }

  func exists() throws -> Bool {
    try connection.execute("SELECT to_regclass('partnerboard.meta') IS NOT NULL").first?.first == "t"
  }

  func meta(_ key: String) throws -> String? {
    try connection.execute("SELECT value FROM partnerboard.meta WHERE key = $1", [key]).first?.first ?? nil
  }

  func checkVersion() throws {
    let url = connection.url
    guard let v = try meta("schema_version").flatMap({ Int($0) }) else {
      throw TeamStoreError(
        "\(url.shown): the partnerboard schema has no version: not a store this program made")
    }
    guard v <= TeamSchema.version, (try meta("layout").flatMap { Int($0) } ?? 0) <= StoreMirror.layoutVersion
    else {
      throw TeamStoreError(
        "\(url.shown): made by a newer partnerboard (schema \(v); this one reads up to \(TeamSchema.version)): update partnerboard"
      )
    }
    guard v == TeamSchema.version else {
      throw TeamStoreError(
        "\(url.shown): made by an earlier partnerboard (schema \(v), without kept scores): rebuild it with `partnerboard init --from DIR --db URL --force`"
      )
    }
  }

  /// A number that changes whenever the store is written (an open
  /// dashboard, and every local copy, reads it to know it is current).
  public func generation() throws -> Int64 {
    try meta("generation").flatMap { Int64($0) } ?? 0
  }

  // MARK: - One writer at a time

  /// The advisory lock every write holds: a second writer waits for it.
  static let lockKey = 0x7061_7274_6E65_72  // "partner"

  /// Takes the write lock for this session; when another session holds it,
  /// says so through `waiting` (who, since when) and waits.
  func lock(waiting: (String) -> Void) throws {
    if try connection.execute("SELECT pg_try_advisory_lock(\(Self.lockKey))").first?.first == "t" { return }
    let holder = try connection.execute(
      """
      SELECT a.application_name, to_char(a.xact_start, 'HH24:MI:SS'), a.usename
      FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.objid = \(Self.lockKey & 0xFFFF_FFFF)
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
      """
    ).first
    // Any session may name itself anything: shown through the sanitiser.
    let who = [holder?[0] ?? nil, holder?[2] ?? nil].compactMap { $0 }.filter { !$0.isEmpty }.map {
      Sanitizer.field($0)
    }
    waiting(
      "another write to \(connection.url.shown) is under way"
        + (who.isEmpty ? "" : " (\(who.joined(separator: " by ")))")
        + ": waiting for it to finish (Ctrl-C gives up, nothing written)")
    try connection.execute("SELECT pg_advisory_lock(\(Self.lockKey))")
  }

  func unlock() { _ = try? connection.execute("SELECT pg_advisory_unlock(\(Self.lockKey))") }

  // MARK: - Copying

  /// Puts every table of `store` into the team store (inside the caller's
  /// transaction): tables made anew when the layout changed, else emptied
  /// and filled with COPY; `progress` is told each table and how many are
  /// left. Returns the new generation.
  func push(from store: PartnerStore, progress: ((String) -> Void)? = nil) throws -> Int64 {
    let layout = try StoreMirror.layout()
    try prepare(layout)
    try copyTables(layout, from: store, progress: progress)
    return try newGeneration(layout, kept: .whole)
  }

  /// Every table of `layout` emptied and without keys, ready for `copyWhole`
  /// (inside the caller's transaction): made anew when the layout changed.
  func prepare(_ layout: [StoreMirror.Table]) throws {
    let c = connection
    // Made once, by the store's creator (an owner may not create schemas).
    if try !exists() { try c.execute(TeamSchema.meta) }
    let same =
      try meta("schema_version") == String(TeamSchema.version)
      && meta("layout") == String(StoreMirror.layoutVersion)
    try c.execute(TeamSchema.keyBuilding)
    if same {
      try c.execute("TRUNCATE " + layout.map { "partnerboard.\($0.name)" }.joined(separator: ", "))
      for table in layout { try c.execute(TeamSchema.dropKeys(table)) }
    } else {
      // Version 1's tables (and any a later layout dropped) go with the old
      // layout; `meta` and the logins' grants (`access`) stay.
      let old = try c.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'partnerboard' AND tablename NOT IN ('meta', 'access', 'kept_log')"
      )
      for row in old { try c.execute("DROP TABLE partnerboard.\(row[0] ?? "") CASCADE") }
      for table in layout { try c.execute(TeamSchema.create(table)) }
    }
  }

  /// `copyWhole` for every table of `layout` but those `skipping` names
  /// (sent already).
  func copyTables(
    _ layout: [StoreMirror.Table], from store: PartnerStore, skipping: Set<String> = [],
    progress: ((String) -> Void)? = nil
  ) throws {
    for (i, table) in layout.enumerated() where !skipping.contains(table.name) {
      progress?("\(table.name) (table \(i + 1) of \(layout.count))")
      try copyWhole(table, from: store)
    }
  }

  /// Every row of `table` into its emptied, keyless team table, then its keys.
  func copyWhole(_ table: StoreMirror.Table, from store: PartnerStore) throws {
    let c = connection
    try Timings.measure("push \(table.name)") {
      try c.copyBinary(into: "partnerboard.\(table.name)", columns: table.columns) { w in
        try StoreMirror.scan(table, in: store) { row in
          try w.row(fields: table.kinds.count)
          for (i, kind) in table.kinds.enumerated() {
            if row.isNull(i) {
              w.null()
              continue
            }
            switch kind {
            case .integer: w.int64(row.int64(i))
            case .real: w.double(row.double(i))
            case .text: try w.bytes(row.text(i))
            case .blob: try w.bytes(row.blob(i))
            }
          }
        }
      }
      try c.execute(TeamSchema.keys(table))
    }
  }

  /// Which quarters of the kept numbers each write changed, so that a copy
  /// takes only those: one line per generation, `from_period` the first
  /// quarter a write changed in the kept tables keyed by quarter (NULL: no
  /// quarter changed), `whole` when every table was sent whole (the log
  /// starts again then). No partner is named: every login reads it.
  static let keptLogTable = """
    CREATE TABLE IF NOT EXISTS partnerboard.kept_log (
      seq bigserial PRIMARY KEY, generation bigint NOT NULL, from_period bigint, whole boolean NOT NULL);
    """

  /// What a write changed in the kept tables keyed by quarter.
  enum KeptChange: Equatable {
    /// Every table sent whole (`init`, or a delta in doubt).
    case whole
    /// From this quarter (ordinal) on; nil: no quarter's rows changed.
    case from(Int64?)
  }

  /// The end of every write: a new generation, what it changed of the kept
  /// quarters, the grants and policies, and the NOTIFY that open dashboards
  /// wait for.
  func newGeneration(_ layout: [StoreMirror.Table], kept: KeptChange) throws -> Int64 {
    let c = connection
    let generation = Int64.random(in: 1...Int64.max)
    try c.execute(
      """
      INSERT INTO partnerboard.meta (key, value) VALUES ('schema_version', $1), ('layout', $2), ('generation', $3)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value
      """, [String(TeamSchema.version), String(StoreMirror.layoutVersion), String(generation)])
    try TeamAccess.applyPolicies(c, layout: layout)
    switch kept {
    case .whole:
      try c.execute("DELETE FROM partnerboard.kept_log")
      try c.execute(
        "INSERT INTO partnerboard.kept_log (generation, from_period, whole) VALUES ($1, NULL, true)",
        [String(generation)])
    case .from(let period):
      try c.execute(
        "INSERT INTO partnerboard.kept_log (generation, from_period, whole) VALUES ($1, $2, false)",
        [String(generation), period.map(String.init)])
    }
    try c.execute("NOTIFY partnerboard, '\(generation)'")
    return generation
  }

  /// The first quarter `delta` changes in the kept tables keyed by quarter
  /// (those with a `period` column but no import id: not the data).
  func keptChange(_ delta: StoreDelta) -> KeptChange {
    var first: Int64?
    for d in delta.tables where d.table.role == .keptByQuarter {
      if d.whole || d.deleteWhere != nil { return .whole }
      let p = d.table.columns.firstIndex(of: "period")!
      let k = d.table.key.firstIndex(of: "period")
      let periods =
        d.inserts.map { $0[p] } + (k.map { k in d.deleteKeys.map { $0[k] } } ?? [])
      guard k != nil || d.deleteKeys.isEmpty else { return .whole }
      for value in periods {
        guard case .integer(let q) = value else { return .whole }
        first = min(first ?? q, q)
      }
    }
    return .from(first)
  }

  /// Sends only what a write changed (inside the caller's transaction),
  /// then checks that every table it names holds as many rows as `store`:
  /// anything else throws (the caller then sends every table).
  func push(_ delta: StoreDelta, from store: PartnerStore) throws -> Int64 {
    let c = connection
    let layout = try StoreMirror.layout()
    guard
      try meta("schema_version") == String(TeamSchema.version)
        && meta("layout") == String(StoreMirror.layoutVersion)
    else {
      throw TeamStoreError("the team store's layout is not this partnerboard's: every table is written")
    }
    try c.execute(TeamSchema.keyBuilding)
    for d in delta.tables {
      try Timings.measure("push the changes to \(d.table.name)") { try send(d, from: store) }
    }
    return try Timings.measure("new generation") { try newGeneration(layout, kept: keptChange(delta)) }
  }

  /// One table's changes (inside the caller's transaction), its row count checked.
  func send(_ d: StoreDelta.Table, from store: PartnerStore) throws {
    let c = connection
    let table = d.table
    let name = "partnerboard.\(table.name)"
    if d.whole {
      try c.execute("TRUNCATE \(name)")
      try c.execute(TeamSchema.dropKeys(table))
      try copyWhole(table, from: store)
      return
    }
    if let (column, values) = d.deleteWhere {
      try c.execute(
        "DELETE FROM \(name) WHERE \(column) = ANY($1::bigint[])",
        ["{" + values.map(String.init).joined(separator: ",") + "}"])
    }
    if !d.deleteKeys.isEmpty {
      let keys = try keysTable(table, d.deleteKeys, named: "pb_delete_\(table.name)")
      try c.execute(
        "DELETE FROM \(name) t USING \(keys) k WHERE \(table.key.map { "t.\($0) = k.\($0)" }.joined(separator: " AND "))"
      )
      try c.execute("DROP TABLE \(keys)")
    }
    if !d.inserts.isEmpty {
      try c.copyBinary(into: name, columns: table.columns) { w in
        for row in d.inserts { try w.values(row) }
      }
    }
    let here = try c.execute("SELECT count(*) FROM \(name)").first?.first ?? nil
    let there = try StoreMirror.count(of: table, in: store)
    guard here == String(there) else {
      throw TeamStoreError("\(table.name): \(here ?? "?") rows after the changes, \(there) in the copy")
    }
  }

  /// `keys` of `table` (in its key's order) in a temporary table `name`
  /// of the key's columns, dropped at the transaction's end: a delete or a
  /// fetch joins it. Returns `name`.
  func keysTable(_ table: StoreMirror.Table, _ keys: [[StoreMirror.Value]], named name: String) throws
    -> String
  {
    let kinds = table.key.map { table.kinds[table.columns.firstIndex(of: $0)!] }
    let columns = zip(table.key, kinds).map { "\($0) \(TeamSchema.type($1))" }.joined(separator: ", ")
    try connection.execute("CREATE TEMP TABLE \(name) (\(columns)) ON COMMIT DROP")
    try connection.copyBinary(into: name, columns: table.key) { w in
      for key in keys { try w.values(key) }
    }
    return name
  }

  /// Copies the team store (what this login may read of it) into a new
  /// SQLite store at `path`, from one consistent snapshot.
  func pull(to path: String) throws -> Int64 {
    let c = connection
    return try c.transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") {
      let generation = try self.generation()
      let grant = try TeamAccess.mine(self)
      var present: [String: Set<String>] = [:]
      for row in try c.execute(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'partnerboard'")
      {
        present[row[0] ?? "", default: []].insert(row[1] ?? "")
      }
      try StoreMirror.build(at: path, note: generation, book: grant?.role == .manager ? grant?.manager : nil)
      {
        table, insert in
        // A table or column the store does not have yet (an earlier layout)
        // stays empty; opening the copy rescores its kept numbers then.
        guard let columns = present[table.name], table.columns.allSatisfy(columns.contains) else { return }
        let order = table.key.isEmpty ? "" : " ORDER BY " + table.key.joined(separator: ", ")
        try Timings.measure("pull \(table.name)") {
          try fetch(
            table, "SELECT \(table.columns.joined(separator: ", ")) FROM partnerboard.\(table.name)\(order)",
            into: insert)
        }
      }
      return generation
    }
  }

  /// The rows `query` selects (the table's columns, in order) into `insert`.
  func fetch(_ table: StoreMirror.Table, _ query: String, into insert: StoreMirror.Insert) throws {
    try connection.copyBinaryOut(query) { row in
      guard row.fields.count == table.kinds.count else {
        throw TeamStoreError("a damaged row in \(table.name)")
      }
      for (i, kind) in table.kinds.enumerated() {
        guard let field = row.fields[i] else {
          insert.null(i)
          continue
        }
        switch kind {
        case .integer:
          guard let v = row.int64(i) else { throw TeamStoreError("a damaged row in \(table.name)") }
          insert.int64(i, v)
        case .real:
          guard let v = row.double(i) else { throw TeamStoreError("a damaged row in \(table.name)") }
          insert.double(i, v)
        case .text: insert.text(i, field)
        case .blob: insert.blob(i, field)
        }
      }
      try insert.step()
    }
  }

  /// Brings the copy at `path` up to date with what changed since it was
  /// made (the import log says what: imports after its last one, undos
  /// since), the kept tables read whole, from one snapshot; then checks
  /// every table's row count against the store's. False (the copy left as
  /// it was) when the copy is not of this store's lineage (replaced by
  /// `init --force`), of another book or layout, or a count differs: the
  /// caller copies the store anew then.
  func pullChanges(into path: String) throws -> Bool {
    let c = connection
    let layout = try StoreMirror.layout()
    return try c.transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ") {
      guard try meta("layout") == String(StoreMirror.layoutVersion) else { return false }
      let generation = try self.generation()
      let grant = try TeamAccess.mine(self)
      let book = grant?.role == .manager ? grant?.manager : nil
      guard StoreMirror.book(at: path) == book else { return false }
      // The quarters of the kept numbers written since the copy's generation.
      var kept = KeptChange.whole
      if let mine = StoreMirror.note(at: path),
        let seq = try c.execute("SELECT seq FROM partnerboard.kept_log WHERE generation = $1", [String(mine)])
          .first?.first ?? nil
      {
        let since = try c.execute(
          "SELECT bool_or(whole), min(from_period) FROM partnerboard.kept_log WHERE seq > $1", [seq]
        ).first
        if since?[0] != "t" { kept = .from((since?[1] ?? nil).flatMap { Int64($0) }) }
      }
      let theirs = try c.execute(
        "SELECT id, at, command, undone_at IS NOT NULL FROM partnerboard.imports ORDER BY id"
      ).compactMap { r -> StoreMirror.ImportMark? in
        guard let id = (r[0] ?? nil).flatMap({ Int64($0) }) else { return nil }
        return StoreMirror.ImportMark(id: id, at: r[1] ?? "", command: r[2] ?? "", undone: r[3] == "t")
      }
      return try StoreMirror.patch(at: path, note: generation, book: book) { patch in
        let ours = try patch.imports()
        let byID = Dictionary(theirs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // The same log up to the copy's last line (an undo only adds a mark).
        for line in ours {
          guard let other = byID[line.id], other.at == line.at, other.command == line.command,
            other.undone || !line.undone
          else { return false }
        }
        let last = ours.last?.id ?? 0
        let undone = theirs.filter { t in t.undone && ours.contains { $0.id == t.id && !$0.undone } }.map(
          \.id)
        let undoneList = undone.map(String.init).joined(separator: ", ")
        for table in layout {
          try Timings.measure("patch \(table.name)") {
            let name = "partnerboard.\(table.name)"
            let columns = table.columns.joined(separator: ", ")
            switch table.role {
            case .undo:
              try patch.delete(table, where: "undo_import_id", in: undone)
              try patch.inserting(table) {
                try fetch(table, "SELECT \(columns) FROM \(name) WHERE undo_import_id > \(last)", into: $0)
              }
            case .data:
              // What undone imports wrote goes; what they replaced comes back.
              let keys = try patch.keys(table, writtenBy: undone)
              try patch.delete(table, where: "import_id", in: undone)
              try patch.inserting(table) { insert in
                try fetch(table, "SELECT \(columns) FROM \(name) WHERE import_id > \(last)", into: insert)
                guard !keys.isEmpty else { return }
                let temp = try keysTable(table, keys, named: "pb_keys_\(table.name)")
                let match = table.key.map { "t.\($0) = k.\($0)" }.joined(separator: " AND ")
                try fetch(
                  table,
                  "SELECT \(table.columns.map { "t.\($0)" }.joined(separator: ", ")) FROM \(name) t JOIN \(temp) k ON \(match)",
                  into: insert)
              }
            case .log:
              let changed = "id > \(last)" + (undone.isEmpty ? "" : " OR id IN (\(undoneList))")
              try patch.delete(
                table, where: "id", in: ours.map(\.id).filter { $0 > last || undone.contains($0) })
              try patch.inserting(table) {
                try fetch(table, "SELECT \(columns) FROM \(name) WHERE \(changed)", into: $0)
              }
            case .keptByQuarter where kept != .whole:
              // Only the quarters the writes since changed (none: nothing).
              guard case .from(let first) = kept, let first else { return }
              try patch.delete(table, fromPeriod: first)
              try patch.inserting(table) {
                try fetch(table, "SELECT \(columns) FROM \(name) WHERE period >= \(first)", into: $0)
              }
            case .keptByQuarter, .other:
              try patch.delete(table)
              try patch.inserting(table) { try fetch(table, "SELECT \(columns) FROM \(name)", into: $0) }
            }
          }
        }
        // Every table as the store has it, or the copy is made anew.
        for table in layout {
          let same = try Timings.measure("patch: count \(table.name)") {
            let theirs = try c.execute("SELECT count(*) FROM partnerboard.\(table.name)").first?.first ?? nil
            return theirs == String(try patch.count(table))
          }
          guard same else { return false }
        }
        return true
      }
    }
  }
}
