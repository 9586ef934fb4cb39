import Scoring

/// The one CSV layout of a leaderboard, for `leaderboard --format csv` and
/// the dashboard's export alike: ids where a program names things (segment,
/// tier), numbers as numbers, every text through `CSVWriter`.
public enum LeaderboardCSV {
  public static let header = [
    "rank", "segment_rank", "movement", "partner_id", "name", "segment", "region", "tier", "score", "change",
    "at_risk", "rising", "grace",
  ]

  /// `partners` (indices into the book) in the order given, at period `t`.
  public static func document(_ book: Scorebook, period t: Int, partners: [Int]) -> String {
    CSVWriter.document(
      header: header,
      rows: partners.map { p in
        let partner = book.partners[p]
        let score = book.score(p, t) ?? 0
        let previous = t > 0 ? book.score(p, t - 1) : nil
        let outlook = book.outlook(p, t)
        return [
          book.rank(p, t).map(String.init) ?? "", book.segmentRank(p, t).map(String.init) ?? "",
          book.movement(p, t).map(String.init) ?? "new", partner.id, partner.name, partner.segment,
          partner.region, book.tier(p, t).map { book.program.tiers[$0].id } ?? "",
          NumberFormat.fixed(score, 2),
          previous.map { NumberFormat.fixed(score - $0, 2) } ?? "", String(outlook?.atRisk ?? false),
          String(outlook?.rising ?? false), String(book.grace(p, t)),
        ]
      })
  }
}
