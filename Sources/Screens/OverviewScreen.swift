import Dashboard
import Presentation
import Scoring
import TerminalUI

/// Screen 3: the program at a glance: tier distribution, tier moves, score by
/// segment, top movers, every at-risk partner, KPI attainment by segment.
/// Drawn on a page: two columns from 120 columns, one below, scrolled with
/// ↑↓ PgUp PgDn where it does not fit.
struct OverviewScreen: Widget {
  let model: OverviewModel?
  /// The page's first line shown.
  let scroll: Int
  let theme: Theme

  func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    guard let o = model else {
      CenteredMessage("No quarter with data yet").render(in: rect, buffer: &buffer, glyphs: glyphs)
      return
    }
    _ = buffer.put(
      QuarterTitle.appending(
        o.coverage,
        to: [
          StyledText(
            o.book.map { " Overview: \(Books.title($0)) " } ?? " Program overview ", style: theme.title), " ",
          StyledText(o.program.name, style: theme.heading),
          StyledText(" · \(o.period) · \(o.evaluated) partners", style: theme.heading),
        ], shrinking: 2, width: rect.width, theme: theme), x: rect.x, y: rect.y, maxWidth: rect.width)

    let tiers = o.program.tiers.count
    let bound =
      3 * (tiers + 4) + o.segments.count * 2 + o.risers.count + o.fallers.count
      + o.atRisk.count + o.program.kpis.count + 26
    var page = CellBuffer(width: rect.width, height: bound)
    let panels = OverviewPanels(overview: o, theme: theme, glyphs: glyphs)
    let height: Int
    if rect.width >= 120 {
      let halves = Rect(x: 0, y: 0, width: rect.width, height: bound).columns(
        [.flex(1), .flex(1)], spacing: 2)
      var left = 0
      var right = 0
      left = panels.tiers(&page, x: halves[0].x, y: left, width: halves[0].width)
      left = panels.moves(&page, x: halves[0].x, y: left, width: halves[0].width)
      left = panels.segments(&page, x: halves[0].x, y: left, width: halves[0].width)
      right = panels.movers(&page, x: halves[1].x, y: right, width: halves[1].width)
      right = panels.risks(&page, x: halves[1].x, y: right, width: halves[1].width)
      right = panels.attainment(&page, x: halves[1].x, y: right, width: halves[1].width)
      height = max(left, right)
    } else {
      // One column, what matters most first: who moved tier, who is at risk.
      var y = panels.tiers(&page, x: 0, y: 0, width: rect.width)
      y = panels.moves(&page, x: 0, y: y, width: rect.width)
      y = panels.risks(&page, x: 0, y: y, width: rect.width)
      y = panels.movers(&page, x: 0, y: y, width: rect.width)
      y = panels.segments(&page, x: 0, y: y, width: rect.width)
      height = panels.attainment(&page, x: 0, y: y, width: rect.width)
    }
    let window = rect.height - 2
    let maxScroll = max(0, height - window)
    let scroll = min(self.scroll, maxScroll)
    buffer.copy(
      from: page,
      rect: Rect(x: 0, y: scroll, width: rect.width, height: max(0, min(window, height - scroll))),
      toX: rect.x, y: rect.y + 2)
    if maxScroll > 0 {
      let more =
        "\(scroll < maxScroll ? "↓ more" : "end") (\(scroll + 1)-\(min(height, scroll + window)) of \(height))"
      _ = buffer.put(
        [StyledText(more, style: theme.muted)], x: rect.maxX - TextWidthBridge.of(more) - 1, y: rect.y + 1,
        maxWidth: rect.width)
    }
  }
}

/// The overview's panels; each draws at (x, y) and returns the next free row.
struct OverviewPanels {
  let overview: OverviewModel
  let theme: Theme
  let glyphs: Glyphs

  var tierList: [Tier] { overview.program.tiers }

  private func heading(_ text: String, _ page: inout CellBuffer, x: Int, y: inout Int, width: Int) {
    _ = page.put([StyledText(text, style: theme.heading)], x: x, y: y, maxWidth: width)
    y += 1
  }

