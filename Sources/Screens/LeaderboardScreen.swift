import Dashboard
import Presentation
import Scoring
import TerminalUI

/// Screen 1: header with program, period and tier counts; the ranked table.
struct LeaderboardScreen: Widget {
  let page: LeaderboardPage
  let theme: Theme

  func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    let lb = page
    let program = page.program
    // Header: program, period, partners per tier.
    let withoutData = page.withoutData
    var header: [StyledText] = [
      StyledText(" \(program.name) ", style: theme.title), " ",
      StyledText("\(page.period)", style: theme.heading),
      page.coverage.provisional ? StyledText(" provisional", style: theme.warn) : "",
      StyledText(
        "  \(page.evaluated) partners\(withoutData > 0 ? " + \(withoutData) without data" : "")  ",
        style: theme.muted),
    ]
    for (i, tier) in program.tiers.enumerated() {
      header.append(
        StyledText("\(tier.name) \(page.tierCounts[i])", style: theme.tier(i, of: program.tiers.count)))
      header.append("  ")
    }
    _ = buffer.put(header, x: rect.x, y: rect.y, maxWidth: rect.width)
    // Second line: sort and filters.
    var info =
      "Sorted by \(lb.order.title(program)) \(lb.order.valuesDescend(program) ? glyphs.arrowDown : glyphs.arrowUp) (\(lb.order.words))"
    let filters = FilterText.describe(lb.filter, program: program)
    if !filters.isEmpty { info += " · filter: " + filters + " (x clears)" }
    info +=
      " · showing \(lb.showing)"
      + (lb.count > lb.showing ? " + \(lb.count - lb.showing) without data" : "")
    if !page.unscoredKPIs.isEmpty { info += " · unscored: " + page.unscoredKPIs.joined(separator: ", ") }
    var second = [StyledText(info, style: theme.muted)]
    if page.coverage.provisional {
      second.insert(StyledText(QuarterText.state(page.coverage) + " · ", style: theme.warn), at: 0)
    }
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
    let autoKPIs = page.autoKPIs
    func column(_ f: LeaderboardField) -> Table.Column {
      let w = f.width(screen: rect.width, program: program)
      let size: Size =
        w.map { .fixed($0) } ?? (autoKPIs ? .fixed(max(16, min(page.longestName, 40))) : .flex(1))
      switch f {
      case .column(.rank): return .init("#", width: size, alignment: .right)
      case .column(.movement): return .init("Move", width: size, alignment: .right)
      case .column(.partner): return .init("Partner", width: size)
      case .column(.score): return .init("Score", width: size, alignment: wide ? .left : .right)
      case .column(.change): return .init("Δ", width: size, alignment: .right)
      case .column(let c): return .init(c.title, width: size)
      case .kpi(let k): return .init(String(kpis[k].name.prefix(12)), width: size, alignment: .right)
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
