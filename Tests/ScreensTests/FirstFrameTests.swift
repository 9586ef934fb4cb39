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

/// The leaderboard's first frame, drawn from a screenful of the kept scores
/// while the whole scorebook loads, is cell for cell the frame the whole
/// scorebook draws: every period, three sizes, partners without data, ties.
@Suite struct FirstFrameTests {
  static func store(_ files: [(name: String, text: String)]) throws -> PartnerStore {
    var issues: [DataIssue] = []
    let data = DataFiles.read(contents: files, issues: &issues)
    #expect(issues.filter { $0.severity == .error }.isEmpty, "\(issues.prefix(3))")
    let dir = NSTemporaryDirectory() + "pb-first-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    _ = try PartnerStore.build(at: dir + "/s.sqlite", files: data, command: "init")
    let store = try PartnerStore(path: dir + "/s.sqlite")
    // The first half of the quarters closed, the rest open (provisional).
    if let periods = try store.keptView()?.periods, periods.count > 1 {
      _ = try store.closeQuarters(through: periods[periods.count / 2 - 1])
    }
    return store
  }

  func expectFirstFramesEqualFullFrames(_ store: PartnerStore, sizes: [(Int, Int)]) throws {
    let book = Scorebook(try store.loadDataset())
    #expect(!book.periods.isEmpty)
    // Every period and size, and each segment alone (`render leaderboard --segment`).
    for t in book.periods.indices {
      for segment in [nil] + book.program.segments.map(\.id) {
        for (w, h) in segment == nil ? sizes : [sizes[0]] {
          let frame = try #require(
            try KeptReader(store: store).leaderboard(rows: h, width: w, segment: segment) { _ in t })
          let first = TextBackend.render(
            DashboardView.render(kept: frame, width: w, height: h, glyphs: .unicode))
          var state = DashboardState(book: book, period: t, width: w, height: h)
          if let segment { Update.apply(.command(.filterSegment(segment)), to: &state) }
          let full = TextBackend.render(DashboardView.render(state, glyphs: .unicode))
          #expect(first == full, "\(book.periods[t]) \(segment ?? "all") at \(w)x\(h)")
        }
      }
      // Each manager's book (`--manager`), alone and with a segment.
      let managers = Set(book.partners.compactMap(\.manager)).sorted()
      for manager in managers {
        for segment in [nil, book.program.segments.first?.id] {
          let (w, h) = sizes[0]
          let frame = try #require(
            try KeptReader(store: store).leaderboard(rows: h, width: w, segment: segment, manager: manager) {
              _ in t
            })
          let first = TextBackend.render(
            DashboardView.render(kept: frame, width: w, height: h, glyphs: .unicode))
          var state = DashboardState(book: book, period: t, width: w, height: h)
          Update.apply(.command(.book(manager)), to: &state)
          if let segment { Update.apply(.command(.filterSegment(segment)), to: &state) }
          let full = TextBackend.render(DashboardView.render(state, glyphs: .unicode))
          #expect(first == full, "\(book.periods[t]) \(manager) \(segment ?? "all") at \(w)x\(h)")
        }
      }
    }
  }

  /// The overview drawn from the numbers a rescore kept (`render overview`)
  /// is the overview of the whole scorebook, at every period.
  @Test func keptOverviewsAreTheFullOverviews() throws {
    let store = try Self.store(
      SampleData.files.sorted { $0.key < $1.key }.map { (name: $0.key, text: $0.value) })
    let book = Scorebook(try store.loadDataset())
    for t in book.periods.indices {
      let kept = try #require(try store.keptOverview { _ in t })
      #expect(kept.facts == book.overviewFacts(period: t))
      let model = OverviewModel(facts: kept.facts, program: kept.program, coverage: kept.coverage, index: t)
      for (w, h) in [(80, 24), (120, 40), (220, 60)] {
        var state = DashboardState(book: book, period: t, width: w, height: h)
        Update.apply(.command(.show(.overview)), to: &state)
        let full = TextBackend.render(DashboardView.render(state, glyphs: .unicode))
        let first = TextBackend.render(
          DashboardView.render(kept: .overview(model), width: w, height: h, glyphs: .unicode))
        #expect(first == full, "\(book.periods[t]) at \(w)x\(h)")
      }
    }
  }

  /// The trends screen drawn from the statistics a rescore kept (`render
  /// trends`) is the trends screen of the whole scorebook: every period,
  /// every KPI at one size, the first KPI at three.
  @Test func keptTrendsAreTheFullTrends() throws {
    let store = try Self.store(
      SampleData.files.sorted { $0.key < $1.key }.map { (name: $0.key, text: $0.value) })
    let book = Scorebook(try store.loadDataset())
    for t in book.periods.indices {
      for k in book.program.kpis.indices {
        let kept = try #require(try store.keptTrends(kpi: k) { _ in t })
        let first = try #require(try store.leaderboardExcerpt(rows: 1) { _ in t })
        let page = TrendsPage(kept: kept, kpi: k, rows: first, selected: 0)
        for (w, h) in k == 0 ? [(80, 24), (120, 40), (220, 60)] : [(120, 40)] {
          var state = DashboardState(book: book, period: t, width: w, height: h)
          Update.apply(.command(.chooseKPI(k)), to: &state)
          Update.apply(.command(.show(.trends)), to: &state)
          let full = TextBackend.render(DashboardView.render(state, glyphs: .unicode))
          let first = TextBackend.render(
            DashboardView.render(kept: .trends(page), width: w, height: h, glyphs: .unicode))
          #expect(first == full, "\(book.periods[t]) KPI \(k) at \(w)x\(h)")
        }
      }
    }
  }

  /// Movement keys pressed on the first frame move its selection over the
  /// kept rows to where the leaderboard's own moves land, scrolled the same.
  @Test(arguments: [false, true])
  func movementKeysOnTheFirstFrameLandWhereTheLeaderboardsDo(lateJoiners: Bool) throws {
    // With late joiners, most partners have no data in the first quarter:
    // the bottom of that leaderboard is a long list of them, by name.
    let store =
      try lateJoiners
      ? Self.lateJoinersStore()
      : Self.store(
        SampleData.files.sorted { $0.key < $1.key }.map { (name: $0.key, text: $0.value) })
    let book = Scorebook(try store.loadDataset())
    let keys: [Dashboard.Key] = [
      .down, .char("j"), .char("j"), .pageDown, .pageDown, .up, .char("G"), .char("k"), .pageUp, .char("g"),
      .end, .pageUp, .pageUp, .home, .up,
    ]
    for t in [0, book.periods.count - 1] {
      for (w, h) in [(80, 24), (120, 40)] {
        var state = DashboardState(book: book, period: t, width: w, height: h)
        var cursor = FirstFrameCursor(count: book.partners.count, height: h)
        for key in keys {
          let moved = cursor.apply(key)
          #expect(moved)
          Update.apply(.key(key), to: &state)
          #expect(cursor.selected == state.selected && cursor.scroll == state.scroll)
          let excerpt = try #require(try store.leaderboardExcerpt(rows: h, from: cursor.scroll) { _ in t })
          let first = TextBackend.render(
            DashboardView.render(
              kept: .leaderboard(LeaderboardPage(excerpt: excerpt, width: w, cursor: cursor)), width: w,
              height: h,
              glyphs: .unicode))
          let full = TextBackend.render(DashboardView.render(state, glyphs: .unicode))
          #expect(first == full, "\(book.periods[t]) \(w)x\(h) after \(key)")
        }
        let others = [cursor.apply(.char("s")), cursor.apply(.enter), cursor.apply(.tab)]
        #expect(others == [false, false, false])
      }
    }
  }

  /// 60 partners, 10 of them with data from the first quarter, the others
  /// from the second.
  static func lateJoinersStore() throws -> PartnerStore {
    let program = SampleData.files["program.toml"]!
    let parsed = try ProgramParser.parse(program).get()
    var partners = "id,name,segment,region\n"
    var metrics = "partner_id,period,kpi,value\n"
    for i in 0..<60 {
      partners += "L\(i),Late \(59 - i),\(parsed.segments[i % parsed.segments.count].id),R\(i % 2)\n"
      for q in (i < 10 ? 1 : 2)...3 {
        for (k, kpi) in parsed.kpis.enumerated() {
          metrics += "L\(i),2026Q\(q),\(kpi.id),\((i * 13 + k * 7 + q) % 80 + 5)\n"
        }
      }
    }
    return try store([
      (name: "program.toml", text: program), (name: "partners.csv", text: partners),
      (name: "metrics.csv", text: metrics),
    ])
  }

  /// The overview and trends models built from the kept numbers (adopted
  /// right after the first scorebook is in) draw what a first open builds,
  /// and a trends mover opens the same partner.
  @Test func keptModelsOpenAsTheScreensOwn() throws {
    let store = try Self.store(
      SampleData.files.sorted { $0.key < $1.key }.map { (name: $0.key, text: $0.value) })
    let book = Scorebook(try store.loadDataset())
    for t in [1, book.periods.count - 1] {
      // Opened as the app opens it: loading, the kept numbers read, then the scorebook in.
      var (app, effects) = AppState.loading(period: t, width: 120, height: 40)
      let reader = KeptReader(store: store)
      while !effects.isEmpty {
        if case .readKept(let request) = effects.removeFirst() {
          effects += Update.apply(reader.answer(request, period: t), to: &app)
        }
      }
      #expect(app.ready == nil)
      Update.apply(.reloaded(book), to: &app)
      var kept = try #require(app.ready)
      #expect(kept.overview != nil && kept.trends != nil)
      var built = DashboardState(book: book, period: t, width: 120, height: 40)
      for key in ["3", "4", "m", "j", "\r"] as [Character] {
        let k: Dashboard.Key = key == "\r" ? .enter : .char(key)
        Update.apply(.key(k), to: &kept)
        Update.apply(.key(k), to: &built)
        let a = TextBackend.render(DashboardView.render(kept, glyphs: .unicode))
        #expect(a == TextBackend.render(DashboardView.render(built, glyphs: .unicode)), "\(key) at \(t)")
      }
      #expect(kept.screen == .partner && kept.detailPartner == built.detailPartner)
    }
  }

  /// The Pilot screen drawn from the review a rescore kept (`render pilot`)
  /// is the one the whole scorebook draws: every cohort of the sample and of
  /// section 17's example, every period from its start, three sizes.
  @Test func keptPilotsAreTheFullPilots() throws {
    var folder = URL(fileURLWithPath: #filePath)
    folder.deleteLastPathComponent()
    folder.deleteLastPathComponent()
    folder.appendPathComponent("Fixtures/pilot-example")
    let example = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map {
      (name: $0, text: try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8))
    }
    let sample = SampleData.files.sorted { $0.key < $1.key }.map { (name: $0.key, text: $0.value) }
    var compared = 0
    for files in [sample, example] {
      let store = try Self.store(files)
      let book = Scorebook(try store.loadDataset())
      let view = try #require(try store.keptView())
      for cohort in try store.cohortIDs() {
        for t in book.periods.indices {
          guard case .success(let review)? = try store.keptPilot(cohort: cohort, choose: { _ in t }) else {
            continue
          }
          for (w, h) in [(80, 24), (120, 40), (220, 60)] {
            let first = TextBackend.render(
              DashboardView.render(
                kept: .pilot(
                  PilotFrame(
                    review: review, program: view.program, coverage: view.coverage[t],
                    cohorts: try store.cohortIDs().count)), width: w, height: h, glyphs: .unicode))
            var state = DashboardState(book: book, period: t, width: w, height: h)
            Update.apply(.command(.pilot(cohort)), to: &state)
            #expect(
              first == TextBackend.render(DashboardView.render(state, glyphs: .unicode)),
              "\(cohort) \(t) \(w)x\(h)")
            compared += 1
          }
        }
      }
    }
    #expect(compared >= 3 * (3 + 3 + 2))
  }

  /// The Program return screen drawn from the kept outcome values (`render
  /// roi`) is the one the whole scorebook draws, at every period.
  @Test func keptReturnsAreTheFullReturns() throws {
    let store = try Self.store(
      SampleData.files.sorted { $0.key < $1.key }.map { (name: $0.key, text: $0.value) })
    let book = Scorebook(try store.loadDataset())
    let (payouts, view) = try #require(try store.keptPayouts())
    #expect(!payouts.isEmpty)
    for t in book.periods.indices {
      let roi = ProgramROI(program: view.program, periods: view.periods, payouts: payouts, period: t)
      for (w, h) in [(80, 24), (120, 40), (220, 60)] {
        let first = TextBackend.render(
          DashboardView.render(
            kept: .programReturn(ReturnFrame(roi: roi, program: view.program, coverage: view.coverage[t])),
            width: w, height: h, glyphs: .unicode))
        var state = DashboardState(book: book, period: t, width: w, height: h)
        Update.apply(.command(.show(.roi)), to: &state)
        #expect(first == TextBackend.render(DashboardView.render(state, glyphs: .unicode)), "\(t) \(w)x\(h)")
      }
    }
  }

  @Test func sampleDataFirstFramesAreTheFullFrames() throws {
    let store = try Self.store(
      SampleData.files.sorted { $0.key < $1.key }.map { (name: $0.key, text: $0.value) })
    try expectFirstFramesEqualFullFrames(store, sizes: [(80, 24), (120, 40), (220, 60)])
    // The sample's unscored KPI and its partner without data are in the header.
    let excerpt = try #require(try store.leaderboardExcerpt(rows: 40) { $0.count - 1 })
    #expect(!excerpt.unscoredKPIs.isEmpty && excerpt.partnerCount > excerpt.evaluated)
  }

  /// Equal scores (equal rank, then name and id order), names wider than
  /// the screen, a late joiner and a partner without any data, on a screen
  /// taller than the partners (the rows without data show at the end).
  @Test func tiesAndPartnersWithoutDataFirstFramesAreTheFullFrames() throws {
    let program = SampleData.files["program.toml"]!
    var partners = "id,name,segment,region\n"
    var metrics = "partner_id,period,kpi,value\n"
    let parsed = try ProgramParser.parse(program).get()
    let kpis = parsed.kpis.map(\.id)
    let segments = parsed.segments.map(\.id)
    for i in 0..<30 {
      let name = i % 4 == 0 ? "Same Name" : "Partner \(String(repeating: "é", count: i)) 株式会社 \(i)"
      partners += "Q\(i % 7)\(i),\(name),\(segments[i % segments.count]),R\(i % 3)\n"
      guard i != 29 && i != 3 else { continue }  // no data at all
      for q in (i == 5 ? 3 : 1)...4 {
        for (k, kpi) in kpis.enumerated() {
          metrics += "Q\(i % 7)\(i),2026Q\(q),\(kpi),\(i % 3 == 0 ? 50 : (i * 7 + k * 11 + q) % 90 + 1)\n"
        }
      }
    }
    let store = try Self.store([
      (name: "program.toml", text: program), (name: "partners.csv", text: partners),
      (name: "metrics.csv", text: metrics),
    ])
    try expectFirstFramesEqualFullFrames(store, sizes: [(80, 24), (120, 40), (220, 60)])
  }
}

