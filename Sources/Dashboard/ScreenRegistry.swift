import Scoring
import TextLayout

/// One screen of the dashboard as a unit: the keys that open it, whether
/// Tab stops at it, its own keys (`update`), how its model is derived while
/// it is shown, what `[` `]` step, and the key hints of its status bar.
/// Its state is a field of `DashboardState` (`PilotState`, `ReturnState`,
/// ...) and its view a widget of the Screens module. Adding a screen is its
/// files, a `Screen` case, and its entry in `ScreenRegistry.unit(_:)` (an
/// exhaustive switch: the compiler points at it, and at the view's).
public struct ScreenUnit: Sendable {
  public let screen: Screen
  /// The keys that open it from any screen (`1`-`9`, `0`, `t`, `$`).
  public let keys: [Character]
  /// What it is, for the help's list of screens ("payouts").
  public let title: String
  /// Whether Tab stops here now (the pilot once a cohort exists, the
  /// what-if once a program is loaded).
  let inTabCycle: @Sendable (DashboardState) -> Bool
  /// Opening it with one of its keys (some cannot open yet: they say why).
  let open: @Sendable (inout DashboardState) -> Void
  /// Its own keys, after the global ones.
  let update: @Sendable (Key, inout DashboardState) -> [Effect]
  /// Builds its model when its inputs changed (called while it is shown).
  let derive: @Sendable (inout DashboardState) -> Void
  /// `[` `]`: the previous or next quarter, unless the screen steps something else.
  let step: @Sendable (Int, inout DashboardState) -> Void
  /// The status bar's key hints (nil state: a first frame, before any key).
  public let hints: @Sendable (DashboardState?) -> [KeyHint]

  init(
    _ screen: Screen, keys: [Character], title: String,
    inTabCycle: @escaping @Sendable (DashboardState) -> Bool = { _ in true },
    open: (@Sendable (inout DashboardState) -> Void)? = nil,
    update: @escaping @Sendable (Key, inout DashboardState) -> [Effect],
    derive: @escaping @Sendable (inout DashboardState) -> Void = { _ in },
    step: @escaping @Sendable (Int, inout DashboardState) -> Void = { $1.setPeriod($1.period + $0) },
    hints: @escaping @Sendable (DashboardState?) -> [KeyHint]
  ) {
    self.screen = screen
    self.keys = keys
    self.title = title
    self.inTabCycle = inTabCycle
    self.open = open ?? { $0.screen = screen }
    self.update = update
    self.derive = derive
    self.step = step
    self.hints = hints
  }
}

public enum ScreenRegistry {
  /// Tab's order (the partner counts as the leaderboard; the QBR goes back to it).
  public static let tabOrder: [Screen] = [
    .leaderboard, .overview, .changes, .trends, .payouts, .fairness, .pilot, .roi, .whatIf,
  ]

  /// The screens opened by a key, in the order of their keys (1-9, 0).
  public static var keyed: [ScreenUnit] {
    ([.leaderboard, .partner, .overview, .trends, .changes, .payouts, .fairness, .whatIf, .pilot, .roi]
      as [Screen])
      .map(unit)
  }

  /// The unit of the screen opened by `c`, if any.
  static func opened(by c: Character) -> ScreenUnit? { keyed.first { $0.keys.contains(c) } }

  /// Where Tab goes from `s`'s screen.
  static func next(after s: DashboardState) -> Screen {
    let current = s.screen == .partner ? .leaderboard : s.screen
    guard let i = tabOrder.firstIndex(of: current) else { return .leaderboard }
    return tabOrder[(i + 1)...].first { unit($0).inTabCycle(s) } ?? .leaderboard
  }

  static let quit = KeyHint("q", "quit")
  static let help = KeyHint("?", "help")

