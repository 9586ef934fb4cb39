/// The numbers partnerboard accepts from a file. Every value, target,
/// threshold, baseline and payout lies within ±1e15 (a quadrillion: more than
/// any revenue, and far inside what a Double holds exactly to the cent), so
/// sums over a window, attainments and payouts stay finite and every figure
/// can be shown. Weights are 0 to 1e6; payout shares 0 to 100.
public enum NumberLimits {
  public static let magnitude: ClosedRange<Double> = -1e15...1e15
  public static let weight: ClosedRange<Double> = 0...1e6
  public static let share: ClosedRange<Double> = 0...100
  /// The program's quarters, from the earliest to the latest with data: at
  /// most 50 years (every partner is scored at every quarter of the span).
  public static let quarters = 200

  static func outOfRange(_ found: String) -> String {
    "expected a number from -1e15 to 1e15, found \(found)"
  }
}

/// How big a program may be. Every partner is scored on every KPI at every
/// quarter, and the overview keeps a tiers x tiers matrix per quarter, so
/// these bound the memory and the store a program can ask for; real programs
/// use a handful of each.
public enum ProgramLimits {
  public static let segments = 100
  public static let kpis = 100
  public static let tiers = 20
  public static let badges = 100
  public static let schedulePoints = 100

  /// Per array of tables in program.toml.
  static let tables: [String: Int] = ["segment": segments, "kpi": kpis, "tier": tiers, "badge": badges]
}
