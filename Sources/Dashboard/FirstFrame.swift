import Scoring

/// What the dashboard shows while its first scorebook loads (issue 11): the
/// leaderboard, the overview, the trends screen, a partner, the pilot or
/// the program return, each drawn
/// from the kept scores. The keys pressed meanwhile are applied again to the
/// dashboard's state once the scorebook is in; this follows the ones whose
/// result it can show, exactly as that state will take them (a test holds
/// the two equal), and stops following at the first it cannot.
public struct FirstFrameState: Equatable, Sendable {
  public enum Shown: Equatable, Sendable { case leaderboard, overview, trends, partner, pilot, roi }

  public private(set) var shown: Shown = .leaderboard
  public private(set) var cursor: FirstFrameCursor
  /// The leaderboard row of the partner last opened (`2` opens it again).
  public private(set) var detail: Int?
  /// Where Esc goes back to from the partner.
  public private(set) var returnTo: Shown = .leaderboard
  /// False from the first key this cannot show: the frame then waits.
  public private(set) var following = true

  public init(count: Int, height: Int) { cursor = FirstFrameCursor(count: count, height: height) }

  /// Takes a key as the dashboard would; false when it stops following.
  /// The screens' keys are the registry's (`ScreenRegistry.opened(by:)`),
  /// the back keys `Update.isBack`'s, the movement keys the leaderboard's.
  @discardableResult
  public mutating func apply(_ key: Key) -> Bool {
    guard following else { return false }
    switch (shown, key) {
    case (.leaderboard, _) where cursor.apply(key): break
    case (.leaderboard, .enter), (.leaderboard, .right), (.leaderboard, .char("l")): open(cursor.selected)
    case (.leaderboard, .tab), (.partner, .tab): shown = .overview
    case (.partner, _) where Update.isBack(key): shown = returnTo
    case (.pilot, _) where Update.isBack(key), (.roi, _) where Update.isBack(key): shown = .leaderboard
    case (_, .char(let c)):
      switch ScreenRegistry.opened(by: c)?.screen {
      case .leaderboard?: shown = .leaderboard
      case .partner?: open(detail ?? cursor.selected)
      case .overview?: shown = .overview
      case .trends?: shown = .trends
      case .pilot?: shown = .pilot
      case .roi?: shown = .roi
      default: following = false
      }
    default: following = false
    }
    return following
  }

  /// A resize: followed while nothing has moved (a moved selection may be
  /// placed otherwise at another height).
  public mutating func resize(height: Int) {
    if cursor.selected != 0 || cursor.scroll != 0 || shown != .leaderboard { following = false }
    if following { cursor.height = height }
  }

  /// An event this cannot show (a mouse click): the frame waits from now on.
  public mutating func stopFollowing() { following = false }

  private mutating func open(_ row: Int) {
    detail = row
    if shown != .partner { returnTo = shown }
    shown = .partner
  }
}

/// The selection on the leaderboard's first frame while the whole scorebook
/// loads: the movement keys move it over the kept rows exactly as they move
/// the leaderboard's (the keys are applied again once the scorebook is in,
/// and land on the same row).
public struct FirstFrameCursor: Equatable, Sendable {
  public private(set) var selected = 0
  public private(set) var scroll = 0
  /// Rows listed (every partner: the first frame has no filter).
  public let count: Int
  public var height: Int

  public init(count: Int, height: Int) {
    self.count = count
    self.height = height
  }

  /// Moves for a movement key (↑↓ j k PgUp PgDn g G Home End); false for
  /// any other key, which the first frame cannot follow.
  public mutating func apply(_ key: Key) -> Bool {
    let visible = DashboardState.tableHeight(height: height)
    guard let j = Update.listTarget(key, from: selected, count: count, page: visible) else { return false }
    (selected, scroll) = DashboardState.placed(selected: j, scroll: scroll, count: count, visible: visible)
    return true
  }
}
