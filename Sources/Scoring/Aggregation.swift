/// Step 2 of SPEC section 4: a KPI's aggregated value over a window.
public struct AggregateAccumulator {
  var sum = 0.0
  var count = 0
  var last = 0.0

  public init() {}

  /// Adds one period's value, in period order; NaN (no observation) is skipped.
  public mutating func add(_ v: Double) {
    guard !v.isNaN else { return }
    sum += v
    count += 1
    last = v
  }

  /// `sum`, `mean` (of present values) or `last` (latest present value);
  /// nil when no value is present (the value is *missing*).
  public func result(_ aggregate: Aggregate) -> Double? {
    guard count > 0 else { return nil }
    switch aggregate {
    case .sum: return sum
    case .mean: return sum / Double(count)
    case .last: return last
    }
  }
}

extension Aggregate {
  public func apply(_ values: some Sequence<Double>) -> Double? {
    var acc = AggregateAccumulator()
    for v in values { acc.add(v) }
    return acc.result(self)
  }
}
