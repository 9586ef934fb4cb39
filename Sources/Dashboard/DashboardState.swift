import Presentation
import Scoring
import TextLayout

/// The screens of the dashboard (`1`-`8`, Tab).
public enum Screen: Equatable, Sendable, CaseIterable {
  case leaderboard
  case partner
  case overview
  case changes
  case trends
  case payouts
  case fairness
  case whatIf
  case qbr
  case pilot
  /// Program return (ROI).
  case roi
}

/// A QBR on screen: whose, which slide, money masked or not, and the
/// slides' data (built in `update` when the QBR opens or its inputs change:
/// the peer statistics scan the whole segment).
public struct QBRState: Sendable {
  public internal(set) var partner: Int
  public internal(set) var slide = 0
  public internal(set) var masked = false
  /// Opened with `partnerboard qbr`: leaving quits instead of going back.
  public internal(set) var standalone = false
  /// The screen to go back to.
  public internal(set) var returnTo: Screen = .leaderboard
  public internal(set) var model: QBRModel?
  init(partner: Int) { self.partner = partner }
}

/// The partner screen: whose, how far scrolled, and its model.
public struct DetailState: Sendable {
  public internal(set) var partner: Int
  public internal(set) var scroll = 0
  /// The screen Esc goes back to (the one the partner was opened from).
  public internal(set) var returnTo: Screen = .leaderboard
  public internal(set) var model: PartnerDetailModel?
  init(partner: Int) { self.partner = partner }
}

/// The trends screen: the chosen KPI (program index), the focus, the
/// selected mover, and its model.
public struct TrendsState: Sendable {
  public internal(set) var kpi = 0
  public internal(set) var focusOnMovers = false
  public internal(set) var mover = 0
  public internal(set) var model: TrendsModel?
}

/// What commands (the `render` and `qbr` commands, `:` lines, tests) ask of
/// the dashboard: the same changes keys make, by name.
public enum Command: Equatable, Sendable {
  case show(Screen)
  case help
  case openPartner(Int)
  case openQBR(Int, standalone: Bool)
  case qbrSlide(Int)
  case maskAmounts(Bool)
  case chooseKPI(Int)
  case filterSegment(String?)
  /// A manager's book (the name as partners.csv spells it; nil: everyone).
  case book(String?)
  /// The Payouts screen's quarter.
  case payoutQuarter(Period)
  case maskPayouts(Bool)
  /// The Fairness screen, by segment or region.
  case fairness(FairnessReview.Grouping)
  /// The Pilot screen, of one cohort (nil: the one shown, else the first).
  case pilot(String?)
}

/// A text prompt at the bottom of the screen (`/` search, `:` commands).
public struct Prompt: Equatable, Sendable {
  public var text = ""
  /// `:`: what Tab offered last.
  public var candidates: [String] = []
  /// `/`: the filter text to put back on Esc.
  public var restore = ""
}

/// The filter panel (`f`): the focused field and the values being edited.
public struct FilterPanel: Equatable, Sendable {
  public enum Field: Int, CaseIterable, Sendable { case text, segment, region, tier, flag }
  public var field: Field = .text
}

/// What the shell must do after an update (I/O stays outside the state machine).
public enum Effect: Equatable, Sendable {
  case quit
  /// Read the store again (off the event loop); answer with `.reloaded` or `.failed`.
  case reload
  /// Write `contents` to a new CSV file named after `suggestedName`, then report where.
  case export(suggestedName: String, contents: String)
  /// Read another program file, check it against the store, score the
  /// store's data under it (off the event loop); answer with `.otherProgram` or `.failed`.
  case loadProgram(path: String)
  /// Build the screens' models ahead on another thread (`preparedAhead`);
  /// answer with `.prefetched`.
  case prefetch
  /// Read the store's kept numbers (while the first scorebook loads);
  /// answer with `.kept`.
  case readKept(KeptRequest)
  /// Remember the book shown for the next start (nil: every partner).
  case rememberBook(String?)
}

