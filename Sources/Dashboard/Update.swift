import Presentation
import Scoring

/// `update(state, event) -> (state, effects)`: the only way the dashboard's
/// state changes. Every key, mouse action, resize, reload, status and
/// command goes through `apply`, which derives the screens' models last.
public enum Update {
  @discardableResult
  public static func apply(_ event: Event, to s: inout DashboardState) -> [Effect] {
    let effects = dispatch(event, &s)
    s.deriveModels()
    return effects
  }

  static func dispatch(_ event: Event, _ s: inout DashboardState) -> [Effect] {
    switch event {
    case .resize(let w, let h):
      s.width = w
      s.height = h
      s.moveSelection(to: s.selected)
      s.changesState.select(s.changesState.selected, height: h)
      s.payoutsState.select(s.payoutsState.selected, height: h)
      return []
    case .reloaded(let book):
      let source = s.whatIfState.source
      s.replaceBook(book)
      s.message = "reloaded: the store changed"
      s.failed = false
      s.stale = nil
      // A loaded what-if is scored again on the new data.
      return [.prefetch] + (source.map { [.loadProgram(path: $0)] } ?? [])
    case .prefetched(let ahead):
      s.adopt(ahead)
      return []
    case .kept:
      return []  // the kept numbers are the loading phase's
    case .otherProgram(let other, let source):
      s.whatIfState.other = other
      s.whatIfState.source = source
      s.whatIfState.model = nil
      s.whatIfState.selected = 0
      s.screen = .whatIf
      s.message = "what-if: \(other.program.name) (\(source))"
      s.failed = false
      return []
    case .status(let message):
      s.message = message
      s.failed = false
      return []
    case .failed(let message):
      s.message = message
      s.failed = true
      return []
    case .stale(let why):
      s.stale = why
      s.message = nil
      return []
    case .command(let command):
      return apply(command, &s)
    case .mouse(let x, let y, let action):
      return mouse(x: x, y: y, action: action, &s)
    case .key(let key):
      if key == .ctrlC { return [.quit] }
      s.message = nil
      s.failed = false
      if s.search != nil { return searchKey(key, &s) }
      if s.commandLine != nil { return commandLineKey(key, &s) }
      if s.exportPrompt != nil { return exportKey(key, &s) }
      if s.filterPanel != nil { return filterKey(key, &s) }
      if s.columnPanel != nil { return columnKey(key, &s) }
      if s.bookPicker != nil { return bookPickerKey(key, &s) }
      if s.showHelp {
        switch key {
        case .char("q"): return [.quit]
        // Scroll where the help does not fit; any other key closes it.
        case .down, .char("j"):
          s.helpScroll = min(
            s.helpScroll + 1, KeyHelp.maxScroll(width: s.width, height: s.height, program: s.book.program))
        case .up, .char("k"): s.helpScroll = max(0, s.helpScroll - 1)
        case .pageDown, .char(" "):
          s.helpScroll = min(
            s.helpScroll + max(1, s.height - 6),
            KeyHelp.maxScroll(width: s.width, height: s.height, program: s.book.program))
        case .pageUp: s.helpScroll = max(0, s.helpScroll - max(1, s.height - 6))
        default: s.showHelp = false
        }
        return []
      }
      if s.screen == .qbr { return qbrKey(key, &s) }
      return globalKey(key, &s)
    }
  }

  static func fieldTitle(_ f: LeaderboardField, _ s: DashboardState) -> String {
    switch f {
    case .column(let c): c.title
    case .kpi(let k): s.book.program.kpis[k].name
    }
  }

  /// The column chooser: ↑↓ move, Space or Enter switches a column on or off, Esc or c closes.
  static func columnKey(_ key: Key, _ s: inout DashboardState) -> [Effect] {
    let columns = ColumnChoice.optional
    let count = columns.count + s.book.program.kpis.count
    var panel = s.columnPanel!
    switch key {
    case .escape, .char("c"), .char("q"):
      s.columnPanel = nil
      s.columnCursor = min(s.columnCursor, s.visibleFields.count - 1)
      return []
    case .down, .char("j"): panel.cursor = min(panel.cursor + 1, count - 1)
    case .up, .char("k"): panel.cursor = max(0, panel.cursor - 1)
    case .char(" "), .enter:
      if panel.cursor < columns.count {
        s.columns.toggle(columns[panel.cursor], width: s.width)
      } else {
        s.columns.toggle(kpi: panel.cursor - columns.count)
      }
    default: break
    }
    s.columnPanel = panel
    return []
  }

