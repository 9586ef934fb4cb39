import Foundation
import Presentation
import Scoring
import TextLayout

extension QBRDocument {
  /// One self-contained HTML page: inline CSS, inline SVG charts, no scripts
  /// and no external resources; prints to PDF from a browser.
  public func html() -> String {
    let p = model.partner
    var body = ""
    body += "<header><p class=kicker>Quarterly business review</p><h1>\(esc(p.name))</h1>"
    body +=
      "<p>\(esc(model.segmentName)) · \(esc(p.region)) · \(model.period) · \(esc(model.program.name))</p>"
    body += "<p class=badge>\(esc(e.tier.name))</p></header>"

    body += "<section><h2>Where you stand</h2><table>"
    for (k, v) in standing { body += "<tr><th>\(esc(k))</th><td>\(esc(v))</td></tr>" }
    body += "</table>"
    if e.nextTier != nil {
      body += "<div class=bar><div style=\"width:\(NumberFormat.fixed(e.progress * 100, 1))%\"></div></div>"
    }
    body += "</section>"

    body += "<section><h2>Scorecard</h2>"
    for (title, lines) in [("Leading indicators", model.leading), ("Lagging indicators", model.lagging)]
    where !lines.isEmpty {
      body +=
        "<h3>\(title)</h3><table><tr><th>KPI</th><th>Value</th><th>Target</th><th>Attainment</th><th>Points</th><th>Since last quarter</th></tr>"
      for l in lines {
        body +=
          "<tr><td>\(esc(l.kpi.name + (l.adjusted ? " *" : "")))</td><td class=n>\(esc(model.money(l.value, l.kpi, mask: masked)))</td>"
        body +=
          "<td class=n>\(esc(target(l)))</td><td class=n>\(NumberFormat.fixed(l.attainment * 100, 0)) %</td>"
        body +=
          "<td class=n>\(NumberFormat.fixed(l.points, 1))</td><td>\(esc(arrow(l.betterChange)))</td></tr>"
      }
      body += "</table>"
    }
    body += "</section>"

    body += "<section><h2>Trends</h2><figure><figcaption>Score by quarter"
    if let next = e.nextTier {
      body += " (dashed: \(esc(next.name)) at \(NumberFormat.trimmed(next.minScore, 1)))"
    }
    body +=
      "</figcaption>" + svg(model.scores, target: e.nextTier?.minScore, range: 0...100, money: false)
      + "</figure>"
    for s in model.series where s.values.contains(where: { $0 != nil }) {
      body += "<figure><figcaption>\(esc(s.kpi.name))</figcaption>"
      body += svg(s.values, target: s.target, range: nil, money: s.kpi.unit == .currency) + "</figure>"
    }
    body += "</section>"

    body += "<section><h2>What it takes</h2>"
    if let next = e.nextTier {
      body +=
        "<p>To reach \(esc(next.name))\(paths.isEmpty ? ":" : ", any one of these alone closes the points gap:")</p><ul>"
      for path in paths { body += "<li>\(esc(path))</li>" }
      for r in e.unmetRequirements { body += "<li>and \(esc(requirement(r)))</li>" }
      body += "</ul>"
    } else {
      body += "<p>You are at the top tier.</p>"
    }
    body += "</section>"

    body += "<section><h2>Outcomes and payouts</h2>"
    if model.payouts.isEmpty {
      body += "<p>No outcome agreements.</p>"
    } else {
      body +=
        "<table><tr><th>Outcome</th><th>Quarter</th><th>Baseline</th><th>Target</th><th>Now</th><th>Attained</th><th>Share</th><th>Payout</th><th>Status</th></tr>"
      for r in model.payouts {
        let kpi = model.program.kpis.first { $0.id == r.agreement.kpi }!
        body += "<tr><td>\(esc(kpi.name))</td><td>\(r.agreement.period)</td>"
        body += "<td class=n>\(esc(model.money(r.agreement.baseline, kpi, mask: masked)))</td>"
        body += "<td class=n>\(esc(model.money(r.agreement.target, kpi, mask: masked)))</td>"
        body += "<td class=n>\(esc(model.money(r.value, kpi, mask: masked)))</td>"
        body += "<td class=n>\(r.attainment.map { NumberFormat.fixed($0 * 100, 0) + " %" } ?? "—")</td>"
        body +=
          "<td class=n>\(esc(model.amount(r.payout, mask: masked)))</td><td>\(r.status.rawValue)</td></tr>"
      }
      body +=
        "<tr class=total><th colspan=7>Total</th><td class=n>\(esc(model.amount(model.payouts.reduce(0) { $0 + $1.payout }, mask: masked)))</td><td></td></tr></table>"
    }
    body += "</section>"

    body += "<section><h2>Among peers</h2>"
    if let peers = model.peers {
      body +=
        "<p>\(esc(model.segmentName)), \(peers.count) partners: median \(NumberFormat.fixed(peers.median, 0)), top quarter from \(NumberFormat.fixed(peers.topQuartile, 0)). Your score \(NumberFormat.fixed(e.score, 1)) is at or above \(NumberFormat.fixed(peers.percentile * 100, 0)) % of the segment.</p>"
    } else {
      body +=
        "<p>Fewer than \(QBRModel.minimumPeers) partners in \(esc(model.segmentName)): no comparison is shown.</p>"
    }
    body += "</section>"

    return """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8">
      <title>QBR \(esc(p.name)) \(model.period)</title>
      <style>
      body{font:16px/1.5 system-ui,sans-serif;color:#111;background:#fff;max-width:60rem;margin:2rem auto;padding:0 1rem}
      h1{font-size:2.2rem;margin:.2rem 0}h2{border-bottom:2px solid #111;margin-top:2.5rem}
      .kicker{text-transform:uppercase;letter-spacing:.1em;color:#555;margin:0}
      .badge{display:inline-block;border:3px solid #111;padding:.3rem 1rem;font-weight:700;font-size:1.3rem}
      table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border-bottom:1px solid #ccc;padding:.3rem .5rem;text-align:left}
      td.n{text-align:right;font-variant-numeric:tabular-nums}tr.total th,tr.total td{font-weight:700;border-top:2px solid #111}
      .bar{height:1rem;border:1px solid #111;margin:.5rem 0}.bar div{height:100%;background:#111}
      figure{display:inline-block;width:48%;margin:1% 1% 0 0;vertical-align:top}figcaption{font-weight:600}
      svg{width:100%;height:auto}
      section{page-break-inside:avoid}
      </style></head><body>
      \(body)
      </body></html>

      """
  }

  func esc(_ s: String) -> String { HTML.text(s) }

  /// A small line chart as inline SVG: the values over the quarters and a dashed target.
  func svg(_ values: [Double?], target: Double?, range: ClosedRange<Double>?, money: Bool) -> String {
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
    func label(_ v: Double) -> String { money && masked ? "•••" : CompactNumber.text(v) }
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
    return out + "</svg>"
  }
}
