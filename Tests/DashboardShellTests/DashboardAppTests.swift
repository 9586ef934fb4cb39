import Dashboard
import DashboardShell
import Foundation
import PartnerStore
import ProgramFiles
import SampleData
import Scoring
import Screens
import TerminalUI
import Testing

/// The dashboard's event loop driven through a scripted terminal: the
/// first frame from the kept scores while the scorebook loads (held back
/// by the script), the keys pressed meanwhile, and where they land.
@Suite struct DashboardAppTests {
  static func sampleStore() throws -> PartnerStore {
    var issues: [DataIssue] = []
    let files = SampleData.files.sorted { $0.key < $1.key }.map { (name: $0.key, text: $0.value) }
    let data = DataFiles.read(contents: files, issues: &issues)
    #expect(issues.filter { $0.severity == .error }.isEmpty, "\(issues.prefix(3))")
    let dir = NSTemporaryDirectory() + "pb-shell-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    _ = try PartnerStore.build(at: dir + "/s.sqlite", files: data, command: "init")
    return try PartnerStore(path: dir + "/s.sqlite")
  }

  /// An app on `store` whose scorebook load waits for the script's `.release`.
  static func app(_ store: PartnerStore, _ terminal: ScriptedTerminal, fails: Bool = false) throws
    -> DashboardApp
  {
    let view = try #require(try store.keptView())
    let (gate, loaded) = (terminal.gate, terminal.loaded)
    return DashboardApp(
      store: store, loading: view.periods.count - 1, theme: Theme(), glyphs: .unicode,
      loadBook: { store in
        gate.wait()
        defer { loaded.signal() }
        if fails { throw StoreError.keptDamaged(store.name, "a test's failure") }
        return Scorebook(try store.loadDataset())
      })
  }

  static let loading = "loading every score of"

  /// A frame without its status line (which says what loads while it loads).
  static func body(_ frame: String) -> String {
    frame.split(separator: "\n").dropLast().joined(separator: "\n")
  }

  static func render(_ s: DashboardState) -> String {
    TextBackend.render(DashboardView.render(s, glyphs: .unicode))
  }

  /// The dashboard's key for a terminal key, as the app maps it.
  static func key(_ k: TerminalUI.Key) throws -> Dashboard.Key {
    guard case .key(let key)? = Event(.key(k)) else { throw CancellationError() }
    return key
  }

  /// Every key the first frame can show shows at once, as the whole
  /// dashboard would show it; once the scorebook is in, every key has been
  /// applied and the dashboard is where the first frame showed.
  @Test func keysWhileLoadingShowAtOnceAndLandWhereTheyShowed() throws {
    let store = try Self.sampleStore()
    let book = Scorebook(try store.loadDataset())
    let (w, h) = (120, 40)
    var full = DashboardState(book: book, width: w, height: h)
    let keys: [TerminalUI.Key] = [
      .down, .down, .down, .enter, .escape, .char("3"), .char("1"), .pageDown, .char("j"), .right,
      .char("4"), .char("2"), .char("9"), .char("0"), .escape, .char("k"),
    ]
    var steps: [ScriptedTerminal.Step] = [.waitUntil("the first frame", { $0.contains(Self.loading) })]
    for (i, k) in keys.enumerated() {
      Update.apply(.key(try Self.key(k)), to: &full)
      let expected = Self.body(Self.render(full))
      steps += [
        .key(k),
        .check { frame in
          #expect(frame.contains(Self.loading), "key \(i) waits for the scorebook")
          #expect(Self.body(frame) == expected, "key \(i) (\(k)) shows what the dashboard shows")
        },
      ]
    }
    let landed = Self.render(full)
    Update.apply(.key(.char("j")), to: &full)
    let afterward = Self.render(full)
    steps += [
      .release, .waitUntil("the scorebook", { !$0.contains(Self.loading) }),
      .check { #expect($0 == landed, "the kept keys land where they showed") },
      .key("j"), .check { #expect($0 == afterward, "keys after the load are the dashboard's") },
    ]
    let terminal = ScriptedTerminal(width: w, height: h, steps)
    try Self.app(store, terminal).run(on: terminal)
    #expect(terminal.timedOut.isEmpty)
  }

  /// A key the first frame cannot show (`5`, the Changes screen) leaves the
  /// frame where it was; the keys after it wait too, and all land once the
  /// scorebook is in.
  @Test func aKeyTheFirstFrameCannotShowWaitsAndLands() throws {
    let store = try Self.sampleStore()
    let book = Scorebook(try store.loadDataset())
    let (w, h) = (80, 24)
    var full = DashboardState(book: book, width: w, height: h)
    Update.apply(.key(.down), to: &full)
    let beforeChanges = Self.body(Self.render(full))
    for k in [Dashboard.Key.char("5"), .down] { Update.apply(.key(k), to: &full) }
    let landed = Self.render(full)
    #expect(full.screen == .changes)
    let terminal = ScriptedTerminal(
      width: w, height: h,
      [
        .waitUntil("the first frame", { $0.contains(Self.loading) }), .key(.down), .key("5"), .key(.down),
        .check { #expect(Self.body($0) == beforeChanges) },
        .release, .waitUntil("the scorebook", { !$0.contains(Self.loading) }),
        .check { #expect($0 == landed) },
      ])
    try Self.app(store, terminal).run(on: terminal)
    #expect(terminal.timedOut.isEmpty)
  }

  /// `q` (before any other key) and Ctrl-C quit at once, without waiting
  /// for the scorebook; the frames never left the kept scores.
  @Test(arguments: [TerminalUI.Key.char("q"), .ctrl("c")])
  func quittingWhileLoadingDoesNotWait(_ quit: TerminalUI.Key) throws {
    let store = try Self.sampleStore()
    let terminal = ScriptedTerminal(
      width: 120, height: 40, [.waitUntil("the first frame", { $0.contains(Self.loading) }), .key(quit)])
    try Self.app(store, terminal).run(on: terminal)
    terminal.gate.signal()  // let the load end before the store goes
    terminal.loaded.wait()
    #expect(terminal.timedOut.isEmpty)
    #expect(
      !terminal.frames.isEmpty
        && terminal.frames.allSatisfy { $0.contains(Self.loading) || $0.allSatisfy(\.isWhitespace) }
    )
  }

  /// A scorebook that cannot be read ends the app with its error (the
  /// command reports it and exits 1).
  @Test func aFailedFirstLoadIsTheAppsError() throws {
    let store = try Self.sampleStore()
    let terminal = ScriptedTerminal(
      width: 120, height: 40,
      [
        .waitUntil("the first frame", { $0.contains(Self.loading) }), .release,
        .waitUntil("never", { _ in false }),
      ])
    #expect(throws: StoreError.self) { try Self.app(store, terminal, fails: true).run(on: terminal) }
  }

  /// A dashboard opened with its scorebook (a store without kept scores,
  /// `partnerboard qbr`) draws the state at the terminal's size at once.
  @Test func aDashboardWithItsScorebookDrawsAtOnce() throws {
    let store = try Self.sampleStore()
    let book = Scorebook(try store.loadDataset())
    let expected = Self.render(DashboardState(book: book, width: 100, height: 30))
    let terminal = ScriptedTerminal(width: 100, height: 30, [.check { #expect($0 == expected) }, .key("q")])
    let app = DashboardApp(store: store, state: DashboardState(book: book), theme: Theme(), glyphs: .unicode)
    try app.run(on: terminal)
    #expect(terminal.frames.first == expected)
  }
}
