import Scoring

/// The screens' models built ahead, on another core: right after the first
/// frame (and after a reload) the app builds, on a copy of the state, what
/// the first open of the overview, trends, changes, payouts and fairness
/// screens would build, and hands it back as `.prefetched`. A screen opened
/// after that shows at once; one opened before builds its model itself, as
/// it always did. The leaderboard's sort orders are warmed the same way.
public struct PreparedModels: Sendable {
  /// What they were built from: models of another book, period or filter are dropped.
  let bookVersion: Int
  let period: Int
  let filter: LeaderboardFilter
  let overview: OverviewModel?
  let trends: TrendsState
  let changes: ChangesState
  let payouts: PayoutsState
  let fairness: FairnessState
}

extension DashboardState {
  /// Every screen's model, built on a copy of the state.
  public func preparedAhead() -> PreparedModels {
    var ahead = self
    if book.periods.indices.contains(period) {
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
    }
    return PreparedModels(
      bookVersion: bookVersion, period: period, filter: leaderboard.filter, overview: ahead.overview,
      trends: ahead.trendsState, changes: ahead.changesState, payouts: ahead.payoutsState,
      fairness: ahead.fairnessState)
  }

  /// Takes the models of `ahead` for the screens not opened since, when it
  /// was built from this book, period and filter; anything else is dropped.
  mutating func adopt(_ ahead: PreparedModels) {
    guard ahead.bookVersion == bookVersion, ahead.period == period, ahead.filter == leaderboard.filter
    else { return }
    if overview == nil { overviewState.model = ahead.overview }
    if trendsState.model == nil && ahead.trends.kpi == trendsState.kpi { trendsState = ahead.trends }
    if changesState.model == nil { changesState = ahead.changes }
    if payoutsState.model == nil && payoutsState.quarter == nil { payoutsState = ahead.payouts }
    if fairnessState.review == nil && ahead.fairness.grouping == fairnessState.grouping {
      fairnessState = ahead.fairness
    }
  }

  /// Takes the overview and the trends screen's models from the numbers the
  /// store kept for this period (no filter, the trends' chosen KPI): done
  /// when the first scorebook comes in, so those two open at once even
  /// before the screens built ahead are ready. Numbers for another period
  /// or KPI are left out.
  mutating func adoptKept(overview kept: OverviewFacts?, trends: KeptTrends?) {
    guard book.periods.indices.contains(period), leaderboard.filter.isEmpty else { return }
    if overview == nil, let kept, kept.fits(book.program), kept.evaluated == book.order[period].count {
      overviewState.model = OverviewModel(
        facts: kept, program: book.program, coverage: book.coverage(period), index: period)
    }
    if trendsState.model == nil, let trends, trends.period == period, trends.periods == book.periods,
      trends.all.count == book.program.kpis.count, trends.chosen.statistics.kpi == trendsState.kpi
    {
      func placed(_ movers: [KPITrendFacts.Mover]) -> [(partner: Int, change: Double)] {
        movers.compactMap { m in book.partnerIndex(id: m.partner.id).map { ($0, m.change) } }
      }
      trendsState.model = TrendsModel(
        program: book.program, period: period, filter: PartnerFilter(), kpi: trendsState.kpi, all: trends.all,
        improved: placed(trends.chosen.improved), fell: placed(trends.chosen.fell))
    }
  }
}
