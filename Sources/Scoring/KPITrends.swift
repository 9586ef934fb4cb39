/// Program-wide statistics of one KPI at one period (issue 6's definitions):
/// over the aggregated values v(k, t) of the partners evaluated at t for whom
/// the KPI is applicable; missing values are counted apart, never as zero.
public struct KPIStatistics: Sendable, Equatable, Codable {
  public let kpi: Int
  public let period: Int
  /// Partners with a value, and applicable partners without one.
  public let n: Int
  public let missing: Int
  /// Quantiles by linear interpolation between closest ranks ("type 7"); nil when n = 0.
  public let p25: Double?
  public let median: Double?
  public let p75: Double?
  /// Fraction of the n whose attainment a >= 1 (no baseline counts as a = 0).
  public let shareAtTarget: Double?
  /// Mean credit c = min(max(a, 0), 1) of the n.
  public let meanCredit: Double?

  public init(
    kpi: Int, period: Int, n: Int, missing: Int, p25: Double?, median: Double?, p75: Double?,
    shareAtTarget: Double?, meanCredit: Double?
  ) {
    self.kpi = kpi
    self.period = period
    self.n = n
    self.missing = missing
    self.p25 = p25
    self.median = median
    self.p75 = p75
    self.shareAtTarget = shareAtTarget
    self.meanCredit = meanCredit
  }
}

public enum Quantile {
  /// Type 7: position (n - 1) * p, zero-based, over sorted values.
  public static func type7(_ sorted: [Double], _ p: Double) -> Double? {
    guard !sorted.isEmpty else { return nil }
    let h = Double(sorted.count - 1) * p
    let lo = Int(h.rounded(.down))
    guard lo + 1 < sorted.count else { return sorted[lo] }
    return sorted[lo] + (h - Double(lo)) * (sorted[lo + 1] - sorted[lo])
  }

  /// Type-7 quantiles at several `ps` of unsorted `values`, without sorting
  /// them all: the order statistics needed are selected (quickselect), each
  /// search starting where the previous one ended. `values` is reordered.
  public static func type7(selecting values: inout [Double], _ ps: [Double]) -> [Double?] {
    let n = values.count
    guard n > 0 else { return ps.map { _ in nil } }
    var ranks = Set<Int>()
    for p in ps {
      let lo = Int((Double(n - 1) * p).rounded(.down))
      ranks.insert(lo)
      if lo + 1 < n { ranks.insert(lo + 1) }
    }
    var from = 0
    for k in ranks.sorted() {
      select(&values, k, from, n - 1)
      from = k
    }
    return ps.map { p in
      let h = Double(n - 1) * p
      let lo = Int(h.rounded(.down))
      guard lo + 1 < n else { return values[lo] }
      return values[lo] + (h - Double(lo)) * (values[lo + 1] - values[lo])
    }
  }

  /// Puts the k-th smallest of `a[lo...hi]` at `k`, smaller ones before it
  /// and larger ones after (Hoare's selection, median-of-three pivots).
  static func select(_ a: inout [Double], _ k: Int, _ lo: Int, _ hi: Int) {
    var lo = lo
    var hi = hi
    while hi > lo {
      let mid = lo + (hi - lo) / 2
      if a[mid] < a[lo] { a.swapAt(mid, lo) }
      if a[hi] < a[lo] { a.swapAt(hi, lo) }
      if a[hi] < a[mid] { a.swapAt(hi, mid) }
      let pivot = a[mid]
      var i = lo
      var j = hi
      while i <= j {
        while a[i] < pivot { i += 1 }
        while a[j] > pivot { j -= 1 }
        if i <= j {
          a.swapAt(i, j)
          i += 1
          j -= 1
        }
      }
      if k <= j {
        hi = j
      } else if k >= i {
        lo = i
      } else {
        return
      }
    }
  }
}

extension Scorebook {
  public func statistics(kpi k: Int, period t: Int, filter: PartnerFilter = PartnerFilter()) -> KPIStatistics
  {
    var tally = KPITally(capacity: order[t].count)
    let filtered = !filter.isEmpty
    // In partner order, as a rescore adds its slices.
    for p in partners.indices
    where isEvaluated(p, t) && isApplicable(p, k) && (!filtered || matches(p, t, filter)) {
      tally.add(value: value(p, t, k), attainment: attainment(p, t, k))
    }
    return tally.statistics(kpi: k, period: t)
  }

  /// The partners whose aggregated value of KPI k moved most since the
  /// previous period, better first (lower-is-better KPIs read the right way
  /// round): the change in "better" units, positive = improved.
  public func movers(kpi k: Int, period t: Int, filter: PartnerFilter = PartnerFilter(), count: Int = 5)
    -> (improved: [(partner: Int, change: Double)], fell: [(partner: Int, change: Double)])
  {
    guard t > 0 else { return ([], []) }
    let better = program.kpis[k].direction == .higher ? 1.0 : -1.0
    // The `count` biggest each way, gathered as they come (no sort of every
    // partner's change), by their place in the rank order, which breaks ties.
    var tally = KPITally(movers: count)
    let filtered = !filter.isEmpty
    let ranked = order[t]
    for (i, p) in ranked.enumerated() where isApplicable(p, k) && (!filtered || matches(p, t, filter)) {
      tally.add(partner: i, value: value(p, t, k), before: value(p, t - 1, k), better: better)
    }
    let (improved, fell) = tally.movers { $0 }
    return (improved.map { (ranked[$0.partner], $0.change) }, fell.map { (ranked[$0.partner], $0.change) })
  }
}
