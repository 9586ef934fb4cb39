import ArgumentParser
import Dashboard
import Foundation
import PartnerStore
import ProgramFiles
import Scoring
import Screens
import TerminalUI

extension Theme.Name: ExpressibleByArgument {}

struct DashboardCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dashboard",
    abstract: "Open the full-screen dashboard (the default command).",
    discussion: """
      Leaderboard, partner detail and program overview, by keyboard (press ? for
      every key) or mouse. The dashboard notices imports made by other processes
      within 2 seconds and reloads, keeping the selected partner.

      Needs a terminal of at least 80x24. Without one (a pipe, TERM=dumb) it
      exits with status 2: use `partnerboard leaderboard` instead.

      Examples:
        partnerboard
        partnerboard dashboard --period 2026Q2 --theme light
        partnerboard render leaderboard --size 120x40   # the same screens as text
      """)

  @OptionGroup var store: StoreOptions
  @OptionGroup var period: PeriodOption
  @Option(help: "dark or light (the terminal's own background shows through).") var theme: Theme.Name = .dark

  func run() throws {
    if let problem = TerminalSession.canOpen() {
      Output.err(
        "partnerboard: cannot open the dashboard: \(problem).\nUse `partnerboard leaderboard` (or `partnerboard render leaderboard`) for text output."
      )
      throw ExitCode(2)
    }
    var app: DashboardApp?
    try reportingErrors {
      let s = try store.open()
      if let view = try s.keptView() {
        // Kept scores: the first frame is drawn from them while the whole
        // scorebook loads behind it.
        app = DashboardApp(store: s, loading: try period.index(in: view.periods), theme: Theme(theme))
      } else {
        let book = Scorebook(try s.loadDataset())
        app = DashboardApp(store: s, book: book, period: try period.index(in: book), theme: Theme(theme))
      }
    }
    guard let app else { return }
    try reportingErrors { try app.run() }
  }
}

/// The event loop: read an event, update the state, draw the view.
final class DashboardApp {
  var store: PartnerStore
  /// Nil while the first scorebook loads (`loadBehindFirstFrame`).
  var loaded: DashboardState?
  var state: DashboardState {
    get { loaded! }
    set { loaded = newValue }
  }
  /// The period to open at, while the first scorebook loads.
  let firstPeriod: Int
  let theme: Theme
  let glyphs = Glyphs.forLocale()
  var dataVersion: Int
  var lastCheck = Date()
  /// A reload runs on its own thread; its result waits here for the loop.
  let reloads = Mailbox<Result<Scorebook, Error>>()
  var reloading = false
  /// Another program scored for a what-if (`:compare`), on its own thread.
  let others = Mailbox<Event>()
  var loadingOther = false
  /// Screens' models built ahead (`.prefetch`), on their own thread.
  let prefetches = Mailbox<Event>()
  var prefetching = false

  init(store: PartnerStore, book: Scorebook, period: Int, theme: Theme) {
    self.store = store
    var state = DashboardState(book: book, period: period)
    state.listPaths = Self.paths
    self.loaded = state
    self.firstPeriod = period
    self.theme = theme
    self.dataVersion = (try? store.dataVersion()) ?? 0
  }

  /// Opens at period index `period` of the kept scores, before any scorebook is loaded.
  init(store: PartnerStore, loading period: Int, theme: Theme) {
    self.store = store
    self.firstPeriod = period
    self.theme = theme
    self.dataVersion = (try? store.dataVersion()) ?? 0
  }

