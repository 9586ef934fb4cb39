import Dashboard
import Presentation
import Scoring
import TerminalUI
import TextLayout

/// Screen 5: what changed this quarter, section by section (promoted,
/// demoted, grace, new, no data, at risk, on track, blocked); every partner
/// selectable. The last two lines give the selected partner's reason in full.
struct ChangesScreen: Widget {
  let changes: ChangesState
  let context: ScreenContext
  let theme: Theme

  func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    let (book, filter, height) = (context.book, context.filter, context.height)
    guard let m = changes.model else {
      CenteredMessage("No quarter with data yet").render(in: rect, buffer: &buffer, glyphs: glyphs)
      return
    }
    let tiers = book.program.tiers
    let against = m.changes.previous.map { "compared with \($0)" } ?? "first quarter: nothing to compare"
    let title = TitleFit.screen(
      "Changes", filter: filter, program: book.program,
      name: StyledText(book.program.name, style: theme.heading),
      rest: [StyledText(" · \(m.changes.period) \(against)", style: theme.heading)],
      coverage: book.periodIndex(m.changes.period).map(book.coverage), width: rect.width, theme: theme)
    _ = buffer.put(title, x: rect.x, y: rect.y, maxWidth: rect.width)

    // Summary: the count of every section that has entries, in order, in
    // the first form that fits them all (short names, then one space, then
    // the tiny names); the section titles below give every count regardless.
    var summary: [StyledText] = []
    let listed = Changes.Kind.allCases.enumerated().filter { m.counts[$0.offset] > 0 }.map(\.element)
    let forms: [(name: (Changes.Kind) -> String, gap: String)] = [
      (ChangeText.shortTitle, "  "), (ChangeText.shortTitle, " "), (ChangeText.tinyTitle, " "),
    ]
    func width(_ form: (name: (Changes.Kind) -> String, gap: String)) -> Int {
      listed.reduce(0) { total, kind in
        let n = m.counts[Changes.Kind.allCases.firstIndex(of: kind)!]
        return total + TextWidth.of(form.name(kind) + " ") + String(n).count + form.gap.count
      } - form.gap.count
    }
    let form = forms.first { width($0) <= rect.width } ?? forms[2]
    var used = 0
    for kind in listed {
      let n = m.counts[Changes.Kind.allCases.firstIndex(of: kind)!]
      let label = form.name(kind) + " "
      let w = TextWidth.of(label) + String(n).count
      if used + w > rect.width {
        summary.append(StyledText(glyphs.ellipsis, style: theme.muted))
        break
      }
      summary += [
        StyledText(label, style: theme.muted), StyledText(String(n), style: style(kind)),
        StyledText(form.gap),
      ]
      used += w + form.gap.count
    }
    if summary.isEmpty { summary = [StyledText("Nothing changed", style: theme.muted)] }
    _ = buffer.put(summary, x: rect.x, y: rect.y + 1, maxWidth: rect.width)

    let longest = max(8, m.longestName)
    let nameWidth = max(12, min(longest, max(16, rect.width / 4), 32))
    let sizes: [Size] = [.fixed(nameWidth), .fixed(7), .fixed(10), .fixed(6), .flex(1)]
    let widths = Size.resolve(sizes, total: rect.width - 2, spacing: 1)
    let titles = ["Partner", "Id", "Tier", "Score", "Why"]
    let aligns: [Alignment] = [.left, .left, .left, .right, .left]
    let headerStyle = Style(bold: true, underline: true)
    buffer.fill(Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: 1), style: headerStyle)
    put(
      titles.map { StyledText($0, style: headerStyle) }, y: rect.y + 2, widths, aligns, rect, &buffer, glyphs)

    let listTop = rect.y + 3
    let visible = ChangesState.visibleLines(height: height)
    let selectedLine = m.count > 0 ? m.lineOfEntry[changes.selected] : -1
    for row in 0..<visible {
      let index = changes.scroll + row
      guard index < m.lines.count else { break }
      let y = listTop + row
      switch m.lines[index] {
      case .section(let kind, let count):
        var runs = [StyledText("\(ChangeText.title(kind)) (\(count))", style: theme.heading)]
        runs.append(
          StyledText(
            " · " + (count == 0 ? "none" : ChangeText.meaning(kind, since: m.changes.since)),
            style: theme.muted))
        _ = buffer.put(runs, x: rect.x, y: y, maxWidth: rect.width)
      case .entry(let i):
        let e = m.changes.entries[i]
        let partner = book.partners[e.partner]
        let tier = e.tier.map { StyledText(tiers[$0].name, style: theme.tier($0, of: tiers.count)) }
        let cells = [
          StyledText(
            partner.name, style: e.kind == .noData || e.kind == .awaitingData ? theme.muted : .plain),
          StyledText(partner.id, style: theme.muted),
          tier ?? StyledText("—", style: theme.muted),
          StyledText(e.score.map { NumberFormat.fixed($0, 2) } ?? "—"),
          // Cut between words: a number is never shown in part.
          StyledText(
            TextWidth.truncateWords(
              ChangeText.reason(e, book: book, unicode: glyphs.isUnicode), to: widths[4]),
            style: style(e.kind)),
        ]
        let selected = index == selectedLine
        if selected {
          buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: .reverse)
          buffer[rect.x, y] = Cell(glyphs.marker, style: .reverse)
        }
        put(
          selected ? cells.map { StyledText($0.text, style: $0.style.patched(with: .reverse)) } : cells,
          y: y, widths, aligns, rect, &buffer, glyphs)
      }
    }

    // The selected partner's reason in full, where the column cuts it.
    let footer = Rect(x: rect.x, y: rect.maxY - 2, width: rect.width, height: 2)
    if m.count > 0 {
      let e = m.changes.entries[changes.selected]
      Text(
        spans: [
          StyledText(book.partners[e.partner].name, style: theme.heading),
          StyledText(" · \(ChangeText.title(e.kind)): ", style: theme.muted),
          StyledText(ChangeText.reason(e, book: book, unicode: glyphs.isUnicode), style: style(e.kind)),
        ]
      ).render(in: footer, buffer: &buffer, glyphs: glyphs)
    } else {
      Text("Nothing changed at \(m.changes.period) for these partners.", style: theme.muted).render(
        in: footer, buffer: &buffer, glyphs: glyphs)
    }
  }

  private func style(_ kind: Changes.Kind) -> Style {
    switch kind {
    case .promoted, .onTrack: theme.good
    case .demoted, .atRisk: theme.bad
    case .enteredGrace, .blocked: theme.warn
    case .leftGrace, .new: theme.accent
    case .noData, .awaitingData: theme.muted
    }
  }

  private func put(
    _ cells: [StyledText], y: Int, _ widths: [Int], _ aligns: [Alignment], _ rect: Rect,
    _ buffer: inout CellBuffer, _ glyphs: Glyphs
  ) {
    var x = rect.x + 2
    for (j, cell) in cells.enumerated() where j < widths.count {
      let w = widths[j]
      if w > 0 && x < rect.maxX {
        let fitted = TextWidth.truncate(cell.text, to: w, ellipsis: glyphs.ellipsis)
        buffer.put(
          TextWidth.pad(fitted, to: w, align: aligns[j]), x: x, y: y, style: cell.style,
          maxWidth: min(w, rect.maxX - x))
      }
      x += w + 1
    }
  }
}
