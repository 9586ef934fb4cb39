import Scoring

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
    // The leaderboard's text orders and flags, shared with the state (one
    // object per book), so the first sort by them is quick.
    let orders = leaderboard.orders
    _ = (orders.name, orders.segment, orders.region)
    // This period's flags and its neighbours' (`[` `]` while sorted by flags).
    for t in [period, period - 1, period + 1] where book.periods.indices.contains(t) {
      _ = orders.flags(period: t) { LeaderboardModel.flagsKeys(book, t) }
    }
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

extension DashboardState {
  /// A copy of the state with the overview and the trends screen's models
  /// built from the numbers the store kept for this period (no filter, the
  /// trends' chosen KPI): what `.prefetched` adopts right after the first
  /// scorebook is in, so those two open at once even before the screens
  /// built ahead are ready. Numbers for another period or KPI are left out.
  public func withKeptModels(overview: OverviewFacts?, trends: KeptTrends?) -> DashboardState {
    var ahead = self
    guard book.periods.indices.contains(period), leaderboard.filter.isEmpty else { return ahead }
    if let overview, overview.fits(book.program), overview.evaluated == book.order[period].count {
      ahead.overview = OverviewModel(
        facts: overview, program: book.program, coverage: book.coverage(period), index: period)
    }
    if let trends, trends.period == period, trends.periods == book.periods,
      trends.all.count == book.program.kpis.count
    {
      let k = trendsState.kpi
      func placed(_ movers: [KPITrendFacts.Mover]) -> [(partner: Int, change: Double)] {
        movers.compactMap { m in book.partnerIndex(id: m.partner.id).map { ($0, m.change) } }
      }
      if trends.chosen.statistics.kpi == k {
        ahead.trendsState.model = TrendsModel(
          program: book.program, period: period, filter: PartnerFilter(), kpi: k, all: trends.all,
          improved: placed(trends.chosen.improved), fell: placed(trends.chosen.fell))
      }
    }
    return ahead
  }
}
