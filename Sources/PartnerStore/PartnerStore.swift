import Dispatch
import Foundation
import GRDB
import GRDBSQLite
import ProgramFiles
import Scoring

/// The local store: one SQLite file (WAL mode, one writer) holding the
/// program, partners, observations, adjustments, agreements and the import log.
public final class PartnerStore: Sendable {
  public let path: String
  let queue: DatabaseQueue

  /// How readers reach the file: its path, or an immutable URI where the
  /// folder cannot hold SQLite's shared-memory file (see StoreOpening.swift).
  let readLocation: String
  let readOnly: Bool

  /// The file this connection opened (device and inode), to notice when
  /// `init --force` has put another file at the path.
  let identity: FileIdentity?
  /// Set when opening rescored a store from an older partnerboard (the
  /// command says so, once).
  nonisolated(unsafe) public internal(set) var rescoredOnOpen = false
  /// The store's name where the dashboard shows it and remembers a book
  /// under it: a team store's address for its local copy (nil: the path).
  nonisolated(unsafe) public var label: String?
  /// Who closes or reopens a quarter, as the import log names them: a team
  /// store's login (nil: the system's user).
  nonisolated(unsafe) public var author: String?

  init(path: String, queue: DatabaseQueue, readLocation: String, readOnly: Bool) {
    self.path = path
    self.queue = queue
    self.readLocation = readLocation
    self.readOnly = readOnly
    self.identity = FileIdentity(path)
  }

  /// True when the file at `path` is no longer the one this store opened
  /// (replaced by `init --force`, or removed): reopen to see the new data.
  public var isReplaced: Bool { FileIdentity(path) != identity }

  public func isEmpty() throws -> Bool {
    try located { try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM program") == 0 } }
  }

  /// SQLite's `PRAGMA data_version`: changes when another connection commits.
  public func dataVersion() throws -> Int {
    try located { try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 } }
  }

  // MARK: - Reading

  func program(_ db: Database) throws -> Program? {
    guard let text = try String.fetchOne(db, sql: "SELECT toml FROM program WHERE id = 1") else {
      return nil
    }
    switch ProgramParser.parse(text) {
    case .success(let p): return p
    case .failure(let e):
      throw StoreError.corrupt(self.path, "the stored program.toml no longer parses: \(e)")
    }
  }

  func partners(_ db: Database) throws -> [Partner] {
    var out: [Partner] = []
    try RawRows.each(db, "SELECT id, name, segment, region, manager FROM partners ORDER BY id") {
      r in
      out.append(
        Partner(
          id: r.text(0), name: r.text(1), segment: r.text(2), region: r.text(3), manager: r.optionalText(4)))
    }
    return out
  }

  /// The adjustments (of one partner, when `partner` is given).
  func adjustments(_ db: Database, partner: String? = nil) throws -> [Adjustment] {
    var out: [Adjustment] = []
    try RawRows.each(
      db,
      "SELECT partner_id, period, kpi, value, reason, approved_by FROM adjustments"
        + (partner == nil ? "" : " WHERE partner_id = ?") + " ORDER BY partner_id, period, kpi",
      arguments: partner.map { [$0] } ?? []
    ) { r in
      out.append(
        Adjustment(
          partnerID: r.text(0), period: Period(ordinal: r.int(1)), kpi: r.text(2), value: r.double(3),
          reason: r.text(4), approvedBy: r.text(5)))
    }
    return out
  }

  /// The agreements (of one partner, when `partner` is given).
  func agreements(_ db: Database, partner: String? = nil) throws -> [Agreement] {
    var out: [Agreement] = []
    try RawRows.each(
      db,
      "SELECT id, partner_id, kpi, baseline, target, period, max_payout, attribution, floor_share FROM agreements"
        + (partner == nil ? "" : " WHERE partner_id = ?") + " ORDER BY id",
      arguments: partner.map { [$0] } ?? []
    ) { r in
      out.append(
        Agreement(
          id: r.text(0), partnerID: r.text(1), kpi: r.text(2), baseline: r.double(3), target: r.double(4),
          period: Period(ordinal: r.int(5)), maxPayout: r.double(6), attribution: r.double(7),
          floorShare: r.double(8)))
    }
    return out
  }

  /// The pilot cohorts' members (SPEC section 13), by cohort then partner.
  func cohorts(_ db: Database) throws -> [CohortMember] {
    var out: [CohortMember] = []
    try RawRows.each(db, "SELECT partner_id, cohort, start FROM cohorts ORDER BY cohort, partner_id") { r in
      out.append(CohortMember(partnerID: r.text(0), cohort: r.text(1), start: Period(ordinal: r.int(2))))
    }
    return out
  }

  /// Everything scoring needs. Throws `StoreError.empty` for a store without a program.
  /// Observations come back as an `ObservationTable`; a large store is read
  /// by two connections at once, each taking half of the partners.
  public func loadDataset() throws -> Dataset { try located { try readDataset() } }

