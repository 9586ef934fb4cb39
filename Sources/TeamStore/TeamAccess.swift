import Foundation
import PartnerStore
import ProgramFiles

/// Who may read what in a team store, done by PostgreSQL itself: three
/// group roles, row-level security on every table, and `partnerboard.access`
/// naming each login's role and book. partnerboard's own commands, `psql`,
/// Metabase or Grafana get the same rows.
///
/// - *owner*: reads and writes everything (imports, closes quarters).
/// - *manager*: the partners of one book (`partners.manager`) and every row
///   of theirs (observations, adjustments, agreements, cohorts, kept scores,
///   payouts, undo rows), and the program-wide tables that name no partner
///   (counts per quarter and tier, the import log, the program); never a
///   row that names a partner outside the book.
/// - *finance*: the program, the partners, every agreement and its kept
///   payout value; nothing else (no observation, no score).
///
/// A table not listed here (a kept table a later layout adds) has no policy
/// for managers or finance: they see none of its rows until one is written.
public enum TeamAccess {
  public enum Role: String, Sendable, CaseIterable {
    case owner, manager, finance
    var group: String { "partnerboard_\(rawValue)" }
  }

  /// A login, its role and (for a manager) its book.
  public struct Grant: Sendable, Equatable {
    public let login: String
    public let role: Role
    public let manager: String?
  }

  /// Program-wide tables a manager reads whole: none names a partner.
  static let programWide: Set<String> = [
    "program", "program_undo", "imports", "score_stamp", "period_counts", "period_tiers", "kept_summary",
    "unscored_kpis", "quarter_state", "kept_flags", "kept_pilot",
  ]
  /// What finance reads whole.
  static let financeTables: Set<String> = [
    "program", "partners", "agreements", "kept_payouts", "score_stamp", "period_counts", "kept_summary",
    "quarter_state", "unscored_kpis",
  ]

  /// The rows of `table` a manager may read (nil: none).
  static func managerRows(_ table: StoreMirror.Table) -> String? {
    // The book read once a query (a scalar subquery), not once a partner row:
    // a manager's whole copy took 5.0 s instead of 3.1 s at 100,000 partners.
    if table.name == "partners" { return "manager = (SELECT partnerboard.my_book())" }
    if programWide.contains(table.name) { return "true" }
    if table.columns.contains("partner_id") { return "partner_id IN (SELECT id FROM partnerboard.partners)" }
    if table.name == "partner_search" || table.name == "partners_undo" {
      return "id IN (SELECT id FROM partnerboard.partners)"
    }
    if table.name == "kept_payouts" { return "agreement_id IN (SELECT id FROM partnerboard.agreements)" }
    return nil
  }

  /// A role's name as SQL writes it (quoted: any name is safe).
  static func identifier(_ name: String) -> String {
    "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  static func groupsExist(_ c: PGConnection) throws -> Bool {
    let names = Role.allCases.map { "'\($0.group)'" }.joined(separator: ", ")
    return try c.execute("SELECT count(*) FROM pg_roles WHERE rolname IN (\(names))").first?.first
      == String(Role.allCases.count)
  }

