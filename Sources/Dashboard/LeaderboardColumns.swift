import Scoring

/// A column the leaderboard can show: one of its own, or a KPI's value.
public enum LeaderboardField: Hashable, Sendable {
  case column(LeaderboardColumn)
  /// Program KPI index: the partner's aggregated value.
  case kpi(Int)
}

/// Which columns the leaderboard shows (`c`): rank and partner always; the
/// others by the user's choice, or by default where the width allows
/// (region from 110 columns, the trend sparkline from 100); KPI values
/// chosen by the user, before the flags.
public struct ColumnChoice: Equatable, Sendable {
  /// Columns the user switched on or off.
  public internal(set) var explicit: [LeaderboardColumn: Bool] = [:]
  /// KPI value columns, in the order chosen.
  public internal(set) var kpis: [Int] = []

  public init() {}

  /// Columns that can be switched off (rank and partner cannot).
  public static let optional: [LeaderboardColumn] = [
    .movement, .segment, .region, .tier, .score, .change, .trend, .flags,
  ]

  static func shownByDefault(_ c: LeaderboardColumn, width: Int) -> Bool {
    switch c {
    case .region: width >= 110
    case .trend: width >= 100
    default: true
    }
  }

  public func isShown(_ c: LeaderboardColumn, width: Int) -> Bool {
    c == .rank || c == .partner || (explicit[c] ?? Self.shownByDefault(c, width: width))
  }

  /// The fields shown on a screen `width` columns wide, in order.
  public func visible(width: Int) -> [LeaderboardField] {
    var out: [LeaderboardField] = []
    for c in LeaderboardColumn.allCases {
      if c == .flags { out += kpis.map { .kpi($0) } }
      if isShown(c, width: width) { out.append(.column(c)) }
    }
    return out
  }

  mutating func toggle(_ c: LeaderboardColumn, width: Int) {
    guard c != .rank && c != .partner else { return }
    explicit[c] = !isShown(c, width: width)
  }

  mutating func toggle(kpi k: Int) {
    if let i = kpis.firstIndex(of: k) { kpis.remove(at: i) } else { kpis.append(k) }
  }
}

/// The column chooser (`c`): a cursor over the optional columns, then the KPIs.
public struct ColumnPanel: Equatable, Sendable {
  public internal(set) var cursor = 0
}
