import Dashboard
import Scoring

/// What a screen may read besides its own state: the data, the
/// leaderboard's filter (which the list screens follow) and the screen's
/// size. Never the whole dashboard state.
struct ScreenContext {
  let book: Scorebook
  let filter: LeaderboardFilter
  let width: Int
  let height: Int

  init(_ s: DashboardState) {
    book = s.book
    filter = s.leaderboard.filter
    width = s.width
    height = s.height
  }
}