  /// Commands: the changes keys make, asked for by name.
  static func apply(_ command: Command, _ s: inout DashboardState) -> [Effect] {
    switch command {
    case .payoutQuarter(let q): s.payoutsState.quarter = q
    case .maskPayouts(let on): s.payoutsState.masked = on
    case .fairness(let g):
      s.fairnessState.grouping = g
      s.screen = .fairness
    case .pilot(let cohort):
      if let cohort { s.pilotState.cohort = cohort }
      s.screen = .pilot
    case .show(let screen):
      switch screen {
      case .whatIf where s.whatIfState.other == nil: break
      case .partner: s.openDetail(s.detailPartner ?? s.selectedPartner)
      case .qbr: if let p = s.selectedPartner { s.openQBR(p) }
      default: s.screen = screen
      }
    case .help: s.showHelp = true
    case .openPartner(let p): if s.book.partners.indices.contains(p) { s.openDetail(p) }
    case .openQBR(let p, let standalone):
      if s.book.partners.indices.contains(p) { s.openQBR(p, standalone: standalone) }
    case .qbrSlide(let n): s.qbr?.slide = max(0, min(n, QBRModel.slideTitles.count - 1))
    case .maskAmounts(let on): s.qbr?.masked = on
    case .chooseKPI(let k): if s.book.program.kpis.indices.contains(k) { s.trendsState.kpi = k }
    case .filterSegment(let segment): s.setFilter(segment: segment)
    case .book(let manager):
      var f = s.leaderboard.filter
      f.manager = manager
      s.rebuild(filter: f)
    }
    return []
  }

  static func globalKey(_ key: Key, _ s: inout DashboardState) -> [Effect] {
    switch key {
    case .char("q"): return [.quit]
    case .char("?"):
      s.showHelp = true
      return []
    case .char("r"): return [.reload]
    case .char("["), .char("]"):
      ScreenRegistry.unit(s.screen).step(key == .char("[") ? -1 : 1, &s)
      return []
    case .tab:
      s.screen = ScreenRegistry.next(after: s)
      return []
    case .char(let c) where ScreenRegistry.opened(by: c) != nil:
      ScreenRegistry.opened(by: c)!.open(&s)
      return []
    case .char(":"):
      s.commandLine = Prompt()
      return []
    case .char("e"):
      // Ask for the file: the view's name, CSV; Tab changes the format.
      s.exportPrompt = Prompt(text: exportTable(s).stem + ".csv")
      return []
    case .char("p"):
      let p = s.screen == .partner ? s.detailPartner : s.selectedPartner
      if let p, s.book.isEvaluated(p, s.period) {
        s.openQBR(p)
      } else {
        s.message = "no partner with data selected for a QBR"
      }
      return []
    default: break
    }
    return ScreenRegistry.unit(s.screen).update(key, &s)
  }

  /// Overview: Esc goes back; its own state scrolls.
  static func overviewKey(_ key: Key, _ s: inout DashboardState) -> [Effect] {
    if key == .escape || key == .backspace {
      s.screen = .leaderboard
    } else {
      _ = s.overviewState.scroll(key, page: max(1, s.height - 4))
    }
    return []
  }

  /// What-if: ↑↓ over the winners and losers, Enter opens the partner.
  static func whatIfKey(_ key: Key, _ s: inout DashboardState) -> [Effect] {
    if move(key, &s.whatIfState.selected, count: s.whatIfState.model?.list.count ?? 0) { return [] }
    switch key {
    case .enter, .right, .char("l"):
      if let m = s.whatIfState.model, m.list.indices.contains(s.whatIfState.selected) {
        s.openDetail(m.list[s.whatIfState.selected].partner)
      }
    case .char("f"): s.filterPanel = FilterPanel(field: .segment)
    case .char("x"): s.rebuild(filter: s.clearedFilter)
    case .escape, .backspace, .left, .char("h"): s.screen = .leaderboard
    default: break
    }
    return []
  }

  /// Fairness: ↑↓ over the groups, `b` segment or region, Enter shows the
  /// group's partners on the leaderboard.
  static func fairnessKey(_ key: Key, _ s: inout DashboardState) -> [Effect] {
    let groups = s.fairnessState.review?.groups ?? []
    switch key {
    case .down, .char("j"):
      s.fairnessState.selected = min(s.fairnessState.selected + 1, max(0, groups.count - 1))
    case .up, .char("k"): s.fairnessState.selected = max(0, s.fairnessState.selected - 1)
    case .char("b"):
      s.fairnessState.grouping = s.fairnessState.grouping == .segment ? .region : .segment
      s.fairnessState.selected = 0
    case .enter:
      guard groups.indices.contains(s.fairnessState.selected) else { break }
      let g = groups[s.fairnessState.selected]
      var f = s.clearedFilter
      if s.fairnessState.grouping == .segment { f.segment = g.id } else { f.region = g.id }
      s.rebuild(filter: f)
      s.screen = .leaderboard
      s.message = "showing \(g.name): x clears the filter"
    case .escape, .backspace, .left, .char("h"): s.screen = .leaderboard
    default: break
    }
    return []
  }

