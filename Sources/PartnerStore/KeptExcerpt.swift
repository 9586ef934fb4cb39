import Foundation
import GRDB
import Scoring

extension PartnerStore {
  /// `rows` rows of a period's leaderboard from row `offset` (rank order,
  /// then the partners without data by name) from the kept scores, for a
  /// first frame that reads a screenful instead of the whole store; with a
  /// `segment`, only that segment's partners; with a `manager`, only that
  /// manager's book. `choose` picks the period
  /// among the store's (it may throw, as `--period` does). Nil when the kept
  /// scores are not this engine's, there are no metrics, or the segment is
  /// not the program's: the caller loads the whole scorebook instead.
  public func leaderboardExcerpt(
    rows: Int, from offset: Int = 0, segment: String? = nil, manager: String? = nil,
    choose: ([Period]) throws -> Int
  ) throws -> LeaderboardExcerpt? {
    try located {
      try queue.read { db in
        guard let view = try keptView(db), segment.map({ view.program.segment($0) != nil }) ?? true,
          let summary = try Row.fetchOne(db, sql: "SELECT partners, longest_name FROM kept_summary")
        else { return nil }
        let (program, periods) = (view.program, view.periods)
        let t = try choose(periods)
        let ordinal = periods[t].ordinal
        let partnerCount = try keptPartners(db)
        let longestName = try KeptCheck(path, "kept_summary").int(
          summary[1], "longest_name", in: 0...Int(Int32.max))
        let evaluated = try self.evaluated(db, at: periods[t])
        var tierCounts = [Int](repeating: 0, count: program.tiers.count)
        for row in try Row.fetchAll(
          db, sql: "SELECT tier, partners FROM period_tiers WHERE period = ?", arguments: [ordinal])
        {
          let check = KeptCheck(path, "period_tiers, \(periods[t])")
          tierCounts[try check.tier(row[0], "tier", of: program)] = try check.int(
            row[1], "partners", in: 0...evaluated)
        }
        guard tierCounts.reduce(0, +) == evaluated else {
          throw StoreError.keptDamaged(
            path,
            "period_tiers, \(periods[t]): \(tierCounts.reduce(0, +)) partners in tiers, \(evaluated) evaluated"
          )
        }
        var unscored: [String] = []
        for value in try DatabaseValue.fetchAll(db, sql: "SELECT kpi FROM unscored_kpis ORDER BY kpi") {
          unscored.append(try KeptCheck(path, "unscored_kpis").text(value, "kpi"))
        }
        // With a segment or a book, only its partners are listed.
        var listedEvaluated = evaluated
        var listed = partnerCount
        var inSegment = ""
        var segmentArgument: [(any DatabaseValueConvertible)?] = []
        if let segment {
          inSegment += " AND p.segment = ?"
          segmentArgument.append(segment)
        }
        if let manager {
          inSegment += " AND p.manager = ?"
          segmentArgument.append(manager)
        }
        if let segment, manager == nil {
          listedEvaluated = try self.evaluated(db, at: periods[t], segment: segment)
        } else if manager != nil {
          listedEvaluated =
            try Int.fetchOne(
              db,
              sql: """
                SELECT COUNT(*) FROM partner_ranks r JOIN partners p ON p.id = r.partner_id
                WHERE r.period = ?\(inSegment)
                """, arguments: StatementArguments([ordinal] + segmentArgument)) ?? 0
        }
        if !segmentArgument.isEmpty {
          listed =
            try Int.fetchOne(
              db, sql: "SELECT COUNT(*) FROM partners p WHERE 1 = 1\(inSegment)",
              arguments: StatementArguments(segmentArgument)) ?? 0
        }

        // The ranked rows: rank order, ties by name then id (code points, as `Ranking`).
        var partners: [Partner] = []
        var ranks: [Int?] = []
        var movements: [Int?] = []
        var segmentRanks: [Int] = []
        var keptScores: [(score: Double, tier: Int)] = []
        func partner(_ r: RawRows, from c: Int32) -> Partner {
          Partner(
            id: r.text(c), name: r.text(c + 1), segment: r.text(c + 2), region: r.text(c + 3),
            manager: r.optionalText(c + 4))
        }
        if rows > 0 {
          try RawRows.each(
            db,
            """
            SELECT p.id, p.name, p.segment, p.region, p.manager, r.rank, s.movement, s.score, s.tier,
              s.segment_rank
            FROM partner_ranks r
              JOIN partner_scores s ON s.partner_id = r.partner_id AND s.period = r.period
              JOIN partners p ON p.id = r.partner_id
            WHERE r.period = ?\(inSegment)
            ORDER BY r.rank, p.name, p.id LIMIT ? OFFSET ?
            """, arguments: [ordinal] + segmentArgument + [rows, max(0, offset)]
          ) { r in
            let p = partner(r, from: 0)
            let check = KeptCheck(path, "partner_scores, \(p.id) at \(periods[t])")
            partners.append(p)
            ranks.append(try check.int(r.value(5), "rank", in: 1...max(1, evaluated)))
            movements.append(try check.optionalInt(r.value(6), "movement", in: -partnerCount...partnerCount))
            keptScores.append((try check.score(r.value(7)), try check.tier(r.value(8), "tier", of: program)))
            segmentRanks.append(try check.int(r.value(9), "segment_rank", in: 1...max(1, evaluated)))
          }
        }
        // Room left: the partners without data at the period, by name.
        if partners.count < rows, max(0, offset) + partners.count >= listedEvaluated {
          var missing: [Partner] = []
          try RawRows.each(
            db,
            """
            SELECT id, name, segment, region, manager FROM partners p
            WHERE id NOT IN (SELECT partner_id FROM partner_ranks WHERE period = ?)\(inSegment)
            """, arguments: [ordinal] + segmentArgument
          ) { r in missing.append(partner(r, from: 0)) }
          missing.sort { Ranking.precedes((0, $0.name, $0.id), (0, $1.name, $1.id)) }
          let skip = max(0, offset - listedEvaluated)
          for p in missing.dropFirst(skip).prefix(rows - partners.count) {
            partners.append(p)
            ranks.append(nil)
            movements.append(nil)
          }
        }

        // Those partners' own data, scored on their own.
        var table = ObservationTable()
        var kpis = KPICodes()
        var adjustments: [Adjustment] = []
        for (i, p) in partners.enumerated() {
          try RawRows.each(
            db, "SELECT period, kpi, value FROM observations WHERE partner_id = ?", arguments: [p.id]
          ) { r in
            table.append(partner: i, period: r.int(0), kpi: kpis.code(r.raw(1)), value: r.double(2))
          }
          adjustments += try self.adjustments(db, partner: p.id)
        }
        table.kpiNames = kpis.names
        var data = Dataset(
          program: program, partners: partners, observations: [], adjustments: adjustments, agreements: [],
          observationTable: table)
        data.periodRange = periods.first!...periods.last!
        data.closedThrough = view.closedThrough
        data.coverage = view.coverage
        let book = Scorebook(data, parallel: false)
        // Kept scores another engine (or a hand) wrote do not match the data.
        for (i, kept) in keptScores.enumerated()
        where book.score(i, t) != kept.score || book.tier(i, t) != kept.tier {
          throw StoreError.keptDamaged(
            path,
            "partner_scores, \(partners[i].id) at \(periods[t]): kept score \(kept.score) and tier \(program.tiers[kept.tier].id) differ from what its data scores"
          )
        }
        // Badges: a top badge by the kept ranks, the others by the partner's own data.
        var segmentSizes: [String: Int] = [:]
        var badges: [[Int]] = []
        for (i, p) in partners.enumerated() {
          guard let rank = ranks[i], !program.badges.isEmpty else {
            badges.append([])
            continue
          }
          if segmentSizes[p.segment] == nil {
            segmentSizes[p.segment] = try self.evaluated(
              db, at: periods[t], segment: p.segment, most: evaluated)
          }
          badges.append(
            book.badges(
              i, t, rank: rank, segmentRank: segmentRanks[i], rankedCount: evaluated,
              segmentCount: segmentSizes[p.segment]!))
        }
        return LeaderboardExcerpt(
          book: book, period: t, offset: max(0, offset), ranks: ranks,
          movements: movements, badges: badges,
          evaluated: evaluated, partnerCount: partnerCount, segment: segment, manager: manager,
          showing: listedEvaluated,
          listed: listed,
          tierCounts: tierCounts, longestName: longestName,
          unscoredKPIs: unscored)
      }
    }
  }
}