  /// `twoReaders`: nil chooses by size; the tests force each way and compare.
  func readDataset(twoReaders: Bool? = nil) throws -> Dataset {
    let stored: (Program, [Partner], [Adjustment], [Agreement], Int, Period?) = try queue.read { db in
      guard let p = try self.program(db) else { throw StoreError.empty(self.path) }
      return (
        p, try self.partners(db), try self.adjustments(db), try self.agreements(db),
        try Self.expectedObservations(db, kpis: p.kpis.count), try Quarters.closedThrough(db, path: self.path)
      )
    }
    let (program, partners, adjustments, agreements, expected, closedThrough) = stored
    let count = partners.count
    var index: [String: Int] = [:]
    for (i, p) in partners.enumerated() { index[p.id] = i }
    let partnerIndex = index
    let ids = partners.map(\.id).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    let table: ObservationTable
    if twoReaders ?? (count >= 2_000) {  // enough partners for a second reader to pay off
      // SQLite compares TEXT with memcmp, like the byte order used above.
      let middle = ids[ids.count / 2]
      let halves = ReadHalves()
      let location = readLocation
      DispatchQueue.concurrentPerform(iterations: 2) { i in
        do {
          let reader = try DatabaseQueue(path: location, configuration: Self.readerConfiguration)
          let part = try reader.read { db in
            try Self.observations(
              db, where: i == 0 ? "partner_id < ?" : "partner_id >= ?", middle, partnerIndex: partnerIndex,
              reserve: expected / 2 + expected / 50)
          }
          halves.set(i, .success(part))
        } catch {
          halves.set(i, .failure(error))
        }
      }
      table = try halves.merged()
    } else {
      table = try queue.read { db in
        try Self.observations(db, where: nil, nil, partnerIndex: partnerIndex, reserve: expected)
      }
    }
    var data = Dataset(
      program: program, partners: partners, observations: [], adjustments: adjustments,
      agreements: agreements,
      observationTable: table)
    data.closedThrough = closedThrough
    data.cohorts = try queue.read { db in try self.cohorts(db) }
    try placeBook(&data)
    return data
  }

  /// About how many observations the store holds, from the kept scores
  /// (partners evaluated per quarter times KPIs), without counting them;
  /// 0 when the kept scores are not this engine's.
  static func expectedObservations(_ db: Database, kpis: Int) throws -> Int {
    guard try KeptScores.isCurrent(db) else { return 0 }
    let evaluated =
      try Int.fetchOne(db, sql: "SELECT SUM(evaluated) FROM period_counts WHERE segment = ''") ?? 0
    let (rows, overflow) = max(0, evaluated).multipliedReportingOverflow(by: max(0, kpis))
    return overflow ? 0 : rows
  }

  /// Reads observations (all, or those matching `condition`) into a table,
  /// matching ids as bytes against the previous row's.
  static func observations(
    _ db: Database, where condition: String?, _ argument: String?, partnerIndex: [String: Int],
    reserve: Int = 0
  ) throws -> ObservationTable {
    var table = ObservationTable()
    // Room for every row at once: growing by doubling would fault in about
    // twice the memory, page by page (a third of a big load's time).
    table.reserveCapacity(reserve)
    var lastPartner: [UInt8] = []
    var lastP: Int? = nil
    var kpis = KPICodes()
    var sql = "SELECT partner_id, period, kpi, value FROM observations"
    if let condition { sql += " WHERE " + condition }
    try RawRows.each(db, sql, arguments: argument.map { [$0] } ?? []) { r in
      let pid = r.raw(0)
      if lastP == nil || !pid.elementsEqual(lastPartner) {
        lastPartner = Array(pid)
        lastP = partnerIndex[String(decoding: pid, as: UTF8.self)]
      }
      guard let p = lastP else { return }  // a partner added since `partners` was read
      table.append(partner: p, period: r.int(1), kpi: kpis.code(r.raw(2)), value: r.double(3))
    }
    table.kpiNames = kpis.names
    return table
  }

  /// The stored rows an import's references are checked against.
  public func storedState() throws -> StoredState {
    try located {
      try queue.read { db in
        let range = try KeptScores.knownObservedPeriods(db) ?? KeptScores.observedPeriods(db)
        let periods = range.map { Period(ordinal: $0.lowerBound)...Period(ordinal: $0.upperBound) }
        var state = StoredState(
          program: try program(db), partners: try partners(db), periods: periods,
          adjustments: try adjustments(db), agreements: try agreements(db))
        state.cohorts = try cohorts(db)
        return state
      }
    }
  }

  public func imports() throws -> [ImportRecord] {
    try located {
      try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM imports ORDER BY id").map(Self.record) }
    }
  }

  static func record(_ row: Row) -> ImportRecord {
    let decoder = JSONDecoder()
    let files =
      (try? decoder.decode([ImportRecord.File].self, from: Data((row["files"] as String).utf8))) ?? []
    let counts =
      (try? decoder.decode([ImportRecord.Counts].self, from: Data((row["summary"] as String).utf8))) ?? []
    return ImportRecord(
      id: row["id"], at: row["at"], command: row["command"], files: files, counts: counts,
      undoneAt: row["undone_at"])
  }

  /// Every table's rows as sorted text: two dumps are equal exactly when the
  /// stores hold the same data (tests compare before and after a failure).
  public func dump() throws -> String {
    try queue.read { db in
      var out = ""
      let tables = ["imports"] + StoreTable.all.flatMap { [$0.name, $0.name + "_undo"] }
      for table in tables {
        out += "== \(table)\n"
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table)")
        out += rows.map(\.description).sorted().joined(separator: "\n") + "\n"
      }
      return out
    }
  }
}

extension PartnerStore {
  /// Checkpoints the WAL into the main file and closes the connection, so
  /// the file can be moved (used by `init`).
  public func close() throws {
    try queue.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
      try db.execute(sql: "PRAGMA journal_mode = DELETE")
    }
    try queue.close()
  }
}
