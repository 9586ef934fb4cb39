import Foundation
import ProgramFiles
import Scoring

/// The store on PostgreSQL (a team's: one program, many managers): the
/// same data as the SQLite store, in the `partnerboard` schema.
///
/// This first part writes a whole data set in one transaction and reads
/// it back as the `Dataset` the scoring engine takes, so that every figure
/// is computed the same way from either store.
public final class TeamStore {
  public let connection: PGConnection

  init(_ connection: PGConnection) { self.connection = connection }

  /// Connects and checks the schema: one clear error for a database
  /// without it and for one a newer partnerboard made.
  public static func open(_ url: PostgresURL) throws(TeamStoreError) -> TeamStore {
    let connection = try PGConnection(url)
    let found = try connection.execute("SELECT to_regclass('partnerboard.meta') IS NOT NULL")
    guard found.first?.first == "t" else {
      throw TeamStoreError(
        "\(url.shown): no partnerboard store in this database (create one with `partnerboard init --from DIR --db URL`)"
      )
    }
    let version = try connection.execute("SELECT value FROM partnerboard.meta WHERE key = 'schema_version'")
    guard let text = version.first?.first ?? nil, let v = Int(text) else {
      throw TeamStoreError(
        "\(url.shown): the partnerboard schema has no version: not a store this program made")
    }
    guard v <= TeamSchema.version else {
      throw TeamStoreError(
        "\(url.shown): made by a newer partnerboard (schema \(v); this one reads up to \(TeamSchema.version)): update partnerboard"
      )
    }
    return TeamStore(connection)
  }

  /// Writes a whole data set as a new store, in one transaction: nothing
  /// is written when anything fails. An existing store is replaced only
  /// with `replacing` (as `init --force`).
  public static func initialize(
    _ url: PostgresURL, programText: String, partners: [Partner], observations: some Sequence<Observation>,
    adjustments: [Adjustment] = [], agreements: [Agreement] = [], cohorts: [CohortMember] = [],
    replacing: Bool = false
  ) throws -> TeamStore {
    let c = try PGConnection(url)
    try c.transaction {
      let exists = try c.execute("SELECT to_regclass('partnerboard.meta') IS NOT NULL").first?.first == "t"
      if exists {
        guard replacing else {
          throw TeamStoreError("\(url.shown) holds a partnerboard store already (--force replaces it)")
        }
        for table in TeamSchema.tables { try c.execute("DROP TABLE IF EXISTS partnerboard.\(table)") }
      }
      try c.execute(TeamSchema.create)
      try c.execute(
        "INSERT INTO partnerboard.meta (key, value) VALUES ('schema_version', $1), ('generation', $2)",
        [String(TeamSchema.version), String(Int.random(in: 1...Int.max))])
      try c.execute("INSERT INTO partnerboard.program (id, toml) VALUES (1, $1)", [programText])
      try c.copy(
        into: "partnerboard.partners", columns: ["id", "name", "segment", "region", "manager"],
        rows: partners.lazy.map { [$0.id, $0.name, $0.segment, $0.region, $0.manager] })
      try c.copy(
        into: "partnerboard.observations", columns: ["partner_id", "period", "kpi", "value"],
        rows: observations.lazy.map {
          [$0.partnerID, String($0.period.ordinal), $0.kpi, Self.number($0.value)]
        })
      try c.copy(
        into: "partnerboard.adjustments",
        columns: ["partner_id", "period", "kpi", "value", "reason", "approved_by"],
        rows: adjustments.lazy.map {
          [$0.partnerID, String($0.period.ordinal), $0.kpi, Self.number($0.value), $0.reason, $0.approvedBy]
        })
      try c.copy(
        into: "partnerboard.agreements",
        columns: [
          "id", "partner_id", "kpi", "baseline", "target", "period", "max_payout", "attribution",
          "floor_share",
        ],
        rows: agreements.lazy.map {
          [
            $0.id, $0.partnerID, $0.kpi, Self.number($0.baseline), Self.number($0.target),
            String($0.period.ordinal), Self.number($0.maxPayout), Self.number($0.attribution),
            Self.number($0.floorShare),
          ]
        })
      try c.copy(
        into: "partnerboard.cohorts", columns: ["partner_id", "cohort", "start"],
        rows: cohorts.lazy.map { [$0.partnerID, $0.cohort, String($0.start.ordinal)] })
    }
    return TeamStore(c)
  }

