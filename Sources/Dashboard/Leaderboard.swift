import Presentation
import Scoring

/// The columns of the leaderboard, in screen order; `s` cycles through them.
public enum LeaderboardColumn: Int, CaseIterable, Sendable {
  case rank, movement, partner, segment, region, tier, score, change, trend, flags

  public var title: String {
    switch self {
    case .rank: "#"
    case .movement: "Move"
    case .partner: "Partner"
    case .segment: "Segment"
    case .region: "Region"
    case .tier: "Tier"
    case .score: "Score"
    case .change: "Δ"
    case .trend: "Trend"
    case .flags: "Flags"
    }
  }

  /// The column's name in `:sort`.
  public var name: String {
    switch self {
    case .rank: "rank"
    case .movement: "movement"
    case .partner: "partner"
    case .segment: "segment"
    case .region: "region"
    case .tier: "tier"
    case .score: "score"
    case .change: "change"
    case .trend: "trend"
    case .flags: "flags"
    }
  }

  /// Whether the column's natural order (best first, A to Z) shows its
  /// values decreasing down the table: scores, tiers, movement and change
  /// do; ranks and names increase.
  public var naturalOrderDescends: Bool {
    switch self {
    case .rank, .partner, .segment, .region: false
    case .movement, .tier, .score, .change, .trend, .flags: true
    }
  }

  /// Columns a user can sort by (`s` skips the others).
  public var sortable: Bool { self != .trend }
}

/// Filters of the leaderboard (`/` text, `f` segment, region, tier, flag).
public struct LeaderboardFilter: Equatable, Sendable {
  public var text = ""
  public var segment: String?
  public var region: String?
  public var tier: String?
  public var flag: PartnerFlag?
  public init() {}

  public var isEmpty: Bool { text.isEmpty && segment == nil && region == nil && tier == nil && flag == nil }

  /// The segment, region, tier and flag part, as every filtered view takes it.
  public var partners: PartnerFilter {
    PartnerFilter(segment: segment, region: region, tier: tier, flag: flag)
  }
}

/// One visible row, built only for the rows on screen. A partner with no
/// data at the period has no rank, tier or score (`hasData` false).
public struct LeaderboardRow: Equatable, Sendable {
  public let partnerIndex: Int
  public let id: String
  public let rank: Int?
  public let movement: Int?
  public let name: String
  public let segment: String
  public let region: String
  public let tierIndex: Int?
  public let tierName: String
  public let score: Double?
  /// Score change since the previous quarter; nil for a new partner.
  public let change: Double?
  /// Scores of the last 8 quarters up to the period, oldest first (nil before the partner's data).
  public let history: [Double?]
  public let atRisk: Bool
  public let rising: Bool
  public let blocked: Bool
  public let grace: Int
}

/// The leaderboard of one period: sorted, filtered partner indices, and rows
/// built on demand (so 100,000 partners cost one sort, not 100,000 rows).
/// Partners without data at the period come last, by name, whatever the
/// sort: listed so that they can be found, unless a tier or flag filter
/// (which they cannot match) is set.
public struct LeaderboardModel: Sendable {
  public let book: Scorebook
  public let period: Int
  public let sort: LeaderboardColumn
  public let ascending: Bool
  public let filter: LeaderboardFilter
  /// Sorted by this KPI's value (best first) instead of `sort`.
  public let sortKPI: Int?
  /// Partner indices in display order.
  public let partners: [Int]

  public init(
    book: Scorebook, period: Int, sort: LeaderboardColumn = .rank, ascending: Bool = true,
    filter: LeaderboardFilter = LeaderboardFilter(), sortKPI: Int? = nil
  ) {
    self.sortKPI = sortKPI
    self.book = book
    self.period = period
    self.sort = sort
    self.ascending = ascending
    self.filter = filter
    guard period >= 0 && period < book.order.count else {
      partners = []
      withData = 0
      return
    }
    let search = PartnerSearch(filter.text)
    let partnerFilter = filter.partners
    var list = book.order[period].filter { p in
      book.matches(p, period, partnerFilter) && search.matches(book.partners[p])
    }
    if let k = sortKPI {
      list = Self.sorted(list, byKPI: k, ascending: ascending, book: book, period: period)
    } else if sort != .rank || !ascending {
      list = Self.sorted(list, by: sort, ascending: ascending, book: book, period: period)
    }
    withData = list.count
    if partnerFilter.tier == nil && partnerFilter.flag == nil {
      let missing = book.partners.indices.filter { p in
        !book.isEvaluated(p, period)
          && partnerFilter.matches(
            segment: book.partners[p].segment, region: book.partners[p].region, tierID: "")
          && search.matches(book.partners[p])
      }
      list += missing.sorted { a, b in
        Ranking.precedes(
          (0, book.partners[a].name, book.partners[a].id), (0, book.partners[b].name, book.partners[b].id))
      }
    }
    partners = list
  }

  /// How many of `partners` have data (the first ones).
  public let withData: Int

