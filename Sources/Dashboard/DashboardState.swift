import Scoring

/// The screens of the dashboard (`1`-`3`, Tab).
public enum Screen: Equatable, Sendable {
  case leaderboard
  case partner
  case overview
  case trends
  case qbr
}

/// A QBR on screen: whose, which slide, money masked or not.
public struct QBRState: Sendable {
  public var partner: Int
  public var slide = 0
  public var masked = false
  /// Opened with `partnerboard qbr`: leaving quits instead of going back.
  public var standalone = false
  /// The screen to go back to.
  public var returnTo: Screen = .leaderboard
  public init(partner: Int) { self.partner = partner }
}

/// A text prompt at the bottom of the screen (`/` search).
public struct Prompt: Equatable, Sendable {
  public var text = ""
}

/// The filter panel (`f`): the focused field and the values being edited.
public struct FilterPanel: Equatable, Sendable {
  public enum Field: Int, CaseIterable, Sendable { case text, segment, region, tier }
  public var field: Field = .text
}

/// What the shell must do after an update (I/O stays outside the state machine).
public enum Effect: Equatable, Sendable {
  case quit
  case reload
  /// Write `contents` to a new CSV file named after `suggestedName`, then report where.
  case export(suggestedName: String, contents: String)
}

/// The whole dashboard as a value: `update` changes it, the screens draw it.
public struct DashboardState: Sendable {
  public private(set) var book: Scorebook
  public private(set) var period: Int
  public private(set) var leaderboard: LeaderboardModel
  public var screen: Screen = .leaderboard
  public var showHelp = false
  /// Index into `leaderboard.partners`.
  public private(set) var selected = 0
  /// First visible row of the leaderboard table.
  public private(set) var scroll = 0
  /// Partner shown in the detail screen.
  public private(set) var detailPartner: Int?
  public var detailScroll = 0
  public var search: Prompt?
  public var lastSearch = ""
  public var filterPanel: FilterPanel?
  public var message: String?
  /// The overview of the current period, computed when the screen opens.
  public private(set) var overview: OverviewModel?
  /// The trends screen: chosen KPI (program index), focus, selected mover, model.
  public var trendsKPI = 0
  public var trendsFocusOnMovers = false
  public var trendsMover = 0
  public private(set) var trends: TrendsModel?
  public var qbr: QBRState? {
    didSet { prepareQBR() }
  }
  /// The QBR's slides' data, built when the QBR opens or its inputs change
  /// (the peer statistics scan the whole segment).
  public private(set) var qbrModel: QBRModel?
  public var width: Int
  public var height: Int

  public init(book: Scorebook, period: Int? = nil, width: Int = 120, height: Int = 40) {
    self.book = book
    let t = period ?? (book.periods.count - 1)
    self.period = t
    self.width = width
    self.height = height
    leaderboard = LeaderboardModel(book: book, period: max(t, 0))
  }

  /// Rows of the leaderboard table that fit on screen (header, table header
  /// and status bar take the rest).
  public var tableHeight: Int { max(1, height - 4) }

  public var selectedPartner: Int? {
    selected < leaderboard.count ? leaderboard.partners[selected] : nil
  }

  public static let minimumWidth = 80
  public static let minimumHeight = 24
  public var tooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

  // MARK: - Changes that keep the selection

  /// Rebuilds the leaderboard, keeping the selected partner when it is still listed.
  mutating func rebuild(
    sort: LeaderboardColumn? = nil, ascending: Bool? = nil, filter: LeaderboardFilter? = nil
  ) {
    let keep = selectedPartner.map { book.partners[$0].id }
    leaderboard = LeaderboardModel(
      book: book, period: period, sort: sort ?? leaderboard.sort,
      ascending: ascending ?? leaderboard.ascending,
      filter: filter ?? leaderboard.filter)
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
    selected = max(0, min(i, leaderboard.count - 1))
    if selected < scroll { scroll = selected }
    if selected >= scroll + tableHeight { scroll = selected - tableHeight + 1 }
    scroll = max(0, min(scroll, max(0, leaderboard.count - tableHeight)))
  }

