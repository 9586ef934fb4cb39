/// A KPI's scoring constants for one segment, resolved once so the engine's
/// inner loop reads plain numbers (SPEC section 2's effective values).
struct KPIRule: Sendable {
  let aggregate: Aggregate
  let isImprovement: Bool
  /// Absolute basis: effective target and threshold for the segment.
  let target: Double
  let threshold: Double
  /// Improvement basis.
  let targetImprovement: Double
  let direction: Direction

  init(_ kpi: KPI, segment: String) {
    aggregate = kpi.aggregate
    direction = kpi.direction
    switch kpi.basis {
    case .absolute:
      isImprovement = false
      target = kpi.effectiveTarget(for: segment)!
      threshold = kpi.effectiveThreshold(for: segment)!
      targetImprovement = 0
    case .improvement(let ti, _):
      isImprovement = true
      target = 0
      threshold = 0
      targetImprovement = ti
    }
  }
}
