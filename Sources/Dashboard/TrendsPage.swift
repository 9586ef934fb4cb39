import Scoring

/// What the trends screen draws, whichever source it comes from: the whole
/// scorebook (`DashboardState.trendsPage`, derived while it is shown) or the statistics kept with the
/// scores (`render trends`). Both draw the same cells.
public struct TrendsPage: Sendable {
  public let program: Program
  public let periods: [Period]
  public let model: TrendsModel
  /// The names of `model.moverList`, in order.
  public let moverNames: [String]
  /// The partner whose own line is drawn (the leaderboard's selection): its
  /// name and its values of the chosen KPI at periods 0...model.period.
  public let partner: (name: String, values: [Double?])?
  public let focusOnMovers: Bool
  public let mover: Int
  /// The period shown open or closed, and how many partners reported.
  public var coverage: QuarterCoverage?

  public init(
    program: Program, periods: [Period], model: TrendsModel, moverNames: [String],
    partner: (name: String, values: [Double?])?, focusOnMovers: Bool = false, mover: Int = 0
  ) {
    self.program = program
    self.periods = periods
    self.model = model
    self.moverNames = moverNames
    self.partner = partner
    self.focusOnMovers = focusOnMovers
    self.mover = mover
  }
}

extension TrendsPage {
  /// From the statistics kept with the scores (KPI `k` chosen, every
  /// partner), with the own line of the leaderboard's selected partner:
  /// leaderboard row `selected`, which `rows` (an excerpt) holds.
  public init(kept: KeptTrends, kpi k: Int, rows: LeaderboardExcerpt, selected: Int) {
    let improved = kept.chosen.improved
    let fell = kept.chosen.fell
    let model = TrendsModel(
      program: kept.program, period: kept.period, filter: PartnerFilter(), kpi: k, all: kept.all,
      improved: improved.enumerated().map { ($0.offset, $0.element.change) },
      fell: fell.enumerated().map { (improved.count + $0.offset, $0.element.change) })
    let t = kept.period
    let r = selected - rows.offset
    let book = rows.book
    self.init(
      program: kept.program, periods: kept.periods, model: model,
      moverNames: (improved + fell).map(\.partner.name),
      partner: book.partners.indices.contains(r)
        ? (book.partners[r].name, (0...t).map { book.value(r, $0, k) }) : nil)
    coverage = kept.coverage.indices.contains(t) ? kept.coverage[t] : nil
  }
}

extension DashboardState {
  /// The trends screen as it draws; nil before its model is built.
  func builtTrendsPage() -> TrendsPage? {
    guard let model = trends else { return nil }
    var page = TrendsPage(
      program: book.program, periods: book.periods, model: model,
      moverNames: model.moverList.map { book.partners[$0.partner].name },
      partner: selectedPartner.map { p in
        (book.partners[p].name, (0...model.period).map { book.value(p, $0, model.kpi) })
      }, focusOnMovers: trendsFocusOnMovers, mover: trendsMover)
    page.coverage = book.coverage(model.period)
    return page
  }
}
