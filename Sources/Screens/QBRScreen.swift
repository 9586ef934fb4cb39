import Dashboard
import Presentation
import Scoring
import TerminalUI
import TextLayout

/// The QBR presentation: one slide at a time, high contrast, only this
/// partner's data.
struct QBRScreen: Widget {
  let qbr: QBRState?
  let theme: Theme

  func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    guard let q = qbr, let model = q.model
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

  /// What the slides say: phrased once for the slides and the packs.
  var content: QBRContent { QBRContent(model, masked: masked) }

  public func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    let titles = QBRModel.slideTitles
    let e = model.evaluation
    let c = content
    let tiers = model.program.tiers
    let tierStyle = Style(fg: theme.tier(e.tierIndex, of: tiers.count).fg, bold: true)
    // Header: slide position, partner, period.
    let header = " \(slide + 1)/\(titles.count)  \(titles[slide]) "
    _ = buffer.put(
      [
        StyledText(header, style: Style(bold: true, reverse: true)),
        StyledText("  \(c.partnerName) · \(model.period)", style: strong),
        StyledText(masked ? "   amounts hidden" : "", style: theme.warn),
      ], x: rect.x, y: rect.y, maxWidth: rect.width)
    let body = Rect(x: rect.x + 2, y: rect.y + 2, width: rect.width - 4, height: rect.height - 3)
    let big = body.width >= 100 && body.height >= 30
    switch slide {
    case 0: title(c, body, &buffer, glyphs, tierStyle, big)
    case 1: standing(c, body, &buffer, glyphs, tierStyle, big)
    case 2: scorecard(c, body, &buffer, glyphs)
    case 3: trends(body, &buffer, glyphs)
    case 4: whatItTakes(c, body, &buffer, glyphs)
    case 5: outcomes(c, body, &buffer, glyphs)
    default: peers(c, body, &buffer, glyphs, big)
    }
  }

  func line(_ runs: [StyledText], _ r: Rect, _ y: inout Int, _ buffer: inout CellBuffer) {
    guard y < r.maxY else { return }
    _ = buffer.put(runs, x: r.x, y: y, maxWidth: r.width)
    y += 1
  }

  func title(
    _ c: QBRContent, _ r: Rect, _ buffer: inout CellBuffer, _ g: Glyphs, _ tierStyle: Style, _ big: Bool
  ) {
    var y = r.y + max(0, r.height / 2 - (big ? 8 : 5))
    let center = { (s: String) -> Int in r.x + max(0, (r.width - TextWidthBridge.of(s)) / 2) }
    _ = buffer.put(
      "Quarterly business review", x: center("Quarterly business review"), y: y, style: theme.muted)
    y += 2
    _ = buffer.put(c.partnerName, x: center(c.partnerName), y: y, style: Style(bold: true), maxWidth: r.width)
    y += 1
    _ = buffer.put(c.subtitle, x: center(c.subtitle), y: y, style: .plain, maxWidth: r.width)
    y += 2
    // The tier as a badge.
    let tierName = c.tierName.uppercased()
    let badge = Rect(x: center(tierName) - 3, y: y, width: TextWidthBridge.of(tierName) + 6, height: 3)
    Box(style: tierStyle).render(in: badge, buffer: &buffer, glyphs: g)
    _ = buffer.put(tierName, x: badge.x + 3, y: badge.y + 1, style: tierStyle)
    y += 4
    _ = buffer.put(c.programName, x: center(c.programName), y: y, style: theme.muted, maxWidth: r.width)
  }

  func standing(
    _ c: QBRContent, _ r: Rect, _ buffer: inout CellBuffer, _ g: Glyphs, _ tierStyle: Style, _ big: Bool
  ) {
    let e = model.evaluation
    var y = r.y
    if big {
      _ = buffer.put("Score", x: r.x, y: y, style: theme.muted)
      _ = buffer.put(c.rankLabel, x: r.x + r.width / 2, y: y, style: theme.muted)
      y += 1
      BigDigits.draw(c.score, x: r.x, y: y, style: strong, glyphs: g, into: &buffer)
      BigDigits.draw(c.rankShort, x: r.x + r.width / 2, y: y, style: strong, glyphs: g, into: &buffer)
      y += BigDigits.height + 2
    } else {
      line(
        [
          StyledText("Score ", style: theme.muted), StyledText(c.score, style: strong),
          StyledText("    \(c.rankLabel) ", style: theme.muted), StyledText(c.rankShort, style: strong),
        ], r, &y, &buffer)
      y += 1
    }
    var tierLine: [StyledText] = [
      StyledText("Tier ", style: theme.muted), StyledText(c.tierName, style: tierStyle),
    ]
    if let note = c.graceNote { tierLine.append(StyledText("   " + note, style: theme.warn)) }
    line(tierLine, r, &y, &buffer)
    if let keep = c.keepSummary { line([StyledText(keep, style: theme.warn)], r, &y, &buffer) }
    y += 1
    if let progress = c.progress {
      let width = min(60, r.width - 20)
      line(
        [
          StyledText(Bar.string(e.progress, width: width, glyphs: g, showsTrack: true), style: tierStyle),
          StyledText("  " + progress.bar, style: strong),
        ], r, &y, &buffer)
      y += 1
      line([StyledText(progress.points, style: strong)], r, &y, &buffer)
      for req in c.alsoNeeded { line([StyledText("Also needed: " + req, style: theme.warn)], r, &y, &buffer) }
    } else if let top = c.topTier {
      line([StyledText(top, style: strong)], r, &y, &buffer)
    }
  }

  func scorecard(_ c: QBRContent, _ r: Rect, _ buffer: inout CellBuffer, _ g: Glyphs) {
    var y = r.y
    let barWidth = r.width >= 100 ? 20 : 10
    for card in c.scorecards {
      line([StyledText(card.title, style: Style(bold: true, underline: true))], r, &y, &buffer)
      for row in card.rows {
        let change = Phrases.change(row.betterChange, unicode: g.isUnicode, words: false)
        line(
          [
            StyledText(TextWidthBridge.pad(row.name, 24)),
            StyledText(TextWidthBridge.pad(row.value, 14), style: strong),
            StyledText(
              TextWidthBridge.pad(row.isImprovement ? row.target : "of " + row.target, 17), style: theme.muted
            ),
            StyledText(Bar.string(row.credit, width: barWidth, glyphs: g, showsTrack: true) + " "),
            StyledText(TextWidthBridge.pad(row.points + " pts", 9)),
            StyledText(change.text, style: Format.style(change.trend, theme)),
            // Words for the result where there is room (the bar shows it too).
            StyledText(r.width >= 110 ? "  " + row.result : "", style: theme.muted),
          ], r, &y, &buffer)
      }
      y += 1
    }
    line([StyledText(QBRContent.scorecardNote, style: theme.muted)], r, &y, &buffer)
  }

  func trends(_ r: Rect, _ buffer: inout CellBuffer, _ g: Glyphs) {
    let next = model.evaluation.nextTier
    _ = buffer.put(
      [
        StyledText("Score by quarter", style: strong),
        StyledText(
          [
            "  (dotted: tier thresholds "
              + model.program.tiers.dropFirst().map { "\($0.name) \(NumberFormat.trimmed($0.minScore, 1))" }
              .joined(separator: ", ") + (next.map { "; in colour: \($0.name), the next" } ?? "") + ")",
            "  (dotted: tier thresholds" + (next.map { "; in colour: \($0.name), the next" } ?? "") + ")",
            "",
          ].first { TextWidthBridge.of($0) + 16 <= r.width } ?? "",
          style: theme.muted),
      ],
      x: r.x, y: r.y, maxWidth: r.width)
    let scoreHeight = max(5, r.height / 3)
    // The score is the only line; every tier's threshold a faint dotted
    // rule named at its end, the next tier's in colour; quarters below.
    var chart = LineChart(
      series: [
        LineChart.Series("score", values: model.scores, style: theme.accent.patched(with: Style(bold: true)))
      ],
      target: next?.minScore, targetStyle: theme.warn, yRange: 0...100)
    chart.references = model.program.tiers.dropFirst().filter { $0.id != next?.id }.map { tier in
      (tier.minScore, "\(tier.name) \(NumberFormat.trimmed(tier.minScore, 1))")
    }
    chart.targetLabel = next.map { "\($0.name) \(NumberFormat.trimmed($0.minScore, 1))" }
    chart.xLabels = model.periods.map(\.description)
    chart.render(
      in: Rect(x: r.x, y: r.y + 1, width: r.width, height: scoreHeight), buffer: &buffer, glyphs: g)
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
      if masked && s.kpi.unit == .currency { chart.format = { _ in Phrases.masked } }
      chart.render(
        in: Rect(x: c.x, y: c.y + 1, width: c.width, height: cellHeight - 1), buffer: &buffer, glyphs: g)
    }
  }

  func whatItTakes(_ c: QBRContent, _ r: Rect, _ buffer: inout CellBuffer, _ g: Glyphs) {
    var y = r.y
    let bullet = g.isUnicode ? "•" : "-"
    for (i, goal) in c.goals.enumerated() {
      if i > 0 { y += 1 }
      if let title = goal.title {
        line([StyledText(title, style: Style(bold: true, underline: true))], r, &y, &buffer)
        y += 1
      }
      line([StyledText(goal.lead, style: strong)], r, &y, &buffer)
      for path in goal.paths { line([StyledText("  \(bullet) " + path)], r, &y, &buffer) }
      if let heading = goal.requiredHeading {
        y += 1
        line([StyledText(heading, style: strong)], r, &y, &buffer)
        for req in goal.required { line([StyledText("  \(bullet) " + req)], r, &y, &buffer) }
      }
    }
  }

  func outcomes(_ c: QBRContent, _ r: Rect, _ buffer: inout CellBuffer, _ g: Glyphs) {
    var y = r.y
    guard !c.payouts.isEmpty else {
      line([StyledText(QBRContent.noPayouts, style: strong)], r, &y, &buffer)
      return
    }
    // The columns of QBRContent.payoutHeader; on a narrow screen baseline and
    // target give way.
    let wide = r.width >= 110
    let widths = [wide ? 22 : 16, 8, 15, 15, 14, 9, 6, 14, 0]
    let shown = QBRContent.payoutHeader.indices.filter { wide || ($0 != 2 && $0 != 3) }
    func cells(_ values: [String]) -> [String] {
      shown.map { i in widths[i] > 0 ? TextWidthBridge.pad(values[i], widths[i]) : values[i] }
    }
    line(
      [StyledText(cells(QBRContent.payoutHeader).joined(), style: Style(bold: true, underline: true))], r, &y,
      &buffer)
    for p in c.payouts {
      var texts = cells(p.cells)
      let status = texts.removeLast()
      let payout = texts.removeLast()
      line(
        texts.map { StyledText($0) } + [
          StyledText(payout, style: strong), StyledText(status, style: p.pending ? theme.warn : theme.good),
        ], r, &y, &buffer)
    }
    y += 1
    line([StyledText("Total  " + c.payoutTotal, style: strong)], r, &y, &buffer)
  }

  func peers(_ c: QBRContent, _ r: Rect, _ buffer: inout CellBuffer, _ g: Glyphs, _ big: Bool) {
    var y = r.y
    guard let heading = c.peersHeading else {
      line([StyledText(c.peersSentence, style: strong)], r, &y, &buffer)
      return
    }
    line([StyledText(heading, style: Style(bold: true, underline: true))], r, &y, &buffer)
    y += 1
    for (i, f) in c.peerFacts.enumerated() {
      line(
        [
          StyledText(TextWidthBridge.pad(f.label, 12), style: theme.muted),
          StyledText(f.value, style: i == 0 ? strong : .plain),
        ], r, &y, &buffer)
    }
    line([StyledText(c.peersSentence, style: strong)], r, &y, &buffer)
    y += 1
    line([StyledText("Partners per score band", style: theme.muted)], r, &y, &buffer)
    let most = max(1, c.peerBands.map(\.partners).max() ?? 1)
    for band in c.peerBands where y < r.maxY {
      let width = max(1, min(40, r.width - 24))
      line(
        [
          StyledText(TextWidthBridge.pad(band.label, 8), style: theme.muted),
          StyledText(
            Bar.string(Double(band.partners) / Double(most), width: width, glyphs: g),
            style: band.mine ? strong : theme.accent),
          StyledText(band.mine ? " " + QBRContent.you(unicode: g.isUnicode) : "", style: strong),
        ], r, &y, &buffer)
    }
  }

}
