/// SPEC section 7: outcome agreements and their payouts.
public struct PayoutResult: Sendable {
  public enum Status: String, Sendable { case pending, verified }

  public let agreement: Agreement
  /// Outcome value v(kpi, period); nil when missing.
  public let value: Double?
  /// r = (v - baseline) / (target - baseline); nil when v is missing.
  public let attainment: Double?
  /// schedule(r); nil when r is missing.
  public let share: Double?
  /// The share applied: `max(s, floor_share)`, or `floor_share` when r is missing.
  public var shareApplied: Double { max(share ?? 0, agreement.floorShare) }
  /// max_payout * attribution * max(s, floor_share), rounded to cents.
  public let payout: Double
  public let status: Status
}

extension Scorebook {
  public func payout(_ agreement: Agreement) -> PayoutResult {
    var v: Double? = nil
    if let p = partnerIndex(id: agreement.partnerID), let k = program.kpiIndex(agreement.kpi),
      let t = periodIndex(agreement.period)
    {
      v = value(p, t, k)
    }
    let r = v.map { Attainment.bounded(($0 - agreement.baseline) / (agreement.target - agreement.baseline)) }
    let s = r.map { program.payout.share(at: $0) }
    let share = max(s ?? 0, agreement.floorShare)
    let payout = roundCents(agreement.maxPayout * agreement.attribution * share)
    let pending = periods.last.map { agreement.period > $0 } ?? true
    return PayoutResult(
      agreement: agreement, value: v, attainment: r, share: s, payout: payout,
      status: pending ? .pending : .verified)
  }

  public func payouts() -> [PayoutResult] { agreements.map(payout) }
}
