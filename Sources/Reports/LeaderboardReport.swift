import Presentation
import Scoring

/// `partnerboard leaderboard`: who stands where at one period, filtered.
public struct LeaderboardReport {
  public let program: Program
  public let lines: [LeaderboardLine]

  public init(program: Program, lines: [LeaderboardLine]) {
    self.program = program
    self.lines = lines
  }

  /// From a scorebook: the partners evaluated at `t` that pass `filter`, in rank order.
  public init(_ book: Scorebook, period t: Int, filter: PartnerFilter, top: Int? = nil) {
    var lines: [LeaderboardLine] = []
    for p in book.order[t] where book.matches(p, t, filter) {
      lines.append(book.leaderboardLine(p, t)!)
      if let top, lines.count >= top { break }
    }
    self.init(program: book.program, lines: lines)
  }

  public func table(width: Int, unicode: Bool) -> String {
    let grace = program.gracePeriods
    let body = lines.map { l -> [String] in
      [
        String(l.rank), String(l.segmentRank), Phrases.movement(l.movement, unicode: unicode).text,
        l.partner.name, l.partner.segment, l.partner.region,
        program.tierIndex(l.tierID).map { program.tiers[$0].name } ?? l.tierID,
        NumberFormat.fixed(l.score, 2),
        Phrases.flags(
          atRisk: l.atRisk, rising: l.rising, blocked: l.blocked, grace: l.grace, gracePeriods: grace
        ).map {
          $0.text()
        }
        .joined(separator: ", "),
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

  public func csv() -> String { LeaderboardCSV.document(lines) }

  public func json() -> String {
    JSON.lines(
      lines.map { l in
        .object([
          ("rank", .int(l.rank)), ("segment_rank", .int(l.segmentRank)), ("movement", .int(l.movement)),
          ("partner_id", .string(l.partner.id)), ("name", .string(l.partner.name)),
          ("segment", .string(l.partner.segment)), ("region", .string(l.partner.region)),
          ("tier", .string(l.tierID)), ("score", .rounded(l.score, 2)), ("at_risk", .bool(l.atRisk)),
          ("rising", .bool(l.rising)), ("blocked", .bool(l.blocked)), ("grace", .int(l.grace)),
        ])
      })
  }
}
