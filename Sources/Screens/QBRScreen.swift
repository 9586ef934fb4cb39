import Dashboard
import Presentation
import Scoring
import TerminalUI
import TextLayout

/// The QBR presentation: one slide at a time, high contrast, only this
/// partner's data.
struct QBRScreen: Widget {
  let state: DashboardState
  let theme: Theme

  func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    guard let q = state.qbr, let model = state.qbrModel
    else {
      CenteredMessage("This partner has no data in this quarter").render(
        in: rect, buffer: &buffer, glyphs: glyphs)
      return
    }
    QBRSlide(model: model, slide: q.slide, masked: q.masked, theme: theme).render(
      in: rect, buffer: &buffer, glyphs: glyphs)
  }
}

/// One slide of a QBR, for the screen and for `qbr --export`'s text.
public struct QBRSlide: Widget {
  let model: QBRModel
  let slide: Int
  let masked: Bool
  let theme: Theme

  public init(model: QBRModel, slide: Int, masked: Bool, theme: Theme) {
    self.model = model
    self.slide = slide
    self.masked = masked
    self.theme = theme
  }

  var strong: Style { Style(bold: true) }

  public func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    let titles = QBRModel.slideTitles
    let e = model.evaluation
    let tiers = model.program.tiers
    let tierStyle = Style(fg: theme.tier(e.tierIndex, of: tiers.count).fg, bold: true)
    // Header: slide position, partner, period.
    let header = " \(slide + 1)/\(titles.count)  \(titles[slide]) "
    _ = buffer.put(
      [
        StyledText(header, style: Style(bold: true, reverse: true)),
        StyledText("  \(model.partner.name) · \(model.period)", style: strong),
        StyledText(masked ? "   amounts hidden" : "", style: theme.warn),
      ], x: rect.x, y: rect.y, maxWidth: rect.width)
    let body = Rect(x: rect.x + 2, y: rect.y + 2, width: rect.width - 4, height: rect.height - 3)
    let big = body.width >= 100 && body.height >= 30
    switch slide {
    case 0: title(body, &buffer, glyphs, tierStyle, big)
    case 1: standing(body, &buffer, glyphs, tierStyle, big)
    case 2: scorecard(body, &buffer, glyphs)
    case 3: trends(body, &buffer, glyphs)
    case 4: whatItTakes(body, &buffer, glyphs)
    case 5: outcomes(body, &buffer, glyphs)
    default: peers(body, &buffer, glyphs, big)
    }
  }

  func line(_ runs: [StyledText], _ r: Rect, _ y: inout Int, _ buffer: inout CellBuffer) {
    guard y < r.maxY else { return }
    _ = buffer.put(runs, x: r.x, y: y, maxWidth: r.width)
    y += 1
  }

  func title(_ r: Rect, _ buffer: inout CellBuffer, _ g: Glyphs, _ tierStyle: Style, _ big: Bool) {
    var y = r.y + max(0, r.height / 2 - (big ? 8 : 5))
    let p = model.partner
    let center = { (s: String) -> Int in r.x + max(0, (r.width - TextWidthBridge.of(s)) / 2) }
    _ = buffer.put(
      "Quarterly business review", x: center("Quarterly business review"), y: y, style: theme.muted)
    y += 2
    _ = buffer.put(p.name, x: center(p.name), y: y, style: Style(bold: true), maxWidth: r.width)
    y += 1
    let sub = "\(model.segmentName) · \(p.region) · \(model.period)"
    _ = buffer.put(sub, x: center(sub), y: y, style: .plain, maxWidth: r.width)
    y += 2
    // The tier as a badge.
    let tierName = model.evaluation.tier.name.uppercased()
    let badge = Rect(x: center(tierName) - 3, y: y, width: TextWidthBridge.of(tierName) + 6, height: 3)
    Box(style: tierStyle).render(in: badge, buffer: &buffer, glyphs: g)
    _ = buffer.put(tierName, x: badge.x + 3, y: badge.y + 1, style: tierStyle)
    y += 4
    let program = model.program.name
    _ = buffer.put(program, x: center(program), y: y, style: theme.muted, maxWidth: r.width)
  }

  func standing(_ r: Rect, _ buffer: inout CellBuffer, _ g: Glyphs, _ tierStyle: Style, _ big: Bool) {
    let e = model.evaluation
    var y = r.y
    let score = NumberFormat.fixed(e.score, 1)
    let rank = "\(e.segmentRank)/\(e.segmentCount)"
    if big {
      _ = buffer.put("Score", x: r.x, y: y, style: theme.muted)
      _ = buffer.put("Rank in \(model.segmentName)", x: r.x + r.width / 2, y: y, style: theme.muted)
      y += 1
      BigDigits.draw(score, x: r.x, y: y, style: strong, glyphs: g, into: &buffer)
      BigDigits.draw(rank, x: r.x + r.width / 2, y: y, style: strong, glyphs: g, into: &buffer)
      y += BigDigits.height + 2
    } else {
      line(
        [
          StyledText("Score ", style: theme.muted), StyledText(score, style: strong),
          StyledText("    Rank in \(model.segmentName) ", style: theme.muted),
          StyledText(rank, style: strong),
        ], r, &y, &buffer)
      y += 1
    }
    var tierLine: [StyledText] = [
      StyledText("Tier ", style: theme.muted), StyledText(e.tier.name, style: tierStyle),
    ]
    if e.grace > 0 {
      tierLine.append(
        StyledText(
          "   in grace: \(e.grace) of \(model.program.gracePeriods) quarters to get back to \(e.tier.name)",
          style: theme.warn))
    }
    line(tierLine, r, &y, &buffer)
    y += 1
    if let next = e.nextTier, let needed = e.pointsNeeded {
      let width = min(60, r.width - 20)
      line(
        [
          StyledText(Bar.string(e.progress, width: width, glyphs: g, showsTrack: true), style: tierStyle),
          StyledText("  \(NumberFormat.fixed(e.progress * 100, 0)) % to \(next.name)", style: strong),
        ], r, &y, &buffer)
      y += 1
      line(
        [StyledText("\(NumberFormat.fixed(needed, 1)) points to \(next.name)", style: strong)], r, &y, &buffer
      )
      for req in e.unmetRequirements {
        line([StyledText("Also needed: " + requirement(req), style: theme.warn)], r, &y, &buffer)
      }
    } else {
      line([StyledText("Top tier: \(e.tier.name)", style: strong)], r, &y, &buffer)
    }
  }

  func arrow(_ change: Double?, _ g: Glyphs) -> StyledText {
    let c = Phrases.change(change, unicode: g.isUnicode, words: false)
    return StyledText(c.text, style: Format.style(c.trend, theme))
  }

  func scorecard(_ r: Rect, _ buffer: inout CellBuffer, _ g: Glyphs) {
    var y = r.y
    let barWidth = r.width >= 100 ? 20 : 10
    for (title, lines) in [("Leading indicators", model.leading), ("Lagging indicators", model.lagging)]
    where !lines.isEmpty {
      line([StyledText(title, style: Style(bold: true, underline: true))], r, &y, &buffer)
      for l in lines {
        let name = TextWidthBridge.pad(l.kpi.name + (l.adjusted ? " *" : ""), 24)
        line(
          [
            StyledText(name),
            StyledText(TextWidthBridge.pad(model.money(l.value, l.kpi, mask: masked), 14), style: strong),
            StyledText(TextWidthBridge.pad(target(l), 17), style: theme.muted),
            StyledText(Bar.string(l.credit, width: barWidth, glyphs: g, showsTrack: true) + " "),
            StyledText(TextWidthBridge.pad(NumberFormat.fixed(l.points, 1) + " pts", 9)),
            arrow(l.betterChange, g),
          ], r, &y, &buffer)
      }
      y += 1
    }
    line(
      [
        StyledText("Arrows: better or worse than last quarter. * an approved correction.", style: theme.muted)
      ], r, &y, &buffer)
  }

  func requirement(_ r: RequirementCheck) -> String { model.requirement(r, mask: masked) }

  func target(_ l: QBRModel.KPILine) -> String {
    l.kpi.isImprovement ? model.target(l, mask: masked) : "of " + model.target(l, mask: masked)
  }

  func trends(_ r: Rect, _ buffer: inout CellBuffer, _ g: Glyphs) {
    let next = model.evaluation.nextTier
    _ = buffer.put(
      [
        StyledText("Score by quarter", style: strong),
        StyledText(
          "  (tier thresholds: "
            + model.program.tiers.dropFirst().map { "\($0.name) \(NumberFormat.trimmed($0.minScore, 1))" }
            .joined(separator: ", ") + "; dotted: the next)",
          style: theme.muted),
      ],
      x: r.x, y: r.y, maxWidth: r.width)
    let scoreHeight = max(4, r.height / 3)
    // Every tier's threshold as a faint flat line, the next tier's as the target.
    let thresholds = model.program.tiers.dropFirst().filter { $0.id != next?.id }.map { tier in
      LineChart.Series(tier.id, values: model.scores.map { _ in tier.minScore }, style: theme.muted)
    }
    LineChart(
      series: thresholds + [LineChart.Series("score", values: model.scores, style: theme.accent)],
      target: next?.minScore,
      targetStyle: theme.warn, yRange: 0...100
    ).render(in: Rect(x: r.x, y: r.y + 1, width: r.width, height: scoreHeight), buffer: &buffer, glyphs: g)
    let grid = Rect(
      x: r.x, y: r.y + scoreHeight + 2, width: r.width, height: r.maxY - (r.y + scoreHeight + 2))
    let perRow = r.width >= 150 ? 3 : 2
    let cellHeight = max(4, min(8, grid.height / max(1, (model.series.count + perRow - 1) / perRow)))
    for (i, s) in model.series.enumerated() where s.values.contains(where: { $0 != nil }) {
      let rowY = grid.y + (i / perRow) * cellHeight
      guard rowY + cellHeight <= grid.maxY + 1 else { break }
      let cols = Rect(x: grid.x, y: rowY, width: grid.width, height: cellHeight).columns(
        Array(repeating: .flex(1), count: perRow), spacing: 2)
      let c = cols[i % perRow]
      _ = buffer.put(s.kpi.name, x: c.x, y: c.y, style: strong, maxWidth: c.width)
      var chart = LineChart(
        series: [LineChart.Series(s.kpi.id, values: s.values, style: theme.accent)], target: s.target,
        targetStyle: theme.warn)
      if masked && s.kpi.unit == .currency { chart.format = { _ in "•••" } }
      chart.render(
        in: Rect(x: c.x, y: c.y + 1, width: c.width, height: cellHeight - 1), buffer: &buffer, glyphs: g)
    }
  }

  func whatItTakes(_ r: Rect, _ buffer: inout CellBuffer, _ g: Glyphs) {
    var y = r.y
    let e = model.evaluation
    guard let next = e.nextTier, let needed = e.pointsNeeded else {
      line(
        [
          StyledText(
            "You are at the top tier. Keep it: the score must stay above \(NumberFormat.trimmed(e.tier.minScore, 1)).",
            style: strong)
        ], r, &y, &buffer)
      return
    }
    line([StyledText("To reach \(next.name)", style: Style(bold: true, underline: true))], r, &y, &buffer)
    y += 1
    if needed > 0 {
      let paths = e.whatItTakes.compactMap { model.path($0, mask: masked) }
      let lead =
        paths.isEmpty
        ? "\(NumberFormat.fixed(needed, 1)) more points: no single KPI closes the gap; it takes progress on several."
        : "\(NumberFormat.fixed(needed, 1)) more points. Any one of these alone would do it:"
      line([StyledText(lead, style: strong)], r, &y, &buffer)
      for path in paths { line([StyledText("  \(g.isUnicode ? "•" : "-") " + path)], r, &y, &buffer) }
    } else {
      line([StyledText("The score is already enough.", style: strong)], r, &y, &buffer)
    }
    let unmet = e.unmetRequirements
    if !unmet.isEmpty {
      y += 1
      line([StyledText("\(next.name) also requires:", style: strong)], r, &y, &buffer)
      for req in unmet {
        line([StyledText("  \(g.isUnicode ? "•" : "-") " + requirement(req))], r, &y, &buffer)
      }
    }
  }

  func outcomes(_ r: Rect, _ buffer: inout CellBuffer, _ g: Glyphs) {
    var y = r.y
    let payouts = model.payouts
    guard !payouts.isEmpty else {
      line([StyledText("No outcome agreements this year.", style: strong)], r, &y, &buffer)
      return
    }
    // Baseline and target need 24 more columns: on a narrow screen they give way.
    let wide = r.width >= 110
    let name = wide ? 22 : 18
    var header = TextWidthBridge.pad("Outcome", name) + TextWidthBridge.pad("Quarter", 8)
    if wide { header += TextWidthBridge.pad("Baseline", 15) + TextWidthBridge.pad("Target", 15) }
    header +=
      TextWidthBridge.pad("Now", 15) + TextWidthBridge.pad("Done", 6) + TextWidthBridge.pad("Share", 6)
    header += TextWidthBridge.pad("Payout", 15) + "Status"
    line([StyledText(header, style: Style(bold: true, underline: true))], r, &y, &buffer)
    for p in payouts {
      let kpi = model.program.kpis.first { $0.id == p.agreement.kpi }!
      var cells: [StyledText] = [
        StyledText(TextWidthBridge.pad(kpi.name, name)),
        StyledText(TextWidthBridge.pad(p.agreement.period.description, 8)),
      ]
      if wide {
        cells.append(
          StyledText(TextWidthBridge.pad(model.money(p.agreement.baseline, kpi, mask: masked), 15)))
        cells.append(StyledText(TextWidthBridge.pad(model.money(p.agreement.target, kpi, mask: masked), 15)))
      }
      let done = p.attainment.map { NumberFormat.fixed($0 * 100, 0) + "%" } ?? "—"
      let share = Phrases.sharePercent(p.shareApplied, space: false)
      cells += [
        StyledText(TextWidthBridge.pad(model.money(p.value, kpi, mask: masked), 15)),
        StyledText(TextWidthBridge.pad(done, 6)), StyledText(TextWidthBridge.pad(share, 6)),
        StyledText(TextWidthBridge.pad(model.amount(p.payout, mask: masked), 15), style: strong),
        StyledText(p.status.rawValue, style: p.status == .pending ? theme.warn : theme.good),
      ]
      line(cells, r, &y, &buffer)
    }
    y += 1
    let total = payouts.reduce(0) { $0 + $1.payout }
    line([StyledText("Total  " + model.amount(total, mask: masked), style: strong)], r, &y, &buffer)
  }

  func peers(_ r: Rect, _ buffer: inout CellBuffer, _ g: Glyphs, _ big: Bool) {
    var y = r.y
    let e = model.evaluation
    guard let peers = model.peers else {
      line(
        [
          StyledText(
            "Fewer than \(QBRModel.minimumPeers) partners in \(model.segmentName): no comparison is shown, so no one's figures can be inferred.",
            style: strong)
        ], r, &y, &buffer)
      return
    }
    line(
      [
        StyledText("\(model.segmentName): \(peers.count) partners", style: Style(bold: true, underline: true))
      ], r, &y, &buffer)
    y += 1
    line(
      [
        StyledText("Your score  ", style: theme.muted),
        StyledText(NumberFormat.fixed(e.score, 1), style: strong),
      ], r, &y, &buffer)
    line(
      [StyledText("Median      ", style: theme.muted), StyledText(NumberFormat.fixed(peers.median, 0))], r,
      &y, &buffer)
    line(
      [
        StyledText("Top quarter ", style: theme.muted),
        StyledText("from " + NumberFormat.fixed(peers.topQuartile, 0)),
      ], r, &y, &buffer)
    line(
      [
        StyledText(
          "You score at or above \(NumberFormat.fixed(peers.percentile * 100, 0)) % of the segment.",
          style: strong)
      ],
      r, &y, &buffer)
    y += 1
    line([StyledText("Partners per score band", style: theme.muted)], r, &y, &buffer)
    let most = max(1, peers.histogram.max() ?? 1)
    let mine = min(9, max(0, Int(clampingRounded: (e.score / 10).rounded(.down))))
    for band in stride(from: 9, through: 0, by: -1) where y < r.maxY {
      let label = TextWidthBridge.pad("\(band * 10)-\(band * 10 + 10)", 8)
      let width = max(1, min(40, r.width - 24))
      let marker = band == mine ? " \(g.isUnicode ? "◀" : "<") you" : ""
      line(
        [
          StyledText(label, style: theme.muted),
          StyledText(
            Bar.string(Double(peers.histogram[band]) / Double(most), width: width, glyphs: g),
            style: band == mine ? strong : theme.accent),
          StyledText(marker, style: strong),
        ], r, &y, &buffer)
    }
  }
}
