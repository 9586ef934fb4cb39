/// One KPI of one partner over every quarter: what the partner page and the
/// QBR draw as a small chart.
public struct KPISeries: Sendable {
  public let kpi: KPI
  /// Aggregated value per program period (nil before the partner's data or missing).
  public let values: [Double?]
  /// The effective target (absolute KPIs), drawn as the target line.
  public let target: Double?
}

extension Scorebook {
  /// Partner `p`'s series of every KPI, in program order.
  public func kpiSeries(partner p: Int) -> [KPISeries] {
    program.kpis.enumerated().map { k, kpi in
      KPISeries(
        kpi: kpi, values: periods.indices.map { value(p, $0, k) },
        target: kpi.effectiveTarget(for: partners[p].segment))
    }
  }

  /// Partner `p`'s outcome agreements with their payouts.
  public func payouts(partner p: Int) -> [PayoutResult] {
    agreements.filter { $0.partnerID == partners[p].id }.map(payout)
  }
}
