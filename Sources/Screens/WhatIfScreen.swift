import Dashboard
import Presentation
import Scoring
import TerminalUI
import TextLayout

/// Screen 8: the store's data under another program (`:compare PATH`): the
/// tier matrix, payouts under both, and the biggest winners and losers,
/// selectable (Enter opens the partner, whose card then shows both).
struct WhatIfScreen: Widget {
  let whatIf: WhatIfState
  let context: ScreenContext
  let theme: Theme

  func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    guard let m = whatIf.model else {
      CenteredMessage([
        "No program to compare yet", ":compare PATH.toml scores the store's data under another program",
        "(try :compare sample-data/volume-program.toml)",
      ]).render(in: rect, buffer: &buffer, glyphs: glyphs)
      return
    }
    let w = m.whatIf
    let a = w.current.program
    let b = w.other.program
    let arrow = glyphs.isUnicode ? "→" : "->"
    let names = StyledText("\(a.name) \(arrow) \(b.name)", style: theme.heading)
    var rest = [StyledText(" · \(w.current.periods[w.period])", style: theme.muted)]
    // The file the other program came from, where the names fit whole with it.
    let source = StyledText(" · \(m.source)", style: theme.muted)
    let chip = FilterText.book(context.filter, theme: theme).map(\.text).joined()
    if TextWidthBridge.of(" What-if  " + chip + names.text + rest[0].text + source.text) + 20 <= rect.width {
      rest.append(source)
    }
    let title = TitleFit.screen(
      "What-if", filter: context.filter, program: a, name: names, rest: rest,
      coverage: w.current.coverage(w.period), clears: false, width: rect.width, theme: theme)
    _ = buffer.put(title, x: rect.x, y: rect.y, maxWidth: rect.width)

    let n = w.rows.count
    let share = Phrases.sharePercent(n > 0 ? Double(w.tierChanges) / Double(n) : 0)
    let delta = w.payouts.other - w.payouts.current
    _ = buffer.put(
      [
        StyledText("\(w.tierChanges) of \(n)", style: theme.heading), StyledText(" change tier (\(share))"),
        StyledText(" · payouts \(NumberFormat.grouped(w.payouts.current, 2)) \(arrow) "),
        StyledText(NumberFormat.grouped(w.payouts.other, 2), style: theme.heading),
        StyledText(
          " \(a.currency) (\(NumberFormat.signedGrouped(delta, 2)))",
          style: delta > 0 ? theme.warn : delta < 0 ? theme.good : theme.muted),
      ], x: rect.x, y: rect.y + 1, maxWidth: rect.width)

    // What the tier changes do to the benefits with a number: each whole, while they fit.
    var benefits: [StyledText] = []
    var used = 0
    for (i, shift) in m.benefits.enumerated() {
      let text = (i == 0 ? "Benefits  " : " · ") + BenefitText.shift(shift, unicode: glyphs.isUnicode)
      guard used + TextWidthBridge.of(text) <= rect.width else { break }
      benefits.append(StyledText(text, style: i == 0 ? theme.muted : .plain))
      used += TextWidthBridge.of(text)
    }
    _ = buffer.put(benefits, x: rect.x, y: rect.y + 2, maxWidth: rect.width)

