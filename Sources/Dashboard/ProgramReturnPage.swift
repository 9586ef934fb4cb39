import Scoring

/// The Program return screen (`0`, `:roi`): what the outcome agreements
/// paid and what their outcomes gained up to the current period (SPEC
/// section 14), the selected KPI.
public struct ReturnState: Sendable {
  /// Index into the KPI rows.
  public internal(set) var selected = 0
  public internal(set) var roi: ProgramROI?
  var madeFor: (version: Int, period: Int)?

  init() {}

  /// The return computed from what the store keeps (`render roi`, the first frame).
  public init(roi: ProgramROI) { self.roi = roi }
}

extension DashboardState {
  /// Values every agreement up to the period when the period or book changed.
  mutating func prepareReturn() {
    if let made = returnState.madeFor, made.version == bookVersion, made.period == period { return }
    returnState.madeFor = (bookVersion, period)
    returnState.roi = ProgramROI(book: book, period: period)
    returnState.selected = min(returnState.selected, max(0, returnState.roi!.kpis.count - 1))
  }
}

extension Update {
  /// Program return: ↑↓ a KPI, Esc back.
  static func returnKey(_ key: Key, _ s: inout DashboardState) -> [Effect] {
    if move(key, &s.returnState.selected, count: s.returnState.roi?.kpis.count ?? 0) { return [] }
    if isBack(key) { s.screen = .leaderboard }
    return []
  }
}
