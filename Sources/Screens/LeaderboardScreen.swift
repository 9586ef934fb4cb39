import Dashboard
import Presentation
import Scoring
import TerminalUI
import TextLayout

/// Screen 1: header with program, period and tier counts; the ranked table.
struct LeaderboardScreen: Widget {
  let page: LeaderboardPage
  let theme: Theme

  func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    let lb = page
    let program = page.program
    // Header: program, period, partners per tier. Where the line is short,
    // "+ 1 without data" goes first, then the program's name is cut, then
    // the partner count and "provisional" (the second line has both), then
    // tiers drop from the top whole: no word or count is cut.
    let withoutData = page.withoutData
    let name = " \(program.name) "
    var period: [StyledText] = [
      " ", StyledText("\(page.period)", style: theme.heading),
      page.coverage.provisional ? StyledText(" provisional", style: theme.warn) : "",
    ]
    let counts = [
      "  \(page.evaluated) partners\(withoutData > 0 ? " + \(withoutData) without data" : "")  ",
      "  \(page.evaluated) partners  ",
    ]
    var tiers: [StyledText] = []
    for (i, tier) in program.tiers.enumerated() {
      tiers.append(
        StyledText("\(tier.name) \(page.tierCounts[i])", style: theme.tier(i, of: program.tiers.count)))
      tiers.append("  ")
    }
    func width(_ pieces: [StyledText]) -> Int { pieces.reduce(0) { $0 + TextWidth.of($1.text) } }
    // The second line names the state too: at 80 columns it gives way here.
    if width(period) + 14 + 2 + width(tiers) > rect.width + 2 { period[2] = "" }
    let fixed = width(period)
    // The trailing "  " after the last tier needs no room.
    let room = rect.width + 2
    var count =
      counts.first { fixed + TextWidth.of(name) + TextWidth.of($0) + width(tiers) <= room } ?? counts[1]
    if fixed + 15 + TextWidth.of(count) + width(tiers) > room { count = "  " }  // the second line says how many
    let nameRoom = room - fixed - TextWidth.of(count) - width(tiers)
    var shownName = name
    if TextWidth.of(name) > nameRoom {
      shownName = TextWidth.truncate(name, to: max(14, nameRoom - 1)) + " "
    }
    while !tiers.isEmpty, TextWidth.of(shownName) + fixed + TextWidth.of(count) + width(tiers) > room {
      tiers.removeLast(2)
    }
    let header: [StyledText] =
      [StyledText(shownName, style: theme.title)] + period + [StyledText(count, style: theme.muted)] + tiers
    _ = buffer.put(header, x: rect.x, y: rect.y, maxWidth: rect.width)
    // Second line: the book, the quarter's state, how many are shown, the
    // sort and filters. The state takes the form that leaves the rest room
    // (the first line names the quarter provisional already).
    let showing =
      "showing \(lb.showing)" + (lb.count > lb.showing ? " + \(lb.count - lb.showing) without data" : "")
    var info =
      " · Sorted by \(lb.order.title(program)) \(lb.order.valuesDescend(program) ? glyphs.arrowDown : glyphs.arrowUp) (\(lb.order.words))"
    info += FilterText.suffix(lb.filter, program: program)
    let book = FilterText.book(lb.filter, theme: theme)
    let bookWidth = book.reduce(0) { $0 + TextWidth.of($1.text) }
    let state = QuarterText.state(
      page.coverage,
      fitting: max(11, rect.width - bookWidth - TextWidth.of(showing) - TextWidth.of(info) - 3))
    // KPIs the program does not score: named where they fit whole, else counted.
    if !page.unscoredKPIs.isEmpty {
      let used = bookWidth + (state.isEmpty ? 0 : TextWidth.of(state) + 3) + TextWidth.of(showing + info)
      let named = " · unscored: " + page.unscoredKPIs.joined(separator: ", ")
      let counted = " · \(page.unscoredKPIs.count) unscored KPI\(page.unscoredKPIs.count == 1 ? "" : "s")"
      if used + TextWidth.of(named) <= rect.width {
        info += named
      } else if used + TextWidth.of(counted) <= rect.width {
        info += counted
      }
    }
    var second = book
    if !state.isEmpty { second.append(StyledText(state + " · ", style: theme.warn)) }
    second.append(StyledText(showing + info, style: theme.muted))
    _ = buffer.put(second, x: rect.x, y: rect.y + 1, maxWidth: rect.width)