  /// The export prompt: edit the file name; Tab cycles .csv, .md, .json;
  /// Enter writes; Esc cancels.
  static func exportKey(_ key: Key, _ s: inout DashboardState) -> [Effect] {
    var text = s.exportPrompt!.text
    switch key {
    case .escape:
      s.exportPrompt = nil
      s.message = "export cancelled"
      return []
    case .enter:
      s.exportPrompt = nil
      if text.isEmpty { return [] }
      if s.screen == .qbr { return exportPack(&s, as: text) }
      switch ExportName.checked(text) {
      case .failure(let e):
        s.message = e.message
        return []
      case .success(let name):
        guard let effect = export(s, as: name) else { return [] }
        return [effect]
      }
    case .tab where s.screen == .qbr:
      // A QBR pack is HTML or Markdown.
      let stem = text.lowercased().hasSuffix(".html") ? String(text.dropLast(5)) : text
      text = stem.lowercased().hasSuffix(".md") ? String(stem.dropLast(3)) + ".html" : stem + ".md"
    case .tab:
      let formats = ExportFormat.allCases
      if let current = ExportFormat(path: text), let dot = text.lastIndex(of: ".") {
        let next = formats[(formats.firstIndex(of: current)! + 1) % formats.count]
        text = String(text[..<dot]) + "." + next.rawValue
      } else {
        text += ".csv"
      }
    case .backspace:
      if !text.isEmpty { text.removeLast() }
    case .char(let c):
      text.append(c)
    default: break
    }
    s.exportPrompt!.text = text
    return []
  }

  /// The `:` line: type, Tab completes, Enter runs, Esc (or Backspace on an empty line) closes.
  static func commandLineKey(_ key: Key, _ s: inout DashboardState) -> [Effect] {
    switch key {
    case .escape:
      s.commandLine = nil
    case .backspace:
      if s.commandLine!.text.isEmpty { s.commandLine = nil } else { s.commandLine!.text.removeLast() }
    case .tab:
      let (text, candidates) = CommandPrompt.complete(s.commandLine!.text, book: s.book, paths: s.listPaths)
      s.commandLine!.text = text
      s.commandLine!.candidates = candidates
    case .enter:
      let text = s.commandLine!.text
      s.commandLine = nil
      switch CommandPrompt.parse(text, book: s.book) {
      case .failure(let e):
        s.message = e.message
        s.failed = true
      case .success(let command): return run(command, &s)
      }
    case .char(let c):
      s.commandLine!.text.append(c)
      s.commandLine!.candidates = []
    default: break
    }
    return []
  }

  static func run(_ command: LineCommand, _ s: inout DashboardState) -> [Effect] {
    var filter = s.leaderboard.filter
    switch command {
    case .quit: return [.quit]
    case .help: s.showHelp = true
    case .show(let screen):
      if screen == .whatIf && s.whatIfState.other == nil {
        s.message = "no program to compare yet: :compare PATH.toml loads one"
      } else {
        s.screen = screen
      }
    case .compare(let path):
      s.message = "loading \(path)…"
      return [.loadProgram(path: path)]
    case .fairness(let g):
      if let g { s.fairnessState.grouping = g }
      s.screen = .fairness
    case .pilot(let cohort):
      if let cohort { s.pilotState.cohort = cohort }
      s.screen = .pilot
    case .period(let p): if let t = s.book.periodIndex(p) { s.setPeriod(t) }
    case .segment(let v):
      filter.segment = v
      s.rebuild(filter: filter)
    case .region(let v):
      filter.region = v
      s.rebuild(filter: filter)
    case .tier(let v):
      filter.tier = v
      s.rebuild(filter: filter)
    case .flag(let v):
      filter.flag = v
      s.rebuild(filter: filter)
    case .manager(let m): return showBook(m, &s)
    case .since(let p):
      if let p, let b = s.book.periodIndex(p) {
        guard b < s.period else {
          s.message = "\(p) is not before \(s.book.periods[s.period]): :since takes an earlier quarter"
          s.failed = true
          return []
        }
        compareChanges(back: s.period - b, &s)
      } else {
        compareChanges(back: 1, &s)
      }
      s.screen = .changes
    case .pickBook:
      s.bookPicker = BookPicker(partners: s.book.partners, current: filter.manager)
    case .clearFilters:
      s.rebuild(filter: s.clearedFilter)
      s.message = "filters cleared"
    case .sort(let column, let valuesDescend):
      // `ascending` is the column's natural order (best first, A to Z).
      let natural = valuesDescend.map { $0 == column.naturalOrderDescends } ?? true
      s.rebuild(sort: column, ascending: natural)
      s.screen = .leaderboard
      s.message = "sorted by \(column.title)\(natural ? "" : ", reversed")"
    case .export(let name):
      guard let name else { return [export(s)] }
      switch ExportName.checked(name) {
      case .failure(let e): s.message = e.message
      case .success(let checked):
        guard let effect = export(s, as: checked) else { return [] }
        return [effect]
      }
    }
    return []
  }

