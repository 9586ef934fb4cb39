import Dashboard
import Presentation
import Scoring
import TerminalUI

/// Screen 3: the program at a glance: tier distribution, promotions and
/// demotions, score by segment, top movers, at-risk partners, KPI attainment
/// by segment.
struct OverviewScreen: Widget {
  let state: DashboardState
  let theme: Theme

  func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    let book = state.book
    guard let o = state.overview else {
      CenteredMessage("No quarter with data yet").render(in: rect, buffer: &buffer, glyphs: glyphs)
      return
    }
    let tiers = book.program.tiers
    _ = buffer.put(
      [
        StyledText(" Program overview ", style: theme.title), " ",
        StyledText("\(book.program.name) · \(o.period) · \(o.evaluated) partners", style: theme.heading),
      ], x: rect.x, y: rect.y, maxWidth: rect.width)
    let body = Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: rect.height - 2)
    let halves = body.columns([.flex(1), .flex(1)], spacing: 2)
    var left = halves[0].y
    var right = halves[1].y

    // Tier distribution.
    func heading(_ text: String, _ x: Int, _ y: inout Int, _ w: Int) {
      _ = buffer.put([StyledText(text, style: theme.heading)], x: x, y: y, maxWidth: w)
      y += 1
    }
    let L = halves[0]
    let R = halves[1]
    heading("Tiers", L.x, &left, L.width)
    let most = max(1, o.tierCounts.max() ?? 1)
    for (i, tier) in tiers.enumerated().reversed() {
      let label = TextWidthBridge.pad(tier.name, 12)
      let barWidth = max(4, L.width - 20)
      _ = buffer.put(
        [
          StyledText(label, style: theme.tier(i, of: tiers.count)),
          StyledText(
            Bar.string(Double(o.tierCounts[i]) / Double(most), width: barWidth, glyphs: glyphs),
            style: theme.tier(i, of: tiers.count)),
          StyledText(" \(o.tierCounts[i])"),
        ], x: L.x, y: left, maxWidth: L.width)
      left += 1
    }
    left += 1

    // Promotions and demotions since last quarter.
    heading("Tier moves since last quarter (from row to column)", L.x, &left, L.width)
    if o.hasPrevious {
      let cw = 9
      var head = TextWidthBridge.pad("", 12)
      for t in tiers { head += TextWidthBridge.pad(String(t.name.prefix(cw - 1)), cw) }
      _ = buffer.put([StyledText(head, style: theme.muted)], x: L.x, y: left, maxWidth: L.width)
      left += 1
      for (i, from) in tiers.enumerated() {
        var runs: [StyledText] = [
          StyledText(TextWidthBridge.pad(from.name, 12), style: theme.tier(i, of: tiers.count))
        ]
        for j in tiers.indices {
          let n = o.transitions[i][j]
          let style = n == 0 ? theme.muted : j > i ? theme.good : j < i ? theme.bad : .plain
          runs.append(StyledText(TextWidthBridge.pad(n == 0 ? "·" : String(n), cw), style: style))
        }
        _ = buffer.put(runs, x: L.x, y: left, maxWidth: L.width)
        left += 1
      }
      // New partners have no row to come from: they get their own.
      var runs = [StyledText(TextWidthBridge.pad("New", 12), style: theme.accent)]
      for j in tiers.indices {
        let n = o.newByTier[j]
        runs.append(
          StyledText(
            TextWidthBridge.pad(n == 0 ? "·" : String(n), cw), style: n == 0 ? theme.muted : theme.accent))
      }
      _ = buffer.put(runs, x: L.x, y: left, maxWidth: L.width)
      left += 1
    } else {
      _ = buffer.put(
        [StyledText("first quarter: no moves yet", style: theme.muted)], x: L.x, y: left, maxWidth: L.width)
      left += 1
    }
    left += 1

    // Score by segment.
    heading("Score by segment (mean, median)", L.x, &left, L.width)
    for seg in o.segments {
      let mean = seg.meanScore.map { NumberFormat.fixed($0, 1) } ?? "—"
      let median = seg.medianScore.map { NumberFormat.fixed($0, 1) } ?? "—"
      _ = buffer.put(
        [
          StyledText(TextWidthBridge.pad(seg.segment.name, 24)),
          StyledText(
            Bar.string((seg.meanScore ?? 0) / 100, width: max(4, L.width - 44), glyphs: glyphs),
            style: theme.accent),
          StyledText(" \(mean)  \(median)  n=\(seg.partners)", style: theme.muted),
        ], x: L.x, y: left, maxWidth: L.width)
      left += 1
    }

    // Movers.
    heading("Top movers", R.x, &right, R.width)
    for m in o.risers {
      _ = buffer.put(
        [
          StyledText("\(glyphs.arrowUp)\(m.movement) ", style: theme.good), StyledText(m.partner.name),
          StyledText("  \(NumberFormat.fixed(m.score, 2))", style: theme.muted),
        ], x: R.x, y: right, maxWidth: R.width)
      right += 1
    }
    for m in o.fallers {
      _ = buffer.put(
        [
          StyledText("\(glyphs.arrowDown)\(-m.movement) ", style: theme.bad), StyledText(m.partner.name),
          StyledText("  \(NumberFormat.fixed(m.score, 2))", style: theme.muted),
        ], x: R.x, y: right, maxWidth: R.width)
      right += 1
    }
    if o.risers.isEmpty && o.fallers.isEmpty {
      _ = buffer.put([StyledText("no movement", style: theme.muted)], x: R.x, y: right, maxWidth: R.width)
      right += 1
    }
    right += 1

    // At risk.
    heading("At risk (\(o.atRisk.count))", R.x, &right, R.width)
    let kpiRows = o.segments.count + 2
    let room = max(1, body.maxY - right - kpiRows - 1)
    for r in o.atRisk.prefix(room) {
      _ = buffer.put(
        [
          StyledText(r.partner.name),
          StyledText("  \(r.tier) \(NumberFormat.fixed(r.score, 2)) · \(r.reason)", style: theme.muted),
        ],
        x: R.x, y: right, maxWidth: R.width)
      right += 1
    }
    if o.atRisk.count > room {
      _ = buffer.put(
        [StyledText("… \(o.atRisk.count - room) more", style: theme.muted)], x: R.x, y: right,
        maxWidth: R.width)
      right += 1
    }
    if o.atRisk.isEmpty {
      _ = buffer.put([StyledText("none", style: theme.muted)], x: R.x, y: right, maxWidth: R.width)
      right += 1
    }
    right += 1

    // KPI attainment by segment: mean credit, in percent.
    heading("KPI attainment by segment (mean credit %)", R.x, &right, R.width)
    let kpis = book.program.kpis
    let nameWidth = 12
    let cw = max(4, min(7, (R.width - nameWidth) / max(1, kpis.count)))
    var head = TextWidthBridge.pad("", nameWidth)
    for k in kpis { head += TextWidthBridge.pad(String(k.id.prefix(cw - 1)), cw) }
    _ = buffer.put([StyledText(head, style: theme.muted)], x: R.x, y: right, maxWidth: R.width)
    right += 1
    for seg in o.segments {
      var runs: [StyledText] = [StyledText(TextWidthBridge.pad(seg.segment.id, nameWidth))]
      for c in seg.kpiCredit {
        guard let c else {
          runs.append(StyledText(TextWidthBridge.pad("n/a", cw), style: theme.muted))
          continue
        }
        let style = c >= 0.8 ? theme.good : c < 0.5 ? theme.bad : .plain
        runs.append(StyledText(TextWidthBridge.pad(NumberFormat.fixed(c * 100, 0), cw), style: style))
      }
      _ = buffer.put(runs, x: R.x, y: right, maxWidth: R.width)
      right += 1
    }
  }
}