  public var count: Int { partners.count }

  /// Whether the sorted column's values decrease down the table: the one
  /// fact both the column's arrow (▼) and the status line show.
  public var valuesDescend: Bool {
    if let k = sortKPI { return (book.program.kpis[k].direction == .higher) == ascending }
    return sort.naturalOrderDescends == ascending
  }

  /// The sorted field.
  public var sortField: LeaderboardField { sortKPI.map { .kpi($0) } ?? .column(sort) }

  /// The sorted field's title.
  public var sortTitle: String { sortKPI.map { book.program.kpis[$0].name } ?? sort.title }

  /// "best first" or "reversed", for the status line.
  public var orderWords: String { ascending ? "best first" : "reversed" }

  public func row(_ i: Int) -> LeaderboardRow { Self.row(partner: partners[i], book: book, period: period) }

  public static func row(partner p: Int, book: Scorebook, period t: Int) -> LeaderboardRow {
    let partner = book.partners[p]
    let tierIndex = book.tier(p, t)
    let score = book.score(p, t)
    let previous = t > 0 ? book.score(p, t - 1) : nil
    var history: [Double?] = []
    for u in max(0, t - 7)...t { history.append(book.score(p, u)) }
    let flags = book.outlook(p, t)
    return LeaderboardRow(
      partnerIndex: p, id: partner.id, rank: book.rank(p, t), movement: book.movement(p, t),
      name: partner.name,
      segment: partner.segment, region: partner.region, tierIndex: tierIndex,
      tierName: tierIndex.map { book.program.tiers[$0].name } ?? "", score: score,
      change: score.flatMap { s in previous.map { s - $0 } },
      history: history, atRisk: flags?.atRisk ?? false, rising: flags?.rising ?? false,
      blocked: book.blocked(p, t) != nil,
      grace: book.grace(p, t))
  }

  /// Whether row `i` is a partner without data at the period.
  public func hasData(_ i: Int) -> Bool { i < withData }

  static func sorted(
    _ list: [Int], by column: LeaderboardColumn, ascending: Bool, book: Scorebook, period t: Int
  ) -> [Int] {
    // Rank order is the tie-breaker for every column.
    var rankPosition = [Int](repeating: 0, count: book.partners.count)
    for (i, p) in book.order[t].enumerated() { rankPosition[p] = i }
    func key(_ p: Int) -> SortKey {
      let partner = book.partners[p]
      switch column {
      case .rank, .score, .trend: return .number(-book.score(p, t)!)
      case .movement: return .number(Double(-(book.movement(p, t) ?? Int.min / 2)))
      case .partner: return .text(partner.name.lowercased())
      case .segment: return .text(partner.segment)
      case .region: return .text(partner.region)
      case .tier: return .number(Double(-book.tier(p, t)!))
      case .change:
        let prev = t > 0 ? book.score(p, t - 1) : nil
        return .number(prev.map { -(book.score(p, t)! - $0) } ?? .infinity)
      case .flags:
        let f = book.outlook(p, t)!
        return .number(
          -(Double(f.atRisk ? 8 : 0) + Double(book.grace(p, t) > 0 ? 4 : 0)
            + Double(book.blocked(p, t) != nil ? 2 : 0) + (f.rising ? 1 : 0)))
      }
    }
    let keyed = list.map { (key($0), rankPosition[$0], $0) }
    let sorted = keyed.sorted { a, b in
      if a.0 != b.0 { return ascending ? a.0 < b.0 : b.0 < a.0 }
      return a.1 < b.1
    }
    return sorted.map(\.2)
  }
}

extension LeaderboardModel {
  /// By a KPI's aggregated value, best first (higher or lower as the KPI
  /// says); partners without a value last; rank order breaks ties.
  static func sorted(_ list: [Int], byKPI k: Int, ascending: Bool, book: Scorebook, period t: Int) -> [Int] {
    let higher = book.program.kpis[k].direction == .higher
    var rankPosition = [Int](repeating: 0, count: book.partners.count)
    for (i, p) in book.order[t].enumerated() { rankPosition[p] = i }
    let keyed = list.map { p -> (Double?, Int, Int) in (book.value(p, t, k), rankPosition[p], p) }
    return keyed.sorted { a, b in
      switch (a.0, b.0) {
      case (nil, nil): return a.1 < b.1
      case (nil, _): return false
      case (_, nil): return true
      case (let x?, let y?):
        if x == y { return a.1 < b.1 }
        let better = higher ? x > y : x < y
        return ascending ? better : !better
      }
    }.map(\.2)
  }
}

enum SortKey: Comparable {
  case number(Double)
  case text(String)
}

extension LeaderboardModel {
  /// The rows as CSV, as filtered and sorted (`e` export).
  /// Partners without data have no line on a leaderboard: they are left out.
  public func csv() -> String { LeaderboardCSV.document(book, period: period, partners: partners) }
  public func table() -> ExportTable { LeaderboardCSV.table(book, period: period, partners: partners) }
}