  /// A movement key over a short list of `count` rows (a page is half of
  /// them): moves `selected` and returns true; false for another key.
  static func move(_ key: Key, _ selected: inout Int, count: Int) -> Bool {
    guard let j = listTarget(key, from: selected, count: count, page: max(1, count / 2)) else { return false }
    selected = max(0, min(j, count - 1))
    return true
  }

  /// The keys that go back from a screen: Esc, Backspace, ← and h.
  static func isBack(_ key: Key) -> Bool {
    switch key {
    case .escape, .backspace, .left, .char("h"): true
    default: false
    }
  }

  /// The one meaning of the movement keys in a list of `count` rows with
  /// `page` rows on screen: the row to go to from `i`, or nil for another key.
  static func listTarget(_ key: Key, from i: Int, count: Int, page: Int) -> Int? {
    switch key {
    case .down, .char("j"): i + 1
    case .up, .char("k"): i - 1
    case .pageDown: i + page
    case .pageUp: i - page
    case .char("g"), .home: 0
    case .char("G"), .end: count - 1
    default: nil
    }
  }

  /// Payouts: ↑↓ j k move, Enter opens the partner, m hides amounts, f filters.
  static func payoutsKey(_ key: Key, _ s: inout DashboardState) -> [Effect] {
    guard let model = s.payoutsState.model else { return [] }
    let page = PayoutsState.visibleRows(height: s.height)
    let i = s.payoutsState.selected
    if let j = listTarget(key, from: i, count: model.count, page: page) {
      s.payoutsState.select(j, height: s.height)
      return []
    }
    switch key {
    case .enter, .right, .char("l"):
      if let p = model.partner(onRow: i) { s.openDetail(p) }
    case .char("y"):
      s.payoutsState.wholeYear.toggle()
      s.message =
        s.payoutsState.wholeYear ? "the whole year's agreements (y: one quarter)" : "one quarter's agreements"
    case .char("b"):
      s.payoutsState.byPartner.toggle()
      s.message =
        s.payoutsState.byPartner ? "one row per partner (b: per agreement)" : "one row per agreement"
    case .char("m"):
      s.payoutsState.masked.toggle()
      s.message = s.payoutsState.masked ? "amounts hidden (m shows them)" : "amounts shown"
    case .char("f"): s.filterPanel = FilterPanel(field: .segment)
    case .char("x"): s.rebuild(filter: s.clearedFilter)
    case .escape, .backspace, .left, .char("h"): s.screen = .leaderboard
    default: break
    }
    return []
  }

  /// Changes: ↑↓ j k move over partners, { } jump between sections, Enter opens the partner.
  static func changesKey(_ key: Key, _ s: inout DashboardState) -> [Effect] {
    guard let model = s.changesState.model else { return [] }
    let page = ChangesState.visibleLines(height: s.height)
    let i = s.changesState.selected
    if let j = listTarget(key, from: i, count: model.count, page: page) {
      s.changesState.select(j, height: s.height)
      return []
    }
    switch key {
    case .char("}"):
      if let j = model.entry(inSectionAfter: i, forward: true) { s.changesState.select(j, height: s.height) }
    case .char("{"):
      // To the start of this section first, then to the one before.
      let kind = model.changes.entries.indices.contains(i) ? model.changes.entries[i].kind : nil
      let start = model.changes.entries.firstIndex { $0.kind == kind }
      if let start, start < i {
        s.changesState.select(start, height: s.height)
      } else if let j = model.entry(inSectionAfter: i, forward: false) {
        let k = model.changes.entries[j].kind
        s.changesState.select(model.changes.entries.firstIndex { $0.kind == k } ?? j, height: s.height)
      }
    case .enter, .right, .char("l"):
      if model.changes.entries.indices.contains(i) { s.openDetail(model.changes.entries[i].partner) }
    case .char("("): compareChanges(back: s.changesState.back + 1, &s)
    case .char(")"): compareChanges(back: s.changesState.back - 1, &s)
    case .char("f"): s.filterPanel = FilterPanel(field: .segment)
    case .char("x"): s.rebuild(filter: s.clearedFilter)
    case .escape, .backspace, .left, .char("h"): s.screen = .leaderboard
    default: break
    }
    return []
  }

