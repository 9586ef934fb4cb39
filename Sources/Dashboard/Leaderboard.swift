import Presentation
import Scoring

/// The columns of the leaderboard, in screen order; `s` cycles through them.
public enum LeaderboardColumn: Int, CaseIterable, Sendable {
  case rank, movement, partner, segment, region, manager, tier, score, change, trend, flags

  public var title: String {
    switch self {
    case .rank: "#"
    case .movement: "Move"
    case .partner: "Partner"
    case .segment: "Segment"
    case .region: "Region"
    case .manager: "Manager"
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
    case .manager: "manager"
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
    case .rank, .partner, .segment, .region, .manager: false
    case .movement, .tier, .score, .change, .trend, .flags: true
    }
  }

  /// Columns a user can sort by (`s` skips the others).
  public var sortable: Bool { self != .trend }
}

/// Filters of the leaderboard (`/` text, `f` segment, region, tier, flag)
/// and the book shown (`:manager`), which every screen follows.
public struct LeaderboardFilter: Equatable, Sendable {
  public var text = ""
  public var segment: String?
  public var region: String?
  public var tier: String?
  public var flag: PartnerFlag?
  /// A manager's book (the manager's name as partners.csv spells it); `x`
  /// clears the other filters and keeps it.
  public var manager: String?
  public init(manager: String? = nil) { self.manager = manager }

  public var isEmpty: Bool {
    text.isEmpty && segment == nil && region == nil && tier == nil && flag == nil && manager == nil
  }

  /// The segment, region, tier, flag and book part, as every filtered view takes it.
  public var partners: PartnerFilter {
    PartnerFilter(segment: segment, region: region, tier: tier, flag: flag, manager: manager)
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
  public let manager: String
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
  /// Each KPI's aggregated value at the period (program order).
  public let values: [Double?]
  /// The badges earned at the period (indices into the program's; SPEC section 15).
  public let badges: [Int]
}

/// How the leaderboard is sorted: a column or a KPI's value, and which way.
/// The one home of the words and arrow that say so.
public struct LeaderboardOrder: Equatable, Sendable {
  public var sort: LeaderboardColumn = .rank
  public var ascending = true
  /// Sorted by this KPI's value (best first) instead of `sort`.
  public var kpi: Int?

  public init(sort: LeaderboardColumn = .rank, ascending: Bool = true, kpi: Int? = nil) {
    self.sort = sort
    self.ascending = ascending
    self.kpi = kpi
  }

  /// Whether the sorted column's values decrease down the table: the one
  /// fact both the column's arrow (▼) and the status line show.
  public func valuesDescend(_ program: Program) -> Bool {
    if let k = kpi { return (program.kpis[k].direction == .higher) == ascending }
    return sort.naturalOrderDescends == ascending
  }

  /// The sorted field.
  public var field: LeaderboardField { kpi.map { .kpi($0) } ?? .column(sort) }

  /// The sorted field's title.
  public func title(_ program: Program) -> String { kpi.map { program.kpis[$0].name } ?? sort.title }

