import Presentation
import Scoring

/// `partnerboard compare OTHER.toml`: SPEC section 10 as a table, CSV or JSON.
public struct CompareReport {
  public let whatIf: WhatIfFacts

  public init(_ facts: WhatIfFacts) { whatIf = facts }

  var a: Program { whatIf.current }
  var b: Program { whatIf.other }
  var period: Period { whatIf.period }

  /// One object: period, both programs' names, partners (rank order under
  /// the other), tier pairs, payout totals; each pair is [current, other].
  public func json() -> String {
    let partners: [JSON] = whatIf.rows.map { r in
      let p = whatIf.partners[r.partner]
      return .object([
        ("partner_id", .string(p.id)), ("name", .string(p.name)), ("segment", .string(p.segment)),
        ("score", .array([.rounded(r.score.current, 2), .rounded(r.score.other, 2)])),
        ("tier", .array([.string(a.tiers[r.tier.current].id), .string(b.tiers[r.tier.other].id)])),
        ("rank", .array([.int(r.rank.current), .int(r.rank.other)])),
      ])
    }
    let tiers: [JSON] = whatIf.tierPairs.map { pair in
      .object([
        ("from", .string(a.tiers[pair.from].id)), ("to", .string(b.tiers[pair.to].id)),
        ("partners", .int(pair.partners)),
      ])
    }
    return JSON.object([
      ("period", .string(period.description)), ("current", .string(a.name)), ("other", .string(b.name)),
      ("partners", .array(partners)), ("tiers", .array(tiers)),
      ("payouts", .array([.rounded(whatIf.payouts.current, 2), .rounded(whatIf.payouts.other, 2)])),
    ]).text + "\n"
  }

  /// One row per partner, in rank order under the other program (`WhatIfCSV`).
  public func csv() -> String { WhatIfCSV.document(whatIf) }

  /// The summary, the tier matrix, winners and losers, payouts, then every
  /// partner; fits `width` (80 columns and up).
  public func table(width: Int, unicode: Bool, top: Int = 5) -> String {
    let currency = a.currency
    let arrow = unicode ? "→" : "->"
    let n = whatIf.rows.count
    var out = "What-if at \(period): \"\(a.name)\" (current) \(arrow) \"\(b.name)\" (other)\n"
    let coverage = whatIf.coverage
    if coverage.provisional { out += "\(period) is \(QuarterText.state(coverage)).\n" }
    let share = Phrases.sharePercent(n > 0 ? Double(whatIf.tierChanges) / Double(n) : 0)
    out += "\(n) partners evaluated; the tier changes for \(whatIf.tierChanges) (\(share)).\n"
    let delta = whatIf.payouts.other - whatIf.payouts.current
    out +=
      "Payouts of agreements up to \(period): \(NumberFormat.grouped(whatIf.payouts.current, 2)) \(arrow) \(NumberFormat.grouped(whatIf.payouts.other, 2)) \(currency) (\(NumberFormat.signedGrouped(delta, 2)))\n"
    // What the tier changes do to the benefits that have a number.
    let shifts = whatIf.benefitShifts
    if !shifts.isEmpty {
      out += "Tier benefits:\n"
      for shift in shifts { out += "  " + BenefitText.shift(shift, unicode: unicode) + "\n" }
    }
    out += "\n"

    // Tier matrix: rows current tiers, columns other tiers.
    out += "Tiers (rows: current, columns: other)\n"
    var counts = [[Int]](repeating: [Int](repeating: 0, count: b.tiers.count), count: a.tiers.count)
    for pair in whatIf.tierPairs { counts[pair.from][pair.to] = pair.partners }
    let matrix = TextTable(
      columns: [.init("")] + b.tiers.map { .init($0.name, align: .right) },
      rows: a.tiers.indices.map { i in
        [a.tiers[i].name] + b.tiers.indices.map { j in counts[i][j] == 0 ? "·" : String(counts[i][j]) }
      })
    out +=
      matrix.render(width: width).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n\n"

    func list(_ title: String, _ rows: [WhatIf.Row]) {
      out += "\(title) (\(rows.count))"
      guard !rows.isEmpty else {
        out += ": none\n"
        return
      }
      out += "\n"
      out += TextTable(
        columns: [
          .init(""), .init("Partner", flexible: true), .init("Score", align: .right),
          .init("Δ", align: .right),
          .init("Tier"),
        ],
        rows: rows.map { r in
          [
            "", whatIf.partners[r.partner].name,
            "\(NumberFormat.fixed(r.score.current, 2)) \(arrow) \(NumberFormat.fixed(r.score.other, 2))",
            NumberFormat.signed(r.change, 2),
            ChangeText.move(a.tiers[r.tier.current].name, b.tiers[r.tier.other].name, unicode: unicode),
          ]
        }
      ).render(width: width)
    }
    list("Tier changes", whatIf.tierChangers)
    list("Biggest winners", whatIf.winners(top))
    list("Biggest losers", whatIf.losers(top))
    out += "\n"

    // Every partner, rank order under the other program.
    out += "Partners (in rank order under \"\(b.name)\")\n"
    out += TextTable(
      columns: [
        .init("Partner", flexible: true), .init("Score now", align: .right), .init("Other", align: .right),
        .init("Δ", align: .right), .init("Tier now"), .init("Other"), .init("Rank", align: .right),
        .init("Other", align: .right),
      ],
      rows: whatIf.rows.map { r in
        [
          whatIf.partners[r.partner].name, NumberFormat.fixed(r.score.current, 2),
          NumberFormat.fixed(r.score.other, 2), NumberFormat.signed(r.change, 2),
          a.tiers[r.tier.current].name + (r.grace.current > 0 ? "*" : ""),
          b.tiers[r.tier.other].name + (r.grace.other > 0 ? "*" : ""), String(r.rank.current),
          String(r.rank.other),
        ]
      }
    ).render(width: width)
    if whatIf.rows.contains(where: { $0.grace.current > 0 || $0.grace.other > 0 }) {
      out += "* in grace: keeps a tier it no longer qualifies for\n"
    }
    return out
  }
}
