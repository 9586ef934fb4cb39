import Dashboard
import Scoring
import TerminalUI

/// `c`: the column chooser over the leaderboard: the optional columns, then
/// every KPI's value, each with a check box.
struct ColumnPanelView: Widget {
  let panel: ColumnPanel
  let columns: ColumnChoice
  let context: ScreenContext
  let theme: Theme

  func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    let (program, width) = (context.book.program, context.width)
    let kpis = program.kpis
    let optional = ColumnChoice.optional
    let on = glyphs.isUnicode ? "☑" : "[x]"
    let off = glyphs.isUnicode ? "☐" : "[ ]"
    var items: [(String, Bool)] = optional.map { ($0.title, columns.isShown($0, width: width)) }
    items += kpis.indices.map { ("KPI: \(kpis[$0].name)", columns.kpis.contains($0)) }
    let box = rect.centered(width: min(rect.width, 48), height: min(rect.height, items.count + 4))
    buffer.fill(box)
    Box(title: "Columns").render(in: box, buffer: &buffer, glyphs: glyphs)
    let visible = max(1, box.height - 4)
    let first = max(0, min(panel.cursor - visible + 1, items.count - visible))
    for (row, i) in (first..<min(items.count, first + visible)).enumerated() {
      let focused = i == panel.cursor
      let (title, shown) = items[i]
      _ = buffer.put(
        [
          StyledText(focused ? String(glyphs.marker) + " " : "  ", style: focused ? theme.heading : .plain),
          StyledText((shown ? on : off) + " " + title, style: focused ? Style(reverse: true) : .plain),
        ], x: box.x + 2, y: box.y + 1 + row, maxWidth: box.width - 4)
    }
    _ = buffer.put(
      [StyledText("↑↓ move · Space shows/hides · Esc done", style: theme.muted)], x: box.x + 2,
      y: box.maxY - 2, maxWidth: box.width - 4)
  }
}