  func tiers(_ page: inout CellBuffer, x: Int, y start: Int, width: Int) -> Int {
    var y = start
    let o = overview
    heading("Tiers", &page, x: x, y: &y, width: width)
    let most = max(1, o.tierCounts.max() ?? 1)
    for (i, tier) in tierList.enumerated().reversed() {
      _ = page.put(
        [
          StyledText(TextWidthBridge.pad(tier.name, 12), style: theme.tier(i, of: tierList.count)),
          StyledText(
            Bar.string(Double(o.tierCounts[i]) / Double(most), width: max(4, width - 20), glyphs: glyphs),
            style: theme.tier(i, of: tierList.count)),
          StyledText(" \(o.tierCounts[i])"),
        ], x: x, y: y, maxWidth: width)
      y += 1
    }
    return y + 1
  }

  /// The from/to matrix of tiers since last quarter, with a row for new partners.
  func moves(_ page: inout CellBuffer, x: Int, y start: Int, width: Int) -> Int {
    var y = start
    let o = overview
    heading("Tier moves since last quarter (rows: from, columns: to)", &page, x: x, y: &y, width: width)
    guard o.hasPrevious else {
      _ = page.put(
        [StyledText("first quarter: no moves yet", style: theme.muted)], x: x, y: y, maxWidth: width)
      return y + 2
    }
    let cw = max(6, min(11, (width - 12) / max(1, tierList.count)))
    var head = TextWidthBridge.pad("", 12)
    for t in tierList { head += TextWidthBridge.pad(t.name, cw) }
    _ = page.put([StyledText(head, style: theme.muted)], x: x, y: y, maxWidth: width)
    y += 1
    func row(_ label: String, _ style: Style, _ counts: [Int], _ cellStyle: (Int, Int) -> Style) {
      var runs = [StyledText(TextWidthBridge.pad(label, 12), style: style)]
      for (j, n) in counts.enumerated() {
        runs.append(
          StyledText(
            TextWidthBridge.pad(n == 0 ? "·" : String(n), cw), style: n == 0 ? theme.muted : cellStyle(j, n)))
      }
      _ = page.put(runs, x: x, y: y, maxWidth: width)
      y += 1
    }
    for (i, from) in tierList.enumerated() {
      row(from.name, theme.tier(i, of: tierList.count), o.transitions[i]) { j, _ in
        j > i ? theme.good : j < i ? theme.bad : .plain
      }
    }
    // New partners have no row to come from: they get their own.
    row("New", theme.accent, o.newByTier) { _, _ in theme.accent }
    _ = page.put(
      [StyledText("up: green, down: red; the Changes screen (5) names them", style: theme.muted)], x: x, y: y,
      maxWidth: width)
    return y + 2
  }

  func segments(_ page: inout CellBuffer, x: Int, y start: Int, width: Int) -> Int {
    var y = start
    heading("Score by segment (mean, median)", &page, x: x, y: &y, width: width)
    for seg in overview.segments {
      let mean = seg.meanScore.map { NumberFormat.fixed($0, 1) } ?? "—"
      let median = seg.medianScore.map { NumberFormat.fixed($0, 1) } ?? "—"
      _ = page.put(
        [
          StyledText(TextWidthBridge.pad(seg.segment.name, 24)),
          StyledText(
            Bar.string((seg.meanScore ?? 0) / 100, width: max(4, width - 44), glyphs: glyphs),
            style: theme.accent),
          StyledText(" \(mean)  \(median)  n=\(seg.partners)", style: theme.muted),
        ], x: x, y: y, maxWidth: width)
      y += 1
    }
    return y + 1
  }

