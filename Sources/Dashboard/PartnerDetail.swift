import Presentation
import Scoring

/// Everything the partner detail screen shows, for one partner at one period.
public struct PartnerDetailModel: Sendable {
  public typealias KPISeries = Scoring.KPISeries

  public struct HistoryPoint: Sendable {
    public let period: Period
    public let score: Double?
    public let rank: Int?
    public let tier: String?
    /// Quarters of grace used then (0: none): the tier was kept, not earned.
    public let grace: Int
  }

  public let partner: Partner
  public let period: Period
  /// The period open or closed, and how many partners reported.
  public let coverage: QuarterCoverage
  /// Which partner and period of the book it was built for.
  public let partnerIndex: Int
  public let periodIndex: Int
  public let evaluation: PartnerEvaluation?
  public let series: [KPISeries]
  public let history: [HistoryPoint]
  public let payouts: [PayoutResult]
  public let program: Program
  /// With a program loaded for a what-if (`:compare`): the partner under it.
  public let other: OtherStanding?

  public init(book: Scorebook, partner p: Int, period t: Int, other: OtherStanding? = nil) {
    self.init(
      book: book, partner: p, period: t, evaluation: book.evaluation(partner: p, period: t),
      ranks: book.periods.indices.map { book.rank(p, $0) }, other: other)
  }

  /// With the evaluation and the rank per period of `book` given: a partner
  /// read on its own (`book` holds it alone) takes them from the kept scores.
  public init(
    book: Scorebook, partner p: Int, period t: Int, evaluation: PartnerEvaluation?, ranks: [Int?],
    other: OtherStanding? = nil
  ) {
    self.other = other
    partner = book.partners[p]
    period = book.periods[t]
    coverage = book.coverage(t)
    partnerIndex = p
    periodIndex = t
    program = book.program
    self.evaluation = evaluation
    series = book.kpiSeries(partner: p)
    history = book.periods.indices.map { u in
      HistoryPoint(
        period: book.periods[u], score: book.score(p, u), rank: ranks[u],
        tier: book.tier(p, u).map { book.program.tiers[$0].name }, grace: book.grace(p, u))
    }
    payouts = book.payouts(partner: p)
  }

  /// The KPI table as CSV (`e` on the detail screen).
  public static func csv(book: Scorebook, partner p: Int, period t: Int) -> String? {
    table(book: book, partner: p, period: t)?.csv()
  }

  /// The KPI table, for any export format.
  public static func table(book: Scorebook, partner p: Int, period t: Int) -> ExportTable? {
    guard let e = book.evaluation(partner: p, period: t) else { return nil }
    return ExportTable(
      header: [
        "kpi", "value", "target", "threshold", "baseline", "attainment", "weight", "points", "status",
      ],
      rows: e.kpis.map { k in
        [
          k.kpi.id, k.value.map { NumberFormat.trimmed($0, 4) } ?? "",
          k.target.map { NumberFormat.trimmed($0, 4) } ?? "",
          k.threshold.map { NumberFormat.trimmed($0, 4) } ?? "",
          k.baseline.map { NumberFormat.trimmed($0, 4) } ?? "",
          NumberFormat.fixed(k.attainment, 4), NumberFormat.fixed(k.weight, 4),
          NumberFormat.fixed(k.points, 2),
          k.status.name,
        ]
      })
  }
}