    // The matrix beside the lists from 120 columns, above them below.
    let side = rect.width >= 120
    let cell = max(9, (b.tiers.map { TextWidthBridge.of($0.name) }.max() ?? 8) + 2)
    let matrixWidth = min(rect.width, 14 + cell * b.tiers.count)
    let matrixRect = Rect(x: rect.x, y: rect.y + 3, width: matrixWidth, height: a.tiers.count + 2)
    renderMatrix(w, in: matrixRect, cell: cell, buffer: &buffer)
    let listRect =
      side
      ? Rect(
        x: rect.x + matrixWidth + 3, y: rect.y + 3, width: rect.width - matrixWidth - 3,
        height: rect.height - 3)
      : Rect(x: rect.x, y: matrixRect.maxY + 1, width: rect.width, height: rect.maxY - matrixRect.maxY - 1)
    // Wide (two lists of 70 columns fit): the tier changes on the left, the
    // winners and losers beside them, rather than blank space.
    let twoColumns = listRect.width >= 2 * 70 + 3
    let columns =
      twoColumns
      ? listRect.columns([.flex(1), .flex(1)], spacing: 3)
      : [listRect]
    var ys = columns.map(\.y)
    var index = 0
    let sections = [
      ("Tier changes", m.changers, m.tierChangeCount), ("Biggest winners", m.winners, m.winners.count),
      ("Biggest losers", m.losers, m.losers.count),
    ]
    for (n, (title, rows, total)) in sections.enumerated() {
      let c = twoColumns && n > 0 ? 1 : 0
      let area = columns[c]
      if twoColumns && n == 2 { ys[c] += 1 }  // a blank line between winners and losers
      // The selectable rows are numbered across the sections, shown or not.
      defer { index = sections[...n].reduce(0) { $0 + $1.1.count } }
      guard ys[c] < area.maxY else { continue }
      let more = rows.count < total ? " · the first \(rows.count); e exports them all" : ""
      _ = buffer.put(
        [
          StyledText("\(title) (\(total))", style: theme.heading),
          StyledText(rows.isEmpty ? " · none" : more, style: theme.muted),
        ], x: area.x, y: ys[c], maxWidth: area.width)
      ys[c] += 1
      for r in rows {
        guard ys[c] < area.maxY else { break }
        row(r, selected: index == whatIf.selected, y: ys[c], in: area, arrow: arrow, &buffer, glyphs)
        ys[c] += 1
        index += 1
      }
    }
  }

  private func renderMatrix(_ w: WhatIf, in r: Rect, cell: Int, buffer: inout CellBuffer) {
    let a = w.current.program
    let b = w.other.program
    _ = buffer.put(
      [StyledText("Tiers: rows now, columns under the other", style: theme.heading)], x: r.x, y: r.y,
      maxWidth: r.width)
    var head = TextWidthBridge.pad("", 12)
    for t in b.tiers { head += TextWidthBridge.pad(t.name, cell) }
    _ = buffer.put([StyledText(head, style: theme.muted)], x: r.x, y: r.y + 1, maxWidth: r.width)
    var counts = [[Int]](repeating: [Int](repeating: 0, count: b.tiers.count), count: a.tiers.count)
    for p in w.tierPairs { counts[p.from][p.to] = p.partners }
    for (i, tier) in a.tiers.enumerated() {
      var runs = [StyledText(TextWidthBridge.pad(tier.name, 12), style: theme.tier(i, of: a.tiers.count))]
      for j in b.tiers.indices {
        let n = counts[i][j]
        // Up or down by position in each program's ladder.
        let up = Double(j) / Double(max(1, b.tiers.count - 1)) > Double(i) / Double(max(1, a.tiers.count - 1))
        let down =
          Double(j) / Double(max(1, b.tiers.count - 1)) < Double(i) / Double(max(1, a.tiers.count - 1))
        let style = n == 0 ? theme.muted : up ? theme.good : down ? theme.bad : .plain
        runs.append(StyledText(TextWidthBridge.pad(n == 0 ? "·" : String(n), cell), style: style))
      }
      _ = buffer.put(runs, x: r.x, y: r.y + 2 + i, maxWidth: r.width)
    }
  }

  private func row(
    _ r: WhatIf.Row, selected: Bool, y: Int, in rect: Rect, arrow: String, _ buffer: inout CellBuffer,
    _ glyphs: Glyphs
  ) {
    let w = whatIf.model!.whatIf
    let a = w.current.program
    let b = w.other.program
    let name = w.current.partners[r.partner].name
    let change = NumberFormat.signed(r.change, 2)
    let scores = "\(NumberFormat.fixed(r.score.current, 2)) \(arrow) \(NumberFormat.fixed(r.score.other, 2))"
    let tiers = ChangeText.move(
      a.tiers[r.tier.current].name, b.tiers[r.tier.other].name, unicode: glyphs.isUnicode)
    let m = whatIf.model!
    let longest = m.list.map { TextWidthBridge.of(w.current.partners[$0.partner].name) }.max() ?? 10
    let longestMove =
      m.list.map {
        TextWidthBridge.of(
          ChangeText.move(
            a.tiers[$0.tier.current].name, b.tiers[$0.tier.other].name, unicode: glyphs.isUnicode))
      }.max() ?? 10
    // The tiers and the change always whole; the scores where there is
    // room; the name takes what is left (up to 32).
    let room = rect.width - 2
    let withScores = room >= min(longest, 18) + 17 + 7 + longestMove + 3
    let sizes: [Size] =
      withScores
      ? [.flex(1), .fixed(17), .fixed(7), .fixed(longestMove)]
      : [.flex(1), .fixed(0), .fixed(7), .fixed(longestMove)]
    var widths = Size.resolve(sizes, total: room, spacing: 1)
    if widths[0] > min(longest, 32) {
      // Extra room goes to the tiers, not to blanks after the name.
      widths[3] += widths[0] - min(longest, 32)
      widths[0] = min(longest, 32)
    }
    let style: Style = selected ? .reverse : .plain
    if selected {
      buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: .reverse)
      buffer[rect.x, y] = Cell(glyphs.marker, style: .reverse)
    }
    var x = rect.x + 2
    let cells: [(String, Style, Alignment)] = [
      (name, style, .left), (scores, style, .right),
      (change, (r.change > 0 ? theme.good : theme.bad).patched(with: style), .right), (tiers, style, .left),
    ]
    for (i, cell) in cells.enumerated() where widths[i] > 0 {
      let text = TextWidthBridge.fit(cell.0, widths[i], align: cell.2, ellipsis: glyphs.ellipsis)
      buffer.put(text, x: x, y: y, style: cell.1, maxWidth: widths[i])
      x += widths[i] + 1
    }
  }
}