  func run() throws {
    let session = try TerminalSession()
    defer { session.close() }
    var effects: [Effect] = []
    if loaded == nil {
      guard let pending = try loadBehindFirstFrame(session) else { return }
      effects = pending
    } else {
      let size = session.size
      Update.apply(.resize(width: size.width, height: size.height), to: &state)
    }
    session.draw(DashboardView.render(state, theme: theme, glyphs: glyphs))
    effects.insert(.prefetch, at: 0)  // the first frame is up: build the other screens ahead
    while true {
      if let input = session.readEvent(timeoutMs: reloading || loadingOther || prefetching ? 50 : 500),
        let event = Self.event(input)
      {
        effects += Update.apply(event, to: &state)
      }
      if let event = prefetches.take() {
        prefetching = false
        Update.apply(event, to: &state)
      }
      if let result = reloads.take() {
        reloading = false
        switch result {
        case .success(let book): effects += Update.apply(.reloaded(book), to: &state)
        case .failure(let error):
          Update.apply(.stale("reload failed (\(error)): showing the data read before"), to: &state)
        }
      }
      if let event = others.take() {
        loadingOther = false
        Update.apply(event, to: &state)
      }
      if Date().timeIntervalSince(lastCheck) >= 1 {
        lastCheck = Date()
        if store.isReplaced {
          if let reopened = try? PartnerStore.reading(path: store.path) {
            // `init --force` put a new file at the path: read that one from now on.
            store = reopened
            dataVersion = (try? store.dataVersion()) ?? 0
            effects.append(.reload)
          } else if state.stale == nil {
            Update.apply(.stale(Self.goneMessage(store.path)), to: &state)
          }
        } else if let v = try? store.dataVersion(), v != dataVersion {
          dataVersion = v
          effects.append(.reload)
        }
      }
      for effect in effects {
        switch effect {
        case .quit: return
        case .reload:
          // Off the event loop: keys keep working while a big store is read.
          guard !reloading else { break }
          if store.isReplaced {
            // Deleted or replaced: the connection still reads the old file.
            guard let reopened = try? PartnerStore.reading(path: store.path) else {
              Update.apply(.stale(Self.goneMessage(store.path)), to: &state)
              break
            }
            store = reopened
            dataVersion = (try? store.dataVersion()) ?? 0
          }
          reloading = true
          Update.apply(.status("reloading…"), to: &state)
          let store = self.store
          let mailbox = reloads
          Thread.detachNewThread { mailbox.put(Result { Scorebook(try store.loadDataset()) }) }
        case .export(let name, let contents):
          Update.apply(Self.export(name: name, contents: contents), to: &state)
        case .prefetch:
          guard !prefetching else { break }
          prefetching = true
          let current = state
          let mailbox = prefetches
          Thread.detachNewThread { mailbox.put(.prefetched(current.preparedAhead())) }
        case .loadProgram(let path):
          let store = self.store
          let mailbox = others
          loadingOther = true
          Thread.detachNewThread { mailbox.put(Self.loadOther(path: path, store: store)) }
        }
      }
      effects = []
      session.draw(DashboardView.render(state, theme: theme, glyphs: glyphs))
    }
  }