  /// "best first" or "reversed", for the status line.
  public var words: String { ascending ? "best first" : "reversed" }
}

/// The leaderboard of one period: sorted, filtered partner indices, and rows
/// built on demand (so 100,000 partners cost one sort, not 100,000 rows).
/// Partners without data at the period come last, by name, whatever the
/// sort: listed so that they can be found, unless a tier or flag filter
/// (which they cannot match) is set.
public struct LeaderboardModel: Sendable {
  public let book: Scorebook
  /// Name, segment and region order of the book's partners (shared by the
  /// leaderboards of one book).
  public let orders: PartnerOrders
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
    filter: LeaderboardFilter = LeaderboardFilter(), sortKPI: Int? = nil, orders: PartnerOrders? = nil
  ) {
    self.orders = orders ?? PartnerOrders(book.partners)
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
    var list =
      filter.isEmpty
      ? book.order[period]
      : book.order[period].filter { p in
        book.matches(p, period, partnerFilter) && search.matches(book.partners[p])
      }
    if let k = sortKPI {
      list = Self.sorted(list, byKPI: k, ascending: ascending, book: book, period: period)
    } else if sort != .rank || !ascending {
      list = Self.sorted(
        list, by: sort, ascending: ascending, book: book, period: period, orders: self.orders)
    }
    withData = list.count
    if partnerFilter.tier == nil && partnerFilter.flag == nil {
      let missing = book.partners.indices.filter { p in
        !book.isEvaluated(p, period)
          && partnerFilter.matches(book.partners[p], tierID: "")
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

  /// The order shown: the column or KPI sorted, and which way.
  public var order: LeaderboardOrder { LeaderboardOrder(sort: sort, ascending: ascending, kpi: sortKPI) }

  /// Whether the sorted column's values decrease down the table.
  public var valuesDescend: Bool { order.valuesDescend(book.program) }

  /// The sorted field.
  public var sortField: LeaderboardField { order.field }

  /// The sorted field's title.
  public var sortTitle: String { order.title(book.program) }

  /// "best first" or "reversed", for the status line.
  public var orderWords: String { order.words }

  public func row(_ i: Int) -> LeaderboardRow {
    let p = partners[i]
    return Self.row(
      partner: p, book: book, period: period, rank: book.rank(p, period), movement: book.movement(p, period),
      badges: book.badges(p, period))
  }

  /// Row of partner `p`; `rank` and `movement` come from elsewhere when `book`
  /// holds only some partners (a first frame's excerpt), everything else is
  /// the partner's own.
  public static func row(
    partner p: Int, book: Scorebook, period t: Int, rank: Int?, movement: Int?, badges: [Int]
  ) -> LeaderboardRow {
    let partner = book.partners[p]
    let tierIndex = book.tier(p, t)
    let score = book.score(p, t)
    let previous = t > 0 ? book.score(p, t - 1) : nil
    var history: [Double?] = []
    for u in max(0, t - 7)...t { history.append(book.score(p, u)) }
    let flags = book.outlook(p, t)
    return LeaderboardRow(
      partnerIndex: p, id: partner.id, rank: rank, movement: movement,
      name: partner.name,
      segment: partner.segment, region: partner.region, manager: partner.manager ?? "", tierIndex: tierIndex,
      tierName: tierIndex.map { book.program.tiers[$0].name } ?? "", score: score,
      change: score.flatMap { s in previous.map { s - $0 } },
      history: history, atRisk: flags?.atRisk ?? false, rising: flags?.rising ?? false,
      blocked: book.blocked(p, t) != nil,
      grace: book.grace(p, t), values: book.program.kpis.indices.map { book.value(p, t, $0) }, badges: badges)
  }

  /// Whether row `i` is a partner without data at the period.
  public func hasData(_ i: Int) -> Bool { i < withData }

  /// `list` is in rank order (a filtered `book.order[t]`), which breaks
  /// every tie. Keys are numbers: text columns by their place in
  /// `orders`.
  static func sorted(
    _ list: [Int], by column: LeaderboardColumn, ascending: Bool, book: Scorebook, period t: Int,
    orders: PartnerOrders
  ) -> [Int] {
    // A text column's places, fetched once (not per partner).
    let places: [Int32] =
      switch column {
      case .partner: orders.name
      case .segment: orders.segment
      case .region: orders.region
      case .manager: orders.manager
      default: []
      }
    let flagKeys = column == .flags ? orders.flags(period: t) { flagsKeys(book, t) } : []
    func key(_ p: Int) -> Double {
      switch column {
      case .rank, .score, .trend: return -book.score(p, t)!
      case .movement: return Double(-(book.movement(p, t) ?? Int.min / 2))
      case .partner, .segment, .region, .manager: return Double(places[p])
      case .tier: return Double(-book.tier(p, t)!)
      case .change:
        let prev = t > 0 ? book.score(p, t - 1) : nil
        return prev.map { -(book.score(p, t)! - $0) } ?? .infinity
      case .flags: return flagKeys[p]
      }
    }
    if [.rank, .score, .trend].contains(column) {
      // Already in score order; reversed, equal scores keep rank order.
      return ascending ? list : reversedKeepingTies(list) { book.score($0, t)! }
    }
    // A descending sort sorts the negated key, so ties stay in rank order.
    let keys = list.map { ascending ? key($0) : -key($0) }
    return bucketed(list, keys) ?? radixSorted(list, keys)
  }

  /// `list` ordered by `keys`, ties in list order: a least-significant-digit
  /// radix sort of the keys' bits (stable, no comparisons). Keys are never
  /// NaN; -0 counts as 0.
  static func radixSorted(_ list: [Int], _ keys: [Double]) -> [Int] {
    // Doubles as unsigned integers in the same order.
    func ordered(_ d: Double) -> UInt64 {
      let bits = (d == 0 ? 0.0 : d).bitPattern
      return bits >> 63 == 1 ? ~bits : bits | (1 << 63)
    }
    var items = keys.enumerated().map { (ordered($1), Int32($0)) }
    var scratch = items
    for shift in stride(from: UInt64(0), to: 64, by: 16) {
      var count = [Int](repeating: 0, count: (1 << 16) + 1)
      for item in items { count[Int((item.0 >> shift) & 0xFFFF) + 1] += 1 }
      if count.contains(items.count) { continue }  // one digit for every key: nothing moves
      for d in 0..<(1 << 16) { count[d + 1] += count[d] }
      for item in items {
        let d = Int((item.0 >> shift) & 0xFFFF)
        scratch[count[d]] = item
        count[d] += 1
      }
      swap(&items, &scratch)
    }
    return items.map { list[Int($0.1)] }
  }

  /// `list` ordered by `keys`, ties in list order, by counting when there
  /// are few distinct keys (flags, tiers, segments, regions): one pass, no
  /// comparisons. Nil when there are too many to bucket.
  static func bucketed(_ list: [Int], _ keys: [Double]) -> [Int]? {
    var bucket: [Double: Int] = [:]
    for k in keys where bucket[k] == nil {
      bucket[k] = bucket.count
      if bucket.count > 64 { return nil }
    }
    let order = bucket.keys.sorted()
    var rank = [Int](repeating: 0, count: order.count)
    for (i, k) in order.enumerated() { rank[bucket[k]!] = i }
    var start = [Int](repeating: 0, count: order.count + 1)
    let of = keys.map { rank[bucket[$0]!] }
    for b in of { start[b + 1] += 1 }
    for i in 0..<order.count { start[i + 1] += start[i] }
    var out = [Int](repeating: 0, count: list.count)
    for (i, b) in of.enumerated() {
      out[start[b]] = list[i]
      start[b] += 1
    }
    return out
  }

  /// The flags column's key per partner (0 when not evaluated at `t`):
  /// at risk 8, in grace 4, blocked 2, rising 1, negated so most come first.
  static func flagsKeys(_ book: Scorebook, _ t: Int) -> [Double] {
    book.partners.indices.map { p in
      guard let f = book.outlook(p, t) else { return 0 }
      return
        -(Double(f.atRisk ? 8 : 0) + Double(book.grace(p, t) > 0 ? 4 : 0)
        + Double(book.blocked(p, t) != nil ? 2 : 0) + (f.rising ? 1 : 0))
    }
  }

  /// `list` from the last element to the first, each run of equal values
  /// kept in its own order.
  static func reversedKeepingTies(_ list: [Int], value: (Int) -> Double) -> [Int] {
    var out: [Int] = []
    out.reserveCapacity(list.count)
    var end = list.count
    while end > 0 {
      var start = end - 1
      let v = value(list[start])
      while start > 0 && value(list[start - 1]) == v { start -= 1 }
      out += list[start..<end]
      end = start
    }
    return out
  }
}

extension LeaderboardModel {
  /// By a KPI's aggregated value, best first (higher or lower as the KPI
  /// says); partners without a value last; rank order breaks ties.
  static func sorted(_ list: [Int], byKPI k: Int, ascending: Bool, book: Scorebook, period t: Int) -> [Int] {
    let higher = book.program.kpis[k].direction == .higher
    // Position in `list` (rank order) breaks ties.
    let keyed = list.enumerated().map { i, p -> (Double?, Int, Int) in (book.value(p, t, k), i, p) }
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

extension LeaderboardModel {
  /// The rows as CSV, as filtered and sorted (`e` export).
  /// Partners without data have no line on a leaderboard: they are left out.
  public func csv() -> String { LeaderboardCSV.document(book, period: period, partners: partners) }
  public func table() -> ExportTable { LeaderboardCSV.table(book, period: period, partners: partners) }
}
