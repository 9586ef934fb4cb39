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
  /// The most the agreement can pay: max_payout * attribution * the
  /// schedule's top share (or the floor, when higher), rounded to cents.
  public let maximum: Double
  /// Pending: what it can still pay above its floor (`maximum - payout`); 0 once verified.
  public var stillOpen: Double { status == .pending ? max(0, maximum - payout) : 0 }
}

/// Payouts summed by status: what the payouts command and screen print under their tables.
public struct PayoutTotals: Sendable, Equatable {
  public var verified = 0.0
  public var verifiedCount = 0
  public var pending = 0.0
  public var pendingCount = 0
  /// Pending agreements' room above their floors.
  public var stillOpen = 0.0

  public init(_ results: [PayoutResult]) {
    for r in results {
      switch r.status {
      case .verified:
        verified += r.payout
        verifiedCount += 1
      case .pending:
        pending += r.payout
        pendingCount += 1
        stillOpen += r.stillOpen
      }
    }
    verified = roundCents(verified)
    pending = roundCents(pending)
    stillOpen = roundCents(stillOpen)
  }

  public var total: Double { roundCents(verified + pending) }
  public var count: Int { verifiedCount + pendingCount }
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
    let top = roundCents(
      agreement.maxPayout * agreement.attribution * max(program.payout.topShare, agreement.floorShare))
    return PayoutResult(
      agreement: agreement, value: v, attainment: r, share: s, payout: payout,
      status: pending ? .pending : .verified, maximum: top)
  }

  public func payouts() -> [PayoutResult] { agreements.map(payout) }
}
