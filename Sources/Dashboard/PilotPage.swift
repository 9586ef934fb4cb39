import Presentation
import Scoring

/// The Pilot screen (`9`, `:pilot COHORT`): one cohort against the partners
/// in no cohort at the current period (SPEC section 13), the selected
/// measure, and why there is nothing to show when there is not.
public struct PilotState: Sendable {
  /// The cohort shown; nil: the first one.
  public internal(set) var cohort: String?
  /// Index into the review's results (the score, then each KPI).
  public internal(set) var selected = 0
  public internal(set) var review: PilotReview?
  /// Why there is no review: no cohort yet, or the period is before the start.
  public internal(set) var problem: String?
  /// How many cohorts the data holds (`c` steps through them).
  public internal(set) var cohortCount = 0
  /// The book version and period the review (or problem) was made for.
  var madeFor: (version: Int, period: Int, cohort: String?)?

  init() {}

  /// A review read from what the store keeps (`render pilot`, the first frame).
  public init(review: PilotReview) {
    cohort = review.cohort
    self.review = review
  }
}

extension DashboardState {
  /// Builds the pilot review when its cohort, period or book changed (it
  /// reads every partner's quarters before and since the start).
  mutating func preparePilot() {
    let cohorts = PilotReview.cohorts(book)
    pilotState.cohortCount = cohorts.count
    if let c = pilotState.cohort, !cohorts.contains(c) { pilotState.cohort = nil }
    if pilotState.cohort == nil { pilotState.cohort = cohorts.first }
    if let made = pilotState.madeFor, made.version == bookVersion, made.period == period,
      made.cohort == pilotState.cohort
    {
      return
    }
    pilotState.madeFor = (bookVersion, period, pilotState.cohort)
    pilotState.review = nil
    pilotState.problem = nil
    guard let cohort = pilotState.cohort else {
      pilotState.problem = OutcomeText.noCohort
      return
    }
    do {
      pilotState.review = try PilotReview(book: book, cohort: cohort, period: period)
      pilotState.selected = min(pilotState.selected, pilotState.review!.results.count - 1)
    } catch {
      switch error {
      case .beforeStart(let start):
        pilotState.problem = "Pilot \(cohort) starts in \(start): ] moves to a later quarter"
      case .unknownCohort: pilotState.problem = OutcomeText.noCohort
      }
    }
  }

  /// The next (or previous) cohort, by id.
  mutating func stepCohort(_ step: Int) {
    let cohorts = PilotReview.cohorts(book)
    guard cohorts.count > 1, let c = pilotState.cohort, let i = cohorts.firstIndex(of: c) else {
      message = cohorts.count <= 1 ? "no other cohort" : nil
      return
    }
    pilotState.cohort = cohorts[(i + step + cohorts.count) % cohorts.count]
    message = "pilot \(pilotState.cohort!)"
  }
}

extension Update {
  /// Pilot: ↑↓ a measure, `c` `C` the next / previous cohort, Esc back.
  static func pilotKey(_ key: Key, _ s: inout DashboardState) -> [Effect] {
    if move(key, &s.pilotState.selected, count: s.pilotState.review?.results.count ?? 0) { return [] }
    switch key {
    case .char("c"): s.stepCohort(1)
    case .char("C"): s.stepCohort(-1)
    case _ where isBack(key): s.screen = .leaderboard
    default: break
    }
    return []
  }
}
