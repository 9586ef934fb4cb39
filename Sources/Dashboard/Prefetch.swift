/// Building each screen's model ahead, on another core: right after the
/// first frame (and after a reload) the app builds, on a copy of the state,
/// what the first open of the overview, trends, changes, payouts and
/// fairness screens would build, and hands it back as `.prefetched`. A
/// screen opened after that shows at once; one opened before builds its
/// model itself, as it always did. The leaderboard's sort orders are warmed
/// the same way.
extension DashboardState {
  /// A copy of the state with every screen's model built.
  public func preparedAhead() -> DashboardState {
    var ahead = self
    guard book.periods.indices.contains(period) else { return ahead }
    ahead.prepareOverview()
    ahead.prepareTrends()
    ahead.prepareChanges()
    ahead.preparePayouts()
    ahead.prepareFairness()
    // The leaderboard's text orders and this period's flags, shared with
    // the state (one object per book), so the first sort by them is quick.
    let orders = leaderboard.orders
    _ = (orders.name, orders.segment, orders.region)
    _ = orders.flags(period: period) { LeaderboardModel.flagsKeys(book, period) }
    return ahead
  }

  /// Takes the models of `ahead` for the screens not opened since, when it
  /// was built from this book, period and filter; anything else is dropped.
  mutating func adopt(_ ahead: DashboardState) {
    guard ahead.bookVersion == bookVersion, ahead.period == period,
      ahead.leaderboard.filter == leaderboard.filter
    else { return }
    if overview == nil { overview = ahead.overview }
    if trendsState.model == nil && ahead.trendsState.kpi == trendsState.kpi {
      trendsState = ahead.trendsState
    }
    if changesState.model == nil { changesState = ahead.changesState }
    if payoutsState.model == nil && payoutsState.quarter == nil { payoutsState = ahead.payoutsState }
    if fairnessState.review == nil && ahead.fairnessState.grouping == fairnessState.grouping {
      fairnessState = ahead.fairnessState
    }
  }
}
