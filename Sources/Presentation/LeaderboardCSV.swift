import Scoring

/// The one CSV layout of a leaderboard, for `leaderboard --format csv` and
/// the dashboard's export alike: ids where a program names things (segment,
/// tier), numbers as numbers, every text through `CSVWriter`.
public enum LeaderboardCSV {
  public static let header = [
    "rank", "segment_rank", "movement", "partner_id", "name", "segment", "region", "manager", "tier", "score",
    "change",
    "at_risk", "rising", "grace", "blocked",
  ]

  public static func document(_ lines: [LeaderboardLine]) -> String { table(lines).csv() }

  /// The rows, for any export format.
  public static func table(_ lines: [LeaderboardLine]) -> ExportTable {
    ExportTable(
      header: header,
      rows: lines.map { l in
        [
          String(l.rank), String(l.segmentRank), l.movement.map(String.init) ?? "new", l.partner.id,
          l.partner.name, l.partner.segment, l.partner.region, l.partner.manager ?? "", l.tierID,
          NumberFormat.fixed(l.score, 2),
          l.change.map { NumberFormat.fixed($0, 2) } ?? "", String(l.atRisk), String(l.rising),
          String(l.grace), String(l.blocked),
        ]
      })
  }

  /// `partners` (indices into the book) in the order given, at period `t`.
  public static func document(_ book: Scorebook, period t: Int, partners: [Int]) -> String {
    table(book, period: t, partners: partners).csv()
  }

  public static func table(_ book: Scorebook, period t: Int, partners: [Int]) -> ExportTable {
    table(partners.compactMap { book.leaderboardLine($0, t) })
  }
}