  public static func unit(_ screen: Screen) -> ScreenUnit {
    switch screen {
    case .leaderboard:
      ScreenUnit(
        .leaderboard, keys: ["1"], title: "leaderboard", update: Update.leaderboardKey,
        derive: { $0.leaderboardPage = $0.builtLeaderboardPage() },
        hints: { _ in
          [
            .init("↑↓", "move"), .init("Enter", "open"), .init("/", "search"), .init("< > s", "sort"),
            .init("f", "filter"), .init("c", "columns"), .init("[ ]", "period"), .init("Tab", "overview"),
            .init("e", "export"), help, quit,
          ]
        })
    case .partner:
      ScreenUnit(
        .partner, keys: ["2"], title: "partner", inTabCycle: { _ in false },
        open: { $0.openDetail($0.detailPartner ?? $0.selectedPartner) }, update: Update.detailKey,
        derive: { $0.preparePartner() },
        hints: { _ in
          [
            .init("Esc", "back"), .init("↑↓", "scroll"), .init("[ ]", "period"), .init("e", "export"), help,
            quit,
          ]
        })
    case .overview:
      ScreenUnit(
        .overview, keys: ["3"], title: "overview", update: Update.overviewKey,
        derive: { $0.prepareOverview() },
        hints: { _ in [.init("↑↓", "scroll"), .init("Tab", "changes"), .init("[ ]", "period"), help, quit] })
    case .trends:
      ScreenUnit(
        .trends, keys: ["4", "t"], title: "trends", update: Update.trendsKey,
        derive: {
          $0.prepareTrends()
          $0.trendsPage = $0.builtTrendsPage()
        },
        hints: { s in
          s?.trendsFocusOnMovers == true
            ? [.init("↑↓", "mover"), .init("Enter", "open"), .init("Esc", "KPIs"), quit]
            : [
              .init("↑↓", "KPI"), .init("m", "movers"), .init("f", "filter"), .init("[ ]", "period"),
              .init("e", "export"), .init("Tab", "payouts"), help, quit,
            ]
        })
    case .changes:
      ScreenUnit(
        .changes, keys: ["5"], title: "changes", update: Update.changesKey, derive: { $0.prepareChanges() },
        hints: { _ in
          [
            .init("↑↓", "move"), .init("Enter", "open"), .init("{ }", "section"), .init("f", "filter"),
            .init("[ ]", "period"), .init("( )", "compared with"), .init("e", "export"),
            .init("Tab", "trends"),
            help, quit,
          ]
        })
    case .payouts:
      ScreenUnit(
        .payouts, keys: ["6", "$"], title: "payouts", update: Update.payoutsKey,
        derive: { $0.preparePayouts() }, step: { $1.stepPayoutQuarter($0) },
        hints: { s in
          [
            .init("↑↓", "move"), .init("Enter", "open"),
            .init("[ ]", s?.payoutsState.wholeYear == true ? "year" : "quarter"),
            .init("y", s?.payoutsState.wholeYear == true ? "quarter" : "year"),
            .init("b", s?.payoutsState.byPartner == true ? "agreements" : "by partner"),
            .init("m", s?.payoutsState.masked == true ? "show" : "hide"), .init("f", "filter"),
            .init("e", "export"), help, quit,
          ]
        })
    case .fairness:
      ScreenUnit(
        .fairness, keys: ["7"], title: "fairness", update: Update.fairnessKey,
        derive: { $0.prepareFairness() },
        hints: { _ in
          [
            .init("↑↓", "group"), .init("Enter", "show on leaderboard"), .init("b", "segment/region"),
            .init("[ ]", "period"), help, quit,
          ]
        })
    case .whatIf:
      ScreenUnit(
        .whatIf, keys: ["8"], title: "what-if", inTabCycle: { $0.whatIfState.other != nil },
        open: { s in
          if s.whatIfState.other == nil {
            s.message = "no program to compare yet: :compare PATH.toml loads one"
          } else {
            s.screen = .whatIf
          }
        }, update: Update.whatIfKey, derive: { $0.prepareWhatIf() },
        hints: { _ in
          [
            .init("↑↓", "move"), .init("Enter", "open"), .init("f", "filter"), .init("[ ]", "period"),
            .init("e", "export"), help, quit,
          ]
        })
    case .pilot:
      ScreenUnit(
        .pilot, keys: ["9"], title: "pilot", inTabCycle: { !$0.book.cohorts.isEmpty },
        update: Update.pilotKey,
        derive: { $0.preparePilot() },
        hints: { _ in
          [
            .init("↑↓", "measure"), .init("c", "cohort"), .init("[ ]", "period"), .init("e", "export"), help,
            quit,
          ]
        })
    case .roi:
      ScreenUnit(
        .roi, keys: ["0"], title: "return", update: Update.returnKey, derive: { $0.prepareReturn() },
        hints: { _ in [.init("↑↓", "KPI"), .init("[ ]", "period"), .init("e", "export"), help, quit] })
    case .qbr:
      ScreenUnit(
        .qbr, keys: [], title: "QBR", inTabCycle: { _ in false }, update: Update.qbrKey,
        derive: { $0.prepareQBR() },
        hints: { _ in
          [
            .init("Space →", "next"), .init("←", "back"), .init("1-7", "slide"), .init("m", "hide amounts"),
            .init("e", "export pack"), .init("q Esc", "leave"),
          ]
        })
    }
  }
}
