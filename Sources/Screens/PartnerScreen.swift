import Dashboard
import Presentation
import Scoring
import TerminalUI
import TextLayout

/// Screen 2: one partner: tier card, what it takes, KPI table, trends,
/// score and rank history, agreements. Drawn on a tall page, scrolled.
struct PartnerScreen: Widget {
  let model: PartnerDetailModel?
  /// The page's first line shown.
  let scroll: Int
  let theme: Theme

  func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    guard let model else {
      CenteredMessage("No partner selected: Esc goes back").render(in: rect, buffer: &buffer, glyphs: glyphs)
      return
    }
    let k = model.series.count
    let perRow = rect.width >= 150 ? 3 : rect.width >= 100 ? 2 : 1
    // An upper bound of the page: cards, KPI table, adjustments, history, trend grid, agreements.
    let bound =
      4 + (k + 14) * 2 + k + 3 + 2 * k + 10 + ((k + perRow - 1) / perRow) * 8 + model.payouts.count + 7
    var page = CellBuffer(width: rect.width, height: bound)
    let height = PartnerPage(model: model, theme: theme, tiers: model.program.tiers).draw(
      into: &page, width: rect.width, glyphs: glyphs)
    let maxScroll = max(0, height - rect.height)
    let scroll = min(self.scroll, maxScroll)
    buffer.copy(
      from: page, rect: Rect(x: 0, y: scroll, width: rect.width, height: min(rect.height, height - scroll)),
      toX: rect.x, y: rect.y)
    if maxScroll > 0 {
      let more =
        "\(scroll < maxScroll ? "↓ more" : "end") (\(scroll + 1)-\(min(height, scroll + rect.height)) of \(height))"
      _ = buffer.put(
        [StyledText(more, style: theme.muted)], x: rect.maxX - TextWidthBridge.of(more) - 1, y: rect.y,
        maxWidth: rect.width)
    }
  }
}

/// The partner page, top to bottom, one section after another; each
/// section draws from line `y` and returns the line after it.
struct PartnerPage {
  let model: PartnerDetailModel
  let theme: Theme
  let tiers: [Tier]

  /// Draws the page; returns the height used.
  func draw(into page: inout CellBuffer, width: Int, glyphs: Glyphs) -> Int {
    var y = heading(into: &page, width: width)
    guard let e = model.evaluation else {
      _ = page.put(
        [
          StyledText(
            "Not evaluated in \(model.period): "
              + (model.history.contains { $0.score != nil }
                ? "no data for this quarter ([ ] change period)."
                : "no data up to this quarter (a partner in partners.csv with nothing in metrics.csv yet).")
          )
        ],
        x: 0, y: y + 1, maxWidth: width)
      return y + 3
    }
    y = standing(e, into: &page, y: y, width: width)
    y = tierCards(e, into: &page, y: y, width: width, glyphs: glyphs)
    y = kpiTable(e, into: &page, y: y, width: width, glyphs: glyphs)
    y = history(e, into: &page, y: y, width: width, glyphs: glyphs)
    y = kpiTrends(into: &page, y: y, width: width, glyphs: glyphs)
    return agreements(into: &page, y: y, width: width, glyphs: glyphs)
  }

  /// Name, id, segment, region and the quarter.
  func heading(into page: inout CellBuffer, width: Int) -> Int {
    let partner = model.partner
    _ = page.put(
      QuarterTitle.appending(
        model.coverage,
        to: [
          StyledText(" \(partner.name) ", style: theme.title),
          // The id stays whole; segment and region give up the room first.
          StyledText("  \(partner.id)", style: theme.muted),
          StyledText(" · \(partner.segment) · \(partner.region)", style: theme.muted),
          StyledText("  \(model.period)", style: theme.heading),
        ], shrinking: 2, width: width - 24, theme: theme), x: 0, y: 0, maxWidth: width)
    return 1
  }

