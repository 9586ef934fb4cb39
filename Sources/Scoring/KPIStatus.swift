/// A KPI's status in one evaluation: the first that applies, in this order
/// (SPEC section 4 step 3).
public enum KPIStatus: UInt8, Sendable {
  case notApplicable, missing, noBaseline, adjusted, ok

  /// The first status that applies (step 3): weight 0 for the segment, no
  /// value in the window, no baseline, an adjusted value used, else ok.
  public static func of(applicable: Bool, hasValue: Bool, hasAttainment: Bool, adjusted: Bool) -> KPIStatus {
    if !applicable { return .notApplicable }
    if !hasValue { return .missing }
    if !hasAttainment { return .noBaseline }
    return adjusted ? .adjusted : .ok
  }

  /// The spelling used in JSON and CSV output.
  public var name: String {
    switch self {
    case .notApplicable: "not_applicable"
    case .missing: "missing"
    case .noBaseline: "no_baseline"
    case .adjusted: "adjusted"
    case .ok: "ok"
    }
  }
}
