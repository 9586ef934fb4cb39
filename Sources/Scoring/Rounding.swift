/// `round(x, n)` as SPEC section 4 defines it: multiply by 10^n, round half
/// away from zero to an integer, divide by 10^n. Every displayed or compared
/// figure goes through here.
public func specRound(_ x: Double, _ digits: Int) -> Double {
  guard x.isFinite else { return x }
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  let scaled = x * scale
  // Beyond 2^53 every Double is whole already; past Double's range, x stays.
  guard scaled.isFinite else { return x }
  return scaled.rounded(.toNearestOrAwayFromZero) / scale
}

/// Money is rounded to cents.
public func roundCents(_ x: Double) -> Double { specRound(x, 2) }
