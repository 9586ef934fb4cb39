/// The engine's last pass (SPEC section 6), on scores already computed: per
/// period, the evaluated partners in rank order, their rank overall and in
/// their segment, and how many were evaluated per segment. One home for the
/// whole-program scorebook and for the store's kept scores, which score
/// partners a slice at a time and rank them all at the end.
public struct PeriodRanks: Sendable {
  /// Per (partner, period), index p * T + t; 0 when not evaluated.
  public let ranks: [Int]
  public let segmentRanks: [Int]
  /// Partner indices in rank order, per period.
  public let order: [[Int]]
  /// Partners evaluated per segment id, per period.
  public let segmentSizes: [[String: Int]]

  /// `scores[p * periods + t]`; partner `p` is evaluated from period index
  /// `firstPeriod[p]` on (-1: never). Ties rank by name in code-point order,
  /// then id. Names are ranked once, so the per-period sorts compare numbers.
  public init(
    partners: [Partner], firstPeriod first: [Int], periods T: Int, scores: UnsafeBufferPointer<Double>
  ) {
    let P = partners.count
    let segments = SegmentCodes(partners)
    let segmentOf = segments.of
    let segmentIDs = segments.ids
    let nameRank = Self.nameRanks(partners)
    var ranks = [Int](repeating: 0, count: P * T)
    var segmentRanks = [Int](repeating: 0, count: P * T)
    var order: [[Int]] = []
    order.reserveCapacity(T)
    var segmentSizes: [[String: Int]] = []
    for t in 0..<T {
      var ids = (0..<P).filter { first[$0] >= 0 && first[$0] <= t }
      ids.sort { a, b in
        let sa = scores[a * T + t]
        let sb = scores[b * T + t]
        return sa != sb ? sa > sb : nameRank[a] < nameRank[b]
      }
      let r = Ranking.ranks(ofDescending: ids.map { scores[$0 * T + t] })
      for (i, p) in ids.enumerated() { ranks[p * T + t] = r[i] }
      var bySegment = [[Int]](repeating: [], count: segmentIDs.count)
      for p in ids { bySegment[segmentOf[p]].append(p) }
      var sizes: [String: Int] = [:]
      for (c, members) in bySegment.enumerated() where !members.isEmpty {
        let sr = Ranking.ranks(ofDescending: members.map { scores[$0 * T + t] })
        for (i, p) in members.enumerated() { segmentRanks[p * T + t] = sr[i] }
        sizes[segmentIDs[c]] = members.count
      }
      segmentSizes.append(sizes)
      order.append(ids)
    }
    self.ranks = ranks
    self.segmentRanks = segmentRanks
    self.order = order
    self.segmentSizes = segmentSizes
    self.rankedCounts = order.map(\.count)
  }

  /// Each partner's place in name order (code points, then id): ties
  /// rank by it. Names are ranked once, so the sorts compare numbers.
  static func nameRanks(_ partners: [Partner]) -> [Int] {
    let byName = partners.indices.sorted { a, b in
      Ranking.precedes((0, partners[a].name, partners[a].id), (0, partners[b].name, partners[b].id))
    }
    var nameRank = [Int](repeating: 0, count: partners.count)
    for (i, p) in byName.enumerated() { nameRank[p] = i }
    return nameRank
  }

  /// How many partners are ranked per period: all of the data's, or the
  /// program's when the ranks were given.
  public let rankedCounts: [Int]

  /// The ranks `given` holds for the data's partners (evaluated from
  /// `first`), in the given rank order (ties by name, then id, as above).
  public init(given: GivenRanks, partners: [Partner], firstPeriod first: [Int], periods: [Period]) {
    let P = partners.count
    let T = periods.count
    let nameRank = Self.nameRanks(partners)
    var ranks = [Int](repeating: 0, count: P * T)
    var segmentRanks = [Int](repeating: 0, count: P * T)
    var order: [[Int]] = []
    for (t, period) in periods.enumerated() {
      var ids: [Int] = []
      for p in 0..<P where first[p] >= 0 && first[p] <= t {
        guard let placed = given.ranks[partners[p].id]?[period.ordinal] else { continue }
        ranks[p * T + t] = placed.rank
        segmentRanks[p * T + t] = placed.segmentRank
        ids.append(p)
      }
      ids.sort { a, b in
        ranks[a * T + t] != ranks[b * T + t] ? ranks[a * T + t] < ranks[b * T + t] : nameRank[a] < nameRank[b]
      }
      order.append(ids)
    }
    self.ranks = ranks
    self.segmentRanks = segmentRanks
    self.order = order
    self.segmentSizes = periods.map { given.evaluated[$0.ordinal] ?? [:] }
    self.rankedCounts = periods.map { given.evaluated[$0.ordinal]?.values.reduce(0, +) ?? 0 }
  }
}

/// Ranks computed over the whole program, for data that holds only some
/// of its partners: each partner's rank and segment rank per period
/// ordinal, and how many partners each segment had evaluated.
public struct GivenRanks: Sendable, Equatable {
  public struct Placed: Sendable, Equatable {
    public let rank: Int
    public let segmentRank: Int
    public init(rank: Int, segmentRank: Int) {
      self.rank = rank
      self.segmentRank = segmentRank
    }
  }
  public var ranks: [String: [Int: Placed]]
  public var evaluated: [Int: [String: Int]]

  public init(ranks: [String: [Int: Placed]] = [:], evaluated: [Int: [String: Int]] = [:]) {
    self.ranks = ranks
    self.evaluated = evaluated
  }
}