  /// Score, ranks and movement, and the same partner under a what-if program.
  func standing(_ e: PartnerEvaluation, into page: inout CellBuffer, y: Int, width: Int) -> Int {
    var y = y
    _ = page.put(
      [
        StyledText("Score \(NumberFormat.fixed(e.score, 2))", style: theme.heading),
        StyledText(
          "   rank \(e.rank) of \(e.rankedCount) · \(e.segmentRank) of \(e.segmentCount) in segment"),
        StyledText(
          e.movement.map { $0 == 0 ? "  (=)" : "  (\(NumberFormat.signed($0)))" } ?? "  (new)",
          style: theme.muted),
      ], x: 0, y: y, maxWidth: width)
    y += 1
    // A what-if loaded (`:compare`): the same partner under the other program.
    if let o = model.other {
      let change = specRound(o.score - e.score, 2)
      let numbers: [StyledText] = [
        StyledText("score \(NumberFormat.fixed(o.score, 2))", style: theme.heading),
        StyledText(
          " (\(NumberFormat.signed(change, 2)))",
          style: change > 0 ? theme.good : change < 0 ? theme.bad : theme.muted),
        StyledText(
          ", tier \(o.tier)\(o.grace > 0 ? " in grace" : ""), rank \(o.rank) of \(o.ranked) (now \(e.tier.name), rank \(e.rank))"
        ),
      ]
      // The program's name gives way ("…"), never the numbers after it.
      let used =
        numbers.reduce(0) { $0 + TextWidthBridge.of($1.text) } + TextWidthBridge.of("What-if under : ")
      let name = TextWidth.truncate(o.program, to: max(8, width - used))
      _ = page.put(
        [StyledText("What-if under \(name): ", style: theme.muted)] + numbers, x: 0, y: y, maxWidth: width)
      y += 1
    }
    y += 1
    return y
  }

