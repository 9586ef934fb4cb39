/// Steps 3 and 4 of SPEC section 4: attainment and credit.
public enum Attainment {
  /// Attainments (and payout attainments r) are kept within ±`limit`: a
  /// target a hair from its threshold, or a baseline near 0, would otherwise
  /// give infinities. Credit and payout share are flat far before it.
  public static let limit = 1e9

  /// `x` within ±limit (nan, which validated inputs cannot give, as 0).
  public static func bounded(_ x: Double) -> Double { x.isNaN ? 0 : min(max(x, -limit), limit) }

  /// Absolute basis: `(v - threshold) / (target - threshold)` with the
  /// segment's effective target and threshold.
  public static func absolute(value v: Double, target: Double, threshold: Double) -> Double {
    bounded((v - threshold) / (target - threshold))
  }

  /// Improvement basis over baseline `b`; nil when there is no baseline
  /// (b missing or 0).
  public static func improvement(
    value v: Double, baseline b: Double?, targetImprovement: Double, direction: Direction
  ) -> Double? {
    guard let b, b != 0 else { return nil }
    let g = direction == .higher ? (v - b) / abs(b) : (b - v) / abs(b)
    return bounded(g / targetImprovement)
  }

  /// Credit `c = min(max(a, 0), 1)`.
  public static func credit(_ a: Double) -> Double { min(max(a, 0), 1) }

  /// The credit an aggregated value `v` earns (sections 4 step 3 and 4);
  /// nil for an improvement KPI without a baseline.
  public static func credit(
    ofValue v: Double, kpi: KPI, segment: String, baseline: Double?
  ) -> Double? {
    switch kpi.basis {
    case .absolute:
      return credit(
        absolute(
          value: v, target: kpi.effectiveTarget(for: segment)!,
          threshold: kpi.effectiveThreshold(for: segment)!))
    case .improvement(let ti, let direction):
      return improvement(value: v, baseline: baseline, targetImprovement: ti, direction: direction).map(
        credit)
    }
  }

  /// The aggregated value that yields credit `c` (SPEC section 5, "what it
  /// takes"): the inverse of the attainment formula.
  public static func value(
    forCredit c: Double, kpi: KPI, segment: String, baseline: Double?
  ) -> Double? {
    switch kpi.basis {
    case .absolute:
      let target = kpi.effectiveTarget(for: segment)!
      let threshold = kpi.effectiveThreshold(for: segment)!
      return threshold + c * (target - threshold)
    case .improvement(let ti, let direction):
      guard let b = baseline else { return nil }
      return direction == .higher ? b * (1 + c * ti) : b * (1 - c * ti)
    }
  }
}
