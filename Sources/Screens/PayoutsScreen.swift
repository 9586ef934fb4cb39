import Dashboard
import Presentation
import Scoring
import TerminalUI

/// Screen 6: what we owe for one quarter's outcome agreements: one row per
/// agreement, subtotals verified and pending, the money still open; the
/// selected agreement in full at the bottom. `m` hides every amount.
struct PayoutsScreen: Widget {
  let payouts: PayoutsState
  let context: ScreenContext
  let theme: Theme

  func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    let (book, height) = (context.book, context.height)
    let program = book.program
    guard let m = payouts.model, let quarter = m.quarter else {
      CenteredMessage([
        "No outcome agreements in the store", "agreements.csv holds them (docs/data-formats.md)",
      ])
      .render(in: rect, buffer: &buffer, glyphs: glyphs)
      return
    }
    let masked = payouts.masked
    func money(_ x: Double) -> String { masked ? Phrases.masked : NumberFormat.grouped(x, 2) }
    /// A KPI value: grouped digits in the table, with its unit in the footer.
    func value(_ x: Double?, _ kpi: KPI?, unit: Bool = false) -> String {
      guard let x else { return "—" }
      if masked && kpi?.unit == .currency { return Phrases.masked }
      if unit, let kpi { return NumberFormat.value(x, unit: kpi.unit, currency: program.currency) }
      return x == x.rounded() ? NumberFormat.grouped(x, 0) : NumberFormat.trimmed(x, 2)
    }

    // Title: program, quarter (or year), verified (up to the data) or pending, filters.
    let when =
      m.wholeYear
      ? "\(m.totals.verifiedCount) verified, \(m.totals.pendingCount) pending"
      : PayoutResult.Status.of(quarter, latest: book.periods.last).rawValue
    let agreements = m.results.count
    let title = TitleFit.screen(
      "Payouts", filter: m.filter, program: program, name: StyledText(program.name, style: theme.heading),
      rest: [
        StyledText(" · \(m.scope)", style: theme.heading),
        StyledText(
          " · \(agreements) agreement\(agreements == 1 ? "" : "s")"
            + (m.byPartner ? " of \(m.count) partner\(m.count == 1 ? "" : "s")" : ""), style: theme.muted),
        StyledText(" · \(when)", style: theme.muted),
      ],
      coverage: m.wholeYear ? nil : book.periodIndex(quarter).map(book.coverage), width: rect.width,
      theme: theme)
    _ = buffer.put(title, x: rect.x, y: rect.y, maxWidth: rect.width)

    // Totals: verified, pending floors, still open.
    let t = m.totals
    var totals: [StyledText] = []
    if t.verifiedCount > 0 && t.pendingCount > 0 {
      totals += [
        StyledText("Total ", style: theme.muted), StyledText(money(t.total), style: theme.heading),
        StyledText(" \(program.currency) (\(t.count)): ", style: theme.muted),
      ]
    }
    if t.verifiedCount > 0 {
      totals += [
        StyledText("Verified ", style: theme.muted), StyledText(money(t.verified), style: theme.good),
        StyledText(" \(program.currency) (\(t.verifiedCount))  ", style: theme.muted),
      ]
    }
    if t.pendingCount > 0 {
      totals += [
        StyledText("Pending floors ", style: theme.muted), StyledText(money(t.pending), style: theme.warn),
        StyledText(" \(program.currency) (\(t.pendingCount))  ", style: theme.muted),
        StyledText("still open ", style: theme.muted), StyledText(money(t.stillOpen), style: theme.accent),
        StyledText(" \(program.currency)", style: theme.muted),
      ]
    }
    if totals.isEmpty { totals = [StyledText("No agreement matches the filters", style: theme.muted)] }
    _ = buffer.put(totals, x: rect.x, y: rect.y + 1, maxWidth: rect.width)

    if m.byPartner {
      renderPartners(m, in: rect, buffer: &buffer, glyphs: glyphs, money: money)
      return
    }
    // The table: maximum from 110 columns, baseline and target from 140;
    // the footer gives them for the selected agreement at any width.
    let showMaximum = rect.width >= 110
    let wide = rect.width >= 140
    let longestKPI = program.kpis.map { TextWidthBridge.of($0.name) }.max() ?? 8
    // Names as wide as the longest (at most 36); extra width stays at the
    // right edge, not between a name and its numbers.
    let longestName = m.partners.map { $0.map { TextWidthBridge.of(book.partners[$0].name) } ?? 8 }.max() ?? 8
    var columns: [Table.Column] = [
      .init("Partner", width: showMaximum ? .fixed(max(12, min(longestName, 36))) : .flex(1)),
      .init("KPI", width: .fixed(showMaximum ? min(max(longestKPI, 8), 22) : 14)),
    ]
    if wide {
      columns += [
        .init("Baseline", width: .fixed(10), alignment: .right),
        .init("Target", width: .fixed(10), alignment: .right),
      ]
    }
    columns += [
      .init("Value", width: .fixed(10), alignment: .right), .init("r", width: .fixed(5), alignment: .right),
      .init("Share", width: .fixed(5), alignment: .right),
    ]
    // The cap: the most the agreement can pay, at the schedule's top share
    // (above 100 % where the schedule rewards beating the target).
    if showMaximum { columns.append(.init("Cap", width: .fixed(11), alignment: .right)) }
    columns += [
      .init("Payout", width: .fixed(11), alignment: .right),
      .init("Status", width: showMaximum ? .flex(1) : .fixed(8)),
    ]
    let tableRect = Rect(
      x: rect.x, y: rect.y + 2, width: rect.width,
      height: PayoutsState.visibleRows(height: height) + 1)
    let table = Table(
      columns: columns, rowCount: m.count, selected: payouts.selected,
      offset: payouts.scroll
    ) { i in
      let r = m.results[i]
      let kpi = program.kpiIndex(r.agreement.kpi).map { program.kpis[$0] }
      let name = m.partners[i].map { book.partners[$0].name } ?? r.agreement.partnerID
      var cells = [StyledText(name), StyledText(kpi?.name ?? r.agreement.kpi)]
      if wide {
        cells += [StyledText(value(r.agreement.baseline, kpi)), StyledText(value(r.agreement.target, kpi))]
      }
      cells += [
        StyledText(value(r.value, kpi)),
        StyledText(r.attainment.map { NumberFormat.fixed($0, 2) } ?? "—"),
        StyledText(Phrases.sharePercent(r.shareApplied, space: false)),
      ]
      if showMaximum { cells.append(StyledText(money(r.maximum), style: theme.muted)) }
      cells += [
        StyledText(money(r.payout)),
        StyledText(r.status.rawValue, style: r.status == .verified ? theme.good : theme.warn),
      ]
      return cells
    }
    table.render(in: tableRect, buffer: &buffer, glyphs: glyphs)

