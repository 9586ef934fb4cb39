import Presentation
import Scoring

/// `partnerboard leaderboard`: who stands where at one period, filtered.
public struct LeaderboardReport {
  public let book: Scorebook
  public let period: Int
  public let rows: [PartnerEvaluation]
  /// The rows' partners, as indices into the book.
  public let partners: [Int]

  public init(_ book: Scorebook, period t: Int, filter: PartnerFilter, top: Int? = nil) {
    self.book = book
    self.period = t
    var rows: [PartnerEvaluation] = []
    var partners: [Int] = []
    for p in book.order[t] where book.matches(p, t, filter) {
      rows.append(book.evaluation(partner: p, period: t)!)
      partners.append(p)
      if let top, rows.count >= top { break }
    }
    self.partners = partners
    self.rows = rows
  }

  public func table(width: Int, unicode: Bool) -> String {
    let grace = book.program.gracePeriods
    let body = rows.map { e -> [String] in
      [
        String(e.rank), String(e.segmentRank), Phrases.movement(e.movement, unicode: unicode).text,
        e.partner.name,
        e.partner.segment, e.partner.region, e.tier.name, NumberFormat.fixed(e.score, 2),
        Phrases.flags(e, gracePeriods: grace).map { $0.text() }.joined(separator: ", "),
      ]
    }
    return TextTable(
      columns: [
        .init("Rank", align: .right), .init("Seg", align: .right), .init("Move", align: .right),
        .init("Partner", flexible: true), .init("Segment"), .init("Region"), .init("Tier"),
        .init("Score", align: .right), .init("Flags"),
      ], rows: body
    ).render(width: width)
  }

  public func csv() -> String { LeaderboardCSV.document(book, period: period, partners: partners) }

  public func json() -> String {
    JSON.lines(
      rows.map { e in
        .object([
          ("rank", .int(e.rank)), ("segment_rank", .int(e.segmentRank)), ("movement", .int(e.movement)),
          ("partner_id", .string(e.partner.id)), ("name", .string(e.partner.name)),
          ("segment", .string(e.partner.segment)), ("region", .string(e.partner.region)),
          ("tier", .string(e.tier.id)), ("score", .rounded(e.score, 2)), ("at_risk", .bool(e.atRisk)),
          ("rising", .bool(e.rising)), ("grace", .int(e.grace)),
        ])
      })
  }
}
