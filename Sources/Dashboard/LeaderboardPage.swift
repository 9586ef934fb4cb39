import Scoring

/// What the leaderboard screen draws, whichever source it comes from: the
/// whole scorebook (`DashboardState.leaderboardPage`) or, for a first frame
/// while that loads, a screenful read from the kept scores
/// (`LeaderboardPage(excerpt:width:)`). Both draw the same cells.
public struct LeaderboardPage: Sendable {
  public let program: Program
  public var period: Period { coverage.period }
  /// The period open or closed, and how many partners reported.
  public let coverage: QuarterCoverage
  /// Partners evaluated at the period, and partners without data then.
  public let evaluated: Int
  public let withoutData: Int
  /// Partners evaluated at the period per tier (program order).
  public let tierCounts: [Int]
  public let unscoredKPIs: [String]
  public let order: LeaderboardOrder
  public let filter: LeaderboardFilter
  /// Rows listed with data, and rows listed in all.
  public let showing: Int
  public let count: Int
  public let fields: [LeaderboardField]
  /// The partner column's width (`ColumnChoice.layout`: the width rule).
  public let nameWidth: Int
  public let longestName: Int
  public let selected: Int
  public let scroll: Int
  public let columnCursor: Int
  /// Row `i` (only the rows on screen are asked for).
  public let row: @Sendable (Int) -> LeaderboardRow

  init(
    program: Program, coverage: QuarterCoverage, evaluated: Int, withoutData: Int, tierCounts: [Int],
    unscoredKPIs: [String], order: LeaderboardOrder, filter: LeaderboardFilter, showing: Int, count: Int,
    columns: ColumnChoice, width: Int, longestName: Int, selected: Int, scroll: Int, columnCursor: Int,
    row: @escaping @Sendable (Int) -> LeaderboardRow
  ) {
    self.program = program
    self.coverage = coverage
    self.evaluated = evaluated
    self.withoutData = withoutData
    self.tierCounts = tierCounts
    self.unscoredKPIs = unscoredKPIs
    self.order = order
    self.filter = filter
    self.showing = showing
    self.count = count
    (fields, nameWidth) = columns.layout(width: width, program: program, longestName: longestName)
    self.longestName = longestName
    self.selected = selected
    self.scroll = scroll
    self.columnCursor = columnCursor
    self.row = row
  }

  /// The leaderboard's first frame from an excerpt of the kept scores: rank
  /// order, no filter but the excerpt's segment and book, the default columns; `cursor` places the selection
  /// (the excerpt must hold the rows from `cursor.scroll` that fit).
  public init(excerpt e: LeaderboardExcerpt, width: Int, cursor: FirstFrameCursor? = nil) {
    let book = e.book
    let t = e.period
    let ranks = e.ranks
    let movements = e.movements
    let badges = e.badges
    let offset = e.offset
    var filter = LeaderboardFilter(manager: e.manager)
    filter.segment = e.segment
    self.init(
      program: book.program, coverage: book.coverage(t), evaluated: e.evaluated,
      withoutData: e.partnerCount - e.evaluated, tierCounts: e.tierCounts, unscoredKPIs: e.unscoredKPIs,
      order: LeaderboardOrder(), filter: filter, showing: e.showing, count: e.listed,
      columns: ColumnChoice(), width: width, longestName: e.longestName, selected: cursor?.selected ?? 0,
      scroll: cursor?.scroll ?? 0, columnCursor: 0
    ) { i in
      let r = min(max(i - offset, 0), ranks.count - 1)
      return LeaderboardModel.row(
        partner: r, book: book, period: t, rank: ranks[r], movement: movements[r], badges: badges[r])
    }
  }
}

extension DashboardState {
  /// The leaderboard as the screen draws it (derived after every event while it is shown).
  func builtLeaderboardPage() -> LeaderboardPage {
    let t = period
    let lb = leaderboard
    var counts = [Int](repeating: 0, count: book.program.tiers.count)
    for p in book.order[t] { counts[book.tier(p, t)!] += 1 }
    return LeaderboardPage(
      program: book.program, coverage: book.coverage(t), evaluated: book.order[t].count,
      withoutData: book.partners.count - book.order[t].count, tierCounts: counts,
      unscoredKPIs: book.unscoredKPIs, order: lb.order, filter: lb.filter, showing: lb.withData,
      count: lb.count, columns: columns, width: width, longestName: longestName, selected: selected,
      scroll: scroll, columnCursor: columnCursor, row: { lb.row($0) })
  }
}
