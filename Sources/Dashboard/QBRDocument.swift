import Foundation
import Presentation
import Scoring

/// The QBR pack the partner keeps: the slides as Markdown, or as one HTML
/// file with inline SVG charts and no external resources (`qbr --export`).
public struct QBRDocument {
  public let model: QBRModel
  public let masked: Bool

  public init(model: QBRModel, masked: Bool) {
    self.model = model
    self.masked = masked
  }

  var e: PartnerEvaluation { model.evaluation }

  func arrow(_ change: Double?) -> String { Phrases.change(change, unicode: true, words: true).text }

  func target(_ l: QBRModel.KPILine) -> String { model.target(l, mask: masked) }

  func requirement(_ r: RequirementCheck) -> String { model.requirement(r, mask: masked) }

  /// Rows of facts for "where you stand".
  var standing: [(String, String)] {
    var rows: [(String, String)] = [
      ("Tier", e.tier.name + (e.grace > 0 ? " (in grace, \(e.grace) of \(model.program.gracePeriods))" : "")),
      ("Score", NumberFormat.fixed(e.score, 1)),
      ("Rank in \(model.segmentName)", "\(e.segmentRank) of \(e.segmentCount)"),
    ]
    if let next = e.nextTier, let needed = e.pointsNeeded {
      rows.append(
        (
          "Progress to \(next.name)",
          "\(NumberFormat.fixed(e.progress * 100, 0)) % (\(NumberFormat.fixed(needed, 1)) points to go)"
        ))
      for r in e.unmetRequirements { rows.append(("Also needed", requirement(r))) }
    }
    return rows
  }

  var paths: [String] {
    guard let needed = e.pointsNeeded, needed > 0 else { return [] }
    return e.whatItTakes.compactMap { model.path($0, mask: masked) }
  }

  // MARK: - Markdown

  public func markdown() -> String {
    var out: [String] = []
    let p = model.partner
    out.append("# Quarterly business review: \(cell(p.name))")
    out.append("")
    out.append(
      "\(cell(model.segmentName)) · \(cell(p.region)) · \(model.period) · \(cell(model.program.name))")
    out.append("")
    out.append("## Where you stand")
    out.append("")
    out.append("| | |")
    out.append("|---|---|")
    for (k, v) in standing { out.append("| \(cell(k)) | \(cell(v)) |") }
    out.append("")
    out.append("## Scorecard")
    for (title, lines) in [("Leading indicators", model.leading), ("Lagging indicators", model.lagging)]
    where !lines.isEmpty {
      out.append("")
      out.append("### \(title)")
      out.append("")
      out.append("| KPI | Value | Target | Attainment | Points | Since last quarter |")
      out.append("|---|---:|---:|---:|---:|---|")
      for l in lines {
        out.append(
          "| \(cell(l.kpi.name + (l.adjusted ? " *" : ""))) | \(cell(model.money(l.value, l.kpi, mask: masked))) | \(cell(target(l))) | \(NumberFormat.fixed(l.attainment * 100, 0)) % | \(NumberFormat.fixed(l.points, 1)) | \(arrow(l.betterChange)) |"
        )
      }
    }
    out.append("")
    out.append("## Trends")
    out.append("")
    let kpis = model.series.filter { $0.values.contains { $0 != nil } }
    out.append("| Quarter | Score | " + kpis.map { cell($0.kpi.name) }.joined(separator: " | ") + " |")
    out.append("|---|---:|" + kpis.map { _ in "---:" }.joined(separator: "|") + "|")
    for (t, period) in model.periods.enumerated() where model.scores[t] != nil {
      let values = kpis.map { cell(model.money($0.values[t], $0.kpi, mask: masked)) }
      out.append(
        "| \(period) | \(NumberFormat.fixed(model.scores[t]!, 1)) | " + values.joined(separator: " | ") + " |"
      )
    }
    out.append("")
    out.append("## What it takes")
    out.append("")
    if let next = e.nextTier {
      out.append(
        "To reach \(cell(next.name))"
          + (paths.isEmpty ? ":" : ", any one of these alone closes the points gap:"))
      out.append("")
      for path in paths { out.append("- \(cell(path))") }
      for r in e.unmetRequirements { out.append("- and \(cell(requirement(r)))") }
      if paths.isEmpty && e.unmetRequirements.isEmpty { out.append("- progress on several KPIs together") }
    } else {
      out.append("You are at the top tier.")
    }
    out.append("")
    out.append("## Outcomes and payouts")
    out.append("")
    if model.payouts.isEmpty {
      out.append("No outcome agreements.")
    } else {
      out.append("| Outcome | Quarter | Baseline | Target | Now | Attained | Share | Payout | Status |")
      out.append("|---|---|---:|---:|---:|---:|---:|---:|---|")
      for r in model.payouts {
        let kpi = model.program.kpis.first { $0.id == r.agreement.kpi }!
        out.append(
          "| \(cell(kpi.name)) | \(r.agreement.period) | \(cell(model.money(r.agreement.baseline, kpi, mask: masked))) | \(cell(model.money(r.agreement.target, kpi, mask: masked))) | \(cell(model.money(r.value, kpi, mask: masked))) | \(r.attainment.map { NumberFormat.fixed($0 * 100, 0) + " %" } ?? "—") | \(Phrases.sharePercent(r.shareApplied)) | \(cell(model.amount(r.payout, mask: masked))) | \(r.status.rawValue) |"
        )
      }
      out.append("")
      out.append("**Total: \(model.amount(model.payouts.reduce(0) { $0 + $1.payout }, mask: masked))**")
    }
    out.append("")
    out.append("## Among peers")
    out.append("")
    if let peers = model.peers {
      out.append(
        "\(cell(model.segmentName)), \(peers.count) partners: median \(NumberFormat.fixed(peers.median, 0)), top quarter from \(NumberFormat.fixed(peers.topQuartile, 0)); your score \(NumberFormat.fixed(e.score, 1)) is at or above \(NumberFormat.fixed(peers.percentile * 100, 0)) % of the segment."
      )
    } else {
      out.append(
        "Fewer than \(QBRModel.minimumPeers) partners in \(cell(model.segmentName)): no comparison is shown.")
    }
    out.append("")
    return out.joined(separator: "\n")
  }

  /// Every text from the data or the program goes through here.
  func cell(_ s: String) -> String { Markdown.text(s) }
}