  /// The tier card (tier, grace, progress, outlook, badges, benefits)
  /// beside what it takes, or above it where the screen is narrow.
  func tierCards(_ e: PartnerEvaluation, into page: inout CellBuffer, y: Int, width: Int, glyphs: Glyphs)
    -> Int
  {
    let program = model.program
    let tierStyle = theme.tier(e.tierIndex, of: tiers.count)
    var y = y
    var card: [[StyledText]] = []
    var tierLine: [StyledText] = [StyledText(e.tier.name, style: tierStyle)]
    if e.qualifiedTier.id != e.tier.id {
      tierLine.append(StyledText("  qualifies for \(e.qualifiedTier.name)", style: theme.warn))
    }
    if e.grace > 0 {
      tierLine.append(StyledText("  in grace \(e.grace) of \(program.gracePeriods)", style: theme.warn))
    }
    card.append(tierLine)
    if let keep = EvaluationText.keep(e) {
      card.append([StyledText(keep, style: theme.warn)])
      for r in e.unmetKeepRequirements {
        card.append([StyledText("unmet: " + EvaluationText.requirement(r, program), style: theme.bad)])
      }
    }
    if let next = e.nextTier, let needed = e.pointsNeeded {
      let barWidth = 20
      card.append([
        StyledText(
          Bar.string(e.progress, width: barWidth, glyphs: glyphs, showsTrack: true), style: tierStyle),
        StyledText(" \(EvaluationText.progress(e)) to \(next.name)"),
      ])
      if needed == 0 && !e.unmetRequirements.isEmpty {
        // The score is there; only requirements stand in the way.
        card.append([
          StyledText(
            "score enough (min \(NumberFormat.trimmed(next.minScore, 2))): blocked by a requirement",
            style: theme.warn)
        ])
      } else {
        card.append([
          StyledText(EvaluationText.pointsNeeded(needed, to: next))
        ])
      }
      for r in e.unmetRequirements {
        card.append([StyledText("unmet: " + EvaluationText.requirement(r, program), style: theme.bad)])
      }
    } else {
      card.append([
        StyledText(
          Phrases.topTier(e.tier.name, inGrace: e.inGrace), style: e.inGrace ? theme.warn : theme.good)
      ])
    }
    let outlook = [
      e.atRisk ? StyledText("at risk ", style: theme.bad) : nil,
      e.blocked
        ? StyledText("blocked ", style: theme.warn)
        : e.rising ? StyledText("rising ", style: theme.good) : nil,
      e.slope.map {
        StyledText(EvaluationText.trend($0), style: theme.muted)
      },
    ].compactMap { $0 }
    if !outlook.isEmpty { card.append(outlook) }
    if !e.badges.isEmpty {
      card.append([StyledText("badges: " + Phrases.badges(e.badges), style: theme.good)])
    }
    if !e.tier.benefits.isEmpty {
      card.append([StyledText("benefits: " + e.tier.benefits.joined(separator: ", "), style: theme.muted)])
    }

    var takes: [[StyledText]] = []
    // In grace: what keeps the tier first.
    if let keepNeeded = e.keepPointsNeeded, keepNeeded > 0 {
      takes.append([StyledText("To keep \(e.tier.name):", style: theme.warn)])
      for w in e.keepWhatItTakes {
        takes.append([
          StyledText(TextWidthBridge.pad(w.kpi.name, 22)),
          StyledText(EvaluationText.whatItTakes(w, program), style: w.needed == nil ? theme.muted : .plain),
        ])
      }
      takes += planLines(e.keepPlan, program)
      if e.nextTier != nil { takes.append([StyledText("To reach \(e.nextTier!.name):", style: theme.muted)]) }
    }
    if let needed = e.pointsNeeded, needed > 0 {
      for w in e.whatItTakes {
        takes.append([
          StyledText(TextWidthBridge.pad(w.kpi.name, 22)),
          StyledText(EvaluationText.whatItTakes(w, program), style: w.needed == nil ? theme.muted : .plain),
        ])
      }
      takes += planLines(e.plan, program)
    } else if e.nextTier != nil {
      takes.append([StyledText("The score is enough: meet the requirements above.")])
    } else if !e.inGrace {
      takes.append([StyledText("Nothing more: this is the top tier.")])
    }
    let cardHeight = card.count + 2
    let takesHeight = takes.count + 2
    func lineWidth(_ line: [StyledText]) -> Int { line.reduce(0) { $0 + TextWidthBridge.of($1.text) } }
    // The tier card as wide as its longest line (52 to half the width): on
    // a wide screen its benefits are not cut.
    let cardWidth = max(52, min((card.map(lineWidth).max() ?? 0) + 4, width / 2))
    // Side by side only where every line of "what it takes" fits whole
    // beside it: a number is never cut (stacked, each card has the width).
    if width >= 110 && cardWidth + 1 + (takes.map(lineWidth).max() ?? 0) + 4 <= width {
      let cols = Rect(x: 0, y: y, width: width, height: max(cardHeight, takesHeight)).columns(
        [.fixed(cardWidth), .flex(1)], spacing: 1)
      Card(title: "Tier", lines: card).render(in: cols[0], buffer: &page, glyphs: glyphs)
      Card(title: "What it takes", lines: takes).render(in: cols[1], buffer: &page, glyphs: glyphs)
      y += max(cardHeight, takesHeight) + 1
    } else {
      Card(title: "Tier", lines: card).render(
        in: Rect(x: 0, y: y, width: width, height: cardHeight), buffer: &page, glyphs: glyphs)
      y += cardHeight
      Card(title: "What it takes", lines: takes).render(
        in: Rect(x: 0, y: y, width: width, height: takesHeight), buffer: &page, glyphs: glyphs)
      y += takesHeight + 1
    }
    return y
  }

  /// A combined plan in the "What it takes" card, under its rule.
  func planLines(_ plan: GainPlan?, _ program: Program) -> [[StyledText]] {
    guard let steps = EvaluationText.plan(plan, program) else { return [] }
    return [[StyledText("Together (\(EvaluationText.planRule)):", style: theme.heading)]]
      + steps.map { [StyledText(TextWidthBridge.pad($0.kpi, 22)), StyledText($0.text)] }
  }

