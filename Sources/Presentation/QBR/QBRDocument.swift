import Foundation
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

  /// What the review says (`QBRContent`); this file only lays it out.
  public var content: QBRContent { QBRContent(model, masked: masked) }

  // MARK: - Markdown

  public func markdown() -> String {
    let c = content
    var out: [String] = []
    out.append("# Quarterly business review: \(cell(c.partnerName))")
    out.append("")
    out.append("\(cell(c.subtitle)) · \(cell(c.programName))")
    out.append("")
    out.append("## Where you stand")
    out.append("")
    out.append("| | |")
    out.append("|---|---|")
    for f in c.facts { out.append("| \(cell(f.label)) | \(cell(f.value)) |") }
    out.append("")
    out.append("## Scorecard")
    for card in c.scorecards {
      out.append("")
      out.append("### \(card.title)")
      out.append("")
      out.append("| KPI | Value | Target | Attainment | Result | Points | Since last quarter |")
      out.append("|---|---:|---:|---:|---|---:|---|")
      for r in card.rows {
        let cells = [r.name, r.value, r.target, r.attainment, r.result, r.points, r.changeWords]
        out.append("| " + cells.map(cell).joined(separator: " | ") + " |")
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
    for goal in c.goals {
      if let title = goal.title {
        out.append("**\(cell(title))**")
        out.append("")
      }
      out.append(cell(goal.lead))
      if !goal.paths.isEmpty { out.append("") }
      for path in goal.paths { out.append("- \(cell(path))") }
      if let heading = goal.requiredHeading {
        out.append("")
        out.append(cell(heading))
        out.append("")
        for r in goal.required { out.append("- \(cell(r))") }
      }
      out.append("")
    }
    out.append("## Outcomes and payouts")
    out.append("")
    if c.payouts.isEmpty {
      out.append(QBRContent.noPayouts)
    } else {
      out.append("| " + QBRContent.payoutHeader.joined(separator: " | ") + " |")
      out.append("|---|---|---:|---:|---:|---:|---:|---:|---|")
      for r in c.payouts { out.append("| " + r.cells.map(cell).joined(separator: " | ") + " |") }
      out.append("")
      out.append("**Total: \(cell(c.payoutTotal))**")
    }
    out.append("")
    out.append("## Among peers")
    out.append("")
    if let heading = c.peersHeading {
      out.append("**\(cell(heading))**")
      out.append("")
      for f in c.peerFacts { out.append("- \(cell(f.label)): \(cell(f.value))") }
      out.append("")
    }
    out.append(cell(c.peersSentence))
    out.append("")
    if !c.peerBands.isEmpty {
      out.append("| Score band | Partners | |")
      out.append("|---|---:|---|")
      for band in c.peerBands {
        out.append("| \(band.label) | \(band.partners) | \(band.mine ? QBRContent.you(unicode: true) : "") |")
      }
      out.append("")
    }
    return out.joined(separator: "\n")
  }

  /// Every text from the data or the program goes through here.
  func cell(_ s: String) -> String { Markdown.text(s) }
}
