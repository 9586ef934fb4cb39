import Scoring

/// `partnerboard leaderboard`: who stands where at one period, filtered.
public struct LeaderboardReport {
  public let book: Scorebook
  public let period: Int
  public let rows: [PartnerEvaluation]

  public init(_ book: Scorebook, period t: Int, filter: PartnerFilter, top: Int? = nil) {
    self.book = book
    self.period = t
    var rows: [PartnerEvaluation] = []
    for p in book.order[t] where book.matches(p, t, filter) {
      rows.append(book.evaluation(partner: p, period: t)!)
      if let top, rows.count >= top { break }
    }
    self.rows = rows
  }

  public static func movement(_ m: Int?, unicode: Bool) -> String {
    guard let m else { return "new" }
    if m == 0 { return unicode ? "–" : "=" }
    return (m > 0 ? (unicode ? "▲" : "^") : (unicode ? "▼" : "v")) + String(abs(m))
  }

  public static func flags(_ e: PartnerEvaluation, gracePeriods: Int) -> [String] {
    var f: [String] = []
    if e.atRisk { f.append("at risk") }
    if e.rising { f.append("rising") }
    if e.grace > 0 { f.append("grace \(e.grace)/\(gracePeriods)") }
    return f
  }

  public func table(width: Int, unicode: Bool) -> String {
    let grace = book.program.gracePeriods
    let body = rows.map { e -> [String] in
      [
        String(e.rank), String(e.segmentRank), Self.movement(e.movement, unicode: unicode), e.partner.name,
        e.partner.segment, e.partner.region, e.tier.name, NumberFormat.fixed(e.score, 2),
        Self.flags(e, gracePeriods: grace).joined(separator: ", "),
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

  public func csv() -> String {
    CSVWriter.document(
      header: [
        "rank", "segment_rank", "movement", "partner_id", "name", "segment", "region", "tier", "score",
        "at_risk", "rising", "grace",
      ],
      rows: rows.map { e in
        [
          String(e.rank), String(e.segmentRank), e.movement.map(String.init) ?? "new", e.partner.id,
          e.partner.name, e.partner.segment, e.partner.region, e.tier.id, NumberFormat.fixed(e.score, 2),
          String(e.atRisk), String(e.rising), String(e.grace),
        ]
      })
  }

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
