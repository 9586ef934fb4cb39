import Scoring

/// A screen drawn from the numbers the store kept with the scores, without
/// the whole scorebook: a screenful of the leaderboard, one partner read on
/// its own, the overview's, the trends', the pilot's or the program
/// return's numbers. The first frame while the scorebook loads shows one
/// (`LoadingState.frame`), and so does `render` for those screens. Each
/// draws the same cells as the whole dashboard showing the same thing.
public enum KeptFrame: Sendable {
  case leaderboard(LeaderboardPage)
  case partner(PartnerDetailModel)
  case overview(OverviewModel)
  case trends(TrendsPage)
  case pilot(PilotFrame)
  case programReturn(ReturnFrame)
}

/// The Pilot screen's inputs from the kept review.
public struct PilotFrame: Sendable {
  public let pilot: PilotState
  public let program: Program
  public let coverage: QuarterCoverage
  /// How many cohorts the store holds (`c` steps through them once loaded).
  public let cohorts: Int

  public init(review: PilotReview, program: Program, coverage: QuarterCoverage, cohorts: Int) {
    pilot = PilotState(review: review)
    self.program = program
    self.coverage = coverage
    self.cohorts = cohorts
  }
}

/// The Program return screen's inputs from the kept outcome values.
public struct ReturnFrame: Sendable {
  public let state: ReturnState
  public let program: Program
  public let coverage: QuarterCoverage

  public init(roi: ProgramROI, program: Program, coverage: QuarterCoverage) {
    state = ReturnState(roi: roi)
    self.program = program
    self.coverage = coverage
  }
}

extension OverviewModel {
  /// From the overview's numbers a rescore kept.
  public init(kept: KeptOverview) {
    self.init(facts: kept.facts, program: kept.program, coverage: kept.coverage, index: kept.period)
  }
}
