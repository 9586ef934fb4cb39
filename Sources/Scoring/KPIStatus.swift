/// A KPI's status in one evaluation: the first that applies, in this order
/// (SPEC section 4 step 3).
public enum KPIStatus: UInt8, Sendable {
  case notApplicable, missing, noBaseline, adjusted, ok

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
