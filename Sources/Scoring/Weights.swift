/// Step 5 of SPEC section 4: per-segment weights, normalised to sum to 1 over
/// the program's KPIs. A weight of 0 makes the KPI *not applicable*.
public struct SegmentWeights: Sendable {
  /// Normalised weight per KPI, in program order.
  public let normalised: [Double]

  public init(program: Program, segment: String) {
    let raw = program.kpis.map { $0.rawWeight(for: segment) }
    var total = 0.0
    for w in raw { total += w }
    normalised = total > 0 ? raw.map { $0 / total } : raw.map { _ in 0 }
  }

  public func isApplicable(_ k: Int) -> Bool { normalised[k] > 0 }
}