  /// Draws the leaderboard's first frame from a screenful of the kept scores
  /// and loads the whole scorebook on another thread (3-4 s at 100,000
  /// partners). Meanwhile the keys whose result the kept scores can show
  /// (moving, opening the selected partner and back, the overview, trends)
  /// show it at once (`FirstFrameState`); every key is also kept and applied,
  /// in order, once the scorebook is in, and lands where it showed. After
  /// any other key the frame waits for the scorebook. Returns the kept keys'
  /// effects, or nil when the user quit first (Ctrl-C, or `q` before any
  /// other key).
  func loadBehindFirstFrame(_ session: TerminalSession) throws -> [Effect]? {
    let store = self.store
    let mailbox = reloads
    Thread.detachNewThread { mailbox.put(Result { Scorebook(try store.loadDataset()) }) }
    var size = session.size
    let t = firstPeriod
    let chosen: ([Period]) -> Int = { $0.indices.contains(t) ? t : $0.count - 1 }
    var excerpt: LeaderboardExcerpt?
    var first: FirstFrameState?
    // The partner opened (as the leaderboard row it was on, and who).
    var opened: (row: Int, partner: Partner)?
    var keptOverview: KeptOverview?
    var keptTrends: KeptTrends?
    // The pilot's and the program return's kept numbers, read once when first shown.
    var keptPilot: (pilot: PilotState, view: PartnerStore.KeptView, t: Int, cohorts: Int)??
    var keptReturn: (state: ReturnState, view: PartnerStore.KeptView, t: Int)??
    func pilotFrame() -> (pilot: PilotState, view: PartnerStore.KeptView, t: Int, cohorts: Int)? {
      if keptPilot == nil {
        keptPilot = .some(
          (try? store.cohortIDs()).flatMap { cohorts in
            guard let view = try? store.keptView(), let first = cohorts.first,
              case .success(let review)? = try? store.keptPilot(cohort: first, choose: chosen)
            else { return nil }
            return (PilotState(review: review), view, chosen(view.periods), cohorts.count)
          })
      }
      return keptPilot!
    }
    func returnFrame() -> (state: ReturnState, view: PartnerStore.KeptView, t: Int)? {
      if keptReturn == nil {
        keptReturn = .some(
          (try? store.keptPayouts()).flatMap { kept in
            kept.map { payouts, view in
              let t = chosen(view.periods)
              let roi = ProgramROI(program: view.program, periods: view.periods, payouts: payouts, period: t)
              return (ReturnState(roi: roi), view, t)
            }
          })
      }
      return keptReturn!
    }
    func draw() {
      let from = first?.cursor.scroll ?? 0
      if excerpt == nil || excerpt!.offset != from
        || excerpt!.ranks.count < min(size.height, excerpt!.partnerCount - from)
      {
        excerpt = (try? store.leaderboardExcerpt(rows: size.height, from: from, choose: chosen)) ?? excerpt
      }
      guard let excerpt else { return }
      if first == nil { first = FirstFrameState(count: excerpt.partnerCount, height: size.height) }
      let state = first!
      let message = DashboardView.loadingMessage(partners: excerpt.partnerCount)
      var buffer: CellBuffer?
      switch state.shown {
      case .leaderboard: break
      case .overview:
        if let kept = keptOverview {
          let model = OverviewModel(
            facts: kept.facts, program: kept.program, coverage: kept.coverage, index: kept.period)
          buffer = DashboardView.render(
            overview: model, width: size.width, height: size.height, message: message, theme: theme,
            glyphs: glyphs)
        }
      case .trends:
        if let kept = keptTrends {
          buffer = DashboardView.render(
            trends: TrendsPage(kept: kept, kpi: 0, rows: excerpt, selected: state.cursor.selected),
            width: size.width, height: size.height, message: message, theme: theme, glyphs: glyphs)
        }
      case .pilot:
        if let f = pilotFrame() {
          buffer = DashboardView.render(
            pilot: f.pilot, program: f.view.program, coverage: f.view.coverage[f.t], cohorts: f.cohorts,
            width: size.width, height: size.height, message: message, theme: theme, glyphs: glyphs)
        }
      case .roi:
        if let f = returnFrame() {
          buffer = DashboardView.render(
            programReturn: f.state, program: f.view.program, coverage: f.view.coverage[f.t],
            width: size.width,
            height: size.height, message: message, theme: theme, glyphs: glyphs)
        }
      case .partner:
        if let row = state.detail {
          if opened?.row != row, excerpt.book.partners.indices.contains(row - excerpt.offset) {
            opened = (row, excerpt.book.partners[row - excerpt.offset])
          }
          if let (_, partner) = opened, let view = try? store.keptView(),
            let one = try? store.alone(partner, view: view, period: chosen(view.periods))
          {
            let model = PartnerDetailModel(
              book: one.book, partner: 0, period: one.period, evaluation: one.evaluation, ranks: one.ranks)
            buffer = DashboardView.render(
              partner: model, width: size.width, height: size.height, message: message, theme: theme,
              glyphs: glyphs)
          }
        }
      }
      session.draw(
        buffer
          ?? DashboardView.render(
            firstFrame: excerpt, width: size.width, height: size.height, cursor: state.cursor,
            message: message,
            theme: theme, glyphs: glyphs))
    }
    draw()
    // While it loads: the overview's and trends' kept numbers of this
    // period (shown on `Tab` `3` `4`, and the screens' models once it is in).
    keptOverview = try? store.keptOverview(choose: chosen)
    keptTrends = try? store.keptTrends(kpi: 0, choose: chosen)
    var pending: [Event] = []
    while true {
      if let result = reloads.take() {
        let book = try result.get()
        var state = DashboardState(book: book, period: book.periods.indices.contains(t) ? t : nil)
        state.listPaths = Self.paths
        loaded = state
        Update.apply(.resize(width: size.width, height: size.height), to: &self.state)
        Update.apply(
          .prefetched(self.state.withKeptModels(overview: keptOverview?.facts, trends: keptTrends)),
          to: &self.state)
        var effects: [Effect] = []
        for event in pending { effects += Update.apply(event, to: &self.state) }
        return effects
      }
      guard let input = session.readEvent(timeoutMs: 20), let event = Self.event(input) else { continue }
      switch event {
      case .key(.ctrlC): return nil
      case .key(.char("q")) where pending.allSatisfy { if case .resize = $0 { true } else { false } }:
        return nil
      case .key(let key):
        if first?.apply(key) == true { draw() }
      case .resize(let w, let h):
        size = (w, h)
        first?.resize(height: h)
        draw()
      default: first?.stopFollowing()
      }
      pending.append(event)
    }
  }

  /// The status line while the store cannot be read again.
  static func goneMessage(_ path: String) -> String {
    "the store \(path) was removed or cannot be read; showing the data read before"
  }

