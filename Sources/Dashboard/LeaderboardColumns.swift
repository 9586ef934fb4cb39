import Scoring

/// A column the leaderboard can show: one of its own, or a KPI's value.
public enum LeaderboardField: Hashable, Sendable {
  case column(LeaderboardColumn)
  /// Program KPI index: the partner's aggregated value.
  case kpi(Int)
}

/// Which columns the leaderboard shows (`c`): rank and partner always; the
/// others by the user's choice, or by default where the width allows
/// (region from 110 columns, the trend sparkline from 100, the manager
/// from 150); KPI values
/// chosen by the user, before the flags.
public struct ColumnChoice: Equatable, Sendable {
  /// Columns the user switched on or off.
  public internal(set) var explicit: [LeaderboardColumn: Bool] = [:]
  /// KPI value columns, in the order chosen.
  public internal(set) var kpis: [Int] = []

  public init() {}

  /// Columns that can be switched off (rank and partner cannot).
  public static let optional: [LeaderboardColumn] = [
    .movement, .segment, .region, .manager, .tier, .score, .change, .trend, .flags,
  ]

  static func shownByDefault(_ c: LeaderboardColumn, width: Int) -> Bool {
    switch c {
    case .region: width >= 110
    case .manager: width >= 150
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

extension LeaderboardField {
  /// Columns wide (110 and up) get room for bars and regions.
  public static func isWide(_ width: Int) -> Bool { width >= 110 }

  /// The column's width; nil for the partner's name, which takes the rest.
  public func width(screen: Int, program: Program) -> Int? {
    let wide = Self.isWide(screen)
    switch self {
    case .column(.rank), .column(.movement): return 5
    case .column(.partner): return nil
    case .column(.segment): return wide ? 11 : 8
    case .column(.region): return 6
    case .column(.manager): return 16
    case .column(.tier): return 10
    case .column(.score): return wide ? 17 : 6
    case .column(.change): return 6
    case .column(.trend): return 8
    // Wide enough for "risk grace 1/2" (and "blocked"), never cut first.
    case .column(.flags): return wide ? 20 : 14
    case .kpi(let k): return max(8, min(12, program.kpis[k].name.count))
    }
  }
}

extension ColumnChoice {
  /// The fields on a screen `width` wide: the chosen ones; and where the
  /// user chose no KPI and names (`longestName`, at most 40) leave room,
  /// the program's KPIs in order, as many as fit: wide terminals show more
  /// data, not blank space after the names.
  public func visible(width: Int, program: Program, longestName: Int) -> [LeaderboardField] {
    var fields = visible(width: width)
    guard kpis.isEmpty else { return fields }
    let fixed = fields.compactMap { $0.width(screen: width, program: program) }.reduce(0, +)
    let name = max(16, min(longestName, 40))
    var spare = width - 2 - fixed - name - fields.count
    var extra: [LeaderboardField] = []
    for k in program.kpis.indices {
      let w = LeaderboardField.kpi(k).width(screen: width, program: program)! + 1
      guard spare >= w else { break }
      extra.append(.kpi(k))
      spare -= w
    }
    if let flags = fields.firstIndex(of: .column(.flags)) {
      fields.insert(contentsOf: extra, at: flags)
    } else {
      fields += extra
    }
    return fields
  }
}

/// The column chooser (`c`): a cursor over the optional columns, then the KPIs.
public struct ColumnPanel: Equatable, Sendable {
  public internal(set) var cursor = 0
}
