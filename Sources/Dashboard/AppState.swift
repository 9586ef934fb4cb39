import Scoring

/// The dashboard from start to quit: first `loading` (drawn from the kept
/// numbers while the scorebook loads), then `ready`. Exactly one is set;
/// `Update.apply(_:to:)` moves from one to the other on `Event.reloaded`.
public struct AppState: Sendable {
  public internal(set) var loading: LoadingState?
  public internal(set) var ready: DashboardState?

  /// A dashboard already holding its scorebook.
  public init(_ state: DashboardState) { ready = state }

  /// A dashboard that opens at period index `period` of the kept scores
  /// (in `manager`'s book)
  /// before any scorebook is loaded, with the effects that start it: the
  /// scorebook's load (`.reload`) and the first screenful of kept rows.
  public static func loading(
    period: Int, manager: String? = nil, width: Int, height: Int,
    listPaths: @escaping @Sendable (String) -> [String] = { _ in [] }
  ) -> (AppState, [Effect]) {
    var app = AppState(
      loading: LoadingState(
        period: period, manager: manager, width: width, height: height, listPaths: listPaths))
    let reads = app.loading!.take(.resize(width: width, height: height))
    app.loading!.pending = []
    return (app, [.reload] + reads)
  }

  private init(loading: LoadingState) { self.loading = loading }
}

extension Update {
  /// `update(app, event) -> (app, effects)`: the loading phase takes the
  /// event (and asks for the kept numbers it needs), the ready phase is
  /// `apply(_:to:)` of the dashboard's state.
  @discardableResult
  public static func apply(_ event: Event, to app: inout AppState) -> [Effect] {
    if app.ready != nil { return apply(event, to: &app.ready!) }
    guard app.loading != nil else { return [] }
    if app.loading!.quits(event) { return [.quit] }
    if case .reloaded(let book) = event {
      let (state, effects) = app.loading!.ready(book)
      app.loading = nil
      app.ready = state
      return effects
    }
    return app.loading!.take(event)
  }
}