  /// Paths starting with `prefix`, relative to the current directory (or
  /// absolute, or under `~`): what `:compare` Tab offers. Folders end in `/`.
  static func paths(_ prefix: String) -> [String] {
    let fm = FileManager.default
    let expanded = (prefix as NSString).expandingTildeInPath
    let dirPart = prefix.hasSuffix("/") ? prefix : (prefix as NSString).deletingLastPathComponent
    let namePrefix = prefix.hasSuffix("/") ? "" : (expanded as NSString).lastPathComponent
    var dir = prefix.hasSuffix("/") ? expanded : (expanded as NSString).deletingLastPathComponent
    if dir.isEmpty { dir = "." }
    guard let names = try? fm.contentsOfDirectory(atPath: dir) else { return [] }
    return names.filter { $0.hasPrefix(namePrefix) && !$0.hasPrefix(".") }.sorted().map { name in
      var isDir: ObjCBool = false
      fm.fileExists(atPath: (dir as NSString).appendingPathComponent(name), isDirectory: &isDir)
      let shown = dirPart.isEmpty ? name : (dirPart.hasSuffix("/") ? dirPart + name : dirPart + "/" + name)
      return shown + (isDir.boolValue ? "/" : "")
    }
  }

  /// Reads `path` as another program, checks it against the store, and
  /// scores the store's data under it: what `:compare PATH` shows.
  static func loadOther(path: String, store: PartnerStore) -> Event {
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

  /// Writes an export where the user said (relative to the current
  /// directory, `~` for home), never over a file (`name-2.csv`, ...), mode
  /// 0600. The suggested names are slugs without a `/`.
  static func export(name: String, contents: String) -> Event {
    let fm = FileManager.default
    var target = ExportPath.expandingHome(name)
    if !target.hasPrefix("/") { target = fm.currentDirectoryPath + "/" + target }
    if let problem = ExportPath.problem(target) { return .failed("export: \(problem)") }
    // `.csv` is added to a name without a format: a name typed as a device
    // or a pipe (`:export /dev/null`) is refused, not written beside it.
    if target.hasSuffix(".csv"), case let typed = String(target.dropLast(4)), ExportPath.isSpecial(typed),
      !FileManager.default.fileExists(atPath: target)
    {
      return .failed("export: " + ExportPath.problem(typed)!)
    }
    let ext = (target as NSString).pathExtension
    let stem = ext.isEmpty ? target : String(target.dropLast(ext.count + 1))
    var path = target
    var n = 2
    while true {
      do {
        try PrivateFile.write(contents, to: path, replacing: false)
        let rows = ext == "csv" ? " \(contents.split(separator: "\n").count - 1) rows" : ""
        return .status("exported\(rows) to \(path)")
      } catch PrivateFile.Failure.exists {
        guard n < 1000 else { return .failed("export failed: too many files named \(target)") }
        path = stem + "-\(n)" + (ext.isEmpty ? "" : "." + ext)
        n += 1
      } catch {
        return .failed("export failed: \(path): \(error)")
      }
    }
  }

  /// Terminal input to a dashboard event.
  static func event(_ input: InputEvent) -> Event? {
    switch input {
    case .resize(let w, let h): return .resize(width: w, height: h)
    case .mouse(let x, let y, let kind):
      switch kind {
      case .click, .press: return .mouse(x: x, y: y, action: .click)
      case .doubleClick: return .mouse(x: x, y: y, action: .doubleClick)
      case .wheelUp: return .mouse(x: x, y: y, action: .wheelUp)
      case .wheelDown: return .mouse(x: x, y: y, action: .wheelDown)
      case .release: return nil
      }
    case .key(let key):
      let k: Dashboard.Key
      switch key {
      case .char(let c): k = .char(c)
      case .ctrl("c"): k = .ctrlC
      case .up: k = .up
      case .down: k = .down
      case .left: k = .left
      case .right: k = .right
      case .pageUp: k = .pageUp
      case .pageDown: k = .pageDown
      case .home: k = .home
      case .end: k = .end
      case .enter: k = .enter
      case .escape: k = .escape
      case .backspace, .delete: k = .backspace
      case .tab: k = .tab
      case .backTab: k = .backTab
      default: return nil
      }
      return .key(k)
    }
  }
}

/// One value handed from a worker thread to the event loop.
final class Mailbox<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value?

  func put(_ v: Value) {
    lock.lock()
    value = v
    lock.unlock()
  }

  func take() -> Value? {
    lock.lock()
    defer {
      value = nil
      lock.unlock()
    }
    return value
  }
}