/// The whole dashboard as a value: `update` changes it, the screens draw it.
///
/// Only `Update.apply` changes it (every field's setter is internal to this
/// module); it derives every screen's model before it returns, so views only
/// read. Each screen keeps its own part: `board` (the leaderboard),
/// `detail`, `overviewState`, `trendsState`, `changesState`, ... `qbr`.
public struct DashboardState: Sendable {
  /// The leaderboard's own state (the others' are below).
  public internal(set) var board: LeaderboardState
  public internal(set) var book: Scorebook
  public internal(set) var period: Int
  public internal(set) var screen: Screen = .leaderboard
  public internal(set) var showHelp = false {
    didSet { if !showHelp { helpScroll = 0 } }
  }
  /// The first line of the help shown (↑↓ scroll it where it does not fit).
  public internal(set) var helpScroll = 0
  public internal(set) var search: Prompt?
  /// The `:` command line, while open.
  public internal(set) var commandLine: Prompt?
  /// For `:compare` Tab: the paths that start with a prefix (folders end
  /// in `/`). The shell gives the file system's; tests give their own.
  public let listPaths: @Sendable (String) -> [String]
  /// `e`: the file name being edited, while open.
  public internal(set) var exportPrompt: Prompt?
  public internal(set) var lastSearch = ""
  public internal(set) var filterPanel: FilterPanel?
  /// `c`: the column chooser, while open.
  public internal(set) var columnPanel: ColumnPanel?
  /// `:manager`: the book picker, while open.
  public internal(set) var bookPicker: BookPicker?
  /// The status line's message; `failed` marks an error.
  public internal(set) var message: String?
  public internal(set) var failed = false
  /// Why the data shown may be out of date (`Event.stale`); nil once a reload succeeds.
  public internal(set) var stale: String?
  public internal(set) var width: Int
  public internal(set) var height: Int

  /// Counts the books this state has shown (a reload replaces it): what
  /// `.prefetched` models were built from.
  public internal(set) var bookVersion = 0

  // Each screen's own state.
  public internal(set) var detail: DetailState?
  public internal(set) var overviewState = OverviewState()
  public var overview: OverviewModel? { overviewState.model }
  /// The trends screen's page as drawn, derived while it is shown.
  public internal(set) var trendsPage: TrendsPage?
  public internal(set) var trendsState = TrendsState()
  public internal(set) var changesState = ChangesState()
  public internal(set) var payoutsState = PayoutsState()
  public internal(set) var whatIfState = WhatIfState()
  public internal(set) var fairnessState = FairnessState()
  public internal(set) var pilotState = PilotState()
  public internal(set) var returnState = ReturnState()
  public internal(set) var qbr: QBRState?

  public var detailPartner: Int? { detail?.partner }
  public var detailScroll: Int { detail?.scroll ?? 0 }
  public var trendsKPI: Int { trendsState.kpi }
  public var trendsFocusOnMovers: Bool { trendsState.focusOnMovers }
  public var trendsMover: Int { trendsState.mover }
  public var trends: TrendsModel? { trendsState.model }
  public var qbrModel: QBRModel? { qbr?.model }

  public init(
    book: Scorebook, period: Int? = nil, width: Int = 120, height: Int = 40,
    listPaths: @escaping @Sendable (String) -> [String] = { _ in [] }
  ) {
    self.book = book
    self.listPaths = listPaths
    let t = period ?? (book.periods.count - 1)
    self.period = t
    self.width = width
    self.height = height
    board = LeaderboardState(
      model: LeaderboardModel(book: book, period: max(t, 0)), longestName: Self.longestName(book))
    deriveModels()
  }

  static func longestName(_ book: Scorebook) -> Int {
    book.partners.reduce(0) { max($0, TextWidth.of($1.name)) }
  }

  /// Builds the models of what is on screen when their inputs changed: the
  /// one place models are made (`Update.apply` calls it last).
  mutating func deriveModels() {
    guard book.periods.indices.contains(period) else {
      overviewState.model = nil
      leaderboardPage = nil
      trendsPage = nil
      trendsState.model = nil
      changesState.model = nil
      payoutsState.model = nil
      whatIfState.model = nil
      fairnessState.review = nil
      pilotState.review = nil
      returnState.roi = nil
      detail?.model = nil
      qbr?.model = nil
      return
    }
    ScreenRegistry.unit(screen).derive(&self)
    detailBookChanged = false
  }

  /// Builds the partner screen's model when its partner, period, book or
  /// what-if program changed.
  mutating func preparePartner() {
    guard let d = detail else { return }
    let other = whatIfState.standing(d.partner, period)
    if d.model?.partnerIndex != d.partner || d.model?.periodIndex != period || detailBookChanged
      || d.model?.other?.program != other?.program
    {
      detail?.model = PartnerDetailModel(book: book, partner: d.partner, period: period, other: other)
    }
  }

  /// Set when a reload replaced the book: the partner model is rebuilt.
  var detailBookChanged = false