  /// A number that changes whenever the data is written anew (an open
  /// dashboard reloads when it does).
  public func generation() throws(TeamStoreError) -> Int {
    let row = try connection.execute("SELECT value FROM partnerboard.meta WHERE key = 'generation'")
    return (row.first?.first ?? nil).flatMap { Int($0) } ?? 0
  }

  /// A double as PostgreSQL reads it back to the same value (Swift's
  /// shortest round-trip form).
  static func number(_ x: Double) -> String { "\(x)" }

  /// Everything scoring needs, as the SQLite store gives it: partners in id
  /// order (bytes), adjustments by partner, period and KPI, agreements by
  /// id, cohorts by cohort and partner.
  public func loadDataset() throws -> Dataset {
    let c = connection
    let url = c.url
    guard let toml = try c.execute("SELECT toml FROM partnerboard.program WHERE id = 1").first?.first ?? nil
    else { throw TeamStoreError("\(url.shown): the store has no program") }
    let program: Program
    switch ProgramParser.parse(toml) {
    case .success(let p): program = p
    case .failure(let e): throw TeamStoreError("\(url.shown): the stored program.toml no longer parses: \(e)")
    }
    func text(_ row: [String?], _ i: Int) -> String { row[i] ?? "" }
    func int(_ row: [String?], _ i: Int) throws(TeamStoreError) -> Int {
      guard let v = row[i].flatMap({ Int($0) }) else { throw TeamStoreError("\(url.shown): a damaged row") }
      return v
    }
    func double(_ row: [String?], _ i: Int) throws(TeamStoreError) -> Double {
      guard let v = row[i].flatMap({ Double($0) }) else {
        throw TeamStoreError("\(url.shown): a damaged row")
      }
      return v
    }
    let partners = try c.execute(
      "SELECT id, name, segment, region, manager FROM partnerboard.partners ORDER BY id COLLATE \"C\""
    ).map {
      Partner(id: text($0, 0), name: text($0, 1), segment: text($0, 2), region: text($0, 3), manager: $0[4])
    }
    var index: [String: Int] = [:]
    for (i, p) in partners.enumerated() { index[p.id] = i }
    var table = ObservationTable()
    var kpiCodes: [String: Int] = [:]
    for row in try c.execute("SELECT partner_id, period, kpi, value FROM partnerboard.observations") {
      guard let p = index[text(row, 0)] else { continue }
      let kpi = text(row, 2)
      let k: Int
      if let known = kpiCodes[kpi] {
        k = known
      } else {
        k = table.kpiNames.count
        kpiCodes[kpi] = k
        table.kpiNames.append(kpi)
      }
      table.append(partner: p, period: try int(row, 1), kpi: k, value: try double(row, 3))
    }
    var adjustments: [Adjustment] = []
    for row in try c.execute(
      """
      SELECT partner_id, period, kpi, value, reason, approved_by FROM partnerboard.adjustments
      ORDER BY partner_id COLLATE "C", period, kpi COLLATE "C"
      """)
    {
      adjustments.append(
        Adjustment(
          partnerID: text(row, 0), period: Period(ordinal: try int(row, 1)), kpi: text(row, 2),
          value: try double(row, 3), reason: text(row, 4), approvedBy: text(row, 5)))
    }
    var agreements: [Agreement] = []
    for row in try c.execute(
      """
      SELECT id, partner_id, kpi, baseline, target, period, max_payout, attribution, floor_share
      FROM partnerboard.agreements ORDER BY id COLLATE "C"
      """)
    {
      agreements.append(
        Agreement(
          id: text(row, 0), partnerID: text(row, 1), kpi: text(row, 2), baseline: try double(row, 3),
          target: try double(row, 4), period: Period(ordinal: try int(row, 5)), maxPayout: try double(row, 6),
          attribution: try double(row, 7), floorShare: try double(row, 8)))
    }
    var data = Dataset(
      program: program, partners: partners, observations: [], adjustments: adjustments,
      agreements: agreements,
      observationTable: table)
    data.cohorts = try c.execute(
      "SELECT partner_id, cohort, start FROM partnerboard.cohorts ORDER BY cohort COLLATE \"C\", partner_id COLLATE \"C\""
    ).map { row in
      CohortMember(partnerID: text(row, 0), cohort: text(row, 1), start: Period(ordinal: try int(row, 2)))
    }
    return data
  }
}
