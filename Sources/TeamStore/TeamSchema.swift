/// The team store's tables, in the `partnerboard` schema of a PostgreSQL
/// database (docs/team-store.md lists them). The same data as the SQLite
/// store's tables of the same names; `meta` holds the schema's version.
enum TeamSchema {
  /// The version this partnerboard writes and reads; a database of a newer
  /// one is refused (its tables may mean something else).
  static let version = 1

  static let create = """
    CREATE SCHEMA IF NOT EXISTS partnerboard;
    CREATE TABLE partnerboard.meta (key text PRIMARY KEY, value text NOT NULL);
    CREATE TABLE partnerboard.program (id integer PRIMARY KEY CHECK (id = 1), toml text NOT NULL);
    CREATE TABLE partnerboard.partners (
      id text PRIMARY KEY, name text NOT NULL, segment text NOT NULL, region text NOT NULL, manager text);
    CREATE TABLE partnerboard.observations (
      partner_id text NOT NULL REFERENCES partnerboard.partners (id), period integer NOT NULL,
      kpi text NOT NULL, value double precision NOT NULL, PRIMARY KEY (partner_id, period, kpi));
    CREATE TABLE partnerboard.adjustments (
      partner_id text NOT NULL REFERENCES partnerboard.partners (id), period integer NOT NULL,
      kpi text NOT NULL, value double precision NOT NULL, reason text NOT NULL, approved_by text NOT NULL,
      PRIMARY KEY (partner_id, period, kpi));
    CREATE TABLE partnerboard.agreements (
      id text PRIMARY KEY, partner_id text NOT NULL REFERENCES partnerboard.partners (id), kpi text NOT NULL,
      baseline double precision NOT NULL, target double precision NOT NULL, period integer NOT NULL,
      max_payout double precision NOT NULL, attribution double precision NOT NULL,
      floor_share double precision NOT NULL);
    CREATE TABLE partnerboard.cohorts (
      partner_id text NOT NULL REFERENCES partnerboard.partners (id), cohort text NOT NULL,
      start integer NOT NULL, PRIMARY KEY (partner_id, cohort));
    """

  static let tables = ["cohorts", "agreements", "adjustments", "observations", "partners", "program", "meta"]
}
