import Foundation
import GRDB
import Platform
import ProgramFiles
import Scoring
import TextLayout

/// The scores the store keeps (issue 11): computed when data changes
/// (`init`, `import`, `undo-import`), in the same transaction, so a lookup
/// reads one partner's rows instead of scoring everyone.
///
/// Plain SQL tables that any SQLite client can read:
///
///     partner_scores(partner_id, period, score, rank, segment_rank, movement,
///                    qualified_tier, tier, grace, next_tier, points_needed,
///                    keep_points_needed, progress, slope, at_risk, rising, blocked)
///     partner_ranks(period, rank, partner_id)        -- rank order, for leaderboards
///     partner_search(id, key)                        -- name and id folded for search
///     period_counts(period, segment, evaluated)      -- segment '' = everyone
///     period_tiers(period, tier, partners)           -- partners per tier
///     kept_summary(partners, longest_name)           -- for the first frame's layout
///     unscored_kpis(kpi)                             -- KPI ids in metrics, not in the program
///     kept_overview(period, facts)                   -- the overview's numbers, JSON
///     kept_trends(period, kpi, facts)                -- each KPI's statistics and movers, JSON
///     score_stamp(engine)                            -- which engine wrote them
///
/// `period` is the quarter as `year * 4 + quarter - 1` (as in `observations`);
/// the view `partner_scores_v` spells it `2026Q3`.
public enum KeptScores {
  /// Bumped whenever the numbers kept change (a rule of the engine, a
  /// rounding, a kept fact): a store stamped with an older number is
  /// rescored once (by the next command that may write); one stamped with a
  /// newer number is read from its data and never written. EngineStampTests
  /// holds a digest of the sample store's kept tables per version, so a
  /// change that moves a number fails until this is bumped.
  /// 7: a quarter after a gap is kept (issue 20). 8: partners reported per
  /// quarter (`period_counts.reported`, SPEC section 3's coverage).
  /// 9: the flags' record (`kept_flags`, the overview's at-risk precision).
  /// 10: the pilot reviews (`kept_pilot`). 11: the agreements' outcome
  /// values (`kept_payouts`). 12: search keys write ø æ œ ß ł đ ð þ ı as
  /// typed (o ae oe ss l d d th i).
  public static let engineVersion = 12