extension PartnerStore {
  /// The overview's numbers at the period `choose` picks among the store's,
  /// read from one kept row; nil when the kept scores are not this engine's
  /// or there are no metrics.
  public func keptOverview(choose: ([Period]) throws -> Int) throws -> KeptOverview? {
    try located {
      try queue.read { db in
        // A book's copy holds none: they name partners of other books.
        guard try Self.copiedBook(db) == nil, let view = try keptView(db) else { return nil }
        let (program, periods) = (view.program, view.periods)
        let t = try choose(periods)
        guard
          let value = try DatabaseValue.fetchOne(
            db, sql: "SELECT facts FROM kept_overview WHERE period = ?", arguments: [periods[t].ordinal])
        else { return nil }
        let json = try KeptCheck(path, "kept_overview, \(periods[t])").text(value, "facts")
        let facts: OverviewFacts
        do {
          facts = try JSONDecoder().decode(OverviewFacts.self, from: Data(json.utf8))
        } catch {
          throw StoreError.keptDamaged(path, "kept_overview, \(periods[t]): the facts do not read back")
        }
        guard facts.fits(program) else {
          throw StoreError.keptDamaged(path, "kept_overview, \(periods[t]): the facts are not this program's")
        }
        return KeptOverview(
          program: program, periods: periods, period: t, facts: facts, coverage: view.coverage[t])
      }
    }
  }
}