    let tableRect = Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: rect.height - 2)
    if lb.count == 0 {
      CenteredMessage(["No partner matches the filters", "x clears them"]).render(
        in: tableRect, buffer: &buffer, glyphs: glyphs)
      return
    }
    let wide = rect.width >= 110
    let fields = page.fields
    let kpis = program.kpis
    // Widths from the field (one home with the state's choice of columns);
    // the partner takes the rest, or its longest name when KPI columns fill the width.
    func column(_ f: LeaderboardField) -> Table.Column {
      let size: Size = .fixed(f.width(screen: rect.width, program: program) ?? page.nameWidth)
      switch f {
      case .column(.rank): return .init("#", width: size, alignment: .right)
      case .column(.movement): return .init("Move", width: size, alignment: .right)
      case .column(.partner): return .init("Partner", width: size)
      case .column(.score): return .init("Score", width: size, alignment: wide ? .left : .right)
      case .column(.change): return .init("Δ", width: size, alignment: .right)
      case .column(let c): return .init(c.title, width: size)
      case .kpi(let k):
        // A name longer than its column is cut with "…", never silently mid-word.
        let w = f.width(screen: rect.width, program: program) ?? 12
        return .init(TextWidth.truncate(kpis[k].name, to: w), width: size, alignment: .right)
      }
    }
    let tierCount = program.tiers.count
    let grace = program.gracePeriods
    let badges = program.badges
    let cursor = max(0, min(page.columnCursor, fields.count - 1))
    let table = Table(
      columns: fields.map(column), rowCount: lb.count, selected: page.selected, offset: page.scroll,
      sortColumn: fields.firstIndex(of: lb.order.field), sortDescending: lb.order.valuesDescend(program)
    ) { i in
      let r = lb.row(i)
      return fields.map { f -> StyledText in
        guard let rank = r.rank, let tierIndex = r.tierIndex, let score = r.score else {
          // Listed so that it can be found; nothing to rank yet.
          switch f {
          case .column(.partner): return StyledText(r.name, style: theme.muted)
          case .column(.segment): return StyledText(r.segment, style: theme.muted)
          case .column(.region): return StyledText(r.region, style: theme.muted)
          case .column(.manager): return StyledText(r.manager, style: theme.muted)
          case .column(.tier): return StyledText(Phrases.noDataShort, style: theme.muted)
          case .column(.score): return StyledText("—", style: theme.muted)
          default: return ""
          }
        }
        switch f {
        case .column(.rank): return StyledText(String(rank))
        case .column(.movement): return Format.movement(r.movement, glyphs, theme)
        case .column(.partner): return StyledText(r.name)
        case .column(.segment): return StyledText(r.segment)
        case .column(.region): return StyledText(r.region)
        case .column(.manager): return StyledText(r.manager)
        case .column(.tier): return StyledText(r.tierName, style: theme.tier(tierIndex, of: tierCount))
        case .column(.score):
          let scoreText = NumberFormat.fixed(score, 2)
          guard wide else { return StyledText(scoreText) }
          let pad = String(repeating: " ", count: max(0, 6 - scoreText.count))
          return StyledText(pad + scoreText + " " + Bar.string(score / 100, width: 10, glyphs: glyphs))
        case .column(.change): return Format.change(r.change, theme)
        case .column(.trend):
          return StyledText(
            Sparkline.string(r.history, width: 8, range: 0...100, glyphs: glyphs), style: theme.accent)
        case .column(.flags):
          let flags = Format.flags(
            atRisk: r.atRisk, rising: r.rising, blocked: r.blocked, grace: r.grace, gracePeriods: grace, theme
          )
          let marks = Phrases.badgeMarks(r.badges, of: badges, unicode: glyphs.isUnicode)
          let text = flags.map(\.text).joined()
          return StyledText(
            marks.isEmpty ? text : text.isEmpty ? marks : text + " " + marks,
            style: flags.first?.style ?? theme.good)
        case .kpi(let k):
          return StyledText(NumberFormat.compactValue(r.values[k], unit: kpis[k].unit))
        }
      }
    }
    table.render(in: tableRect, buffer: &buffer, glyphs: glyphs)
    // The column cursor (`<` `>`): its title underlined in reverse video.
    if fields.count > 1 {
      let widths = table.columnWidths(width: tableRect.width)
      var x = tableRect.x + 2
      for i in 0..<cursor { x += widths[i] + table.spacing }
      buffer.patchStyle(.reverse, in: Rect(x: x, y: tableRect.y, width: widths[cursor], height: 1))
    }
  }
}
