/// Program-wide statistics of one KPI at one period (issue 6's definitions):
/// over the aggregated values v(k, t) of the partners evaluated at t for whom
/// the KPI is applicable; missing values are counted apart, never as zero.
public struct KPIStatistics: Sendable, Equatable {
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
}

extension Scorebook {
  public func statistics(kpi k: Int, period t: Int, filter: PartnerFilter = PartnerFilter()) -> KPIStatistics
  {
    var values: [Double] = []
    values.reserveCapacity(order[t].count)
    var missing = 0
    var atTarget = 0
    var credit = 0.0
    let applicable = weights.map { $0.normalised[k] > 0 }
    for p in order[t] where applicable[p] && matches(p, t, filter) {
      guard let v = value(p, t, k) else {
        missing += 1
        continue
      }
      values.append(v)
      let a = attainment(p, t, k)
      if a >= 1 { atTarget += 1 }
      credit += Attainment.credit(a)
    }
    values.sort()
    let n = values.count
    return KPIStatistics(
      kpi: k, period: t, n: n, missing: missing, p25: Quantile.type7(values, 0.25),
      median: Quantile.type7(values, 0.5), p75: Quantile.type7(values, 0.75),
      shareAtTarget: n > 0 ? Double(atTarget) / Double(n) : nil, meanCredit: n > 0 ? credit / Double(n) : nil)
  }

  /// The partners whose aggregated value of KPI k moved most since the
  /// previous period, better first (lower-is-better KPIs read the right way
  /// round): the change in "better" units, positive = improved.
  public func movers(kpi k: Int, period t: Int, filter: PartnerFilter = PartnerFilter(), count: Int = 5)
    -> (improved: [(partner: Int, change: Double)], fell: [(partner: Int, change: Double)])
  {
    guard t > 0 else { return ([], []) }
    let sign = program.kpis[k].direction == .higher ? 1.0 : -1.0
    var changes: [(partner: Int, change: Double)] = []
    for p in order[t] where weight(p, k) > 0 && matches(p, t, filter) {
      guard let now = value(p, t, k), let before = value(p, t - 1, k), now != before else { continue }
      changes.append((p, sign * (now - before)))
    }
    let improved = changes.filter { $0.change > 0 }.sorted { $0.change > $1.change }
    let fell = changes.filter { $0.change < 0 }.sorted { $0.change < $1.change }
    return (Array(improved.prefix(count)), Array(fell.prefix(count)))
  }
}