  /// Each KPI's value, target, attainment, points and result, and the
  /// adjustments behind the values marked `*`.
  func kpiTable(_ e: PartnerEvaluation, into page: inout CellBuffer, y: Int, width: Int, glyphs: Glyphs)
    -> Int
  {
    let program = model.program
    var y = y
    _ = page.put([StyledText("KPIs", style: theme.heading)], x: 0, y: y, maxWidth: width)
    y += 1
    let kpis = e.kpis
    // The bar beside the attainment where the width allows it.
    let bars = width >= 100
    let rows: [[StyledText]] = kpis.map { k in
      let adjusted =
        k.window.contains { $0.adjustment != nil } || k.baselineWindow.contains { $0.adjustment != nil }
      let target: String
      switch k.kpi.basis {
      case .absolute: target = Format.value(k.target, k.kpi, program)
      case .improvement(let ti, _): target = "+\(NumberFormat.trimmed(ti * 100, 1)) %"
      }
      let result = Phrases.result(k)
      let style: Style
      switch result.kind {
      case .good: style = theme.good
      case .partial: style = theme.warn
      case .bad: style = theme.bad
      case .none: style = theme.muted
      }
      let attainment = NumberFormat.fixed(k.attainment, 2)
      return [
        StyledText(k.kpi.name + (adjusted ? " *" : "")), StyledText(Format.value(k.value, k.kpi, program)),
        StyledText(target),
        StyledText(
          bars
            ? Bar.string(k.credit, width: 10, glyphs: glyphs, showsTrack: true) + " " + attainment
            : attainment),
        StyledText(k.status == .notApplicable ? "n/a" : NumberFormat.fixed(k.points, 2)),
        StyledText(result.text, style: style),
      ]
    }
    // The width rule: the numbers as wide as they are, the KPI's name the
    // room left (at least 16, at most its longest), the result the rest.
    let titles = ["KPI", "Value", "Target", "Attainment", "Points", "Result"]
    let widths = titles.indices.map { i in
      rows.reduce(TextWidthBridge.of(titles[i])) { max($0, TextWidthBridge.of($1[i].text)) }
    }
    let numbers = widths[1...4].reduce(0, +) + 5
    let name = max(min(widths[0], 16), min(widths[0], width - numbers - min(widths[5], 12)))
    let table = Table(
      columns: [
        .init("KPI", width: .fixed(name)), .init("Value", width: .fixed(widths[1]), alignment: .right),
        .init("Target", width: .fixed(widths[2]), alignment: .right),
        .init("Attainment", width: .fixed(widths[3])),
        .init("Points", width: .fixed(widths[4]), alignment: .right), .init("Result", width: .flex(1)),
      ], rowCount: kpis.count, showsMarker: false
    ) { rows[$0] }
    table.render(in: Rect(x: 0, y: y, width: width, height: kpis.count + 1), buffer: &page, glyphs: glyphs)
    y += kpis.count + 1
    let adjustments = kpis.flatMap { k in
      (k.window + k.baselineWindow).compactMap { o in o.adjustment.map { (k.kpi, o.period, $0) } }
    }
    for (kpi, period, a) in adjustments {
      _ = page.put(
        [
          StyledText(
            "* \(kpi.name) \(period): \(NumberFormat.trimmed(a.value, 4)), \(a.reason) (approved by \(a.approvedBy))",
            style: theme.muted)
        ],
        x: 0, y: y, maxWidth: width)
      y += 1
    }
    y += 1
    return y
  }

  /// The score by quarter as a chart, beside the last quarters' scores, ranks and tiers.
  func history(_ e: PartnerEvaluation, into page: inout CellBuffer, y: Int, width: Int, glyphs: Glyphs) -> Int
  {
    var y = y
    let history = model.history
    _ = page.put([StyledText("Score and rank by quarter", style: theme.heading)], x: 0, y: y, maxWidth: width)
    y += 1
    let chartHeight = 8
    let scoreChart = LineChart(
      series: [LineChart.Series("score", values: history.map(\.score), style: theme.accent)],
      target: e.nextTier?.minScore, targetStyle: theme.muted, yRange: 0...100)
    let split = Rect(x: 0, y: y, width: width, height: chartHeight).columns([.flex(3), .flex(2)], spacing: 2)
    scoreChart.render(in: split[0], buffer: &page, glyphs: glyphs)
    var hy = split[1].y
    for h in history.suffix(chartHeight) {
      guard let score = h.score else { continue }
      _ = page.put(
        [
          StyledText("\(h.period)  ", style: theme.muted), StyledText(NumberFormat.fixed(score, 2)),
          StyledText("  #\(h.rank ?? 0)  "), StyledText(h.tier ?? "", style: theme.muted),
          StyledText(
            h.grace > 0
              ? " " + Phrases.Flag.grace(h.grace, of: model.program.gracePeriods).text() : "",
            style: theme.warn),
        ], x: split[1].x, y: hy, maxWidth: split[1].width)
      hy += 1
    }
    y += chartHeight + 1
    return y
  }