  /// Rows of the leaderboard table that fit on screen (header, table header
  /// and status bar take the rest).
  public var tableHeight: Int { Self.tableHeight(height: height) }
  static func tableHeight(height: Int) -> Int { max(1, height - 4) }

  public var selectedPartner: Int? {
    selected < leaderboard.count ? leaderboard.partners[selected] : nil
  }

  public static let minimumWidth = 80
  public static let minimumHeight = 24
  /// The leaderboard's visible fields at the current width.
  public var visibleFields: [LeaderboardField] {
    columns.visible(width: width, program: book.program, longestName: longestName)
  }

  /// The field under the column cursor.
  public var cursorField: LeaderboardField {
    let fields = visibleFields
    return fields[max(0, min(columnCursor, fields.count - 1))]
  }

  public var tooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

  // MARK: - Changes that keep the selection

  /// Rebuilds the leaderboard, keeping the selected partner when it is still listed.
  mutating func rebuild(
    sort: LeaderboardColumn? = nil, ascending: Bool? = nil, filter: LeaderboardFilter? = nil,
    sortKPI: Int?? = nil
  ) {
    let keep = selectedPartner.map { book.partners[$0].id }
    // Sorting by a column ends sorting by a KPI.
    let kpi: Int? = sortKPI ?? (sort != nil ? nil : leaderboard.sortKPI)
    leaderboard = LeaderboardModel(
      book: book, period: period, sort: sort ?? leaderboard.sort,
      ascending: ascending ?? leaderboard.ascending,
      filter: filter ?? leaderboard.filter, sortKPI: kpi, orders: leaderboard.orders)
    select(partnerID: keep)
  }

  mutating func select(partnerID: String?) {
    if let id = partnerID, let p = book.partnerIndex(id: id), let i = leaderboard.partners.firstIndex(of: p) {
      moveSelection(to: i)
    } else {
      moveSelection(to: min(selected, max(0, leaderboard.count - 1)))
    }
  }

  mutating func moveSelection(to i: Int) {
    (selected, scroll) = Self.placed(
      selected: i, scroll: scroll, count: leaderboard.count, visible: tableHeight)
  }

  /// Row `i` of `count` selected, the table scrolled as little as possible
  /// from `scroll` to show it with `visible` rows on screen.
  static func placed(selected i: Int, scroll: Int, count: Int, visible: Int) -> (selected: Int, scroll: Int) {
    let selected = max(0, min(i, count - 1))
    var scroll = scroll
    if selected < scroll { scroll = selected }
    if selected >= scroll + visible { scroll = selected - visible + 1 }
    return (selected, max(0, min(scroll, max(0, count - visible))))
  }

  /// Builds the overview model once (it scans every partner).
  mutating func prepareOverview() {
    if overview?.period != book.periods[period] || overview?.evaluated != book.order[period].count {
      overviewState.model = OverviewModel(book: book, period: period)
    }
  }

  /// Filters to one segment (the `render` command's `--segment`).
  mutating func setFilter(segment: String?) {
    var f = leaderboard.filter
    f.segment = segment
    rebuild(filter: f)
  }

  /// No filter, in the book shown (`x` keeps the book).
  var clearedFilter: LeaderboardFilter { LeaderboardFilter(manager: leaderboard.filter.manager) }

  /// The leaderboard's filters, as the trends statistics take them.
  public var partnerFilter: PartnerFilter { leaderboard.filter.partners }

  /// Builds the trends model when its inputs changed (it scans every partner).
  mutating func prepareTrends() {
    guard !book.periods.isEmpty else { return }
    if let m = trendsState.model, m.period == period, m.filter == partnerFilter {
      if m.kpi != trendsState.kpi { trendsState.model = m.choosing(kpi: trendsState.kpi, book: book) }
    } else {
      trendsState.model = TrendsModel(book: book, period: period, filter: partnerFilter, kpi: trendsState.kpi)
    }
    trendsState.mover = min(trendsState.mover, max(0, (trendsState.model?.moverList.count ?? 1) - 1))
  }

  /// Builds the changes list when its period or filter changed (it scans every partner).
  mutating func prepareChanges() {
    if let m = changesState.model, m.periodIndex == period, m.back == changesState.back,
      m.filter == partnerFilter
    {
      return
    }
    let keep = changesState.model.flatMap { m in
      m.changes.entries.indices.contains(changesState.selected)
        ? book.partners[m.changes.entries[changesState.selected].partner].id : nil
    }
    changesState.model = ChangesModel(
      book: book, period: period, back: changesState.back, filter: partnerFilter)
    let again = keep.flatMap { id in
      changesState.model!.changes.entries.firstIndex { book.partners[$0.partner].id == id }
    }
    changesState.scroll = 0
    changesState.select(again ?? 0, height: height)
  }

