import Scoring

/// What the loading dashboard asks of the store's kept numbers
/// (`Effect.readKept`); the shell answers with `Event.kept`.
public enum KeptRequest: Equatable, Sendable {
  /// `rows` leaderboard rows from row `from` (of one manager's book).
  case excerpt(rows: Int, from: Int, manager: String? = nil)
  /// The overview's numbers and the first KPI's trends.
  case overviewAndTrends
  /// The first cohort's review.
  case pilot
  case programReturn
  /// One partner read on its own (leaderboard row `row`).
  case partner(row: Int, Partner)
}

/// The store's answer to a `KeptRequest` (nil: it keeps none, or could not be read).
public enum KeptAnswer: Sendable {
  case excerpt(LeaderboardExcerpt?)
  case overviewAndTrends(KeptOverview?, KeptTrends?)
  case pilot(PilotFrame?)
  case programReturn(ReturnFrame?)
  case partner(row: Int, PartnerDetailModel?)

  /// The answer "none kept" to `request` (a store that keeps no numbers).
  public static func none(for request: KeptRequest) -> KeptAnswer {
    switch request {
    case .excerpt: .excerpt(nil)
    case .overviewAndTrends: .overviewAndTrends(nil, nil)
    case .pilot: .pilot(nil)
    case .programReturn: .programReturn(nil)
    case .partner(let row, _): .partner(row: row, nil)
    }
  }
}

/// The dashboard while its first scorebook loads (3-4 s at 100,000
/// partners): drawn from the kept numbers, which it asks for as effects.
///
/// The keys whose result the kept numbers can show (moving, opening the
/// selected partner and back, the overview, trends, pilot, program return)
/// show it at once (`FirstFrameState`); every event is also kept and
/// applied, in order, to the dashboard's state once the scorebook is in
/// (`Event.reloaded`), where it lands as it showed. After any other key the
/// frame waits for the scorebook.
public struct LoadingState: Sendable {
  /// The period asked for (an index; the last one where the store has fewer).
  public let period: Int
  /// The book shown (a manager's name as the store spells it; nil: everyone).
  public let manager: String?
  public internal(set) var width: Int
  public internal(set) var height: Int
  /// Where the keys pressed so far went (nil before the first excerpt).
  public internal(set) var first: FirstFrameState?
  /// What is shown, derived after every event.
  public internal(set) var frame: KeptFrame?
  /// Every partner, for the status line's "loading …" (nil before the first excerpt).
  public var partnerCount: Int? { excerpt?.partnerCount }
  /// The events to apply once the scorebook is in.
  public internal(set) var pending: [Event] = []
  let listPaths: @Sendable (String) -> [String]

  var excerpt: LeaderboardExcerpt?
  var overview: KeptOverview?
  var trends: KeptTrends?
  var pilot: PilotFrame?
  var programReturn: ReturnFrame?
  /// The partner opened: its leaderboard row and its model.
  var opened: (row: Int, model: PartnerDetailModel?)?
  /// The reads made once (overview and trends, pilot, return), and the
  /// last excerpt and partner asked for: an answer of nil is not asked again.
  var asked: [KeptRequest] = []
  var lastExcerpt: KeptRequest?
  var lastPartner: KeptRequest?
  /// A key came before the first excerpt: nothing is followed.
  var keyedEarly = false

  init(
    period: Int, manager: String?, width: Int, height: Int,
    listPaths: @escaping @Sendable (String) -> [String]
  ) {
    self.period = period
    self.manager = manager
    self.width = width
    self.height = height
    self.listPaths = listPaths
  }

  /// The period `period` picks among the store's.
  func chosen(_ periods: [Period]) -> Int { periods.indices.contains(period) ? period : periods.count - 1 }