  /// Changes compared with the quarter `back` before the one shown (at
  /// least 1, at most the first quarter), saying which.
  static func compareChanges(back: Int, _ s: inout DashboardState) {
    let most = max(1, s.period)
    let clamped = max(1, min(back, most))
    s.changesState.back = clamped
    guard s.book.periods.indices.contains(s.period - clamped) else {
      s.message = "the first quarter: nothing to compare with"
      return
    }
    let compared = s.book.periods[s.period - clamped]
    s.message =
      back > most
      ? "compared with \(compared), the first quarter"
      : back < 1 ? "compared with the quarter before" : "compared with \(compared)"
  }

  static func leaderboardKey(_ key: Key, _ s: inout DashboardState) -> [Effect] {
    if let j = listTarget(key, from: s.selected, count: s.leaderboard.count, page: s.tableHeight) {
      s.moveSelection(to: j)
      return []
    }
    switch key {
    case .enter, .right, .char("l"): s.openDetail(s.selectedPartner)
    // A new search starts empty (the filter shown is put back on Esc).
    case .char("/"): s.search = Prompt(text: "", restore: s.leaderboard.filter.text)
    case .char("n"): findNext(s.lastSearch, forward: true, &s)
    case .char("N"): findNext(s.lastSearch, forward: false, &s)
    case .char(">"), .char("<"):
      // The column cursor: the header of the column `s` sorts by.
      let n = s.visibleFields.count
      s.columnCursor = max(0, min(n - 1, s.columnCursor + (key == .char(">") ? 1 : -1)))
      s.message = "column \(fieldTitle(s.cursorField, s)): s sorts by it"
    case .char("s"):
      // Sort by the column under the cursor; again on the same column reverses.
      let field = s.cursorField
      if field == s.leaderboard.sortField {
        s.rebuild(ascending: !s.leaderboard.ascending)
      } else {
        switch field {
        case .column(let c) where c.sortable: s.rebuild(sort: c, ascending: true)
        case .column: s.message = "the trend column cannot be sorted: < > choose another"
        case .kpi(let k): s.rebuild(ascending: true, sortKPI: .some(k))
        }
      }
      if s.message == nil { s.message = "sorted by \(s.leaderboard.sortTitle), \(s.leaderboard.orderWords)" }
    case .char("c"): s.columnPanel = ColumnPanel()
    case .char("S"):
      s.rebuild(ascending: !s.leaderboard.ascending)
      s.message = "sorted by \(s.leaderboard.sort.title), \(s.leaderboard.orderWords)"
    case .char("f"): s.filterPanel = FilterPanel()
    case .char("x"):
      s.rebuild(filter: s.clearedFilter)
      s.message = "filters cleared"
    case .escape:
      if !s.leaderboard.filter.isEmpty {
        s.rebuild(filter: s.clearedFilter)
        s.message = "filters cleared"
      }
    default: break
    }
    return []
  }

  /// QBR: Space → l PgDn forward, ← h Backspace PgUp back, 1-7 jump, m masks money, q Esc leave.
  static func qbrKey(_ key: Key, _ s: inout DashboardState) -> [Effect] {
    guard var q = s.qbr else { return [] }
    let last = QBRModel.slideTitles.count - 1
    switch key {
    case .char(" "), .right, .char("l"), .pageDown, .enter: q.slide = min(last, q.slide + 1)
    case .left, .char("h"), .backspace, .pageUp: q.slide = max(0, q.slide - 1)
    case .char(let c) where c.isNumber:
      if let n = c.wholeNumberValue, n >= 1, n <= last + 1 { q.slide = n - 1 }
    case .char("m"): q.masked.toggle()
    case .char("e"):
      // The pack the partner keeps: HTML (Tab: Markdown), named for the partner and quarter.
      s.exportPrompt = Prompt(text: qbrStem(s, q) + ".html")
    case .char("q"), .escape:
      if q.standalone { return [.quit] }
      s.screen = q.returnTo
      s.qbr = nil
      return []
    case .char("?"): s.showHelp = true
    default: break
    }
    s.qbr = q
    return []
  }