  /// Builds the payouts list when its quarter, filter or period changed.
  mutating func preparePayouts() {
    if payoutsState.quarter == nil {
      let quarters = Set(book.agreements.map(\.period)).sorted()
      payoutsState.quarter = PayoutsModel.defaultQuarter(quarters, period: book.periods[period])
    }
    if let m = payoutsState.model, m.quarter == payoutsState.quarter, m.filter == leaderboard.filter,
      m.periodIndex == period, m.wholeYear == payoutsState.wholeYear, m.byPartner == payoutsState.byPartner
    {
      return
    }
    // Keep the agreement selected, or its partner when the rows become partners.
    let keep = payoutsState.model.flatMap { m -> (agreement: String?, partner: String)? in
      guard m.count > payoutsState.selected else { return nil }
      if m.byPartner { return (nil, m.partnerRows[payoutsState.selected].partnerID) }
      let a = m.results[payoutsState.selected].agreement
      return (a.id, a.partnerID)
    }
    payoutsState.model = PayoutsModel(
      book: book, quarter: payoutsState.quarter, period: period, filter: leaderboard.filter,
      wholeYear: payoutsState.wholeYear, byPartner: payoutsState.byPartner)
    let m = payoutsState.model!
    let again = keep.flatMap { k in
      m.byPartner
        ? m.partnerRows.firstIndex { $0.partnerID == k.partner }
        : (k.agreement.flatMap { id in m.results.firstIndex { $0.agreement.id == id } }
          ?? m.results.firstIndex { $0.agreement.partnerID == k.partner })
    }
    payoutsState.scroll = 0
    payoutsState.select(again ?? 0, height: height)
  }

  /// Builds the what-if model when its period, filter or programs changed.
  mutating func prepareWhatIf() {
    guard let other = whatIfState.other, let source = whatIfState.source else {
      whatIfState.model = nil
      return
    }
    let top = WhatIfState.listed(width: width, height: height, tiers: book.program.tiers.count)
    if let m = whatIfState.model, m.period == period, m.filter == partnerFilter, m.source == source,
      m.winners.count + m.losers.count <= 2 * top, m.whatIf.other.program == other.program
    {
      return
    }
    whatIfState.model = WhatIfModel(
      current: book, other: other, source: source, period: period, filter: partnerFilter, top: top)
    whatIfState.selected = min(whatIfState.selected, max(0, whatIfState.model!.list.count - 1))
  }

  /// Builds the fairness review of the period (it scans every partner).
  mutating func prepareFairness() {
    if let r = fairnessState.review, r.period == period, r.grouping == fairnessState.grouping { return }
    fairnessState.review = FairnessReview(book: book, period: period, by: fairnessState.grouping)
    fairnessState.selected = min(fairnessState.selected, max(0, fairnessState.review!.groups.count - 1))
  }

  /// The Payouts screen's previous or next quarter with agreements.
  mutating func stepPayoutQuarter(_ step: Int) {
    guard let m = payoutsState.model, let q = m.quarter, let i = m.quarters.firstIndex(of: q) else { return }
    if payoutsState.wholeYear {
      // A year at a time: the first quarter with agreements of the next (or previous) such year.
      let years = Array(Set(m.quarters.map(\.year))).sorted()
      let y = (years.firstIndex(of: q.year) ?? 0) + step
      guard years.indices.contains(y) else {
        message = step < 0 ? "no earlier year with agreements" : "no later year with agreements"
        return
      }
      payoutsState.quarter = m.quarters.last { $0.year == years[y] }
      return
    }
    let j = i + step
    guard m.quarters.indices.contains(j) else {
      message = step < 0 ? "no earlier quarter with agreements" : "no later quarter with agreements"
      return
    }
    payoutsState.quarter = m.quarters[j]
  }

  mutating func setPeriod(_ t: Int) {
    guard t >= 0 && t < book.periods.count, t != period else { return }
    period = t
    overviewState.model = nil
    rebuild()
    if let p = detailPartner, !book.isEvaluated(p, t) {
      message = "\(book.partners[p].name) has no data in \(book.periods[t])"
    }
  }

