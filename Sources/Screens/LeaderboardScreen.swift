import Dashboard
import Presentation
import Scoring
import TerminalUI

/// Screen 1: header with program, period and tier counts; the ranked table.
struct LeaderboardScreen: Widget {
  let state: DashboardState
  let theme: Theme

  func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    let s = state
    let book = s.book
    let program = book.program
    let t = s.period
    // Header: program, period, partners per tier.
    var counts = [Int](repeating: 0, count: program.tiers.count)
    for p in book.order[t] { counts[book.tier(p, t)!] += 1 }
    let withoutData = book.partners.count - book.order[t].count
    var header: [StyledText] = [
      StyledText(" \(program.name) ", style: theme.title), " ",
      StyledText("\(book.periods[t])", style: theme.heading),
      StyledText(
        "  \(book.order[t].count) partners\(withoutData > 0 ? " + \(withoutData) without data" : "")  ",
        style: theme.muted),
    ]
    for (i, tier) in program.tiers.enumerated() {
      header.append(StyledText("\(tier.name) \(counts[i])", style: theme.tier(i, of: program.tiers.count)))
      header.append("  ")
    }
    _ = buffer.put(header, x: rect.x, y: rect.y, maxWidth: rect.width)
    // Second line: sort and filters.
    let lb = s.leaderboard
    var info =
      "Sorted by \(lb.sort.title) \(lb.valuesDescend ? glyphs.arrowDown : glyphs.arrowUp) (\(lb.orderWords))"
    let filters = FilterText.describe(lb.filter, program: program)
    if !filters.isEmpty { info += " · filter: " + filters + " (x clears)" }
    info +=
      " · showing \(lb.withData)"
      + (lb.count > lb.withData ? " + \(lb.count - lb.withData) without data" : "")
    if !book.unscoredKPIs.isEmpty { info += " · unscored: " + book.unscoredKPIs.joined(separator: ", ") }
    _ = buffer.put([StyledText(info, style: theme.muted)], x: rect.x, y: rect.y + 1, maxWidth: rect.width)

    let tableRect = Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: rect.height - 2)
    if lb.count == 0 {
      CenteredMessage(["No partner matches the filters", "x clears them"]).render(
        in: tableRect, buffer: &buffer, glyphs: glyphs)
      return
    }
    let wide = rect.width >= 110
    var columns: [(LeaderboardColumn, Table.Column)] = [
      (.rank, .init("#", width: .fixed(5), alignment: .right)),
      (.movement, .init("Move", width: .fixed(5), alignment: .right)),
      (.partner, .init("Partner", width: .flex(3))),
      (.segment, .init("Segment", width: .fixed(wide ? 11 : 8))),
    ]
    if wide { columns.append((.region, .init("Region", width: .fixed(6)))) }
    columns += [
      (.tier, .init("Tier", width: .fixed(10))),
      (.score, .init("Score", width: .fixed(wide ? 17 : 6), alignment: wide ? .left : .right)),
      (.change, .init("Δ", width: .fixed(6), alignment: .right)),
      (.trend, .init("Trend", width: .fixed(8))),
      (.flags, .init("Flags", width: .flex(1))),
    ]
    let tierCount = program.tiers.count
    let grace = program.gracePeriods
    let table = Table(
      columns: columns.map(\.1), rowCount: lb.count, selected: s.selected, offset: s.scroll,
      sortColumn: columns.firstIndex { $0.0 == lb.sort }, sortDescending: lb.valuesDescend
    ) { i in
      let r = lb.row(i)
      guard let rank = r.rank, let tierIndex = r.tierIndex, let score = r.score else {
        // Listed so that it can be found; nothing to rank yet.
        var cells: [StyledText] = [
          "", "", StyledText(r.name, style: theme.muted), StyledText(r.segment, style: theme.muted),
        ]
        if wide { cells.append(StyledText(r.region, style: theme.muted)) }
        cells += [Phrases.noDataShort, "—", "", "", ""].map { StyledText($0, style: theme.muted) }
        return cells
      }
      var cells: [StyledText] = [
        StyledText(String(rank)), Format.movement(r.movement, glyphs, theme), StyledText(r.name),
        StyledText(r.segment),
      ]
      if wide { cells.append(StyledText(r.region)) }
      let scoreText = NumberFormat.fixed(score, 2)
      cells.append(StyledText(r.tierName, style: theme.tier(tierIndex, of: tierCount)))
      if wide {
        let pad = String(repeating: " ", count: max(0, 6 - scoreText.count))
        cells.append(StyledText(pad + scoreText + " " + Bar.string(score / 100, width: 10, glyphs: glyphs)))
      } else {
        cells.append(StyledText(scoreText))
      }
      cells.append(Format.change(r.change, theme))
      cells.append(
        StyledText(Sparkline.string(r.history, width: 8, range: 0...100, glyphs: glyphs), style: theme.accent)
      )
      let flags = Format.flags(
        atRisk: r.atRisk, rising: r.rising, blocked: r.blocked, grace: r.grace, gracePeriods: grace, theme)
      cells.append(StyledText(flags.map(\.text).joined(), style: flags.first?.style ?? .plain))
      return cells
    }
    table.render(in: tableRect, buffer: &buffer, glyphs: glyphs)
  }
}