  static func trendsKey(_ key: Key, _ s: inout DashboardState) -> [Effect] {
    guard let model = s.trends else { return [] }
    if s.trendsState.focusOnMovers {
      let movers = model.moverList
      switch key {
      case .down, .char("j"): s.trendsState.mover = min(s.trendsState.mover + 1, max(0, movers.count - 1))
      case .up, .char("k"): s.trendsState.mover = max(0, s.trendsState.mover - 1)
      case .enter:
        if s.trendsState.mover < movers.count { s.openDetail(movers[s.trendsState.mover].partner) }
      case .escape, .left, .char("h"), .char("m"): s.trendsState.focusOnMovers = false
      default: break
      }
      return []
    }
    let order = model.rows.map(\.kpi)
    let i = order.firstIndex(of: s.trendsState.kpi) ?? 0
    switch key {
    case .down, .char("j"): s.trendsState.kpi = order[min(i + 1, order.count - 1)]
    case .up, .char("k"): s.trendsState.kpi = order[max(i - 1, 0)]
    case .right, .char("l"), .char("m"):
      if !model.moverList.isEmpty {
        s.trendsState.focusOnMovers = true
        s.trendsState.mover = 0
      }
    case .char("f"): s.filterPanel = FilterPanel(field: .segment)
    case .char("x"): s.rebuild(filter: s.clearedFilter)
    case .escape, .backspace: s.screen = .leaderboard
    default: break
    }
    return []
  }

  static func detailKey(_ key: Key, _ s: inout DashboardState) -> [Effect] {
    switch key {
    case .escape, .backspace, .left, .char("h"): s.screen = s.detail?.returnTo ?? .leaderboard
    case .down, .char("j"): s.scrollDetail(by: 1)
    case .up, .char("k"): s.scrollDetail(by: -1)
    case .pageDown: s.scrollDetail(by: max(1, s.height - 4))
    case .pageUp: s.scrollDetail(by: -max(1, s.height - 4))
    case .char("g"), .home: s.detail?.scroll = 0
    default: break
    }
    return []
  }

  /// `/`: the leaderboard filters as the user types (name or id, case and
  /// accents aside); Enter keeps the filter, Esc puts the previous one back.
  static func searchKey(_ key: Key, _ s: inout DashboardState) -> [Effect] {
    func filter(_ text: String) {
      var f = s.leaderboard.filter
      f.text = text
      if f != s.leaderboard.filter { s.rebuild(filter: f) }
    }
    switch key {
    case .escape:
      filter(s.search!.restore)
      s.search = nil
    case .enter:
      let text = s.search!.text
      s.search = nil
      s.lastSearch = text
      if text.isEmpty { return [] }
      s.message = Phrases.matches(s.leaderboard.count, text)
      s.failed = s.leaderboard.count == 0
    case .backspace:
      if !s.search!.text.isEmpty { s.search!.text.removeLast() }
      filter(s.search!.text)
    case .char(let c):
      s.search!.text.append(c)
      filter(s.search!.text)
    default: break
    }
    return []
  }

  /// Moves to the next row whose name or id contains `text` (`PartnerSearch`: case and accents aside), wrapping.
  static func findNext(
    _ text: String, forward: Bool, _ s: inout DashboardState, includeCurrent: Bool = false,
    quiet: Bool = false
  ) {
    guard !text.isEmpty, s.leaderboard.count > 0 else {
      if !quiet { s.message = "type / to search" }
      return
    }
    let search = PartnerSearch(text)
    let n = s.leaderboard.count
    let start = includeCurrent ? 0 : 1
    for step in start...n {
      let i = ((s.selected + (forward ? step : -step)) % n + n) % n
      let partner = s.book.partners[s.leaderboard.partners[i]]
      if search.matches(partner) {
        s.moveSelection(to: i)
        return
      }
    }
    if !quiet { s.message = "no partner matches \"\(text)\"" }
  }

