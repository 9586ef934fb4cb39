import Foundation
import Scoring
import TextLayout

extension QBRDocument {
  /// One self-contained HTML page: inline CSS, inline SVG charts, no scripts
  /// and no external resources; prints to PDF from a browser.
  public func html() -> String {
    let c = content
    var body = ""
    body += "<header><p class=kicker>Quarterly business review</p><h1>\(esc(c.partnerName))</h1>"
    body += "<p>\(esc(c.subtitle)) · \(esc(c.programName))</p>"
    body += "<p class=badge>\(esc(c.tierName))</p></header>"

    body += "<section><h2>Where you stand</h2><table>"
    for f in c.facts { body += "<tr><th>\(esc(f.label))</th><td>\(esc(f.value))</td></tr>" }
    body += "</table>"
    if e.nextTier != nil {
      body += "<div class=bar><div style=\"width:\(NumberFormat.fixed(e.progress * 100, 1))%\"></div></div>"
    }
    body += "</section>"

    body += "<section><h2>Scorecard</h2>"
    for card in c.scorecards {
      body += "<h3>\(esc(card.title))</h3><table>"
      body += row(
        ["KPI", "Value", "Target", "Attainment", "Result", "Points", "Since last quarter"], header: true)
      for r in card.rows {
        body += row(
          [r.name, r.value, r.target, r.attainment, r.result, r.points, r.changeWords], numeric: [1, 2, 3, 5])
      }
      body += "</table>"
    }
    body += "</section>"

    body += "<section><h2>Trends</h2><figure><figcaption>Score by quarter"
    if let next = e.nextTier {
      body += " (dashed: \(esc(next.name)) at \(NumberFormat.trimmed(next.minScore, 1)))"
    }
    body +=
      "</figcaption>"
      + svg(
        model.scores, target: e.nextTier?.minScore, range: 0...100, money: false,
        xLabels: model.periods.map(\.description))
      + "</figure>"
    for s in model.series where s.values.contains(where: { $0 != nil }) {
      body += "<figure><figcaption>\(esc(s.kpi.name))</figcaption>"
      body += svg(s.values, target: s.target, range: nil, money: s.kpi.unit == .currency) + "</figure>"
    }
    body += "</section>"

    body += "<section><h2>What it takes</h2>"
    for goal in c.goals {
      if let title = goal.title { body += "<h3>\(esc(title))</h3>" }
      body += "<p>\(esc(goal.lead))</p>"
      if !goal.paths.isEmpty { body += "<ul>" + goal.paths.map { "<li>\(esc($0))</li>" }.joined() + "</ul>" }
      if let heading = goal.requiredHeading {
        body += "<p>\(esc(heading))</p><ul>" + goal.required.map { "<li>\(esc($0))</li>" }.joined() + "</ul>"
      }
    }
    body += "</section>"

    body += "<section><h2>Outcomes and payouts</h2>"
    if c.payouts.isEmpty {
      body += "<p>\(QBRContent.noPayouts)</p>"
    } else {
      body += "<table>" + row(QBRContent.payoutHeader, header: true)
      for r in c.payouts { body += row(r.cells, numeric: Set(2...7)) }
      let span = QBRContent.payoutHeader.count - 2
      body +=
        "<tr class=total><th colspan=\(span)>Total</th><td class=n>\(esc(c.payoutTotal))</td><td></td></tr></table>"
    }
    body += "</section>"

    body += "<section><h2>Among peers</h2>"
    if let heading = c.peersHeading {
      body += "<h3>\(esc(heading))</h3><table>"
      for f in c.peerFacts { body += "<tr><th>\(esc(f.label))</th><td>\(esc(f.value))</td></tr>" }
      body += "</table>"
    }
    body += "<p>\(esc(c.peersSentence))</p>"
    if !c.peerBands.isEmpty {
      body +=
        "<figure class=wide><figcaption>Partners per score band</figcaption>" + histogram(c.peerBands)
        + "</figure>"
    }
    body += "</section>"

    return """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8">
      <title>QBR \(esc(c.partnerName)) \(model.period)</title>
      <style>
      body{font:16px/1.5 system-ui,sans-serif;color:#111;background:#fff;max-width:60rem;margin:2rem auto;padding:0 1rem}
      h1{font-size:2.2rem;margin:.2rem 0}h2{border-bottom:2px solid #111;margin-top:2.5rem}
      .kicker{text-transform:uppercase;letter-spacing:.1em;color:#555;margin:0}
      .badge{display:inline-block;border:3px solid #111;padding:.3rem 1rem;font-weight:700;font-size:1.3rem}
      table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border-bottom:1px solid #ccc;padding:.3rem .5rem;text-align:left}
      td.n{text-align:right;font-variant-numeric:tabular-nums}tr.total th,tr.total td{font-weight:700;border-top:2px solid #111}
      .bar{height:1rem;border:1px solid #111;margin:.5rem 0}.bar div{height:100%;background:#111}
      figure{display:inline-block;width:48%;margin:1% 1% 0 0;vertical-align:top}figcaption{font-weight:600}figure.wide{width:98%}
      svg{width:100%;height:auto}
      section{page-break-inside:avoid}
      </style></head><body>
      \(body)
      </body></html>

      """
  }

  func esc(_ s: String) -> String { HTML.text(s) }