  /// Row-level security on every table, always (with no policy for a
  /// role, it reads nothing); the groups' grants and policies when the
  /// groups exist (`access grant` makes them). Run after tables are made.
  static func applyPolicies(_ c: PGConnection, layout: [StoreMirror.Table]) throws {
    try c.execute(
      """
      CREATE TABLE IF NOT EXISTS partnerboard.access (
        login text PRIMARY KEY, role text NOT NULL CHECK (role IN ('owner', 'manager', 'finance')), manager text,
        CHECK ((role = 'manager') = (manager IS NOT NULL)));
      ALTER TABLE partnerboard.access ENABLE ROW LEVEL SECURITY;
      CREATE OR REPLACE FUNCTION partnerboard.my_book() RETURNS text LANGUAGE sql STABLE AS
        $$ SELECT manager FROM partnerboard.access WHERE login = current_user AND role = 'manager' $$;
      \(TeamStore.keptLogTable)
      """)
    // Only what is not in place yet: each ALTER TABLE or policy waits for
    // the autovacuum the server runs on a freshly loaded table (and cancels
    // it, so the table would never be analysed).
    let open = Set(
      try c.execute(
        """
        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'partnerboard' AND c.relkind = 'r' AND NOT c.relrowsecurity
        """
      ).compactMap { $0.first ?? nil })
    for table in layout where open.contains(table.name) {
      try c.execute("ALTER TABLE partnerboard.\(table.name) ENABLE ROW LEVEL SECURITY")
    }
    guard try groupsExist(c) else { return }
    let owner = Role.owner.group
    let manager = Role.manager.group
    let finance = Role.finance.group
    // The tables belong to the owners' group, so that any owner may write
    // them (a store made by one owner is written by the others).
    let owned =
      (layout.map { "TABLE partnerboard.\($0.name)" } + [
        "TABLE partnerboard.access", "TABLE partnerboard.meta", "TABLE partnerboard.kept_log",
      ])
      .map { "ALTER \($0) OWNER TO \(owner);" } + ["ALTER FUNCTION partnerboard.my_book() OWNER TO \(owner);"]
    let ownership =
      "DO $$ BEGIN IF pg_has_role('\(owner)', 'MEMBER') THEN \(owned.joined(separator: " ")) END IF; END $$"
    var sql = """
      GRANT USAGE ON SCHEMA partnerboard TO \(owner), \(manager), \(finance);
      GRANT CREATE ON SCHEMA partnerboard TO \(owner);
      GRANT SELECT ON partnerboard.meta, partnerboard.kept_log TO \(manager), \(finance);
      GRANT ALL ON partnerboard.meta, partnerboard.access, partnerboard.kept_log TO \(owner);
      GRANT USAGE ON SEQUENCE partnerboard.kept_log_seq_seq TO \(owner);
      GRANT SELECT ON partnerboard.access TO \(manager), \(finance);
      GRANT EXECUTE ON FUNCTION partnerboard.my_book() TO \(manager), \(finance), \(owner);
      DROP POLICY IF EXISTS own_row ON partnerboard.access;
      CREATE POLICY own_row ON partnerboard.access FOR SELECT TO \(manager), \(finance) USING (login = current_user);
      DROP POLICY IF EXISTS owner_all ON partnerboard.access;
      CREATE POLICY owner_all ON partnerboard.access TO \(owner) USING (true) WITH CHECK (true);

      """
    for table in layout {
      let t = "partnerboard.\(table.name)"
      sql += """
        GRANT ALL ON \(t) TO \(owner);
        GRANT SELECT ON \(t) TO \(manager), \(finance);
        DROP POLICY IF EXISTS owner_all ON \(t);
        CREATE POLICY owner_all ON \(t) TO \(owner) USING (true) WITH CHECK (true);
        DROP POLICY IF EXISTS manager_book ON \(t);
        DROP POLICY IF EXISTS finance_payouts ON \(t);

        """
      if let rows = managerRows(table) {
        sql += "CREATE POLICY manager_book ON \(t) FOR SELECT TO \(manager) USING (\(rows));\n"
      }
      if financeTables.contains(table.name) {
        sql += "CREATE POLICY finance_payouts ON \(t) FOR SELECT TO \(finance) USING (true);\n"
      }
    }
    // What this SQL made is still there: the same text ran last (its
    // digest in `meta`), every policy it creates exists, every table
    // belongs to the owners' group.
    var hasher = SHA256.Hasher()
    Array((ownership + sql).utf8).withUnsafeBufferPointer { hasher.update($0) }
    let digest = hasher.finish()
    let policies = sql.components(separatedBy: "CREATE POLICY ").count - 1
    let tables = (layout.map(\.name) + ["access", "meta", "kept_log"]).map { "'\($0)'" }.joined(
      separator: ", ")
    let state = try c.execute(
      """
      SELECT (SELECT value FROM partnerboard.meta WHERE key = 'policies'),
        (SELECT count(*) FROM pg_policies WHERE schemaname = 'partnerboard'),
        (SELECT count(*) FROM pg_tables WHERE schemaname = 'partnerboard' AND tablename IN (\(tables))
           AND tableowner <> '\(owner)')
      """
    ).first
    if state?[0] == digest && state?[1] == String(policies) && state?[2] == "0" { return }
    try c.execute(ownership)
    try c.execute(sql)
    try c.execute(
      "INSERT INTO partnerboard.meta (key, value) VALUES ('policies', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      [digest])
  }

  /// Makes `login` (a PostgreSQL role, created with LOGIN when missing) an
  /// owner, a manager of `manager`'s book, or finance, in place of what it
  /// was. Needs a connection allowed to create roles (the database's owner
  /// or a superuser).
  public static func grant(_ url: PostgresURL, login: String, role: Role, manager: String?) throws {
    try checkLogin(login)
    let c = try TeamStore.open(url).connection
    try c.transaction {
      let current = try c.execute("SELECT current_user").first?.first ?? nil
      if current == login && role != .owner {
        throw TeamStoreError(
          "\(url.shown): \(login) is the login granting: it stays an owner (grant from another)")
      }
      for group in Role.allCases.map(\.group) {
        try c.execute(
          "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '\(group)') THEN CREATE ROLE \(group) NOLOGIN; END IF; END $$"
        )
      }
      try applyPolicies(c, layout: StoreMirror.layout())
      let exists = try c.execute("SELECT 1 FROM pg_roles WHERE rolname = $1", [login]).isEmpty == false
      if !exists { try c.execute("CREATE ROLE \(identifier(login)) LOGIN") }
      for other in Role.allCases where other != role {
        try c.execute("REVOKE \(other.group) FROM \(identifier(login))")
      }
      try c.execute("GRANT \(role.group) TO \(identifier(login))")
      try c.execute(
        """
        INSERT INTO partnerboard.access (login, role, manager) VALUES ($1, $2, $3)
        ON CONFLICT (login) DO UPDATE SET role = excluded.role, manager = excluded.manager
        """, [login, role.rawValue, role == .manager ? manager : nil])
      // Open dashboards of this login copy the store again (what it may
      // read changed; no kept quarter did).
      _ = try TeamStore(c).newGeneration(StoreMirror.layout(), kept: .from(nil))
    }
  }

  /// Takes every partnerboard role from `login` (the login itself stays:
  /// it may be used elsewhere).
  public static func revoke(_ url: PostgresURL, login: String) throws -> Bool {
    try checkLogin(login)
    let c = try TeamStore.open(url).connection
    return try c.transaction {
      let had = try c.execute("DELETE FROM partnerboard.access WHERE login = $1 RETURNING login", [login])
      let exists = try c.execute("SELECT 1 FROM pg_roles WHERE rolname = $1", [login]).isEmpty == false
      if exists, try groupsExist(c) {
        for role in Role.allCases { try c.execute("REVOKE \(role.group) FROM \(identifier(login))") }
      }
      return !had.isEmpty
    }
  }

  /// Every login's grant, by login.
  public static func list(_ url: PostgresURL) throws -> [Grant] {
    let c = try TeamStore.open(url).connection
    guard try c.execute("SELECT to_regclass('partnerboard.access') IS NOT NULL").first?.first == "t" else {
      return []
    }
    return try c.execute("SELECT login, role, manager FROM partnerboard.access ORDER BY login").compactMap {
      guard let login = $0[0] ?? nil, let role = ($0[1] ?? nil).flatMap(Role.init(rawValue:)) else {
        return nil
      }
      return Grant(login: login, role: role, manager: $0[2] ?? nil)
    }
  }

  /// This connection's own grant (nil: none, as for the store's creator).
  public static func mine(_ store: TeamStore) throws -> Grant? {
    let c = store.connection
    guard try c.execute("SELECT to_regclass('partnerboard.access') IS NOT NULL").first?.first == "t" else {
      return nil
    }
    let row = try c.execute("SELECT login, role, manager FROM partnerboard.access WHERE login = current_user")
      .first
    guard let login = row?[0] ?? nil, let role = (row?[1] ?? nil).flatMap(Role.init(rawValue:)) else {
      return nil
    }
    return Grant(login: login, role: role, manager: row?[2] ?? nil)
  }

  static func checkLogin(_ login: String) throws(TeamStoreError) {
    guard !login.isEmpty, login.utf8.count <= 63, !login.unicodeScalars.contains(where: { $0.value < 0x20 })
    else {
      throw TeamStoreError(
        "login: expected a PostgreSQL role name of 1 to 63 bytes, without control characters")
    }
  }
}
