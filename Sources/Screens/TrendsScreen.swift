import Dashboard
import Presentation
import Scoring
import TerminalUI
import TextLayout

/// Screen 4: the program's KPIs quarter by quarter: a KPI list with median
/// sparklines, the chosen KPI's median and interquartile band against its
/// target (and the selected partner's own line), a table per quarter, movers.
struct TrendsScreen: Widget {
  let page: TrendsPage?
  let theme: Theme

  func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    guard let page else {
      CenteredMessage("No quarter with data yet").render(in: rect, buffer: &buffer, glyphs: glyphs)
      return
    }
    let model = page.model
    let program = page.program
    let kpi = program.kpis[model.kpi]
    var filters: [String] = []
    if let v = model.filter.segment { filters.append("segment \(v)") }
    if let v = model.filter.region { filters.append("region \(v)") }
    if let v = model.filter.tier { filters.append("tier \(v)") }
    let covers = StyledText(
      filters.isEmpty ? "  all partners" : "  " + filters.joined(separator: ", "), style: theme.muted)
    let title = QuarterTitle.appending(
      page.coverage,
      to: [
        StyledText(" KPI trends ", style: theme.title), " ", StyledText(program.name, style: theme.heading),
        StyledText(" · up to \(page.periods[model.period])", style: theme.heading),
      ], shrinking: 2, width: rect.width - TextWidth.of(covers.text), theme: theme)
    _ = buffer.put(title + [covers], x: rect.x, y: rect.y, maxWidth: rect.width)
    let body = Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: rect.height - 2)
    let leftWidth = min(38, max(26, body.width / 3))
    let panes = body.columns([.fixed(leftWidth), .flex(1)], spacing: 2)
    let left = panes[0]
    let right = panes[1]

    // KPI list, leading then lagging.
    var y = left.y
    var lastIndicator: Indicator?
    let up = String(glyphs.arrowUp)
    let down = String(glyphs.arrowDown)
    for row in model.rows {
      if row.indicator != lastIndicator {
        lastIndicator = row.indicator
        // The sparklines' scale, said once: each median on its own min-max.
        _ = buffer.put(
          [
            StyledText(row.indicator == .leading ? "Leading" : "Lagging", style: theme.heading),
            StyledText(
              lastIndicator == model.rows.first?.indicator ? "  median, own scale" : "", style: theme.muted),
          ], x: left.x, y: y, maxWidth: left.width)
        y += 1
      }
      let chosen = row.kpi == model.kpi
      let spark = Sparkline.string(row.medians, width: 8, glyphs: glyphs)
      let change = Phrases.change(row.betterChange, unicode: glyphs.isUnicode, words: false)
      let arrow =
        change.trend == .same
        ? StyledText("  ", style: theme.muted)
        : StyledText(" " + change.text, style: Format.style(change.trend, theme))
      let nameWidth = max(4, left.width - 13)
      let style =
        chosen && !page.focusOnMovers ? Style(reverse: true) : chosen ? theme.heading : .plain
      _ = buffer.put(
        [
          StyledText(chosen ? String(glyphs.marker) : " ", style: style),
          StyledText(TextWidthBridge.pad(row.name, nameWidth), style: style),
          StyledText(spark, style: theme.accent), arrow,
        ], x: left.x, y: y, maxWidth: left.width)
      y += 1
    }
    y += 1

    // Movers, in "better" terms.
    let movers = model.moverList
    if y < left.maxY {
      _ = buffer.put(
        [StyledText("Movers since last quarter", style: theme.heading)], x: left.x, y: y, maxWidth: left.width
      )
      y += 1
    }
    if movers.isEmpty, y < left.maxY {
      _ = buffer.put([StyledText("none", style: theme.muted)], x: left.x, y: y, maxWidth: left.width)
    }
    // Where not all fit, the list scrolls with the selected mover.
    let room = max(1, left.maxY - y)
    let first = max(0, min(page.focusOnMovers ? page.mover - room + 1 : 0, movers.count - room))
    for (i, m) in movers.enumerated() where i >= first && y < left.maxY {
      let selected = page.focusOnMovers && i == page.mover
      let change = NumberFormat.difference(abs(m.change), unit: kpi.unit, currency: program.currency)
      let sign =
        m.change > 0 ? StyledText(up + " ", style: theme.good) : StyledText(down + " ", style: theme.bad)
      let name = TextWidthBridge.pad(
        page.moverNames[i], max(4, left.width - TextWidthBridge.of(change) - 4))
      _ = buffer.put(
        [
          StyledText(selected ? String(glyphs.marker) : " ", style: selected ? Style(reverse: true) : .plain),
          sign,
          StyledText(name, style: selected ? Style(reverse: true) : .plain),
          StyledText(change, style: theme.muted),
        ], x: left.x, y: y, maxWidth: left.width)
      y += 1
    }

    // Chart of the chosen KPI.
    let better = kpi.direction == .higher ? "higher is better \(up)" : "lower is better \(down)"
    var caption: [StyledText] = [
      StyledText(kpi.name, style: theme.heading), StyledText("  \(better)", style: theme.muted),
      StyledText("  median, p25..p75 shaded", style: theme.muted),
    ]
    if let target = model.target {
      caption.append(StyledText(" · target \(Format.value(target, kpi, program))", style: theme.warn))
    }
    let partner = page.partner
    if let p = partner {
      caption.append(
        StyledText(
          " · \(glyphs.isUnicode ? "⠒⠒" : "**") \(p.name) (\(glyphs.arrowUp)\(glyphs.arrowDown) off the scale)",
          style: theme.good))
    }
    // Up to three lines where one does not hold it: the target and the partner's name are not cut.
    let captionLines = min(3, Text.wrap(caption.map(\.text).joined(), width: right.width).count)
    Text(spans: caption).render(
      in: Rect(x: right.x, y: right.y, width: right.width, height: captionLines), buffer: &buffer,
      glyphs: glyphs)
    let quarters = model.quarters
    let tableRows = min(quarters.count, max(3, (right.height - 2) / 2 - 1))
    let chartHeight = max(4, right.height - tableRows - 2 - captionLines)
    var series = [LineChart.Series("median", values: quarters.map(\.median), style: theme.accent)]
    if let p = partner {
      series.append(
        LineChart.Series(
          "partner", values: p.values, style: theme.good))
    }
    var chart = LineChart(series: series, target: model.target, targetStyle: theme.warn)
    chart.band = .init(lower: quarters.map(\.p25), upper: quarters.map(\.p75), style: theme.muted)
    // The median and its band set the scale: one partner far out does not flatten them.
    chart.scaleSeries = [0]
    chart.render(
      in: Rect(x: right.x, y: right.y + captionLines, width: right.width, height: chartHeight),
      buffer: &buffer,
      glyphs: glyphs)

    // Table per quarter (the latest that fit).
    let shown = Array(quarters.suffix(tableRows))
    let narrow = right.width < 90
    let q: Size = narrow ? .fixed(7) : .flex(1)
    // The missing count needs room; at 80 columns it gives way (the CLI and export keep it).
    var columns: [Table.Column] = [
      .init("Quarter", width: .fixed(7)), .init("n", width: .fixed(5), alignment: .right),
    ]
    if !narrow { columns.append(.init("missing", width: .fixed(7), alignment: .right)) }
    columns += [
      .init("p25", width: q, alignment: .right), .init("median", width: q, alignment: .right),
      .init("p75", width: q, alignment: .right), .init("target", width: .fixed(6), alignment: .right),
      .init("credit", width: .fixed(6), alignment: .right),
    ]
    Table(columns: columns, rowCount: shown.count, showsMarker: false) { i in
      let s = shown[i]
      func v(_ x: Double?) -> StyledText {
        guard let x else { return "—" }
        return StyledText(narrow ? LineChart.compact(x) : Format.value(x, kpi, program))
      }
      var cells: [StyledText] = [StyledText(page.periods[s.period].description), StyledText(String(s.n))]
      if !narrow { cells.append(StyledText(String(s.missing))) }
      cells += [
        v(s.p25), v(s.median), v(s.p75),
        StyledText(s.shareAtTarget.map { Phrases.sharePercent($0, space: false) } ?? "—"),
        StyledText(s.meanCredit.map { NumberFormat.fixed($0, 2) } ?? "—"),
      ]
      return cells
    }.render(
      in: Rect(
        x: right.x, y: right.y + 1 + captionLines + chartHeight, width: right.width, height: shown.count + 1),
      buffer: &buffer,
      glyphs: glyphs)
  }
}
