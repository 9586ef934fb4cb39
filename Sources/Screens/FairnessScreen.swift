import Dashboard
import Presentation
import Scoring
import TerminalUI
import TextLayout

/// Screen 7: the fairness review (SPEC section 11) by segment or region
/// (`b`): one row per group, flagged groups marked in words, the KPIs that
/// drag a group down by name; Enter shows the group on the leaderboard.
struct FairnessScreen: Widget {
  let fairness: FairnessState
  let context: ScreenContext
  let theme: Theme

  func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    guard let review = fairness.review else {
      CenteredMessage("No quarter with data yet").render(in: rect, buffer: &buffer, glyphs: glyphs)
      return
    }
    let book = context.book
    let program = book.program
    let by = review.grouping == .segment ? "segment" : "region"
    let toggle = StyledText(
      " (b: by \(review.grouping == .segment ? "region" : "segment"))", style: theme.muted)
    let title = QuarterTitle.appending(
      book.coverage(review.period),
      to: [
        StyledText(" Fairness ", style: theme.title), " ", StyledText(program.name, style: theme.heading),
        StyledText(" · \(book.periods[review.period]) · by \(by)", style: theme.heading),
      ], shrinking: 2, width: rect.width - TextWidth.of(toggle.text), theme: theme)
    _ = buffer.put(title + [toggle], x: rect.x, y: rect.y, maxWidth: rect.width)
    Text(
      "Flagged when everyone else's median score is more than \(NumberFormat.trimmed(review.margin, 2)) points above the group's. Held back by: KPIs where the group earns more than 10 % less credit.",
      style: theme.muted
    ).render(
      in: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: 2), buffer: &buffer, glyphs: glyphs)

    // Tier shares from 120 columns; below, the footer gives the selected group's.
    let wide = rect.width >= 120
    let tierWidth = 10
    let longest = review.groups.map { TextWidthBridge.of($0.name) }.max() ?? 8
    var columns: [Table.Column] = [
      .init(
        by == "segment" ? "Segment" : "Region", width: wide ? .fixed(max(8, min(longest, 30))) : .flex(2)),
      .init("n", width: .fixed(5), alignment: .right),
      .init("Mean", width: .fixed(6), alignment: .right),
      .init("Median", width: .fixed(6), alignment: .right),
    ]
    if wide {
      // Each tier's column as wide as its name (a share is at most "100%"):
      // the room left goes to the KPIs that hold a group back.
      columns += program.tiers.map {
        let name = String($0.name.prefix(tierWidth))
        return .init(name, width: .fixed(max(5, TextWidthBridge.of(name))), alignment: .right)
      }
    }
    columns += [
      .init("vs others", width: .fixed(12), alignment: .right), .init("", width: .fixed(7)),
      .init("Held back by", width: .flex(wide ? 3 : 2)),
    ]
    let groups = review.groups
    let tableRect = Rect(
      x: rect.x, y: rect.y + 3, width: rect.width, height: min(groups.count + 1, rect.height - 6))
    // The drags column's width, for whole KPIs in it.
    let dragWidth =
      Table(columns: columns, rowCount: 0) { _ in [] }.columnWidths(width: tableRect.width).last ?? 20
    Table(columns: columns, rowCount: groups.count, selected: fairness.selected) { i in
      let g = groups[i]
      var cells = [
        StyledText(g.name), StyledText(String(g.n)), StyledText(NumberFormat.fixed(g.mean, 1)),
        StyledText(NumberFormat.fixed(g.median, 1)),
      ]
      if wide {
        cells += g.tierShares.enumerated().map { t, share in
          StyledText(
            Phrases.sharePercent(share, space: false),
            style: share == 0 ? theme.muted : theme.tier(t, of: program.tiers.count))
        }
      }
      cells += [
        StyledText(FairnessText.gap(g), style: g.flagged ? theme.bad : .plain),
        StyledText(g.flagged ? "flagged" : "", style: theme.bad),
        StyledText(
          FairnessText.drags(g, program: program, fitting: dragWidth),
          style: g.drags.isEmpty ? theme.muted : theme.warn),
      ]
      return cells
    }.render(in: tableRect, buffer: &buffer, glyphs: glyphs)

    // The selected group in words.
    let footer = Rect(x: rect.x, y: rect.maxY - 3, width: rect.width, height: 3)
    if groups.indices.contains(fairness.selected) {
      let g = groups[fairness.selected]
      var text = "\(g.name): \(g.n) partners, median \(NumberFormat.fixed(g.median, 2))"
      if let gap = g.gap {
        text +=
          gap > 0
          ? ", \(NumberFormat.fixed(gap, 2)) points below everyone else's median"
          : ", \(NumberFormat.fixed(-gap, 2)) points above everyone else's median"
      } else {
        text += ", the only group"
      }
      text += g.flagged ? " (more than the margin: flagged)." : "."
      if !wide {
        let shares = program.tiers.indices.map {
          "\(program.tiers[$0].name) \(Phrases.sharePercent(g.tierShares[$0], space: false))"
        }
        text += " Tiers: " + shares.joined(separator: ", ") + "."
      }
      if !g.drags.isEmpty { text += " Held back most by " + FairnessText.drags(g, program: program) + "." }
      text += " Enter shows these partners on the leaderboard."
      Text(text, style: theme.muted).render(in: footer, buffer: &buffer, glyphs: glyphs)
    }
  }
}