    // The selected agreement in full.
    let footer = Rect(x: rect.x, y: rect.maxY - 2, width: rect.width, height: 2)
    if m.results.indices.contains(payouts.selected) {
      let i = payouts.selected
      let r = m.results[i]
      let kpi = program.kpiIndex(r.agreement.kpi).map { program.kpis[$0] }
      let name = m.partners[i].map { book.partners[$0].name } ?? r.agreement.partnerID
      var text =
        "\(r.agreement.id) · \(kpi?.name ?? r.agreement.kpi): \(value(r.agreement.baseline, kpi, unit: true)) → \(value(r.agreement.target, kpi, unit: true)), value \(value(r.value, kpi, unit: true))"
      text += " · \(Phrases.sharePercent(r.shareApplied))"
      if r.agreement.attribution != 1 { text += " × \(Phrases.sharePercent(r.agreement.attribution))" }
      text +=
        " of \(money(r.agreement.maxPayout)) = \(money(r.payout)) \(program.currency), \(r.status.rawValue)"
      if r.agreement.floorShare > 0 { text += " (floor \(Phrases.sharePercent(r.agreement.floorShare)))" }
      text += " · cap \(money(r.maximum)) at the top share \(Phrases.sharePercent(program.payout.topShare))"
      Text(spans: [StyledText(name, style: theme.heading), StyledText(" · " + text, style: theme.muted)])
        .render(in: footer, buffer: &buffer, glyphs: glyphs)
    }
  }

  /// `b`: one row per partner, its agreements summed by status; the
  /// selected partner's agreements named below.
  func renderPartners(
    _ m: PayoutsModel, in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs,
    money: @escaping (Double) -> String
  ) {
    let book = context.book
    let currency = book.program.currency
    let longestName =
      m.partnerIndices.map { $0.map { TextWidthBridge.of(book.partners[$0].name) } ?? 8 }.max() ?? 8
    // Below 100 columns "still open" gives way (the footer has the totals);
    // the name takes what is left, at most its longest.
    let open = rect.width >= 100
    var columns: [Table.Column] = [
      .init("Partner", width: .fixed(max(12, min(longestName, 36, rect.width - (open ? 70 : 56))))),
      .init("Agreements", width: .fixed(10), alignment: .right),
      .init("Verified", width: .fixed(13), alignment: .right),
      .init("Pending", width: .fixed(13), alignment: .right),
    ]
    if open { columns.append(.init("Still open", width: .fixed(13), alignment: .right)) }
    columns.append(.init("Total", width: .fixed(13), alignment: .right))
    let tableRect = Rect(
      x: rect.x, y: rect.y + 2, width: rect.width,
      height: PayoutsState.visibleRows(height: context.height) + 1)
    Table(columns: columns, rowCount: m.count, selected: payouts.selected, offset: payouts.scroll) { i in
      let r = m.partnerRows[i]
      let name = m.partnerIndices[i].map { book.partners[$0].name } ?? r.partnerID
      var cells = [
        StyledText(name), StyledText(String(r.agreements)),
        StyledText(r.totals.verifiedCount > 0 ? money(r.totals.verified) : "—", style: theme.good),
        StyledText(r.totals.pendingCount > 0 ? money(r.totals.pending) : "—", style: theme.warn),
      ]
      if open {
        cells.append(
          StyledText(r.totals.pendingCount > 0 ? money(r.totals.stillOpen) : "—", style: theme.muted))
      }
      return cells + [StyledText(money(r.totals.total))]
    }.render(in: tableRect, buffer: &buffer, glyphs: glyphs)
    let footer = Rect(x: rect.x, y: rect.maxY - 2, width: rect.width, height: 2)
    guard m.partnerRows.indices.contains(payouts.selected) else { return }
    let r = m.partnerRows[payouts.selected]
    let name = m.partnerIndices[payouts.selected].map { book.partners[$0].name } ?? r.partnerID
    let ids = m.results.filter { $0.agreement.partnerID == r.partnerID }.map(\.agreement.id)
    let text =
      "\(name) (\(r.partnerID)) · \(ids.joined(separator: ", ")) · total \(money(r.totals.total)) \(currency)"
      + " · b: per agreement · Enter opens the partner"
    _ = buffer.put([StyledText(text, style: theme.muted)], x: footer.x, y: footer.y, maxWidth: footer.width)
  }
}
