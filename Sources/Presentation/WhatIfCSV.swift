import Scoring

/// The one CSV layout of a what-if (`compare --format csv`, the What-if screen's `e`).
public enum WhatIfCSV {
  /// One row per partner, in rank order under the other program.
  public static func document(_ facts: WhatIfFacts) -> String { table(facts).csv() }

  /// The rows, for any export format.
  public static func table(_ whatIf: WhatIf) -> ExportTable {
    whatIf.facts.map(table) ?? ExportTable(header: header, rows: [])
  }

  static let header = [
    "partner_id", "name", "segment", "region", "score_current", "score_other", "change", "tier_current",
    "tier_other", "rank_current", "rank_other", "grace_current", "grace_other",
  ]

  public static func table(_ whatIf: WhatIfFacts) -> ExportTable {
    let a = whatIf.current
    let b = whatIf.other
    return ExportTable(
      header: header,
      rows: whatIf.rows.map { r in
        let p = whatIf.partners[r.partner]
        return [
          p.id, p.name, p.segment, p.region, NumberFormat.fixed(r.score.current, 2),
          NumberFormat.fixed(r.score.other, 2), NumberFormat.fixed(r.change, 2), a.tiers[r.tier.current].id,
          b.tiers[r.tier.other].id, String(r.rank.current), String(r.rank.other), String(r.grace.current),
          String(r.grace.other),
        ]
      })
  }

}
