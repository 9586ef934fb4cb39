/// The share of an agreement's max payout as a function of attainment r:
/// piecewise linear through the points, flat outside them (SPEC section 7).
public struct PayoutSchedule: Sendable, Equatable {
  public struct Point: Sendable, Equatable {
    public var r: Double
    public var share: Double
    public init(r: Double, share: Double) {
      self.r = r
      self.share = share
    }
  }

  public var points: [Point]

  public init(points: [Point]) { self.points = points }

  /// The highest share the schedule pays (at any attainment).
  public var topShare: Double { points.map(\.share).max() ?? 0 }

  public func share(at r: Double) -> Double {
    guard let first = points.first, let last = points.last else { return 0 }
    if r <= first.r { return first.share }
    if r >= last.r { return last.share }
    for i in 1..<points.count where r <= points[i].r {
      let a = points[i - 1]
      let b = points[i]
      return a.share + (r - a.r) / (b.r - a.r) * (b.share - a.share)
    }
    return last.share
  }
}