  /// A grid of small charts, one per KPI, with its target line.
  func kpiTrends(into page: inout CellBuffer, y: Int, width: Int, glyphs: Glyphs) -> Int {
    var y = y
    _ = page.put(
      [StyledText("KPI trends (target line dotted)", style: theme.heading)], x: 0, y: y, maxWidth: width)
    y += 1
    let perRow = width >= 150 ? 3 : width >= 100 ? 2 : 1
    let cellHeight = 7
    for (i, series) in model.series.enumerated() {
      let col = i % perRow
      if col == 0 && i > 0 { y += cellHeight + 1 }
      let rects = Rect(x: 0, y: y, width: width, height: cellHeight).columns(
        Array(repeating: .flex(1), count: perRow), spacing: 2)
      let r = rects[col]
      _ = page.put([StyledText(series.kpi.name, style: theme.heading)], x: r.x, y: r.y, maxWidth: r.width)
      LineChart(
        series: [LineChart.Series(series.kpi.id, values: series.values, style: theme.accent)],
        target: series.target,
        targetStyle: theme.muted
      ).render(
        in: Rect(x: r.x, y: r.y + 1, width: r.width, height: cellHeight - 1), buffer: &page, glyphs: glyphs)
    }
    y += cellHeight + 1
    return y
  }

  /// The outcome agreements and their total.
  func agreements(into page: inout CellBuffer, y: Int, width: Int, glyphs: Glyphs) -> Int {
    let program = model.program
    var y = y
    _ = page.put([StyledText("Outcome agreements", style: theme.heading)], x: 0, y: y, maxWidth: width)
    y += 1
    if model.payouts.isEmpty {
      _ = page.put([StyledText("none", style: theme.muted)], x: 0, y: y, maxWidth: width)
      return y + 1
    }
    let payouts = model.payouts
    Table(
      columns: [
        .init("Id", width: .fixed(12)), .init("KPI", width: .flex(1)), .init("Period", width: .fixed(6)),
        .init("Baseline", width: .fixed(12), alignment: .right),
        .init("Target", width: .fixed(12), alignment: .right),
        .init("Value", width: .fixed(12), alignment: .right), .init("r", width: .fixed(6), alignment: .right),
        .init("Payout", width: .fixed(12), alignment: .right), .init("Status", width: .fixed(8)),
      ], rowCount: payouts.count + 1, showsMarker: false
    ) { i in
      if i == payouts.count {
        let total = payouts.reduce(0) { $0 + $1.payout }
        return [
          "", "", "", "", "", "", StyledText("total", style: theme.heading),
          StyledText(NumberFormat.grouped(total, 2), style: theme.heading), StyledText(program.currency),
        ]
      }
      let r = payouts[i]
      let kpi = program.kpis.first { $0.id == r.agreement.kpi }
      let unit = kpi?.unit ?? .count
      func v(_ x: Double?) -> String { NumberFormat.value(x, unit: unit, currency: program.currency) }
      return [
        StyledText(r.agreement.id), StyledText(kpi?.name ?? r.agreement.kpi),
        StyledText(r.agreement.period.description),
        StyledText(v(r.agreement.baseline)), StyledText(v(r.agreement.target)), StyledText(v(r.value)),
        StyledText(r.attainment.map { NumberFormat.fixed($0, 2) } ?? "—"),
        StyledText(NumberFormat.grouped(r.payout, 2)),
        StyledText(r.status.rawValue, style: r.status == .pending ? theme.warn : theme.good),
      ]
    }.render(in: Rect(x: 0, y: y, width: width, height: payouts.count + 2), buffer: &page, glyphs: glyphs)
    return y + payouts.count + 2
  }
}
