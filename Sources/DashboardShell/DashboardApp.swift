import Dashboard
import Foundation
import PartnerStore
import ProgramFiles
import Scoring
import Screens
import TerminalUI

/// The event loop: read an event, update the state, draw the view, run the
/// effects. Everything the dashboard does to the world is an `Effect` run
/// here (the store's reads, the scorebook's load, exports, another
/// program); their answers come back as events. It runs on any
/// `TerminalDevice`: ncursesw for the user, a scripted one for tests.
public final class DashboardApp {
  public private(set) var app: AppState
  var store: any DashboardSource
  let theme: Theme
  let glyphs: Glyphs
  /// Reads the whole scorebook (on a worker thread): the store's by default.
  let loadBook: @Sendable (any DashboardSource) throws -> Scorebook
  var dataVersion: Int
  var lastCheck = Date()
  /// Answers from worker threads (a scorebook, another program, models built ahead).
  let answers = Mailbox<Answer>()
  var reloading = false
  var loadingOther = false
  var prefetching = false
  var queue: [Effect] = []
  /// Where slow effects run. Dispatch's workers, not threads of their own:
  /// a thread that ends holding the last reference to a store crashes in
  /// libdispatch's thread cleanup on Linux (a store reopened after `init
  /// --force`, a quit while loading).
  static let worker = DispatchQueue.global(qos: .userInitiated)
  /// The period a loading dashboard opens at (nil: it holds its scorebook).
  var loadingPeriod: Int?
  /// The book a loading dashboard opens in.
  var loadingManager: String?

  enum Answer {
    case book(Result<Scorebook, Error>)
    case other(Event)
    case prefetched(Event)
  }

  /// A dashboard already holding its scorebook (`qbr`, or a store without kept scores).
  public init(
    store: any DashboardSource, state: DashboardState, theme: Theme, glyphs: Glyphs = Glyphs.forLocale(),
    loadBook: @escaping @Sendable (any DashboardSource) throws -> Scorebook = {
      Scorebook(try $0.loadDataset())
    }
  ) {
    self.store = store
    self.app = AppState(state)
    self.theme = theme
    self.glyphs = glyphs
    self.loadBook = loadBook
    self.dataVersion = (try? store.dataVersion()) ?? 0
  }

  /// A dashboard that opens at period index `period` of the kept scores
  /// and loads the whole scorebook behind its first frame.
  public init(
    store: any DashboardSource, loading period: Int, manager: String? = nil, theme: Theme,
    glyphs: Glyphs = Glyphs.forLocale(),
    loadBook: @escaping @Sendable (any DashboardSource) throws -> Scorebook = {
      Scorebook(try $0.loadDataset())
    }
  ) {
    self.store = store
    // Started by `run`, at the terminal's size.
    self.app = AppState.loading(period: period, width: 0, height: 0).0
    self.loadingPeriod = period
    self.loadingManager = manager
    self.theme = theme
    self.glyphs = glyphs
    self.loadBook = loadBook
    self.dataVersion = (try? store.dataVersion()) ?? 0
  }

  /// Applies `event` now (before `run`: the `qbr` command opens its partner so).
  public func apply(_ event: Event) { queue += Update.apply(event, to: &app) }

  /// Said in the status line once the dashboard is up (a team store's
  /// login and book).
  public var greeting: String?

  /// Runs until the user quits. Throws when the first scorebook cannot be read.
  public func run(on terminal: some TerminalDevice) throws {
    let size = terminal.size
    if let t = loadingPeriod {
      (app, queue) = AppState.loading(
        period: t, manager: loadingManager, width: size.width, height: size.height,
        listPaths: PathCompletion.paths)
    } else {
      apply(.resize(width: size.width, height: size.height))
      queue.append(.prefetch)  // the first frame is up: build the other screens ahead
    }
    if let greeting { apply(.status(greeting)) }
    draw(terminal)
    while true {
      if try runEffects(terminal) { return }
      let busy = reloading || loadingOther || prefetching
      if let input = terminal.readEvent(timeoutMs: app.loading != nil ? 20 : busy ? 50 : 500),
        let event = Event(input)
      {
        apply(event)
      }
      while let answer = answers.take() { try take(answer) }
      if app.ready != nil { watchStore() }
      draw(terminal)
    }
  }