  func movers(_ page: inout CellBuffer, x: Int, y start: Int, width: Int) -> Int {
    var y = start
    let o = overview
    heading("Top movers (rank places since last quarter)", &page, x: x, y: &y, width: width)
    for m in o.risers {
      _ = page.put(
        [
          StyledText("\(glyphs.arrowUp)\(m.movement) ", style: theme.good), StyledText(m.partner.name),
          StyledText("  \(NumberFormat.fixed(m.score, 2))", style: theme.muted),
        ], x: x, y: y, maxWidth: width)
      y += 1
    }
    for m in o.fallers {
      _ = page.put(
        [
          StyledText("\(glyphs.arrowDown)\(-m.movement) ", style: theme.bad), StyledText(m.partner.name),
          StyledText("  \(NumberFormat.fixed(m.score, 2))", style: theme.muted),
        ], x: x, y: y, maxWidth: width)
      y += 1
    }
    if o.risers.isEmpty && o.fallers.isEmpty {
      _ = page.put([StyledText("no movement", style: theme.muted)], x: x, y: y, maxWidth: width)
      y += 1
    }
    return y + 1
  }

  /// At-risk partners listed on the page; beyond, the Changes screen has them all.

  /// The at-risk partners with the reason (the page scrolls to them; past
  /// 100, the Changes screen lists the rest).
  func risks(_ page: inout CellBuffer, x: Int, y start: Int, width: Int) -> Int {
    var y = start
    let o = overview
    let record = Phrases.flagRecordShort(o.atRiskRecord).map { " · flag \($0)" } ?? ""
    heading("At risk (\(o.atRiskCount))\(record)", &page, x: x, y: &y, width: width)
    for r in o.atRisk {
      _ = page.put(
        [
          StyledText(r.partner.name),
          StyledText("  \(r.tier) \(NumberFormat.fixed(r.score, 2)) · \(r.reason)", style: theme.muted),
        ], x: x, y: y, maxWidth: width)
      y += 1
    }
    if o.atRisk.isEmpty {
      _ = page.put([StyledText("none", style: theme.muted)], x: x, y: y, maxWidth: width)
      y += 1
    }
    if o.atRiskCount > o.atRisk.count {
      _ = page.put(
        [
          StyledText(
            "… \(o.atRiskCount - o.atRisk.count) more: the Changes screen (5) lists them all",
            style: theme.muted)
        ],
        x: x, y: y, maxWidth: width)
      y += 1
    }
    return y + 1
  }

  /// Mean credit per KPI (rows, by name) and segment (columns), in percent,
  /// with its legend: colour repeats what the number says.
  func attainment(_ page: inout CellBuffer, x: Int, y start: Int, width: Int) -> Int {
    var y = start
    let o = overview
    heading("KPI attainment by segment (mean credit, %)", &page, x: x, y: &y, width: width)
    let kpis = overview.program.kpis
    let nameWidth = min(22, max(10, width - o.segments.count * 6))
    let cw = max(5, min(12, (width - nameWidth) / max(1, o.segments.count)))
    var head = TextWidthBridge.pad("", nameWidth)
    for seg in o.segments { head += TextWidthBridge.pad(seg.segment.id, cw) }
    _ = page.put([StyledText(head, style: theme.muted)], x: x, y: y, maxWidth: width)
    y += 1
    for (k, kpi) in kpis.enumerated() {
      var runs: [StyledText] = [StyledText(TextWidthBridge.pad(kpi.name, nameWidth))]
      for seg in o.segments {
        guard let c = seg.kpiCredit[k] else {
          runs.append(StyledText(TextWidthBridge.pad("n/a", cw), style: theme.muted))
          continue
        }
        let style = c >= 0.8 ? theme.good : c < 0.5 ? theme.bad : .plain
        runs.append(StyledText(TextWidthBridge.pad(NumberFormat.fixed(c * 100, 0), cw), style: style))
      }
      _ = page.put(runs, x: x, y: y, maxWidth: width)
      y += 1
    }
    _ = page.put(
      [
        StyledText("80 and up", style: theme.good), StyledText(" good · ", style: theme.muted),
        StyledText("below 50", style: theme.bad),
        StyledText(" weak · n/a: not measured for the segment", style: theme.muted),
      ], x: x, y: y, maxWidth: width)
    return y + 2
  }
}