  static func createTables(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE partner_scores (
          partner_id TEXT NOT NULL, period INTEGER NOT NULL,
          score REAL NOT NULL, rank INTEGER NOT NULL, segment_rank INTEGER NOT NULL, movement INTEGER,
          qualified_tier TEXT NOT NULL, tier TEXT NOT NULL, grace INTEGER NOT NULL,
          next_tier TEXT, points_needed REAL, keep_points_needed REAL, progress REAL NOT NULL,
          slope REAL, at_risk INTEGER NOT NULL, rising INTEGER NOT NULL,
          PRIMARY KEY (partner_id, period)
        ) WITHOUT ROWID;
        CREATE INDEX partner_scores_by_rank ON partner_scores (period, rank);
        CREATE TABLE period_counts (
          period INTEGER NOT NULL, segment TEXT NOT NULL, evaluated INTEGER NOT NULL,
          PRIMARY KEY (period, segment)
        ) WITHOUT ROWID;
        CREATE TABLE score_stamp (id INTEGER PRIMARY KEY CHECK (id = 1), engine INTEGER NOT NULL);
        CREATE INDEX agreements_by_partner ON agreements (partner_id);
        CREATE VIEW partner_scores_v AS
          SELECT partner_id, (period / 4) || 'Q' || (period % 4 + 1) AS quarter, score, rank, segment_rank,
                 movement, qualified_tier, tier, grace, next_tier, points_needed, keep_points_needed, progress,
                 slope, at_risk, rising
          FROM partner_scores;
        """)
  }

  /// What a rescore wrote: the quarters from `from` (all of them when it
  /// is the first) out of `periods`.
  public struct Rescored: Sendable, Equatable {
    public var from: Period?
    public var quarters: Int
    public var periods: Int
  }

  /// Scores the store's data as it stands in `db` and writes the kept
  /// results: every quarter, or only those from `from` on when the data
  /// changed there and nowhere earlier (an appended quarter): a quarter's
  /// scores, ranks, grace and trend depend on it and earlier quarters only.
  /// Falls back to every quarter when `from` is not after the first quarter
  /// or the kept scores are not this engine's. `progress(done, total)`
  /// counts partners read and scored, then partners written.
  @discardableResult
  static func rescore(
    _ db: Database, store: PartnerStore, from: Period? = nil, progress: ((Int, Int) -> Void)? = nil,
    sliceSize: Int = KeptGrid.sliceSize, observed: ClosedRange<Int>?? = nil
  ) throws -> Rescored {
    let range = try observed ?? observedPeriods(db)
    let program = try store.program(db)
    guard let program, let lo = range?.lowerBound, let hi = range?.upperBound else {
      for table in [
        "partner_scores", "partner_ranks", "period_counts", "period_tiers", "kept_summary", "unscored_kpis",
        "kept_overview", "kept_trends", "kept_flags", "kept_pilot", "kept_payouts", "score_stamp",
      ] {
        try db.execute(sql: "DELETE FROM \(table)")
      }
      if program != nil {
        try db.execute(sql: "INSERT INTO score_stamp VALUES (1, ?)", arguments: [engineVersion])
      }
      return Rescored(from: nil, quarters: 0, periods: 0)
    }
    let periods = (lo...hi).map(Period.init(ordinal:))
    let partners = try store.partners(db)
    let grid = try Timings.measure("rescore: read and score") {
      try KeptGrid.score(
        db, store: store, program: program, partners: partners, periods: periods, sliceSize: sliceSize,
        progress: progress.map { report in { report($0, 2 * partners.count) } })
    }
    let ranked = Timings.measure("rescore: rank") {
      grid.score.withUnsafeBufferPointer {
        PeriodRanks(partners: partners, firstPeriod: grid.first, periods: periods.count, scores: $0)
      }
    }
    let T = periods.count
    var start = 0
    if let from, from > periods[0], try isCurrent(db),
      let kept = try Row.fetchOne(
        db, sql: "SELECT MIN(period), MAX(period) FROM period_counts WHERE segment = ''"),
      let keptLo: Int = kept[0], let keptHi: Int = kept[1], keptLo == lo
    {
      // Every quarter after the last kept one is new, even where the import
      // brought no row (a gap quarter between the stored data and the
      // import's): it is scored too.
      start = min(max(min(from.ordinal, keptHi + 1) - lo, 0), T)
    }
    if start == 0 { try writeSearchKeys(db, partners) }
    try Timings.measure("rescore: delete the rows replaced") {
      for table in [
        "partner_scores", "partner_ranks", "period_counts", "period_tiers", "kept_overview", "kept_trends",
      ] {
        if start == 0 {
          try db.execute(sql: "DELETE FROM \(table)")  // SQLite empties a whole table at once
        } else if table == "partner_scores" {
          // Keyed by partner first: find the rows through the rank order's period key.
          try db.execute(
            sql: """
              DELETE FROM partner_scores WHERE (partner_id, period) IN
                (SELECT partner_id, period FROM partner_ranks WHERE period >= ?)
              """, arguments: [lo + start])
        } else {
          try db.execute(sql: "DELETE FROM \(table) WHERE period >= ?", arguments: [lo + start])
        }
      }
    }
    try db.execute(sql: "DELETE FROM score_stamp")
    let insert = try BatchedInsert(
      db,
      into: """
        INSERT INTO partner_scores (partner_id, period, score, rank, segment_rank, movement, qualified_tier,
          tier, grace, next_tier, points_needed, keep_points_needed, progress, slope, at_risk, rising, blocked)
        """, values: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", columnsPerRow: 17,
      rowsPerStatement: 32)
    let tiers = program.tiers
    // The rows to write, p * T + t, in the table's key order (partner id
    // bytes, then period), which SQLite appends cheaply; `partner_ranks`
    // gets the same rows in rank order, also appended (an index on rank
    // would cost a sort of every row).
    var written: [Int] = []
    written.reserveCapacity(ranked.order.dropFirst(start).reduce(0) { $0 + $1.count })
    for p in partners.indices where grid.first[p] >= 0 {
      for t in max(start, grid.first[p])..<T { written.append(p * T + t) }
    }
    let rows = written.count
    let step = max(1, rows / 100)
    try Timings.measure("rescore: write") {
      try insert.write(count: rows, db) { insert, c, r in
        if r % step == 0 { progress?(partners.count + r * partners.count / max(rows, 1), 2 * partners.count) }
        let i = written[r]
        let p = i / T
        let t = i % T
        let score = grid.score[i]
        let tier = Int(grid.tier[i])
        let grace = Int(grid.grace[i])
        let standing = TierProgress(score: score, tier: tier, tiers: tiers, grace: grace)
        insert.bind(c, partners[p].id)
        insert.bind(c + 1, lo + t)
        insert.bind(c + 2, score)
        insert.bind(c + 3, ranked.ranks[i])
        insert.bind(c + 4, ranked.segmentRanks[i])
        insert.bind(c + 5, t > grid.first[p] ? ranked.ranks[i - 1] - ranked.ranks[i] : nil)
        insert.bind(c + 6, tiers[Int(grid.qualified[i])].id)
        insert.bind(c + 7, tiers[tier].id)
        insert.bind(c + 8, grace)
        insert.bind(c + 9, standing.nextTier?.id)
        insert.bind(c + 10, standing.pointsNeeded)
        insert.bind(c + 11, standing.keepPointsNeeded)
        insert.bind(c + 12, standing.progress)
        insert.bind(c + 13, grid.slope[i].isNaN ? nil : grid.slope[i])
        insert.bind(c + 14, grid.flags[i] & KeptGrid.atRisk != 0 ? 1 : 0)
        insert.bind(c + 15, grid.flags[i] & KeptGrid.rising != 0 ? 1 : 0)
        insert.bind(c + 16, grid.flags[i] & KeptGrid.blocked != 0 ? 1 : 0)
      }
    }
    let byRank = try BatchedInsert(
      db, into: "INSERT INTO partner_ranks (period, rank, partner_id)", values: "(?, ?, ?)", columnsPerRow: 3)
    try Timings.measure("rescore: rank order") {
      for t in start..<T {
        let order = ranked.order[t]
        try byRank.write(count: order.count, db) { insert, c, r in
          insert.bind(c, lo + t)
          insert.bind(c + 1, ranked.ranks[order[r] * T + t])
          insert.bind(c + 2, partners[order[r]].id)
        }
      }
    }
    for t in start..<T {
      try db.execute(
        sql: "INSERT INTO period_counts (period, segment, evaluated, reported) VALUES (?, '', ?, ?)",
        arguments: [lo + t, ranked.order[t].count, grid.reported[t]])
      for (segment, n) in ranked.segmentSizes[t] {
        try db.execute(
          sql: "INSERT INTO period_counts (period, segment, evaluated) VALUES (?, ?, ?)",
          arguments: [lo + t, segment, n])
      }
      var perTier = [Int](repeating: 0, count: tiers.count)
      for p in ranked.order[t] { perTier[Int(grid.tier[p * T + t])] += 1 }
      for (i, n) in perTier.enumerated() {
        try db.execute(sql: "INSERT INTO period_tiers VALUES (?, ?, ?)", arguments: [lo + t, tiers[i].id, n])
      }
    }
    try writeSummary(db, partners: partners, program: program, kpisSeen: grid.kpiNames)
    let standings = KeptStandings(grid: grid, ranks: ranked.ranks, T: T)
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    // The flags' record (SPEC section 16), every period: a quarter's
    // counts need the next one, so they are written whole each time.
    let steps = (0..<max(0, T - 1)).map {
      FlagCalibration.step(standings, at: $0, evaluated: ranked.order[$0], tiers: tiers)
    }
    try writeFlagSteps(db, steps, first: lo)
    if let setup = grid.pilotSetup {
      try writePilot(db, setup, grid.pilot, partners: partners.count, first: lo)
    }
    if let setup = grid.payoutSetup { try writePayouts(db, setup, values: grid.outcomeValues) }
    var position = [Int](repeating: 0, count: partners.count)
    for t in start..<T {
      for (i, p) in ranked.order[t].enumerated() { position[p] = i }
      for k in program.kpis.indices {
        let facts = standings.trendFacts(kpi: k, period: t, partners: partners, position: position)
        try db.execute(
          sql: "INSERT INTO kept_trends VALUES (?, ?, ?)",
          arguments: [lo + t, program.kpis[k].id, String(decoding: try encoder.encode(facts), as: UTF8.self)])
      }
      let facts = OverviewFacts(
        standings, program: program, partners: partners, period: t, order: ranked.order[t],
        creditSums: standings.creditSums(t),
        atRiskRecord: FlagCalibration(period: t, steps: steps).atRisk.all)
      try db.execute(
        sql: "INSERT INTO kept_overview VALUES (?, ?)",
        arguments: [lo + t, String(decoding: try encoder.encode(facts), as: UTF8.self)])
    }
    try db.execute(sql: "INSERT INTO score_stamp VALUES (1, ?)", arguments: [engineVersion])
    progress?(2 * partners.count, 2 * partners.count)
    return Rescored(from: start == 0 ? nil : Period(ordinal: lo + start), quarters: T - start, periods: T)
  }

  /// Whether the kept scores were written by this engine (a store from an
  /// older partnerboard has none, or an older stamp).
  /// Migration v3: the blocked flag (engine 2), and the view that shows it.
  static func addBlocked(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE partner_scores ADD COLUMN blocked INTEGER NOT NULL DEFAULT 0;
        DROP VIEW partner_scores_v;
        CREATE VIEW partner_scores_v AS
          SELECT partner_id, (period / 4) || 'Q' || (period % 4 + 1) AS quarter, score, rank, segment_rank,
                 movement, qualified_tier, tier, grace, next_tier, points_needed, keep_points_needed, progress,
                 slope, at_risk, rising, blocked
          FROM partner_scores;
        """)
  }

  /// Migration v5 (engine 3): the search keys of partners' names and ids,
  /// case and accents folded as `PartnerSearch` folds them, so a lookup by
  /// a piece of a name narrows the partners in SQL (then checks each match
  /// as the dashboard's search does). Filled by the next full rescore.
  static func addSearchKeys(_ db: Database) throws {
    try db.execute(
      sql: "CREATE TABLE partner_search (id TEXT PRIMARY KEY, key TEXT NOT NULL) WITHOUT ROWID")
  }

  /// Migration v6 (engine 4): what the dashboard's first frame reads besides
  /// one period's rows: partners per tier, how many partners and how wide
  /// the widest name (the table's layout), and the KPIs metrics hold that the
  /// program does not score. Filled by the next rescore.
  static func addFirstFrame(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE period_tiers (
          period INTEGER NOT NULL, tier TEXT NOT NULL, partners INTEGER NOT NULL,
          PRIMARY KEY (period, tier)
        ) WITHOUT ROWID;
        CREATE TABLE kept_summary (
          id INTEGER PRIMARY KEY CHECK (id = 1), partners INTEGER NOT NULL, longest_name INTEGER NOT NULL
        );
        CREATE TABLE unscored_kpis (kpi TEXT PRIMARY KEY) WITHOUT ROWID;
        """)
  }

  /// Migration v7 (engine 5): the overview's numbers per period
  /// (`OverviewFacts` as JSON), so that its first frame reads one row.
  static func addOverview(_ db: Database) throws {
    try db.execute(sql: "CREATE TABLE kept_overview (period INTEGER PRIMARY KEY, facts TEXT NOT NULL)")
  }

  /// Migration v8 (engine 6): each KPI's statistics and movers per period
  /// (`KPITrendFacts` as JSON), so that the trends screen's first frame
  /// reads a few rows.
  static func addTrends(_ db: Database) throws {
    try db.execute(
      sql: "CREATE TABLE kept_trends (period INTEGER NOT NULL, kpi TEXT NOT NULL, facts TEXT NOT NULL, "
        + "PRIMARY KEY (period, kpi)) WITHOUT ROWID")
  }

  /// The store-wide facts of the first frame, written again by every rescore.
  static func writeSummary(_ db: Database, partners: [Partner], program: Program, kpisSeen: [String]) throws {
    try db.execute(sql: "DELETE FROM kept_summary")
    try db.execute(sql: "DELETE FROM unscored_kpis")
    let longest = partners.reduce(0) { max($0, TextWidth.of($1.name)) }
    try db.execute(sql: "INSERT INTO kept_summary VALUES (1, ?, ?)", arguments: [partners.count, longest])
    for kpi in Set(kpisSeen) where program.kpiIndex(kpi) == nil {
      try db.execute(sql: "INSERT INTO unscored_kpis VALUES (?)", arguments: [kpi])
    }
  }

  /// Every partner's search key, written again (a full rescore: the
  /// partners or the program changed).
  static func writeSearchKeys(_ db: Database, _ partners: [Partner]) throws {
    try db.execute(sql: "DELETE FROM partner_search")
    let insert = try BatchedInsert(
      db, into: "INSERT INTO partner_search (id, key)", values: "(?, ?)", columnsPerRow: 2)
    try insert.write(count: partners.count, db) { statement, c, r in
      statement.bind(c, partners[r].id)
      statement.bind(c + 1, TextKeys.searchable(name: partners[r].name, id: partners[r].id))
    }
  }

  /// Migration v4: the leaderboard order in its own narrow table, written in
  /// rank order, instead of an index on rank that a rescore had to rebuild
  /// by sorting every kept row.
  static func addRankOrder(_ db: Database) throws {
    try db.execute(
      sql: """
        DROP INDEX IF EXISTS partner_scores_by_rank;
        CREATE TABLE partner_ranks (
          period INTEGER NOT NULL, rank INTEGER NOT NULL, partner_id TEXT NOT NULL,
          PRIMARY KEY (period, rank, partner_id)
        ) WITHOUT ROWID;
        INSERT INTO partner_ranks SELECT period, rank, partner_id FROM partner_scores;
        """)
  }

  /// The first and last quarter of the observations (nil: none), by a scan
  /// of them all (the table is keyed by partner first).
  static func observedPeriods(_ db: Database) throws -> ClosedRange<Int>? {
    let row = try Row.fetchOne(db, sql: "SELECT MIN(period), MAX(period) FROM observations")
    guard let lo: Int = row?[0], let hi: Int = row?[1] else { return nil }
    return lo...hi
  }

  /// The same when it is known without a scan (`.some`): from the kept
  /// scores' quarters when they are this engine's (a rescore keeps a row of
  /// `period_counts` for every quarter of the observations), or nil when
  /// there are no observations; `nil` when only a scan can tell.
  static func knownObservedPeriods(_ db: Database) throws -> ClosedRange<Int>?? {
    if try Int.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM observations)") == 1 { return .some(nil) }
    guard try isCurrent(db),
      let row = try Row.fetchOne(
        db, sql: "SELECT MIN(period), MAX(period) FROM period_counts WHERE segment = ''"),
      let lo: Int = row[0], let hi: Int = row[1]
    else { return nil }
    return .some(lo...hi)
  }

  /// Which engine wrote the kept scores.
  public enum Stamp: Equatable, Sendable {
    /// None kept yet, or a stamp that is not a number: rescore.
    case none
    case older(Int)
    case current
    /// A newer partnerboard's: read the data, never the kept rows, and never write.
    case newer(Int)
  }

  static func stamp(_ db: Database) throws -> Stamp {
    guard let value = try DatabaseValue.fetchOne(db, sql: "SELECT engine FROM score_stamp WHERE id = 1"),
      case .int64(let n) = value.storage
    else { return .none }
    if n == engineVersion { return .current }
    return n < engineVersion ? .older(Int(n)) : .newer(Int(clamping: n))
  }

  static func isCurrent(_ db: Database) throws -> Bool { try stamp(db) == .current }

  /// Kept scores of an older engine (or none) over a store with a program:
  /// rescored once, by the first command that can write the file.
  static func needsRescore(_ db: Database) throws -> Bool {
    switch try stamp(db) {
    case .current, .newer: return false
    case .none, .older: return (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM program") ?? 0) > 0
    }
  }
}

extension PartnerStore {
  /// Rescores the whole store in one transaction (a store from an older
  /// partnerboard, or kept scores of an older engine).
  @discardableResult
  public func rescoreKept(progress: ((Int, Int) -> Void)? = nil) throws -> KeptScores.Rescored {
    guard !readOnly else { throw StoreError.database(path, DatabaseError(resultCode: .SQLITE_READONLY)) }
    let rescored = try located {
      try queue.write { db in try KeptScores.rescore(db, store: self, progress: progress) }
    }
    defer { try? checkpoint() }
    return rescored
  }

  func checkpoint() throws {
    // Back into the main file now: a reader open in this process keeps the
    // WAL from being removed at close, and every later reader would read
    // its index again (about 65 ms at 100,000 partners).
    try located {
      try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    }
  }
}

/// Reading one partner through the kept scores: its own rows, scored on
/// their own (everything but ranks depends on them only), placed among the
/// others with the kept ranks.
extension PartnerStore {
  /// What a lookup needs besides the partner: the program and the store's periods.
  public struct KeptView: Sendable {
    public let program: Program
    public let periods: [Period]
    /// Each period's coverage, open or closed (SPEC section 3).
    public let coverage: [QuarterCoverage]
    public var closedThrough: Period? { coverage.last { !$0.provisional }?.period }
  }

  /// Nil when there are no kept scores of this engine (a store from an
  /// older partnerboard not yet rescored), or no data.
  public func keptView() throws -> KeptView? { try located { try queue.read { db in try keptView(db) } } }

  /// The same, inside a read: what every reader of the kept scores checks first.
  func keptView(_ db: Database) throws -> KeptView? {
    guard try KeptScores.isCurrent(db), let program = try program(db),
      let range = try Row.fetchOne(
        db, sql: "SELECT MIN(period), MAX(period) FROM period_counts WHERE segment = ''"),
      !(range[0] as DatabaseValue).isNull
    else { return nil }
    let check = KeptCheck(path, "period_counts")
    let lo = try check.int(range[0], "the first period", in: Period.ordinals)
    let hi = try check.int(
      range[1], "the last period", in: lo...min(lo + NumberLimits.quarters - 1, Period.ordinals.upperBound))
    let periods = (lo...hi).map(Period.init(ordinal:))
    return KeptView(
      program: program, periods: periods, coverage: try Self.coverage(db, path: path, periods: periods))
  }

  /// The partner with this exact id (NFC, as stored).
  public func partner(id: String) throws -> Partner? {
    try located {
      try queue.read { db in
        try Row.fetchOne(
          db, sql: "SELECT id, name, segment, region, manager FROM partners WHERE id = ?", arguments: [id]
        )
        .map { Partner(id: $0[0], name: $0[1], segment: $0[2], region: $0[3], manager: $0[4]) }
      }
    }
  }

  /// The partners' regions, each once (as stored).
  public func regions() throws -> [String] {
    try located {
      try queue.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT region FROM partners") }
    }
  }

  /// The managers partners.csv names, each once (as stored; blanks are no manager).
  public func managers() throws -> [String] {
    try located {
      try queue.read { db in
        try String.fetchAll(
          db, sql: "SELECT DISTINCT manager FROM partners WHERE manager IS NOT NULL AND manager <> ''")
      }
    }
  }

  /// Every partner (id order), for searching by name.
  public func allPartners() throws -> [Partner] { try located { try queue.read { db in try partners(db) } } }

  /// The partners whose kept search key holds `key` (`TextKeys.search` of a
  /// query), in id order: a superset of those a search for it matches (the
  /// caller checks each), read without decoding every partner.
  public func partners(searching key: String) throws -> [Partner] {
    try located {
      try queue.read { db in
        var out: [Partner] = []
        try RawRows.each(
          db,
          """
          SELECT p.id, p.name, p.segment, p.region, p.manager
          FROM partner_search s CROSS JOIN partners p ON p.id = s.id
          WHERE instr(s.key, ?) > 0 ORDER BY s.id
          """, arguments: [key]
        ) { r in
          out.append(
            Partner(
              id: r.text(0), name: r.text(1), segment: r.text(2), region: r.text(3),
              manager: r.optionalText(4)))
        }
        return out
      }
    }
  }

  /// One partner's data scored on its own over the store's periods: a
  /// Scorebook whose partner 0 is `partner`.
  public func scorebook(of partner: Partner, view: KeptView) throws -> Scorebook {
    try located { try queue.read { db in try scorebook(db, of: partner, view: view) } }
  }

  func scorebook(_ db: Database, of partner: Partner, view: KeptView) throws -> Scorebook {
    let table = try Self.observations(
      db, where: "partner_id = ?", partner.id, partnerIndex: [partner.id: 0])
    let adjustments = try self.adjustments(db, partner: partner.id)
    let agreements = try self.agreements(db, partner: partner.id)
    var data = Dataset(
      program: view.program, partners: [partner], observations: [], adjustments: adjustments,
      agreements: agreements, observationTable: table)
    data.periodRange = view.periods.first!...view.periods.last!
    data.closedThrough = view.closedThrough
    data.coverage = view.coverage
    return Scorebook(data, parallel: false)
  }

  /// The kept ranks of a partner at a period, and how many were evaluated
  /// (all, and in its segment); nil when it was not evaluated then.
  public func placement(of partner: Partner, at period: Period) throws
    -> (
      rank: Int, segmentRank: Int, movement: Int?, rankedCount: Int, segmentCount: Int, score: Double,
      tier: Int
    )?
  {
    try located {
      try queue.read { db in
        guard let program = try program(db) else { throw StoreError.empty(path) }
        return try placement(db, of: partner, at: period, program: program)
      }
    }
  }
}

/// A partner read on its own through the kept scores: its own scorebook
/// (where it is partner 0), placed among the others with the kept ranks.
public struct PartnerAlone: Sendable {
  public let partner: Partner
  public let book: Scorebook
  /// The period shown (an index into `book.periods`).
  public let period: Int
  /// Its evaluation at `period` with the kept ranks; nil: no data then.
  public let evaluation: PartnerEvaluation?
  /// Its kept rank at each period (nil where not evaluated).
  public let ranks: [Int?]
}

extension PartnerStore {
  /// `partner` read on its own at period index `t` of the kept scores' periods.
  /// Everything is read in one transaction: an import or undo that commits
  /// meanwhile is seen whole or not at all (the kept view is read again in
  /// it; `t` picks the same quarter in it).
  public func alone(_ partner: Partner, view: KeptView, period t: Int) throws -> PartnerAlone {
    try located {
      try queue.read { db in
        guard let now = try keptView(db) else {
          throw StoreError.keptDamaged(path, "the kept scores were removed while reading")
        }
        let wanted = view.periods[t]
        let u = now.periods.firstIndex(of: wanted) ?? now.periods.count - 1
        return try alone(db, partner, view: now, period: u)
      }
    }
  }

  func alone(_ db: Database, _ partner: Partner, view: KeptView, period t: Int) throws -> PartnerAlone {
    let book = try scorebook(db, of: partner, view: view)
    var evaluation: PartnerEvaluation?
    if let e = book.evaluation(partner: 0, period: t) {
      guard let place = try placement(db, of: partner, at: view.periods[t], program: view.program) else {
        throw StoreError.keptDamaged(
          path, "\(partner.id) has no kept score for \(view.periods[t]) although it has data then")
      }
      // The kept score and tier were computed from the same data: one that
      // differs was written by other rules (or by hand), and so may its ranks.
      guard place.score == e.score, place.tier == e.tierIndex else {
        throw StoreError.keptDamaged(
          path,
          "partner_scores, \(partner.id) at \(view.periods[t]): kept score \(place.score) and tier \(view.program.tiers[place.tier].id), but its data scores \(e.score) and \(e.tier.id)"
        )
      }
      evaluation = e.placed(
        rank: place.rank, segmentRank: place.segmentRank, movement: place.movement,
        rankedCount: place.rankedCount, segmentCount: place.segmentCount)
    }
    return PartnerAlone(
      partner: partner, book: book, period: t, evaluation: evaluation,
      ranks: try keptRanks(db, of: partner, periods: view.periods))
  }

  /// The same inside a read, every value checked (`program`: the store's, as read already).
  func placement(_ db: Database, of partner: Partner, at period: Period, program: Program) throws
    -> (
      rank: Int, segmentRank: Int, movement: Int?, rankedCount: Int, segmentCount: Int, score: Double,
      tier: Int
    )?
  {
    guard
      let row = try Row.fetchOne(
        db,
        sql:
          "SELECT rank, segment_rank, movement, score, tier FROM partner_scores WHERE partner_id = ? AND period = ?",
        arguments: [partner.id, period.ordinal])
    else { return nil }
    let most = try keptPartners(db)
    let all = try evaluated(db, at: period, most: most)
    let inSegment = try evaluated(db, at: period, segment: partner.segment, most: most)
    let check = KeptCheck(path, "partner_scores, \(partner.id) at \(period)")
    return (
      try check.int(row[0], "rank", in: 1...max(1, all)),
      try check.int(row[1], "segment_rank", in: 1...max(1, inSegment)),
      try check.optionalInt(row[2], "movement", in: -most...most),
      all, inSegment, try check.score(row[3]), try check.tier(row[4], "tier", of: program)
    )
  }

  /// How many partners were evaluated at `period` (in `segment`; "" is
  /// everyone), checked: 0 when there is no row.
  /// `most`: the kept partner count, when already read.
  func evaluated(_ db: Database, at period: Period, segment: String = "", most: Int? = nil) throws -> Int {
    guard
      let value = try DatabaseValue.fetchOne(
        db, sql: "SELECT evaluated FROM period_counts WHERE period = ? AND segment = ?",
        arguments: [period.ordinal, segment])
    else { return 0 }
    return try KeptCheck(path, "period_counts, \(period)\(segment.isEmpty ? "" : " " + segment)")
      .int(value, "evaluated", in: 0...(try most ?? keptPartners(db)))
  }

  /// How many partners the kept scores were written for (`kept_summary`).
  func keptPartners(_ db: Database) throws -> Int {
    let value = try DatabaseValue.fetchOne(db, sql: "SELECT partners FROM kept_summary WHERE id = 1") ?? .null
    return try KeptCheck(path, "kept_summary").int(value, "partners", in: 0...Int(Int32.max))
  }

  /// A partner's kept rank at each of `periods` (nil where not evaluated).
  func keptRanks(of partner: Partner, periods: [Period]) throws -> [Int?] {
    try located { try queue.read { db in try keptRanks(db, of: partner, periods: periods) } }
  }

  func keptRanks(_ db: Database, of partner: Partner, periods: [Period]) throws -> [Int?] {
    var rank: [Int: Int] = [:]
    let most = try keptPartners(db)
    for row in try Row.fetchAll(
      db, sql: "SELECT period, rank FROM partner_scores WHERE partner_id = ?", arguments: [partner.id])
    {
      let check = KeptCheck(path, "partner_scores, \(partner.id)")
      rank[try check.int(row[0], "period", in: Period.ordinals)] = try check.int(
        row[1], "rank", in: 1...max(1, most))
    }
    return periods.map { rank[$0.ordinal] }
  }
}

extension PartnerStore {
  /// The leaderboard at `period` from the kept scores, in rank order (ties by
  /// name in code-point order, then id), the partners that pass `filter`, at
  /// most `top`: reading stops at the last one needed. Also how many were
  /// evaluated then.
  public func keptLeaderboard(at period: Period, filter: PartnerFilter, top: Int?) throws -> (
    lines: [LeaderboardLine], evaluated: Int
  ) {
    try located {
      try queue.read { db in
        let evaluated = try self.evaluated(db, at: period)
        let most = try keptPartners(db)
        guard let program = try self.program(db) else { throw StoreError.empty(path) }
        var lines: [LeaderboardLine] = []
        let sql = """
          SELECT s.partner_id, p.name, p.segment, p.region, p.manager, s.rank, s.segment_rank, s.movement, s.tier,
                 s.score, s.at_risk, s.rising, s.grace, s.blocked,
                 (SELECT b.score FROM partner_scores b WHERE b.partner_id = s.partner_id AND b.period = s.period - 1)
          FROM partner_ranks r
            JOIN partner_scores s ON s.partner_id = r.partner_id AND s.period = r.period
            JOIN partners p ON p.id = r.partner_id
          WHERE r.period = ?
          ORDER BY r.rank, p.name, p.id
          """
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments([period.ordinal])
        let rows = try Row.fetchCursor(statement)
        while let r = try rows.next() {
          let partner = Partner(id: r[0], name: r[1], segment: r[2], region: r[3], manager: r[4])
          let check = KeptCheck(path, "partner_scores, \(partner.id) at \(period)")
          let tierID = program.tiers[try check.tier(r[8], "tier", of: program)].id
          guard filter.matches(partner, tierID: tierID) else {
            continue
          }
          let score = try check.score(r[9])
          let previous = try check.optionalReal(r[14], "the score before", in: 0...100)
          lines.append(
            LeaderboardLine(
              partner: partner, rank: try check.int(r[5], "rank", in: 1...max(1, evaluated)),
              segmentRank: try check.int(r[6], "segment_rank", in: 1...max(1, evaluated)),
              movement: try check.optionalInt(r[7], "movement", in: -most...most), tierID: tierID,
              score: score,
              change: previous.map { score - $0 }, atRisk: try check.flag(r[10], "at_risk"),
              rising: try check.flag(r[11], "rising"), blocked: try check.flag(r[13], "blocked"),
              grace: try check.int(r[12], "grace", in: 0...program.gracePeriods))
          )
          if let top, lines.count >= top { break }
        }
        return (lines, evaluated)
      }
    }
  }
}
