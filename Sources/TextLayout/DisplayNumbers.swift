/// Doubles turned into whole numbers for display: cells of a chart, digits
/// of a label. `Int(x)` traps on nan, infinity and anything beyond ±9.2e18;
/// these never do, whatever a data file held.
extension Int {
  /// `x` rounded to the nearest whole number (halves away from zero),
  /// clamped to ±2^62; nan gives 0.
  public init(clampingRounded x: Double) {
    guard !x.isNaN else {
      self = 0
      return
    }
    let limit = 4.611_686_018_427_387_904e18  // 2^62, exactly representable
    self.init(Swift.min(Swift.max(x.rounded(), -limit), limit))
  }
}

extension Double {
  /// `self` within `range`; nan gives the lower bound.
  public func clamped(to range: ClosedRange<Double>) -> Double {
    isNaN ? range.lowerBound : Swift.min(Swift.max(self, range.lowerBound), range.upperBound)
  }
}

/// Axis labels in a few characters, for the terminal charts and the QBR
/// pack's SVG alike: "12", "3.5", "12.4k", "1.2M", "3.4G", "1.2e15"; "?" for
/// nan or infinity.
public enum CompactNumber {
  public static func text(_ v: Double) -> String {
    guard v.isFinite else { return "?" }
    let a = abs(v)
    if a >= 1e12 {
      var exponent = 0
      var m = a
      while m >= 10 {
        m /= 10
        exponent += 1
      }
      return (v < 0 ? "-" : "") + oneDecimal(m) + "e\(exponent)"
    }
    if a >= 1e9 { return oneDecimal(v / 1e9) + "G" }
    if a >= 1_000_000 { return oneDecimal(v / 1_000_000) + "M" }
    if a >= 10_000 { return oneDecimal(v / 1000) + "k" }
    if a >= 100 { return String(Int(clampingRounded: v)) }
    return oneDecimal(v)
  }

  /// One decimal, rounded half away from zero, a trailing ".0" dropped.
  static func oneDecimal(_ v: Double) -> String {
    let tenths = Int(clampingRounded: v * 10)
    let m = abs(tenths)
    return (tenths < 0 ? "-" : "") + "\(m / 10)" + (m % 10 == 0 ? "" : ".\(m % 10)")
  }
}