  func draw(_ terminal: some TerminalDevice) {
    terminal.draw(DashboardView.render(app, theme: theme, glyphs: glyphs))
  }

  /// Runs the queued effects, drawing after each answer read at once (a
  /// screenful of kept rows shows before the next read). True on quit.
  func runEffects(_ terminal: some TerminalDevice) throws -> Bool {
    while !queue.isEmpty {
      let effect = queue.removeFirst()
      if case .quit = effect { return true }
      if let event = run(effect) {
        apply(event)
        draw(terminal)
      }
    }
    return false
  }

  /// Takes a worker's answer.
  func take(_ answer: Answer) throws {
    switch answer {
    case .book(.success(let book)):
      reloading = false
      apply(.reloaded(book))
    case .book(.failure(let error)):
      reloading = false
      // Without a first scorebook there is nothing to show.
      if app.loading != nil { throw error }
      apply(.stale("reload failed (\(error)): showing the data read before"))
    case .other(let event):
      loadingOther = false
      apply(event)
    case .prefetched(let event):
      prefetching = false
      apply(event)
    }
  }

  /// Once a second: a new store at the path (`init --force`) is read from
  /// now on, a changed one is read again.
  func watchStore() {
    guard Date().timeIntervalSince(lastCheck) >= 1 else { return }
    lastCheck = Date()
    let now = store.current()
    if now !== store {
      if let reopened = now {
        store = reopened
        dataVersion = (try? store.dataVersion()) ?? 0
        queue.append(.reload)
      } else if app.ready?.stale == nil {
        apply(.stale(Self.goneMessage(store.name)))
      }
    } else if let v = try? store.dataVersion(), v != dataVersion {
      dataVersion = v
      queue.append(.reload)
    }
  }

  /// Runs one effect: the quick ones answer at once, the long ones on a
  /// worker thread (their answers arrive through `answers`).
  func run(_ effect: Effect) -> Event? {
    switch effect {
    case .quit: return nil
    case .readKept(let request):
      guard let t = app.loading?.period else { return nil }
      return store.kept?.answer(request, period: t) ?? .kept(KeptAnswer.none(for: request))
    case .reload:
      // Off the event loop: keys keep working while a big store is read.
      guard !reloading else { return nil }
      let now = store.current()
      if now !== store {
        // Deleted or replaced: the connection still reads the old file.
        guard let reopened = now else { return .stale(Self.goneMessage(store.name)) }
        store = reopened
        dataVersion = (try? store.dataVersion()) ?? 0
      }
      reloading = true
      let (store, load, mailbox) = (self.store, loadBook, answers)
      Self.worker.async { mailbox.put(.book(Result { try load(store) })) }
      return app.ready != nil ? .status("reloading…") : nil
    case .export(let name, let contents):
      return ExportWriting.write(name: name, contents: contents)
    case .rememberBook(let manager):
      // Not being able to remember is no reason to stop: the book is shown.
      try? RememberedBook.save(manager, store: store.name)
      return nil
    case .prefetch:
      guard !prefetching, let state = app.ready else { return nil }
      prefetching = true
      let mailbox = answers
      Self.worker.async { mailbox.put(.prefetched(.prefetched(state.preparedAhead()))) }
      return nil
    case .loadProgram(let path):
      loadingOther = true
      let (store, mailbox) = (self.store, answers)
      Self.worker.async { mailbox.put(.other(Self.loadOther(path: path, store: store))) }
      return nil
    }
  }

  /// The status line while the store cannot be read again.
  static func goneMessage(_ path: String) -> String {
    "the store \(path) was removed or cannot be read; showing the data read before"
  }

  /// Reads `path` as another program, checks it against the store, and
  /// scores the store's data under it: what `:compare PATH` shows.
  static func loadOther(path: String, store: any DashboardSource) -> Event {
    do {
      var data = try store.loadDataset()
      data.program = try OtherProgram.load(path: path, partners: data.partners)
      return .otherProgram(Scorebook(data), source: path)
    } catch let e as DataIssues {
      return .failed(e.issues.first.map(\.description) ?? "\(path): not a valid program")
    } catch {
      return .failed("\(path): \(error)")
    }
  }
}
