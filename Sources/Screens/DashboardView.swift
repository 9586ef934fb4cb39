import Dashboard
import Presentation
import Scoring
import TerminalUI

/// `view(state)`: the whole screen as a cell buffer, for any backend.
public enum DashboardView {
  public static func render(_ s: DashboardState, theme: Theme = Theme(), glyphs: Glyphs) -> CellBuffer {
    var buffer = CellBuffer(width: max(0, s.width), height: max(0, s.height))
    guard s.width > 0 && s.height > 0 else { return buffer }
    if s.tooSmall {
      tooSmall(&buffer, glyphs: glyphs)
      return buffer
    }
    let body = Rect(x: 0, y: 0, width: s.width, height: s.height - 1)
    if s.book.periods.isEmpty {
      CenteredMessage("No metrics in the store yet: import a metrics.csv").render(
        in: body, buffer: &buffer, glyphs: glyphs)
    } else {
      switch s.screen {
      case .leaderboard:
        if let page = s.leaderboardPage {
          LeaderboardScreen(page: page, theme: theme).render(in: body, buffer: &buffer, glyphs: glyphs)
        }
      case .partner:
        PartnerScreen(model: s.detail?.model, scroll: s.detailScroll, theme: theme).render(
          in: body, buffer: &buffer, glyphs: glyphs)
      case .overview:
        OverviewScreen(model: s.overviewState.model, scroll: s.overviewState.scroll, theme: theme).render(
          in: body, buffer: &buffer, glyphs: glyphs)
      case .trends:
        TrendsScreen(page: s.trendsPage, theme: theme).render(in: body, buffer: &buffer, glyphs: glyphs)
      case .changes, .payouts, .fairness, .whatIf:
        let context = ScreenContext(s)
        let screen: any Widget =
          switch s.screen {
          case .changes: ChangesScreen(changes: s.changesState, context: context, theme: theme)
          case .payouts: PayoutsScreen(payouts: s.payoutsState, context: context, theme: theme)
          case .fairness: FairnessScreen(fairness: s.fairnessState, context: context, theme: theme)
          default: WhatIfScreen(whatIf: s.whatIfState, context: context, theme: theme)
          }
        screen.render(in: body, buffer: &buffer, glyphs: glyphs)
      case .qbr: QBRScreen(qbr: s.qbr, theme: theme).render(in: body, buffer: &buffer, glyphs: glyphs)
      case .pilot:
        PilotScreen(
          pilot: s.pilotState, program: s.book.program, coverage: s.book.coverage(s.period),
          cohorts: s.pilotState.cohortCount, theme: theme
        ).render(in: body, buffer: &buffer, glyphs: glyphs)
      case .roi:
        ProgramReturnScreen(
          state: s.returnState, program: s.book.program, coverage: s.book.coverage(s.period), theme: theme
        ).render(in: body, buffer: &buffer, glyphs: glyphs)
      }
    }
    if let panel = s.filterPanel {
      FilterPanelView(panel: panel, context: ScreenContext(s), theme: theme)
        .render(in: body, buffer: &buffer, glyphs: glyphs)
    }
    if let panel = s.columnPanel {
      ColumnPanelView(panel: panel, columns: s.columns, context: ScreenContext(s), theme: theme)
        .render(in: body, buffer: &buffer, glyphs: glyphs)
    }
    if let picker = s.bookPicker {
      BookPickerView(picker: picker, current: s.leaderboard.filter.manager, theme: theme)
        .render(in: body, buffer: &buffer, glyphs: glyphs)
    }
    if s.showHelp {
      var help = HelpScreen.overlay(program: s.book.program)
      help.offset = s.helpScroll
      help.render(in: body, buffer: &buffer, glyphs: glyphs)
    }
    statusBar(s).render(
      in: Rect(x: 0, y: s.height - 1, width: s.width, height: 1), buffer: &buffer, glyphs: glyphs)
    if !glyphs.isUnicode { ASCIIFallback.apply(to: &buffer) }
    return buffer
  }

  /// What a terminal under the minimum size shows instead of a screen.
  static func tooSmall(_ buffer: inout CellBuffer, glyphs: Glyphs) {
    CenteredMessage([
      "Terminal too small",
      "\(buffer.width)x\(buffer.height): partnerboard needs \(DashboardState.minimumWidth)x\(DashboardState.minimumHeight)",
      "Enlarge the window, or press q to quit",
    ]).render(in: buffer.area, buffer: &buffer, glyphs: glyphs)
  }

  static func statusBar(_ s: DashboardState) -> StatusBar {
    if let search = s.search {
      let n = s.leaderboard.count
      return StatusBar(
        hints: [.init("Enter", "keep"), .init("Esc", "cancel")],
        message: "/" + search.text + "_   "
          + (n == 0 ? "no match" : n == 1 ? "1 match" : "\(NumberFormat.grouped(Double(n), 0)) matches"))
    }
    if let prompt = s.exportPrompt {
      return StatusBar(
        hints: [
          .init("Enter", "write"), .init("Tab", s.screen == .qbr ? "html/md" : "csv/md/json"),
          .init("Esc", "cancel"),
        ],
        message: "export to: " + prompt.text + "_")
    }
    if let line = s.commandLine {
      let offered = line.candidates.isEmpty ? "" : "   " + line.candidates.prefix(12).joined(separator: " ")
      return StatusBar(
        hints: [.init("Tab", "complete"), .init("Enter", "run"), .init("Esc", "cancel")],
        message: ":" + line.text + "_" + offered)
    }
    let hints: [StatusBar.Hint]
    if let message = s.message, !message.isEmpty, !s.showHelp, s.filterPanel == nil {
      // A message (an export's path, a reload) needs the room more than the
      // hints; an error says so in words, not by colour alone.
      return StatusBar(
        hints: [.init("?", "help")],
        message: s.failed && !message.hasPrefix("error") ? "error: " + message : message,
        messageStyle: s.failed ? Style(bold: true) : .plain)
    }
    if let stale = s.stale, !s.showHelp, s.filterPanel == nil {
      // Stays until a reload succeeds: every number on screen may be old.
      return StatusBar(
        hints: [.init("r", "retry")], message: "stale: " + stale, messageStyle: Style(bold: true))
    }
    if s.showHelp {
      hints = [.init("↑↓ PgDn", "scroll"), .init("any key", "close help"), .init("q", "quit")]
    } else if s.columnPanel != nil {
      hints = [.init("↑↓", "column"), .init("Space", "show/hide"), .init("Esc", "done")]
    } else if s.bookPicker != nil {
      hints = [.init("type", "find"), .init("↑↓", "book"), .init("Enter", "show"), .init("Esc", "keep")]
    } else if s.filterPanel != nil {
      hints = [.init("↑↓", "field"), .init("←→", "value"), .init("type", "text"), .init("Enter", "done")]
    } else {
      hints = Self.hints(s.screen, s)
    }
    return StatusBar(hints: hints, message: s.message ?? "")
  }
}