  /// Builds the overview model once (it scans every partner).
  public mutating func prepareOverview() {
    if overview?.period != book.periods[period] || overview?.evaluated != book.order[period].count {
      overview = OverviewModel(book: book, period: period)
    }
  }

  /// Filters to one segment (the `render` command's `--segment`).
  public mutating func setFilter(segment: String) {
    var f = leaderboard.filter
    f.segment = segment
    rebuild(filter: f)
  }

  /// The leaderboard's filters, as the trends statistics take them.
  public var partnerFilter: PartnerFilter { leaderboard.filter.partners }

  /// Builds the trends model when its inputs changed (it scans every partner).
  public mutating func prepareTrends() {
    guard !book.periods.isEmpty else { return }
    if let m = trends, m.period == period, m.filter == partnerFilter {
      if m.kpi != trendsKPI { trends = m.choosing(kpi: trendsKPI, book: book) }
    } else {
      trends = TrendsModel(book: book, period: period, filter: partnerFilter, kpi: trendsKPI)
    }
    trendsMover = min(trendsMover, max(0, (trends?.moverList.count ?? 1) - 1))
  }

  mutating func setPeriod(_ t: Int) {
    guard t >= 0 && t < book.periods.count, t != period else { return }
    period = t
    overview = nil
    if screen == .overview { prepareOverview() }
    if screen == .trends { prepareTrends() }
    prepareQBR()
    rebuild()
    if let p = detailPartner, !book.isEvaluated(p, t) {
      message = "\(book.partners[p].name) has no data in \(book.periods[t])"
    }
  }

  mutating func replaceBook(_ newBook: Scorebook) {
    let keep = selectedPartner.map { book.partners[$0].id }
    let detail = detailPartner.map { book.partners[$0].id }
    let qbrPartner = qbr.map { book.partners[$0.partner].id }
    let periodName = book.periods.indices.contains(period) ? book.periods[period] : nil
    let wasLatest = period == book.periods.count - 1
    book = newBook
    overview = nil
    trends = nil
    qbrModel = nil
    if wasLatest || periodName.flatMap(newBook.periodIndex) == nil {
      period = newBook.periods.count - 1
    } else {
      period = newBook.periodIndex(periodName!)!
    }
    leaderboard = LeaderboardModel(
      book: newBook, period: max(period, 0), sort: leaderboard.sort, ascending: leaderboard.ascending,
      filter: leaderboard.filter)
    select(partnerID: keep)
    detailPartner = detail.flatMap(newBook.partnerIndex(id:))
    if let id = qbrPartner {
      if let p = newBook.partnerIndex(id: id) {
        qbr?.partner = p
      } else {
        screen = qbr?.returnTo ?? .leaderboard
        qbr = nil
      }
    }
    if detailPartner == nil && screen == .partner { screen = .leaderboard }
    if screen == .overview && !newBook.periods.isEmpty { prepareOverview() }
    if screen == .trends { prepareTrends() }
  }

  mutating func prepareQBR() {
    guard let q = qbr, book.periods.indices.contains(period) else {
      qbrModel = nil
      return
    }
    if let m = qbrModel, m.partner.id == book.partners[q.partner].id, m.period == book.periods[period] {
      return
    }
    qbrModel = QBRModel(book: book, partner: q.partner, period: period)
  }

  /// Opens the QBR of partner `p` (standalone: leaving it quits).
  public mutating func openQBR(_ p: Int, standalone: Bool = false) {
    var q = QBRState(partner: p)
    q.standalone = standalone
    q.returnTo = screen
    qbr = q
    screen = .qbr
  }

  /// Opens the partner screen on partner `p`.
  public mutating func showPartner(_ p: Int) { openDetail(p) }

  mutating func openDetail(_ p: Int?) {
    guard let p else { return }
    detailPartner = p
    detailScroll = 0
    screen = .partner
  }
}
