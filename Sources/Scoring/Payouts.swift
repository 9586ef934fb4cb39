/// SPEC section 7: outcome agreements and their payouts.
public struct PayoutResult: Sendable, Equatable {
  public enum Status: String, Sendable {
    case pending, verified

    /// An agreement of `quarter` is verified once the data reaches it
    /// (`latest`, the latest period with data), pending before.
    public static func of(_ quarter: Period, latest: Period?) -> Status {
      latest.map { quarter > $0 } ?? true ? .pending : .verified
    }
  }

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
  /// The agreement's quarter is open (SPEC section 3): its value may still change.
  public let provisional: Bool
  /// Pending: what it can still pay above its floor (`maximum - payout`); 0 once verified.
  public var stillOpen: Double { status == .pending ? max(0, maximum - payout) : 0 }
}

/// One partner's agreements summed (the Payouts screen's `b` view, `payouts
/// --by-partner`): how many, and the totals by status.
public struct PartnerPayouts: Sendable, Equatable {
  public let partnerID: String
  public let agreements: Int
  public let totals: PayoutTotals

  /// `results` grouped by partner, the largest total first (ties: by id,
  /// in code points).
  public static func of(_ results: [PayoutResult]) -> [PartnerPayouts] {
    var grouped: [String: [PayoutResult]] = [:]
    var order: [String] = []
    for r in results {
      if grouped[r.agreement.partnerID] == nil { order.append(r.agreement.partnerID) }
      grouped[r.agreement.partnerID, default: []].append(r)
    }
    return order.map {
      PartnerPayouts(partnerID: $0, agreements: grouped[$0]!.count, totals: PayoutTotals(grouped[$0]!))
    }
    .sorted { a, b in
      a.totals.total != b.totals.total
        ? a.totals.total > b.totals.total
        : a.partnerID.unicodeScalars.lexicographicallyPrecedes(b.partnerID.unicodeScalars)
    }
  }
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

extension PayoutResult {
  /// SPEC section 7 for one agreement, given its outcome value `v` (nil when
  /// missing), the program's schedule and the latest period with data.
  public static func of(
    _ agreement: Agreement, value v: Double?, schedule: PayoutSchedule, latest: Period?,
    closedThrough: Period?
  ) -> PayoutResult {
    let r = v.map { Attainment.bounded(($0 - agreement.baseline) / (agreement.target - agreement.baseline)) }
    let s = r.map { schedule.share(at: $0) }
    let share = max(s ?? 0, agreement.floorShare)
    let payout = roundCents(agreement.maxPayout * agreement.attribution * share)
    let top = roundCents(
      agreement.maxPayout * agreement.attribution * max(schedule.topShare, agreement.floorShare))
    return PayoutResult(
      agreement: agreement, value: v, attainment: r, share: s, payout: payout,
      status: .of(agreement.period, latest: latest), maximum: top,
      provisional: closedThrough.map { agreement.period > $0 } ?? true)
  }
}

extension Scorebook {
  /// The outcome value v(kpi, period) of an agreement's partner; nil when
  /// missing, or when the program lacks the KPI or the period.
  public func outcomeValue(_ agreement: Agreement) -> Double? {
    guard let p = partnerIndex(id: agreement.partnerID), let k = program.kpiIndex(agreement.kpi),
      let t = periodIndex(agreement.period)
    else { return nil }
    return value(p, t, k)
  }

  public func payout(_ agreement: Agreement) -> PayoutResult {
    PayoutResult.of(
      agreement, value: outcomeValue(agreement), schedule: program.payout, latest: periods.last,
      closedThrough: closedThrough)
  }

  public func payouts() -> [PayoutResult] { agreements.map(payout) }
}
