import Dashboard
import Presentation
import Scoring
import TerminalUI

/// `f`: the filter panel over the leaderboard.
struct FilterPanelView: Widget {
  let panel: FilterPanel
  let context: ScreenContext
  let theme: Theme

  func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    let (filter, program) = (context.filter, context.book.program)
    let rows: [(FilterPanel.Field, String, String)] = [
      (.text, "Name or id", filter.text.isEmpty ? "(any)" : filter.text + "_"),
      (
        .segment, "Segment",
        filter.segment.flatMap { id in program.segments.first { $0.id == id }?.name } ?? "(all)"
      ),
      (.region, "Region", filter.region ?? "(all)"),
      (.tier, "Tier", filter.tier.flatMap { id in program.tiers.first { $0.id == id }?.name } ?? "(all)"),
      (.flag, "Flag", filter.flag.map(Phrases.flagName) ?? "(any)"),
    ]
    let box = rect.centered(width: min(rect.width, 56), height: rows.count + 4)
    buffer.fill(box)
    Box(title: "Filters").render(in: box, buffer: &buffer, glyphs: glyphs)
    for (i, row) in rows.enumerated() {
      let focused = row.0 == panel.field
      let marker = focused ? String(glyphs.marker) : " "
      _ = buffer.put(
        [
          StyledText("\(marker) \(TextWidthBridge.pad(row.1, 12))", style: focused ? theme.heading : .plain),
          StyledText(
            (row.0 == .text ? "" : "‹ ") + row.2 + (row.0 == .text ? "" : " ›"),
            style: focused ? Style(reverse: true) : .plain),
        ], x: box.x + 2, y: box.y + 1 + i, maxWidth: box.width - 4)
    }
    _ = buffer.put(
      [StyledText("↑↓ field · ←→ value · type text · Enter done", style: theme.muted)], x: box.x + 2,
      y: box.y + rows.count + 2, maxWidth: box.width - 4)
  }
}
