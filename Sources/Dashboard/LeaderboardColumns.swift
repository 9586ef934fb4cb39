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
  /// The width rule of the leaderboard (docs/dashboard.md, "Widths"): the
  /// partner's name takes the room the other columns leave, at least
  /// `nameFloor` (or the longest name, when shorter) and at most
  /// `nameCeiling`; where the name would get less, the columns shown by
  /// default give way one by one (the trend, the manager, the region, the
  /// change, the segment, the movement), never one the user chose with `c`;
  /// where there is more, the program's KPIs fill it (unless the user chose
  /// KPIs), and what is left stays blank at the right edge. Numbers are
  /// never cut: every other column is as wide as its values.
  public static let nameFloor = 16
  public static let nameCeiling = 40

  /// The columns that give way, first to last.
  static let givesWay: [LeaderboardColumn] = [.trend, .manager, .region, .change, .segment, .movement]

  /// The fields on a screen `width` wide and the name's width.
  public func layout(width: Int, program: Program, longestName: Int) -> (
    fields: [LeaderboardField], nameWidth: Int
  ) {
    var fields = visible(width: width)
    let floor = max(4, min(longestName, Self.nameFloor))
    let ceiling = max(floor, min(longestName, Self.nameCeiling))
    // Room for the name: the width less the marker (2), the other columns and one space between each.
    func room(_ fields: [LeaderboardField]) -> Int {
      width - 2 - fields.compactMap { $0.width(screen: width, program: program) }.reduce(0, +)
        - (fields.count - 1)
    }
    for c in Self.givesWay where room(fields) < floor {
      guard explicit[c] != true, let i = fields.firstIndex(of: .column(c)) else { continue }
      fields.remove(at: i)
    }
    var spare = room(fields) - ceiling
    if kpis.isEmpty {
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
    }
    return (fields, max(1, min(ceiling, room(fields))))
  }

  /// The fields on a screen `width` wide (`layout`).
  public func visible(width: Int, program: Program, longestName: Int) -> [LeaderboardField] {
    layout(width: width, program: program, longestName: longestName).fields
  }
}

/// The column chooser (`c`): a cursor over the optional columns, then the KPIs.
public struct ColumnPanel: Equatable, Sendable {
  public internal(set) var cursor = 0
}