extension PartnerStore {
  /// The trends of every partner up to the period `choose` picks, with KPI
  /// `kpi`'s movers, read from the kept rows; nil when the kept scores are
  /// not this engine's or there are no metrics.
  public func keptTrends(kpi k: Int, choose: ([Period]) throws -> Int) throws -> KeptTrends? {
    try keptTrends(kpi: { _ in k }, choose: choose)
  }

  /// The same, with the KPI picked from the store's program (as `--kpi` is).
  public func keptTrends(kpi pick: (Program) throws -> Int, choose: ([Period]) throws -> Int) throws
    -> KeptTrends?
  {
    try located {
      try queue.read { db in
        // A book's copy holds none: they name partners of other books.
        guard try Self.copiedBook(db) == nil, let view = try keptView(db) else { return nil }
        let k = try pick(view.program)
        guard view.program.kpis.indices.contains(k) else { return nil }
        let (program, periods) = (view.program, view.periods)
        let lo = periods[0].ordinal
        let t = try choose(periods)
        var facts = [[KPITrendFacts?]](
          repeating: [KPITrendFacts?](repeating: nil, count: t + 1), count: program.kpis.count)
        let decoder = JSONDecoder()
        for row in try Row.fetchAll(
          db, sql: "SELECT period, kpi, facts FROM kept_trends WHERE period BETWEEN ? AND ?",
          arguments: [lo, lo + t])
        {
          let check = KeptCheck(path, "kept_trends")
          let u = try check.int(row[0], "period", in: lo...(lo + t)) - lo
          guard let i = program.kpiIndex(try check.text(row[1], "kpi")) else { continue }
          let json = try check.text(row[2], "facts")
          guard let f = try? decoder.decode(KPITrendFacts.self, from: Data(json.utf8)),
            f.statistics.kpi == i, f.statistics.period == u
          else {
            throw StoreError.keptDamaged(path, "kept_trends, \(periods[u]): the facts do not read back")
          }
          facts[i][u] = f
        }
        let all = facts.map { $0.compactMap { $0?.statistics } }
        guard all.allSatisfy({ $0.count == t + 1 }), let chosen = facts[k][t] else {
          throw StoreError.keptDamaged(path, "kept_trends up to \(periods[t]): rows are missing")
        }
        var kept = KeptTrends(program: program, periods: periods, period: t, all: all, chosen: chosen)
        kept.coverage = view.coverage
        return kept
      }
    }
  }
}
