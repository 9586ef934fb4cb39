import Scoring

/// How a what-if names what its tier changes do to the tier benefits that
/// carry a number (`compare`, the What-if screen): one phrase per measure.
public enum BenefitText {
  /// "rebate: mean 7.11 % → 5.33 %, 12 partners more, 20 less" or
  /// "MDF: 1,280,000 → 0 (-1,280,000), 31 partners less".
  public static func shift(_ s: BenefitShift, unicode: Bool = true) -> String {
    let arrow = unicode ? "→" : "->"
    let who = [
      s.more > 0 ? "\(s.more) partner\(s.more == 1 ? "" : "s") more" : nil,
      s.less > 0 ? "\(s.less)\(s.more > 0 ? "" : " partner\(s.less == 1 ? "" : "s")") less" : nil,
    ].compactMap { $0 }
    let change = who.isEmpty ? ", no partner's changes" : ", " + who.joined(separator: ", ")
    if s.measure.percent {
      return
        "\(s.measure.name): mean \(NumberFormat.fixed(s.current, 2)) % \(arrow) \(NumberFormat.fixed(s.other, 2)) %\(change)"
    }
    let delta = s.other - s.current
    return
      "\(s.measure.name): \(NumberFormat.grouped(s.current, 0)) \(arrow) \(NumberFormat.grouped(s.other, 0)) (\(NumberFormat.signedGrouped(delta, 0)))\(change)"
  }
}
