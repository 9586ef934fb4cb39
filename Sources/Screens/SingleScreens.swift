import Dashboard
import Presentation
import Scoring
import TerminalUI

/// Screens drawn without a whole dashboard state: from what the store keeps
/// (a screenful of the leaderboard, one partner read on its own, the
/// overview's numbers), for first frames and `render`. Each draws the same
/// cells as `render(state)` showing the same thing.
extension DashboardView {
  /// A screen's key hints, from its unit (nil state: a first frame).
  static func hints(_ screen: Screen, _ s: DashboardState? = nil) -> [StatusBar.Hint] {
    ScreenRegistry.unit(screen).hints(s).map { .init($0.keys, $0.action) }
  }

  static var leaderboardHints: [StatusBar.Hint] { hints(.leaderboard) }
  static var partnerHints: [StatusBar.Hint] { hints(.partner) }
  static var overviewHints: [StatusBar.Hint] { hints(.overview) }
  static var trendsHints: [StatusBar.Hint] { hints(.trends) }
  static var pilotHints: [StatusBar.Hint] { hints(.pilot) }
  static var returnHints: [StatusBar.Hint] { hints(.roi) }

  /// The Pilot screen from the review kept with the scores (`render pilot`).
  public static func render(
    pilot: PilotState, program: Program, coverage: QuarterCoverage, cohorts: Int, width: Int, height: Int,
    message: String? = nil, theme: Theme = Theme(), glyphs: Glyphs
  ) -> CellBuffer {
    single(
      PilotScreen(pilot: pilot, program: program, coverage: coverage, cohorts: cohorts, theme: theme),
      bar: bar(pilotHints, message), width: width, height: height, glyphs: glyphs)
  }

  /// The Program return screen from the outcome values kept with the scores (`render roi`).
  public static func render(
    programReturn state: ReturnState, program: Program, coverage: QuarterCoverage, width: Int, height: Int,
    message: String? = nil, theme: Theme = Theme(), glyphs: Glyphs
  ) -> CellBuffer {
    single(
      ProgramReturnScreen(state: state, program: program, coverage: coverage, theme: theme),
      bar: bar(returnHints, message), width: width, height: height, glyphs: glyphs)
  }

  /// The first frame's status line while the whole scorebook loads.
  public static func loadingMessage(partners: Int) -> String {
    "loading every score of \(NumberFormat.grouped(Double(partners), 0)) partners… ↑↓ Enter 1-4 9 0 now, other keys wait"
  }

  /// The leaderboard's first frame from an excerpt of the kept scores (with
  /// the selection where `cursor` put it); with a `message` (what is
  /// loading) in place of the key hints.
  public static func render(
    firstFrame excerpt: LeaderboardExcerpt, width: Int, height: Int, cursor: FirstFrameCursor? = nil,
    message: String? = nil, theme: Theme = Theme(), glyphs: Glyphs
  ) -> CellBuffer {
    single(
      LeaderboardScreen(page: LeaderboardPage(excerpt: excerpt, width: width, cursor: cursor), theme: theme),
      bar: bar(leaderboardHints, message), width: width, height: height, glyphs: glyphs)
  }

  /// The partner screen of one partner read on its own (`render partner`).
  public static func render(
    partner model: PartnerDetailModel, width: Int, height: Int, message: String? = nil,
    theme: Theme = Theme(),
    glyphs: Glyphs
  ) -> CellBuffer {
    single(
      PartnerScreen(model: model, scroll: 0, theme: theme), bar: bar(partnerHints, message), width: width,
      height: height, glyphs: glyphs)
  }

  /// The overview from the numbers kept with the scores (`render overview`).
  public static func render(
    overview model: OverviewModel, width: Int, height: Int, message: String? = nil, theme: Theme = Theme(),
    glyphs: Glyphs
  ) -> CellBuffer {
    single(
      OverviewScreen(model: model, scroll: 0, theme: theme), bar: bar(overviewHints, message), width: width,
      height: height, glyphs: glyphs)
  }

  /// The trends screen from the statistics kept with the scores (`render trends`).
  public static func render(
    trends page: TrendsPage, width: Int, height: Int, message: String? = nil, theme: Theme = Theme(),
    glyphs: Glyphs
  ) -> CellBuffer {
    single(
      TrendsScreen(page: page, theme: theme), bar: bar(trendsHints, message), width: width, height: height,
      glyphs: glyphs)
  }

  /// The screen's key hints; or, while the first scorebook loads, what is
  /// loading (with `q` quit).
  static func bar(_ hints: [StatusBar.Hint], _ message: String?) -> StatusBar {
    message.map { StatusBar(hints: [.init("q", "quit")], message: $0) }
      ?? StatusBar(hints: hints, message: "")
  }

  /// One screen above a status line.
  static func single(_ screen: some Widget, bar: StatusBar, width: Int, height: Int, glyphs: Glyphs)
    -> CellBuffer
  {
    var buffer = CellBuffer(width: max(0, width), height: max(0, height))
    guard width > 0 && height > 0 else { return buffer }
    guard width >= DashboardState.minimumWidth && height >= DashboardState.minimumHeight else {
      tooSmall(&buffer, glyphs: glyphs)
      return buffer
    }
    screen.render(in: Rect(x: 0, y: 0, width: width, height: height - 1), buffer: &buffer, glyphs: glyphs)
    bar.render(in: Rect(x: 0, y: height - 1, width: width, height: 1), buffer: &buffer, glyphs: glyphs)
    if !glyphs.isUnicode { ASCIIFallback.apply(to: &buffer) }
    return buffer
  }
}