  static func filterKey(_ key: Key, _ s: inout DashboardState) -> [Effect] {
    var panel = s.filterPanel!
    var filter = s.leaderboard.filter
    let fields = FilterPanel.Field.allCases
    func cycle(_ values: [String], _ current: String?, _ step: Int) -> String? {
      let options: [String?] = [nil] + values
      let i = options.firstIndex(of: current) ?? 0
      return options[((i + step) % options.count + options.count) % options.count]
    }
    func change(_ step: Int) {
      switch panel.field {
      case .text: break
      case .segment: filter.segment = cycle(s.book.program.segments.map(\.id), filter.segment, step)
      case .region:
        filter.region = cycle(Array(Set(s.book.partners.map(\.region))).sorted(), filter.region, step)
      case .tier: filter.tier = cycle(s.book.program.tiers.map(\.id), filter.tier, step)
      case .flag:
        let flags = PartnerFlag.allCases
        filter.flag = cycle(flags.map(\.rawValue), filter.flag?.rawValue, step).flatMap(PartnerFlag.init)
      }
    }
    switch key {
    case .escape, .enter:
      s.filterPanel = nil
      return []
    case .down, .tab: panel.field = fields[(panel.field.rawValue + 1) % fields.count]
    case .up, .backTab: panel.field = fields[(panel.field.rawValue + fields.count - 1) % fields.count]
    case .right: change(1)
    case .left: change(-1)
    case .backspace:
      if panel.field == .text, !filter.text.isEmpty { filter.text.removeLast() } else { change(0) }
      if panel.field != .text {
        switch panel.field {
        case .segment: filter.segment = nil
        case .region: filter.region = nil
        case .tier: filter.tier = nil
        case .flag: filter.flag = nil
        case .text: break
        }
      }
    case .char(let c):
      if panel.field == .text {
        filter.text.append(c)
      } else if c == "l" {
        change(1)
      } else if c == "h" {
        change(-1)
      } else if c == "j" {
        panel.field = fields[(panel.field.rawValue + 1) % fields.count]
      } else if c == "k" {
        panel.field = fields[(panel.field.rawValue + fields.count - 1) % fields.count]
      }
    default: break
    }
    s.filterPanel = panel
    if filter != s.leaderboard.filter { s.rebuild(filter: filter) }
    return []
  }

  static func mouse(x: Int, y: Int, action: MouseAction, _ s: inout DashboardState) -> [Effect] {
    guard s.screen == .leaderboard, !s.showHelp else {
      if s.screen == .partner {
        if action == .wheelDown { s.scrollDetail(by: 3) }
        if action == .wheelUp { s.scrollDetail(by: -3) }
      }
      return []
    }
    switch action {
    case .wheelDown: s.moveSelection(to: s.selected + 3)
    case .wheelUp: s.moveSelection(to: s.selected - 3)
    case .click, .doubleClick:
      let row = y - Layout.leaderboardFirstRow + s.scroll
      guard y >= Layout.leaderboardFirstRow, row < s.leaderboard.count else { return [] }
      s.moveSelection(to: row)
      if action == .doubleClick { s.openDetail(s.selectedPartner) }
    }
    return []
  }