  /// Takes an event; returns the reads it needs.
  mutating func take(_ event: Event) -> [Effect] {
    switch event {
    case .kept(let answer):
      take(answer)
    case .key(let key):
      pending.append(event)
      if first == nil { keyedEarly = true }
      first?.apply(key)
    case .resize(let w, let h):
      pending.append(event)
      (width, height) = (w, h)
      first?.resize(height: h)
    case .mouse, .command:
      pending.append(event)
      first?.stopFollowing()
    case .status:
      // Said once the dashboard is loaded (who is connected, for one).
      pending.append(event)
    case .failed, .stale, .reloaded, .otherProgram, .prefetched:
      break
    }
    return derive()
  }

  private mutating func take(_ answer: KeptAnswer) {
    switch answer {
    case .excerpt(let e?):
      excerpt = e
      if first == nil {
        first = FirstFrameState(count: e.listed, height: height)
        if keyedEarly { first!.stopFollowing() }
      }
    case .excerpt(nil): break
    case .overviewAndTrends(let o, let t): (overview, trends) = (o, t)
    case .pilot(let f): pilot = f
    case .programReturn(let f): programReturn = f
    case .partner(let row, let model): opened = (row, model)
    }
  }

  /// The reads still needed for what is shown, and the frame from what is in.
  private mutating func derive() -> [Effect] {
    var reads: [KeptRequest] = []
    let from = first?.cursor.scroll ?? 0
    if excerpt == nil || excerpt!.offset != from
      || excerpt!.ranks.count < min(height, excerpt!.listed - from)
    {
      let read = KeptRequest.excerpt(rows: height, from: from, manager: manager)
      if read != lastExcerpt { reads.append(read) }
      lastExcerpt = read
    }
    var once: [KeptRequest] = excerpt == nil ? [] : [.overviewAndTrends]
    if let first, let excerpt {
      switch first.shown {
      case .pilot: once.append(.pilot)
      case .roi: once.append(.programReturn)
      case .partner:
        if let row = first.detail, opened?.row != row,
          excerpt.book.partners.indices.contains(row - excerpt.offset)
        {
          let read = KeptRequest.partner(row: row, excerpt.book.partners[row - excerpt.offset])
          if read != lastPartner { reads.append(read) }
          lastPartner = read
        }
      default: break
      }
    }
    let new = once.filter { !asked.contains($0) }
    asked += new
    frame = shown()
    return (reads + new).map { .readKept($0) }
  }

  private func shown() -> KeptFrame? {
    guard let excerpt, let first else { return nil }
    switch first.shown {
    case .overview: if let overview { return .overview(OverviewModel(kept: overview)) }
    case .trends:
      // In a book the statistics are the book's: the scorebook's to give.
      if let trends, manager == nil {
        return .trends(TrendsPage(kept: trends, kpi: 0, rows: excerpt, selected: first.cursor.selected))
      }
    case .pilot: if let pilot { return .pilot(pilot) }
    case .roi: if let programReturn { return .programReturn(programReturn) }
    case .partner:
      if let opened, opened.row == first.detail, let model = opened.model { return .partner(model) }
    case .leaderboard: break
    }
    return .leaderboard(LeaderboardPage(excerpt: excerpt, width: width, cursor: first.cursor))
  }

  /// The dashboard's state once the scorebook is in: this period, this
  /// size, the kept overview and trends adopted, every pending event applied.
  func ready(_ book: Scorebook) -> (DashboardState, [Effect]) {
    var state = DashboardState(
      book: book, period: book.periods.indices.contains(period) ? period : nil, listPaths: listPaths)
    Update.apply(.resize(width: width, height: height), to: &state)
    if let manager { Update.apply(.command(.book(manager)), to: &state) }
    state.adoptKept(overview: overview?.facts, trends: trends)
    state.deriveModels()
    var effects: [Effect] = [.prefetch]  // the first frame is up: build the other screens ahead
    for event in pending { effects += Update.apply(event, to: &state) }
    return (state, effects)
  }

  /// Quits at once: Ctrl-C, or `q` before any other key.
  func quits(_ event: Event) -> Bool {
    switch event {
    case .key(.ctrlC): true
    case .key(.char("q")): pending.allSatisfy { if case .resize = $0 { true } else { false } }
    default: false
    }
  }
}
