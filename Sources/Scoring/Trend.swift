/// SPEC section 6: least-squares slope of the score over the last
/// min(4, n) evaluated periods; none when fewer than two.
public enum Trend {
  public static let span = 4

  /// `scores` are consecutive periods' rounded scores, oldest first.
  public static func slope(_ scores: ArraySlice<Double>) -> Double? {
    let ys = scores.suffix(span)
    let n = ys.count
    guard n >= 2 else { return nil }
    let meanX = Double(n - 1) / 2
    var meanY = 0.0
    for y in ys { meanY += y }
    meanY /= Double(n)
    var num = 0.0
    var den = 0.0
    for (i, y) in ys.enumerated() {
      let dx = Double(i) - meanX
      num += dx * (y - meanY)
      den += dx * dx
    }
    return num / den
  }
}
