import Foundation
import GRDB
import Scoring

extension PartnerStore {
  /// `rows` rows of a period's leaderboard from row `offset` (rank order,
  /// then the partners without data by name) from the kept scores, for a
  /// first frame that reads a screenful instead of the whole store; with a
  /// `segment`, only that segment's partners. `choose` picks the period
  /// among the store's (it may throw, as `--period` does). Nil when the kept
  /// scores are not this engine's, there are no metrics, or the segment is
  /// not the program's: the caller loads the whole scorebook instead.
  public func leaderboardExcerpt(
    rows: Int, from offset: Int = 0, segment: String? = nil, choose: ([Period]) throws -> Int
  ) throws -> LeaderboardExcerpt? {
    try located {
      try queue.read { db in
        guard let view = try keptView(db), segment.map({ view.program.segment($0) != nil }) ?? true,
          let summary = try Row.fetchOne(db, sql: "SELECT partners, longest_name FROM kept_summary")
        else { return nil }
        let (program, periods) = (view.program, view.periods)
        let t = try choose(periods)
        let ordinal = periods[t].ordinal
        let evaluated =
          try Int.fetchOne(
            db, sql: "SELECT evaluated FROM period_counts WHERE period = ? AND segment = ''",
            arguments: [ordinal])
          ?? 0
        var tierCounts = [Int](repeating: 0, count: program.tiers.count)
        for row in try Row.fetchAll(
          db, sql: "SELECT tier, partners FROM period_tiers WHERE period = ?", arguments: [ordinal])
        {
          if let i = program.tiers.firstIndex(where: { $0.id == row[0] as String }) { tierCounts[i] = row[1] }
        }
        let unscored = try String.fetchAll(db, sql: "SELECT kpi FROM unscored_kpis ORDER BY kpi")
        // With a segment, only its partners are listed.
        var listedEvaluated = evaluated
        var listed: Int = summary[0]
        if let segment {
          listedEvaluated =
            try Int.fetchOne(
              db, sql: "SELECT evaluated FROM period_counts WHERE period = ? AND segment = ?",
              arguments: [ordinal, segment]) ?? 0
          listed =
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM partners WHERE segment = ?", arguments: [segment])
            ?? 0
        }
        let inSegment = segment == nil ? "" : " AND p.segment = ?"
        let segmentArgument: [(any DatabaseValueConvertible)?] = segment.map { [$0] } ?? []

        // The ranked rows: rank order, ties by name then id (code points, as `Ranking`).
        var partners: [Partner] = []
        var ranks: [Int?] = []
        var movements: [Int?] = []
        func partner(_ r: RawRows, from c: Int32) -> Partner {
          Partner(
            id: r.text(c), name: r.text(c + 1), segment: r.text(c + 2), region: r.text(c + 3),
            manager: r.optionalText(c + 4))
        }
        if rows > 0 {
          try RawRows.each(
            db,
            """
            SELECT p.id, p.name, p.segment, p.region, p.manager, r.rank, s.movement
            FROM partner_ranks r
              JOIN partner_scores s ON s.partner_id = r.partner_id AND s.period = r.period
              JOIN partners p ON p.id = r.partner_id
            WHERE r.period = ?\(inSegment)
            ORDER BY r.rank, p.name, p.id LIMIT ? OFFSET ?
            """, arguments: [ordinal] + segmentArgument + [rows, max(0, offset)]
          ) { r in
            partners.append(partner(r, from: 0))
            ranks.append(r.int(5))
            movements.append(r.optionalInt(6))
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
        return LeaderboardExcerpt(
          book: Scorebook(data, parallel: false), period: t, offset: max(0, offset), ranks: ranks,
          movements: movements,
          evaluated: evaluated, partnerCount: summary[0], segment: segment, showing: listedEvaluated,
          listed: listed,
          tierCounts: tierCounts, longestName: summary[1],
          unscoredKPIs: unscored)
      }
    }
  }
}

/// The overview's numbers at one period, as a rescore kept them.
public struct KeptOverview: Sendable {
  public let program: Program
  public let periods: [Period]
  /// The period shown (an index into `periods`).
  public let period: Int
  public let facts: OverviewFacts
}

extension PartnerStore {
  /// The overview's numbers at the period `choose` picks among the store's,
  /// read from one kept row; nil when the kept scores are not this engine's
  /// or there are no metrics.
  public func keptOverview(choose: ([Period]) throws -> Int) throws -> KeptOverview? {
    try located {
      try queue.read { db in
        guard let view = try keptView(db) else { return nil }
        let (program, periods) = (view.program, view.periods)
        let t = try choose(periods)
        guard
          let json = try String.fetchOne(
            db, sql: "SELECT facts FROM kept_overview WHERE period = ?", arguments: [periods[t].ordinal])
        else { return nil }
        let facts: OverviewFacts
        do {
          facts = try JSONDecoder().decode(OverviewFacts.self, from: Data(json.utf8))
        } catch {
          throw StoreError.corrupt(path, "the kept overview of \(periods[t]) does not read back: \(error)")
        }
        guard facts.fits(program) else {
          throw StoreError.corrupt(path, "the kept overview of \(periods[t]) is not this program's")
        }
        return KeptOverview(program: program, periods: periods, period: t, facts: facts)
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
        guard let view = try keptView(db) else { return nil }
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
          let u = (row[0] as Int) - lo
          guard let i = program.kpiIndex(row[1]), (0...t).contains(u) else { continue }
          let json: String = row[2]
          guard let f = try? decoder.decode(KPITrendFacts.self, from: Data(json.utf8)),
            f.statistics.kpi == i, f.statistics.period == u
          else { throw StoreError.corrupt(path, "the kept trends of \(periods[u]) do not read back") }
          facts[i][u] = f
        }
        let all = facts.map { $0.compactMap { $0?.statistics } }
        guard all.allSatisfy({ $0.count == t + 1 }), let chosen = facts[k][t] else {
          throw StoreError.corrupt(path, "the kept trends up to \(periods[t]) are incomplete")
        }
        return KeptTrends(program: program, periods: periods, period: t, all: all, chosen: chosen)
      }
    }
  }
}
