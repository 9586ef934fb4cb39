import Scoring
import TextLayout

/// A quarterly business review of one partner (issue 4): seven slides of data
/// about that partner only. Nothing here names another partner or shows another
/// partner's figure; the peer slide shows segment aggregates only, and only
/// when the segment has enough partners for them to hide any one of them.
public struct QBRModel: Sendable {
  public static let slideTitles = [
    "Title", "Where you stand", "Scorecard", "Trends", "What it takes", "Outcomes and payouts", "Among peers",
  ]
  /// Below this many partners in the segment, the peer slide shows no statistics.
  public static let minimumPeers = 5

  public struct KPILine: Sendable {
    public let kpi: KPI
    public let value: Double?
    public let target: Double?
    public let attainment: Double
    public let credit: Double
    public let points: Double
    public let status: KPIStatus
    /// Change of the value since last quarter in "better" units: >0 improved.
    public let betterChange: Double?
    public let adjusted: Bool
    /// How the partner does on it, in words (`Phrases.result`).
    public let result: String
  }

  public struct Peers: Sendable {
    public let count: Int
    public let median: Double
    public let topQuartile: Double
    /// Partners of the segment per 10-point score band, 0-10 ... 90-100.
    public let histogram: [Int]
    /// Share of the segment the partner scores at or above.
    public let percentile: Double
  }

  public let program: Program
  public let partner: Partner
  public let segmentName: String
  public let period: Period
  public let evaluation: PartnerEvaluation
  public let leading: [KPILine]
  public let lagging: [KPILine]
  /// KPI values over all quarters, with the effective target.
  public let series: [KPISeries]
  public let scores: [Double?]
  public let periods: [Period]
  public let payouts: [PayoutResult]
  public let peers: Peers?

  public init?(book: Scorebook, partner p: Int, period t: Int) {
    guard let e = book.evaluation(partner: p, period: t) else { return nil }
    program = book.program
    partner = book.partners[p]
    segmentName = book.program.segment(partner.segment)?.name ?? partner.segment
    period = book.periods[t]
    evaluation = e
    series = book.kpiSeries(partner: p)
    scores = book.periods.indices.map { book.score(p, $0) }
    periods = book.periods
    payouts = book.payouts(partner: p)
    var lines: [KPILine] = []
    for (k, kpi) in e.kpis.enumerated() where kpi.status != .notApplicable {
      var change: Double? = nil
      if t > 0, let now = kpi.value, let before = book.value(p, t - 1, k) {
        change = (kpi.kpi.direction == .higher ? 1 : -1) * (now - before)
      }
      let adjusted = (kpi.window + kpi.baselineWindow).contains { $0.adjustment != nil }
      lines.append(
        KPILine(
          kpi: kpi.kpi, value: kpi.value, target: kpi.target, attainment: kpi.attainment, credit: kpi.credit,
          points: kpi.points, status: kpi.status, betterChange: change, adjusted: adjusted,
          result: Phrases.result(kpi).text))
    }
    leading = lines.filter { $0.kpi.indicator == .leading }
    lagging = lines.filter { $0.kpi.indicator == .lagging }
    let segment = book.partners[p].segment
    let segmentScores = book.order[t].filter { book.partners[$0].segment == segment }.map {
      book.score($0, t)!
    }.sorted()
    if segmentScores.count >= Self.minimumPeers {
      var histogram = [Int](repeating: 0, count: 10)
      for s in segmentScores { histogram[min(9, max(0, Int(clampingRounded: (s / 10).rounded(.down))))] += 1 }
      let score = e.score
      let atOrBelow = segmentScores.filter { $0 <= score }.count
      peers = Peers(
        count: segmentScores.count, median: Quantile.type7(segmentScores, 0.5)!,
        topQuartile: Quantile.type7(segmentScores, 0.75)!, histogram: histogram,
        percentile: Double(atOrBelow) / Double(segmentScores.count))
    } else {
      peers = nil
    }
  }

  /// "What it takes" in the KPI's own words: "+3 certified staff",
  /// "Renewal rate 91 % -> 94 %".
  public func path(_ w: WhatItTakes, mask: Bool) -> String? {
    guard let needed = w.needed else { return nil }
    let kpi = w.kpi
    if kpi.unit == .count, let now = w.current {
      let more = (needed - now).rounded(.up)
      if more > 0 { return "+\(NumberFormat.trimmed(more, 0)) \(kpi.name.lowercased())" }
    }
    return "\(kpi.name) \(money(w.current, kpi, mask: mask)) -> \(money(needed, kpi, mask: mask))"
  }

  /// A KPI value in its unit; money masked as •••.
  public func money(_ v: Double?, _ kpi: KPI, mask: Bool) -> String {
    if mask && kpi.unit == .currency && v != nil { return Phrases.masked }
    return NumberFormat.value(v, unit: kpi.unit, currency: program.currency)
  }

  /// A tier requirement in words, its amounts masked like every other amount.
  public func requirement(_ r: RequirementCheck, mask: Bool) -> String {
    Phrases.requirement(r, style: .partner) { money($0, r.kpi, mask: mask) }
  }

  /// A KPI's target: its effective target, or the improvement it asks for.
  public func target(_ l: KPILine, mask: Bool) -> String {
    if case .improvement(let ti, let direction) = l.kpi.basis {
      return "\(direction == .higher ? "+" : "-")\(NumberFormat.trimmed(ti * 100, 1)) % on the last window"
    }
    return money(l.target, l.kpi, mask: mask)
  }

  /// An amount of the program's currency, masked as •••.
  public func amount(_ v: Double, mask: Bool) -> String {
    mask ? Phrases.masked : NumberFormat.grouped(v, 2) + " " + program.currency
  }
}