/// `render partner` reads the partner on its own through the kept scores:
/// the same cells as the partner screen of the whole scorebook, for every
/// sample partner (grace at the top tier, blocked, no data, late joiners).
@Suite struct PartnerAloneFrameTests {
  @Test func everySamplePartnerAloneIsTheFullPartnerScreen() throws {
    let store = try FirstFrameTests.store(
      SampleData.files.sorted { $0.key < $1.key }.map { (name: $0.key, text: $0.value) })
    let book = Scorebook(try store.loadDataset())
    let view = try #require(try store.keptView())
    #expect(view.periods == book.periods)
    let last = book.periods.count - 1
    for p in book.partners.indices {
      // Every period for the partners in unusual states, the latest for the others.
      let unusual = book.firstPeriod[p] != 0 || book.grace(p, last) > 0 || book.blocked(p, last) != nil
      for t in unusual ? Array(book.periods.indices) : [last] {
        let one = try store.alone(book.partners[p], view: view, period: t)
        let model = PartnerDetailModel(
          book: one.book, partner: 0, period: t, evaluation: one.evaluation, ranks: one.ranks)
        for (w, h) in [(80, 24), (160, 48)] {
          var state = DashboardState(book: book, period: t, width: w, height: h)
          Update.apply(.command(.openPartner(p)), to: &state)
          let full = TextBackend.render(DashboardView.render(state, glyphs: .unicode))
          let alone = TextBackend.render(
            DashboardView.render(kept: .partner(model), width: w, height: h, glyphs: .unicode))
          #expect(alone == full, "\(book.partners[p].id) \(book.periods[t]) \(w)x\(h)")
        }
      }
    }
  }
}
