import Dashboard
import PartnerStore
import Scoring

/// The store's kept numbers as the dashboard's kept frames: what the
/// loading dashboard asks for (`KeptRequest`) and what `render` draws for
/// the screens the kept numbers can show. One place builds each frame.
public struct KeptReader: Sendable {
  public let store: PartnerStore

  public init(store: PartnerStore) { self.store = store }

  /// The loading dashboard's read, at period index `period` (the last where
  /// the store has fewer). A read that fails answers "none": the frame then
  /// waits for the scorebook, whose load reports the problem.
  public func answer(_ request: KeptRequest, period: Int) -> Event {
    let choose = { (periods: [Period]) in periods.indices.contains(period) ? period : periods.count - 1 }
    switch request {
    case .excerpt(let rows, let from, let manager):
      return .kept(
        .excerpt(try? store.leaderboardExcerpt(rows: rows, from: from, manager: manager, choose: choose)))
    case .overviewAndTrends:
      return .kept(
        .overviewAndTrends(
          try? store.keptOverview(choose: choose), try? store.keptTrends(kpi: 0, choose: choose)))
    case .pilot:
      let cohorts = (try? store.cohortIDs()) ?? []
      return .kept(
        .pilot(cohorts.first.flatMap { try? pilot(cohort: $0, of: cohorts, choose: choose)?.get() }))
    case .programReturn:
      return .kept(.programReturn(try? programReturn(choose: choose)))
    case .partner(let row, let partner):
      return .kept(.partner(row: row, try? self.partner(partner, choose: choose)))
    }
  }

  /// The leaderboard's first `rows` rows (of one segment's partners, of one manager's book).
  public func leaderboard(
    rows: Int, width: Int, segment: String? = nil, manager: String? = nil, choose: ([Period]) throws -> Int
  ) throws -> KeptFrame? {
    try store.leaderboardExcerpt(rows: rows, segment: segment, manager: manager, choose: choose).map {
      .leaderboard(LeaderboardPage(excerpt: $0, width: width))
    }
  }

  /// One partner read on its own, placed with the kept ranks.
  public func partner(_ partner: Partner, choose: ([Period]) throws -> Int) throws -> PartnerDetailModel? {
    guard let view = try store.keptView() else { return nil }
    return Self.model(try store.alone(partner, view: view, period: try choose(view.periods)))
  }

  /// The partner screen's model of a partner read on its own.
  public static func model(_ one: PartnerAlone) -> PartnerDetailModel {
    PartnerDetailModel(
      book: one.book, partner: 0, period: one.period, evaluation: one.evaluation, ranks: one.ranks)
  }

  public func overview(choose: ([Period]) throws -> Int) throws -> KeptFrame? {
    try store.keptOverview(choose: choose).map { .overview(OverviewModel(kept: $0)) }
  }

  /// The trends of the KPI `pick` chooses, with the leaderboard's first
  /// partner's own line (what the dashboard selects first).
  public func trends(kpi pick: (Program) throws -> Int, choose: ([Period]) throws -> Int) throws -> KeptFrame?
  {
    guard let kept = try store.keptTrends(kpi: pick, choose: choose),
      let first = try store.leaderboardExcerpt(rows: 1, choose: { _ in kept.period })
    else { return nil }
    return .trends(TrendsPage(kept: kept, kpi: kept.chosen.statistics.kpi, rows: first, selected: 0))
  }

  /// The review of `cohort`: nil without kept scores of this engine; the
  /// review's problem (an unknown cohort, a period before the start) as a failure.
  /// `cohorts`: the store's cohort ids, when the caller has read them.
  public func pilot(cohort: String, of cohorts: [String]? = nil, choose: ([Period]) throws -> Int) throws
    -> Result<PilotFrame, PilotReview.Problem>?
  {
    guard let view = try store.keptView() else { return nil }
    let t = try choose(view.periods)
    let count = try cohorts?.count ?? store.cohortIDs().count
    return try store.keptPilot(cohort: cohort, choose: { _ in t })?.map {
      PilotFrame(review: $0, program: view.program, coverage: view.coverage[t], cohorts: count)
    }
  }

  public func programReturn(choose: ([Period]) throws -> Int) throws -> ReturnFrame? {
    guard let (payouts, view) = try store.keptPayouts() else { return nil }
    let t = try choose(view.periods)
    let roi = ProgramROI(program: view.program, periods: view.periods, payouts: payouts, period: t)
    return ReturnFrame(roi: roi, program: view.program, coverage: view.coverage[t])
  }
}