  mutating func replaceBook(_ newBook: Scorebook) {
    let keep = selectedPartner.map { book.partners[$0].id }
    let oldBook = book
    let periodName = book.periods.indices.contains(period) ? book.periods[period] : nil
    let wasLatest = period == book.periods.count - 1
    book = newBook
    bookVersion += 1
    longestName = Self.longestName(newBook)
    overviewState.model = nil
    trendsState.model = nil
    changesState.model = nil
    payoutsState.model = nil
    fairnessState.review = nil
    // The other program is scored again on the new data (`.loadProgram`).
    whatIfState.model = nil
    whatIfState.other = nil
    detailBookChanged = true
    if wasLatest || periodName.flatMap(newBook.periodIndex) == nil {
      period = newBook.periods.count - 1
    } else {
      period = newBook.periodIndex(periodName!)!
    }
    leaderboard = LeaderboardModel(
      book: newBook, period: max(period, 0), sort: leaderboard.sort, ascending: leaderboard.ascending,
      filter: leaderboard.filter,
      sortKPI: leaderboard.sortKPI.flatMap { k in
        oldBook.program.kpis.indices.contains(k) ? newBook.program.kpiIndex(oldBook.program.kpis[k].id) : nil
      })
    columns.kpis = columns.kpis.compactMap { k in
      oldBook.program.kpis.indices.contains(k) ? newBook.program.kpiIndex(oldBook.program.kpis[k].id) : nil
    }
    select(partnerID: keep)
    // The partner screen and the QBR follow their partner by id (indices move).
    detail = detail.flatMap { old in
      newBook.partnerIndex(id: oldBook.partners[old.partner].id).map { p in
        var moved = DetailState(partner: p)
        moved.scroll = old.scroll
        moved.returnTo = old.returnTo
        return moved
      }
    }
    if let q = qbr {
      if let p = newBook.partnerIndex(id: oldBook.partners[q.partner].id) {
        var moved = q
        moved.partner = p
        moved.model = nil
        qbr = moved
      } else {
        screen = q.returnTo
        qbr = nil
      }
    }
    if detail == nil && screen == .partner { screen = .leaderboard }
  }

  mutating func prepareQBR() {
    guard let q = qbr else { return }
    if let m = q.model, m.partner.id == book.partners[q.partner].id, m.period == book.periods[period] {
      return
    }
    qbr?.model = QBRModel(book: book, partner: q.partner, period: period)
  }

  /// Opens the QBR of partner `p` (standalone: leaving it quits).
  mutating func openQBR(_ p: Int, standalone: Bool = false) {
    var q = QBRState(partner: p)
    q.standalone = standalone
    q.returnTo = screen
    qbr = q
    screen = .qbr
  }

  mutating func scrollDetail(by lines: Int) {
    if let d = detail { detail?.scroll = max(0, d.scroll + lines) }
  }

  mutating func openDetail(_ p: Int?) {
    guard let p else { return }
    if detail?.partner != p { detail = DetailState(partner: p) }
    detail?.scroll = 0
    if screen != .partner && screen != .qbr { detail?.returnTo = screen }
    screen = .partner
  }
}

/// The leaderboard screen: its model (the partners listed, sorted and
/// filtered), the selection and the first row shown, the columns and the
/// column `s` sorts by, and the page as drawn (derived while it is shown).
public struct LeaderboardState: Sendable {
  public internal(set) var model: LeaderboardModel
  /// Index into `model.partners`.
  public internal(set) var selected = 0
  /// First visible row of the table.
  public internal(set) var scroll = 0
  public internal(set) var columns = ColumnChoice()
  /// `<` `>`: the column `s` sorts by (an index into the visible fields).
  public internal(set) var columnCursor = 0
  public internal(set) var page: LeaderboardPage?
  /// The widest partner name (display columns), for the layout.
  public internal(set) var longestName: Int
}

/// The leaderboard's state by its old names, read and changed in place.
extension DashboardState {
  public internal(set) var leaderboard: LeaderboardModel {
    get { board.model }
    _modify { yield &board.model }
  }
  public internal(set) var selected: Int {
    get { board.selected }
    _modify { yield &board.selected }
  }
  public internal(set) var scroll: Int {
    get { board.scroll }
    _modify { yield &board.scroll }
  }
  public internal(set) var columns: ColumnChoice {
    get { board.columns }
    _modify { yield &board.columns }
  }
  public internal(set) var columnCursor: Int {
    get { board.columnCursor }
    _modify { yield &board.columnCursor }
  }
  public internal(set) var leaderboardPage: LeaderboardPage? {
    get { board.page }
    _modify { yield &board.page }
  }
  public internal(set) var longestName: Int {
    get { board.longestName }
    _modify { yield &board.longestName }
  }
}