  /// One table row: every cell escaped; `numeric` columns right-aligned.
  func row(_ cells: [String], header: Bool = false, numeric: Set<Int> = []) -> String {
    let tag = header ? "th" : "td"
    return "<tr>"
      + cells.enumerated().map { i, cell in
        let cls = numeric.contains(i) ? " class=n" : ""
        return "<\(tag)\(cls)>\(esc(cell))</\(tag)>"
      }.joined() + "</tr>"
  }

  /// A small line chart as inline SVG: the values over the quarters and a dashed target.
  /// The segment's score bands as horizontal bars (an inline SVG), the
  /// partner's own band in bold and marked "◀ you".
  func histogram(_ bands: [QBRContent.PeerBand]) -> String {
    let rowHeight = 18.0
    let w = 600.0
    let h = rowHeight * Double(bands.count) + 4
    let most = Double(max(1, bands.map(\.partners).max() ?? 1))
    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" role=\"img\">"
    for (i, band) in bands.enumerated() {
      let y = 2 + Double(i) * rowHeight
      let width = (w - 200) * Double(band.partners) / most
      let weight = band.mine ? " font-weight=\"700\"" : ""
      out +=
        "<text x=\"56\" y=\"\(NumberFormat.fixed(y + 13, 1))\" font-size=\"12\" text-anchor=\"end\"\(weight)>\(esc(band.label))</text>"
      out +=
        "<rect x=\"64\" y=\"\(NumberFormat.fixed(y + 2, 1))\" width=\"\(NumberFormat.fixed(width, 1))\" height=\"\(NumberFormat.fixed(rowHeight - 5, 1))\" fill=\"\(band.mine ? "#111" : "#999")\"/>"
      let label = "\(band.partners)" + (band.mine ? "  " + QBRContent.you(unicode: true) : "")
      out +=
        "<text x=\"\(NumberFormat.fixed(70 + width, 1))\" y=\"\(NumberFormat.fixed(y + 13, 1))\" font-size=\"12\"\(weight)>\(esc(label))</text>"
    }
    return out + "</svg>"
  }

  func svg(
    _ values: [Double?], target: Double?, range: ClosedRange<Double>?, money: Bool, xLabels: [String]? = nil
  ) -> String {
    let w = 400.0
    let h = 160.0
    let pad = 40.0
    var all = values.compactMap { $0 }.filter(\.isFinite)
    if let target { all.append(target) }
    var lo = range?.lowerBound ?? (all.min() ?? 0)
    var hi = range?.upperBound ?? (all.max() ?? 1)
    if hi == lo {
      lo -= 1
      hi += 1
    }
    let n = max(1, values.count - 1)
    func x(_ i: Int) -> Double { pad + Double(i) * (w - pad - 10) / Double(n) }
    // Halves: hi - lo may overflow to infinity when both are huge.
    func y(_ v: Double) -> Double {
      10 + ((hi / 2 - v / 2) / (hi / 2 - lo / 2)).clamped(to: 0...1) * (h - 30)
    }
    func label(_ v: Double) -> String { money && masked ? Phrases.masked : CompactNumber.text(v) }
    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" role=\"img\">"
    out += "<line x1=\"\(pad)\" y1=\"10\" x2=\"\(pad)\" y2=\"\(h - 20)\" stroke=\"#999\"/>"
    out += "<text x=\"\(pad - 4)\" y=\"14\" font-size=\"10\" text-anchor=\"end\">\(esc(label(hi)))</text>"
    out +=
      "<text x=\"\(pad - 4)\" y=\"\(h - 20)\" font-size=\"10\" text-anchor=\"end\">\(esc(label(lo)))</text>"
    if let target {
      out +=
        "<line x1=\"\(pad)\" y1=\"\(y(target))\" x2=\"\(w - 10)\" y2=\"\(y(target))\" stroke=\"#b00\" stroke-dasharray=\"4 3\"/>"
    }
    var segment: [String] = []
    func flush() {
      if segment.count > 1 {
        out +=
          "<polyline fill=\"none\" stroke=\"#111\" stroke-width=\"2\" points=\"\(segment.joined(separator: " "))\"/>"
      } else if let only = segment.first {
        let xy = only.split(separator: ",")
        out += "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"2\" fill=\"#111\"/>"
      }
      segment = []
    }
    for (i, v) in values.enumerated() {
      if let v {
        segment.append("\(NumberFormat.fixed(x(i), 1)),\(NumberFormat.fixed(y(v), 1))")
      } else {
        flush()
      }
    }
    flush()
    // Quarter names under the axis: the first, the last and every other one between that fits.
    if let xLabels, !xLabels.isEmpty {
      let step = max(1, Int((Double(xLabels.count) * 46 / (w - pad)).rounded(.up)))
      for (i, text) in xLabels.enumerated() where i % step == 0 || i == xLabels.count - 1 {
        if i != xLabels.count - 1 && i + step > xLabels.count - 1 && i != 0 { continue }
        let anchor = i == 0 ? "start" : i == xLabels.count - 1 ? "end" : "middle"
        out +=
          "<text x=\"\(NumberFormat.fixed(x(i), 1))\" y=\"\(h - 6)\" font-size=\"10\" text-anchor=\"\(anchor)\">\(esc(text))</text>"
      }
    }
    return out + "</svg>"
  }
}
