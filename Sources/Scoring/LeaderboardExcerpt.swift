/// Rows of one period's leaderboard (a screenful from `offset`) in rank order, read from the
/// kept scores (issue 11): what the dashboard's first frame draws while the
/// whole scorebook loads behind it. Everything a row shows but its rank and
/// movement depends on the partner's own data (SPEC sections 3-5), so the
/// listed partners are scored on their own; ranks, movement and the
/// period's counts are the kept ones.
public struct LeaderboardExcerpt: Sendable {
  /// The listed partners scored on their own over the store's periods:
  /// partner `i` is row `i`.
  public let book: Scorebook
  /// The period shown (an index into `book.periods`).
  public let period: Int
  /// The leaderboard row of the first row here (0: the top).
  public let offset: Int
  /// Per row, the kept rank and movement; a nil rank: no data at the period
  /// (those rows come last, by name).
  public let ranks: [Int?]
  public let movements: [Int?]
  /// Per row, the badges earned (indices into the program's), placed by the kept ranks.
  public let badges: [[Int]]
  /// Partners evaluated at the period, and partners in the store.
  public let evaluated: Int
  public let partnerCount: Int
  /// The one segment listed (nil: every partner), and of those listed, how
  /// many were evaluated at the period and how many there are.
  public let segment: String?
  /// The one manager's book listed (nil: every manager's).
  public let manager: String?
  public let showing: Int
  public let listed: Int
  /// Partners evaluated at the period per tier (program order).
  public let tierCounts: [Int]
  /// The widest partner name of the store, in display columns.
  public let longestName: Int
  /// KPI ids in the store's metrics that the program does not score.
  public let unscoredKPIs: [String]

  public init(
    book: Scorebook, period: Int, offset: Int = 0, ranks: [Int?], movements: [Int?], badges: [[Int]]? = nil,
    evaluated: Int,
    partnerCount: Int, segment: String? = nil, manager: String? = nil, showing: Int? = nil,
    listed: Int? = nil, tierCounts: [Int],
    longestName: Int, unscoredKPIs: [String]
  ) {
    self.segment = segment
    self.manager = manager
    self.showing = showing ?? evaluated
    self.listed = listed ?? partnerCount
    self.book = book
    self.period = period
    self.offset = offset
    self.ranks = ranks
    self.movements = movements
    self.badges = badges ?? ranks.map { _ in [] }
    self.evaluated = evaluated
    self.partnerCount = partnerCount
    self.tierCounts = tierCounts
    self.longestName = longestName
    self.unscoredKPIs = unscoredKPIs
  }
}