  /// The current view's rows for a file: a name stem (view, period and
  /// filters, as slugs) and the table with its context.
  static func exportTable(_ s: DashboardState) -> (stem: String, table: ExportTable) {
    let period = s.book.periods.indices.contains(s.period) ? s.book.periods[s.period].description : "none"
    let program = s.book.program
    let f = s.leaderboard.filter
    // The name search narrows the leaderboard and payouts only; the other
    // views take the book, segment, region, tier and flag: a file names
    // only the filters its rows went through.
    func filters(name: Bool) -> [(String, String)] {
      let all: [(String, String?)] = [
        ("manager", f.manager), ("segment", f.segment), ("region", f.region), ("tier", f.tier),
        ("flag", f.flag?.rawValue), ("name", name && !f.text.isEmpty ? f.text : nil),
      ]
      return all.compactMap { k, v in v.map { (k, $0) } }
    }
    func slug(_ filters: [(String, String)]) -> String {
      filters.map { "-\($0.0)-\(FileSlug.of($0.1))" }.joined()
    }
    let context = [("program", program.name), ("period", period)] + filters(name: true)
    let unsearched = [("program", program.name), ("period", period)] + filters(name: false)
    let filterSlug = slug(filters(name: true))
    func stem(_ view: String, filtered: Bool = true, searched: Bool = true) -> String {
      "partnerboard-\(view)-\(period)" + (filtered ? slug(filters(name: searched)) : "")
    }
    switch s.screen {
    case .trends:
      if let model = s.trendsState.model {
        let kpi = program.kpis[model.kpi]
        return (
          stem("trends-\(FileSlug.of(kpi.id))", searched: false),
          TrendsCSV.table(s.book.program, s.book.periods, model.quarters).titled(
            "KPI trends: \(kpi.name)", unsearched)
        )
      }
    case .whatIf:
      if let model = s.whatIfState.model {
        let other = model.whatIf.other.program.name
        return (
          stem("whatif-\(FileSlug.of(other))", searched: false),
          WhatIfCSV.table(model.whatIf).titled(
            "What-if: \(program.name) → \(other)", unsearched + [("other", other)])
        )
      }
    case .fairness:
      if let review = s.fairnessState.review {
        let by = review.grouping.rawValue
        return (
          stem("fairness-\(by)", filtered: false),
          FairnessCSV.table(review, program: program).titled(
            "Fairness by \(by)", [("program", program.name), ("period", period)])
        )
      }
    case .payouts:
      if let model = s.payoutsState.model {
        let quarter = model.quarter?.description ?? "none"
        var c = context
        let scope = model.wholeYear ? model.quarter.map { String($0.year) } ?? "none" : quarter
        c[1] = (model.wholeYear ? "year" : "quarter", scope)
        let rows =
          model.byPartner
          ? PayoutCSV.partnerTable(model.partnerRows, book: s.book)
          : PayoutCSV.table(model.results, book: s.book)
        return (
          "partnerboard-payouts-\(scope)\(model.byPartner ? "-by-partner" : "")" + filterSlug,
          rows.titled("Payouts", c)
        )
      }
    case .pilot:
      if let review = s.pilotState.review {
        return (
          "partnerboard-pilot-\(FileSlug.of(review.cohort))-\(period)",
          PilotCSV.table(review, program: program).titled(
            "Pilot \(review.cohort)",
            [("program", program.name), ("period", period), ("start", review.start.description)])
        )
      }
    case .roi:
      if let roi = s.returnState.roi {
        return (
          "partnerboard-roi-\(period)",
          ROICSV.table(roi).titled("Program return", [("program", program.name), ("period", period)])
        )
      }
    case .changes:
      if let model = s.changesState.model {
        return (
          stem("changes", searched: false),
          ChangesCSV.table(model.changes, book: s.book).titled("Changes", unsearched)
        )
      }
    case .partner:
      if let p = s.detailPartner,
        let table = PartnerDetailModel.table(book: s.book, partner: p, period: s.period)
      {
        let partner = s.book.partners[p]
        return (
          "partnerboard-\(FileSlug.of(partner.id))-\(period)",
          table.titled("\(partner.name) (\(partner.id))", [("program", program.name), ("period", period)])
        )
      }
    default: break
    }
    return (stem("leaderboard"), s.leaderboard.table().titled("Leaderboard", context))
  }

  /// The QBR pack's suggested name: partner and quarter, and "masked" when
  /// amounts are hidden (the file then holds none).
  static func qbrStem(_ s: DashboardState, _ q: QBRState) -> String {
    let partner = s.book.partners[q.partner]
    let period = s.book.periods.indices.contains(s.period) ? s.book.periods[s.period].description : "none"
    return "partnerboard-qbr-\(FileSlug.of(partner.id))-\(period)" + (q.masked ? "-masked" : "")
  }

  /// The QBR pack written as the name's extension says: .html (one file,
  /// charts inline) or .md; another name is refused with why.
  static func exportPack(_ s: inout DashboardState, as name: String) -> [Effect] {
    guard let q = s.qbr, let model = q.model else { return [] }
    let document = QBRDocument(model: model, masked: q.masked)
    let lower = name.lowercased()
    if lower.hasSuffix(".html") && !lower.hasSuffix("/.html") {
      return [.export(suggestedName: name, contents: document.html())]
    }
    if lower.hasSuffix(".md") && !lower.hasSuffix("/.md") {
      return [.export(suggestedName: name, contents: document.markdown())]
    }
    s.message = "export: a QBR pack is .html or .md, such as \(qbrStem(s, q)).html"
    s.failed = true
    return []
  }

  /// `e` without asking (the view's CSV under its suggested name), as the
  /// tests and `:export` without a name use it.
  static func export(_ s: DashboardState) -> Effect {
    let (stem, table) = exportTable(s)
    return .export(suggestedName: stem + ".csv", contents: table.csv())
  }

  /// The file `name` in the format its extension names; nil for another extension.
  static func export(_ s: DashboardState, as name: String) -> Effect? {
    guard let format = ExportFormat(path: name) else { return nil }
    return .export(suggestedName: name, contents: format.render(exportTable(s).table))
  }
}

/// Screen rows shared by the view and the mouse handler.
public enum Layout {
  /// The leaderboard's first data row: header (2 lines), column titles.
  public static let leaderboardFirstRow = 3
}
