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
    ScreenRegistry.unit(screen).hints(s)
  }

  static var leaderboardHints: [StatusBar.Hint] { hints(.leaderboard) }
  static var partnerHints: [StatusBar.Hint] { hints(.partner) }
  static var overviewHints: [StatusBar.Hint] { hints(.overview) }
  static var trendsHints: [StatusBar.Hint] { hints(.trends) }
  static var pilotHints: [StatusBar.Hint] { hints(.pilot) }
  static var returnHints: [StatusBar.Hint] { hints(.roi) }

  /// A screen drawn from the kept numbers (`render`, and the first frame
  /// while the scorebook loads, with a `message` saying what loads).
  public static func render(
    kept frame: KeptFrame, width: Int, height: Int, message: String? = nil, theme: Theme = Theme(),
    glyphs: Glyphs
  ) -> CellBuffer {
    func single(_ screen: some Widget, _ hints: [StatusBar.Hint]) -> CellBuffer {
      Self.single(screen, bar: bar(hints, message), width: width, height: height, glyphs: glyphs)
    }
    switch frame {
    case .leaderboard(let page): return single(LeaderboardScreen(page: page, theme: theme), leaderboardHints)
    case .partner(let model):
      return single(PartnerScreen(model: model, scroll: 0, theme: theme), partnerHints)
    case .overview(let model):
      return single(OverviewScreen(model: model, scroll: 0, theme: theme), overviewHints)
    case .trends(let page): return single(TrendsScreen(page: page, theme: theme), trendsHints)
    case .pilot(let f):
      return single(
        PilotScreen(
          pilot: f.pilot, program: f.program, coverage: f.coverage, cohorts: f.cohorts, theme: theme),
        pilotHints)
    case .programReturn(let f):
      return single(
        ProgramReturnScreen(state: f.state, program: f.program, coverage: f.coverage, theme: theme),
        returnHints)
    }
  }

  /// The dashboard in either phase: while the first scorebook loads, the
  /// kept frame with what loads in the status line (a blank screen before
  /// the first rows are read).
  public static func render(_ app: AppState, theme: Theme = Theme(), glyphs: Glyphs) -> CellBuffer {
    if let state = app.ready { return render(state, theme: theme, glyphs: glyphs) }
    guard let loading = app.loading, let frame = loading.frame, let partners = loading.partnerCount else {
      return CellBuffer(width: max(0, app.loading?.width ?? 0), height: max(0, app.loading?.height ?? 0))
    }
    return render(
      kept: frame, width: loading.width, height: loading.height, message: loadingMessage(partners: partners),
      theme: theme, glyphs: glyphs)
  }

  /// The first frame's status line while the whole scorebook loads.
  public static func loadingMessage(partners: Int) -> String {
    "loading every score of \(NumberFormat.grouped(Double(partners), 0)) partners… ↑↓ Enter 1-4 9 0 now, other keys wait"
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
