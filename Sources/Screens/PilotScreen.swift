import Dashboard
import Presentation
import Scoring
import TerminalUI
import TextLayout

/// Screen 9: a pilot cohort against the partners in no cohort (SPEC section
/// 13): per measure each group's mean change, the difference, its standard
/// error, t and the verdict in words; the selected measure's means before
/// and since the start as bars; the cohort's size against the advice.
struct PilotScreen: Widget {
  let pilot: PilotState
  let program: Program
  let coverage: QuarterCoverage?
  /// Cohorts in the store (`c` steps through them when more than one).
  let cohorts: Int
  let theme: Theme

  func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    guard let r = pilot.review else {
      CenteredMessage([
        pilot.problem ?? OutcomeText.noCohort,
        "A pilot compares its members with the partners in no cohort, quarter by quarter.",
      ]).render(in: rect, buffer: &buffer, glyphs: glyphs)
      return
    }
    let hint = cohorts > 1 ? StyledText(" (c: next cohort)", style: theme.muted) : StyledText("")
    let title = QuarterTitle.appending(
      coverage,
      to: [
        StyledText(" Pilot ", style: theme.title), " ", StyledText(r.cohort, style: theme.heading),
        StyledText(" · \(program.name)", style: theme.muted),
        StyledText(" · from \(r.start), up to \(r.period)", style: theme.heading),
      ], shrinking: 3, width: rect.width - TextWidth.of(hint.text), theme: theme)
    _ = buffer.put(title + [hint], x: rect.x, y: rect.y, maxWidth: rect.width)
    let sizeStyle = r.size == .ok ? theme.muted : theme.warn
    let intro = [
      StyledText(OutcomeText.pilotSize(r) + ". ", style: sizeStyle),
      StyledText(
        "Before: \(OutcomeText.span(r.pre)); since: \(OutcomeText.span(r.post)). "
          + OutcomeText.pilotComparison, style: theme.muted),
    ]
    let introLines = min(3, Text.wrap(intro.map(\.text).joined(), width: rect.width).count)
    Text(spans: intro).render(
      in: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: introLines), buffer: &buffer,
      glyphs: glyphs)

    // The table, then the selected measure's chart and sentence below it.
    let chartHeight = 5
    let top = rect.y + 2 + introLines
    let tableRect = Rect(
      x: rect.x, y: top, width: rect.width,
      height: max(2, min(r.results.count + 1, rect.maxY - chartHeight - 1 - top)))
    table(r, wide: rect.width >= 120).fitting(width: rect.width).render(
      in: tableRect, buffer: &buffer, glyphs: glyphs)
    if r.results.indices.contains(pilot.selected) {
      chart(
        r.results[pilot.selected],
        in: Rect(x: rect.x, y: tableRect.maxY + 1, width: rect.width, height: chartHeight), buffer: &buffer,
        glyphs: glyphs)
    }
  }

  /// Narrower than 120 columns, the groups' counts and the verdict's
  /// reason give up their room (the sentence below says them for the
  /// selected measure): the numbers stay whole.
  func table(_ r: PilotReview, wide: Bool) -> Table {
    let rows = r.results
    let members = rows.map {
      wide
        ? OutcomeText.groupChange($0.change.members, n: $0.n.members) : OutcomeText.signed($0.change.members)
    }
    let rest = rows.map {
      wide ? OutcomeText.groupChange($0.change.rest, n: $0.n.rest) : OutcomeText.signed($0.change.rest)
    }
    let effect = rows.map { OutcomeText.signed($0.effect) }
    let names = rows.map { OutcomeText.measure($0, program: program) }
    let se = rows.map { OutcomeText.ratio($0.se) }
    let t = rows.map { OutcomeText.ratio($0.t) }
    let columns: [Table.Column] = [
      .init("Measure", width: .fixed(min(24, names.map(TextWidth.of).max() ?? 7))),
      NumberColumn.fitted("Members", members),
      NumberColumn.fitted("Rest", rest), NumberColumn.fitted("Effect", effect), NumberColumn.fitted("se", se),
      NumberColumn.fitted("t", t), .init("Verdict", width: .flex(1)),
    ]
    return Table(columns: columns, rowCount: rows.count, selected: pilot.selected) { i in
      let x = rows[i]
      let style: Style = x.verdict == .better ? theme.good : x.verdict == .worse ? theme.bad : theme.muted
      return [
        StyledText(names[i]), StyledText(members[i]), StyledText(rest[i]),
        StyledText(effect[i], style: style),
        StyledText(se[i]), StyledText(t[i]),
        StyledText(wide ? Phrases.pilotVerdict(x.verdict, n: x.n) : x.verdict.rawValue, style: style),
      ]
    }
  }

  /// The measure's means before and since, members and rest, as bars on one scale.
  func chart(_ x: PilotReview.Result, in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    let name = OutcomeText.measure(x, program: program)
    let unit = x.kpi.map { program.kpis[$0].unit }
    let value = { (v: Double?) -> String in
      guard let v else { return "—" }
      return unit.map { NumberFormat.value(v, unit: $0, currency: program.currency) }
        ?? NumberFormat.fixed(v, 2)
    }
    _ = buffer.put(
      [StyledText("\(name): mean before and since the start", style: theme.heading)], x: rect.x, y: rect.y,
      maxWidth: rect.width)
    let groups: [(String, Double?, Double?)] = [
      ("Members", x.before.members, x.after.members), ("Rest", x.before.rest, x.after.rest),
    ]
    let numbers = groups.flatMap { [value($0.1), value($0.2)] }
    let numberWidth = numbers.map(TextWidth.of).max() ?? 1
    let maximum = groups.flatMap { [$0.1, $0.2] }.compactMap { $0 }.map(abs).max() ?? 0
    // "Members  before ▇▇▇▇ 61.25  since ▇▇▇▇▇ 73.75"
    let fixed = 9 + 7 + 1 + numberWidth + 2 + 6 + 1 + numberWidth
    let barWidth = max(0, min(30, (rect.width - fixed) / 2))
    for (row, g) in groups.enumerated() {
      var line: [StyledText] = [StyledText(TextWidth.pad(g.0, to: 9, align: .left))]
      for (word, v, style) in [("before ", g.1, theme.muted), ("since ", g.2, theme.accent)] {
        if word == "since " { line.append("  ") }
        line.append(StyledText(word, style: theme.muted))
        line.append(
          StyledText(
            TextWidth.pad(
              ValueBar.text(v ?? 0, maximum: maximum, width: barWidth, glyphs: glyphs), to: barWidth,
              align: .left),
            style: style))
        line.append(StyledText(" " + TextWidth.pad(value(v), to: numberWidth, align: .right)))
      }
      _ = buffer.put(line, x: rect.x, y: rect.y + 1 + row, maxWidth: rect.width)
    }
    Text(OutcomeText.pilotSentence(x, program: program), style: theme.muted).render(
      in: Rect(x: rect.x, y: rect.y + 3, width: rect.width, height: max(0, rect.height - 3)), buffer: &buffer,
      glyphs: glyphs)
  }
}
