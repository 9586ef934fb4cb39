/// Open and closed quarters (SPEC section 3). Data arrives over weeks: a
/// quarter is open until it is closed (`partnerboard close P` closes P and
/// every quarter before it). Scores at an open quarter are computed as at a
/// closed one but are provisional, and named with their coverage.
public struct QuarterCoverage: Sendable, Equatable {
  public let period: Period
  /// Open: its scores may still change as data arrives.
  public let provisional: Bool
  /// Partners with at least one observation at the period (adjustments count).
  public let reported: Int
  /// Partners evaluated at the period before (at the first period: `reported`,
  /// a coverage of 1).
  public let expected: Int

  public init(period: Period, provisional: Bool, reported: Int, expected: Int) {
    self.period = period
    self.provisional = provisional
    self.reported = reported
    self.expected = expected
  }

  /// `reported / expected` (1 when nobody was expected).
  public var share: Double { expected > 0 ? Double(reported) / Double(expected) : 1 }

  /// The coverage of period index `t` of `periods`, from the partners with data
  /// at each period and those evaluated at each.
  public static func of(
    _ t: Int, periods: [Period], reported: (Int) -> Int, evaluated: (Int) -> Int, closedThrough: Period?
  ) -> QuarterCoverage {
    let n = reported(t)
    return QuarterCoverage(
      period: periods[t], provisional: closedThrough.map { periods[t] > $0 } ?? true, reported: n,
      expected: t > 0 ? evaluated(t - 1) : n)
  }
}
