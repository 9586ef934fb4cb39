/// SPEC section 14: what the outcome agreements paid and what their
/// outcomes gained, per KPI, for the program, and period by period.
public struct ProgramROI: Sendable {
  public struct Valued: Sendable {
    public let result: PayoutResult
    /// (v - baseline) * attribution, positive when better; nil when v is missing.
    public let gain: Double?
  }

  public struct KPIRow: Sendable {
    public let kpi: KPI
    public let agreements: Int
    public let paid: Double
    public let gain: Double
    /// gain / paid; nil when nothing was paid.
    public var gainPerPaid: Double? { paid != 0 ? gain / paid : nil }
    /// (gain - paid) / paid for a currency KPI; nil otherwise or when nothing was paid.
    public var roi: Double? { kpi.unit == .currency && paid != 0 ? (gain - paid) / paid : nil }
  }

  public struct PeriodRow: Sendable {
    public let period: Period
    public let paid: Double
    public let cashGain: Double
    /// The cash ROI of everything up to this period; nil while nothing was paid.
    public let cumulativeCashROI: Double?
    /// Cash gained less paid, everything up to this period: below zero
    /// until the program has paid for itself.
    public let cumulativeNet: Double
  }

  public let period: Period
  public let agreements: [Valued]
  public let kpis: [KPIRow]
  public let paid: Double
  /// The gains of currency KPIs only: a lower bound of what the program returned.
  public let cashGain: Double
  public var cashROI: Double? { paid != 0 ? (cashGain - paid) / paid : nil }
  public let periods: [PeriodRow]
  /// The first period whose cumulative cash gain covers what was paid so far.
  public let payback: Period?
  /// The first period in which anything was paid.
  public let firstPayout: Period?

  public init(book: Scorebook, period t: Int) {
    self.init(
      program: book.program, periods: book.periods,
      payouts: book.agreements.filter { $0.period <= book.periods[t] }.map(book.payout), period: t)
  }

  /// From every agreement's payout (the whole scorebook's, or those of the
  /// values kept with the scores); those after period index `t` are left out.
  public init(program: Program, periods quarters: [Period], payouts: [PayoutResult], period t: Int) {
    let end = quarters[t]
    period = end
    let valued = payouts.filter { $0.agreement.period <= end }.map { result -> Valued in
      let a = result.agreement
      let sign = a.target < a.baseline ? -1.0 : 1.0
      return Valued(result: result, gain: result.value.map { ($0 - a.baseline) * a.attribution * sign })
    }
    agreements = valued
    kpis = program.kpis.compactMap { kpi in
      let mine = valued.filter { $0.result.agreement.kpi == kpi.id }
      guard !mine.isEmpty else { return nil }
      return KPIRow(
        kpi: kpi, agreements: mine.count, paid: mine.reduce(0) { $0 + $1.result.payout },
        gain: mine.reduce(0) { $0 + ($1.gain ?? 0) })
    }
    func isCash(_ v: Valued) -> Bool {
      program.kpiIndex(v.result.agreement.kpi).map { program.kpis[$0].unit == .currency } ?? false
    }
    paid = valued.reduce(0) { $0 + $1.result.payout }
    cashGain = valued.filter(isCash).reduce(0) { $0 + ($1.gain ?? 0) }
    var rows: [PeriodRow] = []
    var cumPaid = 0.0
    var cumGain = 0.0
    var payback: Period? = nil
    var first: Period? = nil
    for q in quarters.prefix(t + 1) {
      let here = valued.filter { $0.result.agreement.period == q }
      let paidHere = here.reduce(0) { $0 + $1.result.payout }
      let gainHere = here.filter(isCash).reduce(0) { $0 + ($1.gain ?? 0) }
      cumPaid += paidHere
      cumGain += gainHere
      if first == nil && cumPaid > 0 { first = q }
      if payback == nil && cumPaid > 0 && cumGain >= cumPaid { payback = q }
      rows.append(
        PeriodRow(
          period: q, paid: paidHere, cashGain: gainHere,
          cumulativeCashROI: cumPaid > 0 ? (cumGain - cumPaid) / cumPaid : nil,
          cumulativeNet: cumGain - cumPaid))
    }
    self.periods = rows
    self.payback = payback
    firstPayout = first
  }
}
