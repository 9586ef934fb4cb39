import Dashboard
import Presentation
import Scoring
import TerminalUI
import TextLayout

/// Screen 0: what the outcome agreements paid and what their outcomes
/// gained (SPEC section 14): the program's cash return and payback in
/// words, each quarter's paid and cash gain with the running net as a bar
/// either side of zero (it crosses zero at payback), and the KPIs.
struct ProgramReturnScreen: Widget {
  let state: ReturnState
  let program: Program
  let coverage: QuarterCoverage?
  let theme: Theme

  func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    guard let roi = state.roi else {
      CenteredMessage("No quarter with data yet").render(in: rect, buffer: &buffer, glyphs: glyphs)
      return
    }
    let currency = program.currency
    let title = QuarterTitle.appending(
      coverage,
      to: [
        StyledText(" Program return ", style: theme.title), " ",
        StyledText(program.name, style: theme.heading),
        StyledText(" · up to \(roi.period)", style: theme.heading),
      ], shrinking: 2, width: rect.width, theme: theme)
    _ = buffer.put(title, x: rect.x, y: rect.y, maxWidth: rect.width)
    guard roi.firstPayout != nil || !roi.kpis.isEmpty else {
      CenteredMessage([
        "No outcome agreement up to \(roi.period)",
        "Import an agreements.csv: the return weighs what they paid against what their outcomes gained.",
      ]).render(
        in: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1), buffer: &buffer,
        glyphs: glyphs)
      return
    }
    // The return, then when it paid back and why it is a lower bound: wrapped, never cut.
    let good = (roi.cashROI ?? 0) >= 0
    let words = [OutcomeText.payback(roi), OutcomeText.lowerBound(currency: currency)].compactMap { $0 }
      .joined(separator: " ")
    let summary = OutcomeText.returnSummary(roi, currency: currency) + "."
    let lines = min(4, Text.wrap(summary + " " + words, width: rect.width).count)
    Text(spans: [
      StyledText(summary, style: good ? theme.good : theme.warn), StyledText(" " + words, style: theme.muted),
    ]).render(
      in: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: lines), buffer: &buffer, glyphs: glyphs)

    // The quarters, then the KPIs (as many as fit, at most half the room).
    let top = rect.y + 2 + lines
    let room = rect.maxY - top
    let kpiHeight = min(roi.kpis.count + 1, max(3, room / 2))
    let quarterRect = Rect(
      x: rect.x, y: top, width: rect.width, height: min(roi.periods.count + 1, room - kpiHeight - 1))
    QuarterChart(roi: roi, theme: theme).render(in: quarterRect, buffer: &buffer, glyphs: glyphs)
    kpis(roi).fitting(width: rect.width).render(
      in: Rect(x: rect.x, y: quarterRect.maxY + 1, width: rect.width, height: kpiHeight), buffer: &buffer,
      glyphs: glyphs)
  }

  func kpis(_ roi: ProgramROI) -> Table {
    let rows = roi.kpis
    let money = { (x: Double) in NumberFormat.grouped(x, 2) }
    let agreements = rows.map { String($0.agreements) }
    let paid = rows.map { money($0.paid) }
    let gain = rows.map { NumberFormat.value($0.gain, unit: $0.kpi.unit, currency: program.currency) }
    let perPaid = rows.map { $0.gainPerPaid.map { NumberFormat.fixed($0, 4) } ?? "—" }
    let ratio = rows.map { OutcomeText.ratio($0.roi) }
    return Table(
      columns: [
        .init("KPI", width: .fixed(min(30, rows.map { TextWidth.of($0.kpi.name) }.max() ?? 3))),
        NumberColumn.fitted("Agreements", agreements),
        NumberColumn.fitted("Paid", paid), NumberColumn.fitted("Gain", gain),
        NumberColumn.fitted("Gain per paid", perPaid), NumberColumn.fitted("ROI", ratio),
      ], rowCount: rows.count, selected: state.selected
    ) { i in
      [
        StyledText(rows[i].kpi.name), StyledText(agreements[i]), StyledText(paid[i]), StyledText(gain[i]),
        StyledText(perPaid[i]), StyledText(ratio[i], style: (rows[i].roi ?? 0) < 0 ? theme.bad : .plain),
      ]
    }
  }
}

/// The quarters of the program return: paid, cash gain and the running net
/// (cash gained less paid so far) as a bar left of zero while the program
/// has not paid for itself, right of it after; the payback quarter marked.
/// Shows the latest quarters that fit.
struct QuarterChart: Widget {
  let roi: ProgramROI
  let theme: Theme

  func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    guard rect.height >= 2 else { return }
    let rows = roi.periods
    let money = { (x: Double) in NumberFormat.grouped(x, 2) }
    let paid = rows.map { money($0.paid) }
    let gain = rows.map { money($0.cashGain) }
    let net = rows.map { NumberFormat.grouped($0.cumulativeNet, 2) }
    let mark = "payback"
    let columns: [Table.Column] = [
      .init("Quarter", width: .fixed(7)), NumberColumn.fitted("Paid", paid),
      NumberColumn.fitted("Cash gain", gain), NumberColumn.fitted("Net so far", net),
      .init("below 0 until paid back", width: .flex(1)),
    ]
    let visible = Table.visibleRows(in: rect)
    let table = Table(
      columns: columns, rowCount: rows.count, offset: max(0, rows.count - visible), showsMarker: false
    ) { i in
      [
        StyledText(rows[i].period.description), StyledText(paid[i]), StyledText(gain[i]),
        StyledText(net[i], style: rows[i].cumulativeNet < 0 ? theme.bad : .plain), "",
      ]
    }
    let fitted = table.fitting(width: rect.width)
    fitted.render(in: rect, buffer: &buffer, glyphs: glyphs)
    // The bars, drawn into the last column (when it fits): zero in its middle.
    guard fitted.columns.count == columns.count else { return }
    let widths = table.columnWidths(width: rect.width)
    let x0 = rect.x + widths.dropLast().reduce(0) { $0 + $1 + 1 }
    let w = widths.last ?? 0
    let half = min(30, (w - TextWidth.of(mark) - 2) / 2)
    guard half >= 2 else { return }
    let maximum = rows.map { abs($0.cumulativeNet) }.max() ?? 0
    let first = max(0, rows.count - visible)
    let axis = glyphs.isUnicode ? "│" : "|"
    for i in 0..<min(visible, rows.count - first) {
      let row = rows[first + i]
      let y = rect.y + 1 + i
      let bar = ValueBar.text(abs(row.cumulativeNet), maximum: maximum, width: half, glyphs: glyphs)
      if row.cumulativeNet < 0 {
        // Left of zero, growing leftwards: drawn right-aligned in the left half.
        let left = String(repeating: glyphs.isUnicode ? "█" : "#", count: TextWidth.of(bar))
        _ = buffer.put(
          [StyledText(TextWidth.pad(left, to: half, align: .right), style: theme.bad)], x: x0, y: y,
          maxWidth: half)
      }
      _ = buffer.put([StyledText(axis, style: theme.muted)], x: x0 + half, y: y, maxWidth: 1)
      if row.cumulativeNet > 0 {
        _ = buffer.put([StyledText(bar, style: theme.good)], x: x0 + half + 1, y: y, maxWidth: half)
      }
      if row.period == roi.payback {
        _ = buffer.put(
          [StyledText(mark, style: theme.heading)], x: x0 + 2 * half + 2, y: y, maxWidth: TextWidth.of(mark))
      }
    }
  }
}
