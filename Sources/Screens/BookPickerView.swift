import Dashboard
import Presentation
import TerminalUI
import TextLayout

/// `:manager`: the book picker over the screen, "All partners" then each
/// manager with the partners in the book.
struct BookPickerView: Widget {
  let picker: BookPicker
  let current: String?
  let theme: Theme

  func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    let choices = picker.choices
    let rows = max(1, min(choices.count, rect.height - 6))
    let box = rect.centered(width: min(rect.width, 56), height: rows + 5)
    buffer.fill(box)
    Box(title: "Books").render(in: box, buffer: &buffer, glyphs: glyphs)
    let inner = box.width - 4
    _ = buffer.put(
      [StyledText("Find: ", style: theme.muted), StyledText(picker.text + "_")], x: box.x + 2, y: box.y + 1,
      maxWidth: inner)
    // Keep the cursor's line in view.
    let first = max(0, min(picker.cursor - rows + 1, choices.count - rows))
    if choices.isEmpty {
      _ = buffer.put(
        [StyledText("no manager matches", style: theme.muted)], x: box.x + 2, y: box.y + 2, maxWidth: inner)
    }
    for (line, i) in (first..<min(choices.count, first + rows)).enumerated() {
      let choice = choices[i]
      let focused = i == picker.cursor
      let count = NumberFormat.grouped(Double(picker.count(choice)), 0)
      let name = choice.map(Sanitizer.field) ?? "All partners"
      let mark = choice == current ? " ✓" : ""
      // The count is never cut: the name gives way.
      let nameWidth = max(1, inner - 2 - TextWidth.of(count) - 1 - TextWidth.of(mark))
      let shown = TextWidth.truncate(name, to: nameWidth)
      let gap = String(repeating: " ", count: max(1, nameWidth - TextWidth.of(shown) + 1))
      _ = buffer.put(
        [
          StyledText(focused ? String(glyphs.marker) + " " : "  ", style: theme.heading),
          StyledText(shown + gap + count + mark, style: focused ? Style(reverse: true) : .plain),
        ], x: box.x + 2, y: box.y + 2 + line, maxWidth: inner)
    }
    _ = buffer.put(
      [StyledText("type to find · ↑↓ move · Enter show · Esc keep", style: theme.muted)], x: box.x + 2,
      y: box.y + rows + 3, maxWidth: inner)
  }
}
