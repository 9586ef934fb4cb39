import Dashboard
import Foundation
import ProgramFiles
import Scoring
import Testing

/// The Pilot (`9`) and Program return (`0`) screens' keys and commands, on
/// the worked example of SPEC section 17 (two cohorts, p1 and p2).
@Suite struct OutcomeScreenTests {
  static let book: Scorebook = {
    var folder = URL(fileURLWithPath: #filePath)
    folder.deleteLastPathComponent()
    folder.deleteLastPathComponent()
    folder.appendPathComponent("Fixtures/pilot-example")
    let names = try! FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    let contents = names.map {
      (name: $0, text: try! String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8))
    }
    var issues: [DataIssue] = []
    let files = DataFiles.read(contents: contents, issues: &issues)
    var data = Dataset(
      program: files.program!, partners: files.partners!.rows, observations: files.metrics!.rows,
      agreements: files.agreements!.rows)
    data.cohorts = files.cohorts!.rows
    return Scorebook(data)
  }()

  @Test func nineOpensThePilotOfTheFirstCohortAndCStepsThroughThem() {
    var s = DashboardState(book: Self.book, width: 120, height: 40)
    Update.apply(.key(.char("9")), to: &s)
    #expect(s.screen == .pilot)
    #expect(s.pilotState.review?.cohort == "p1")
    #expect(s.pilotState.review?.results.first?.effect == 18)
    Update.apply(.key(.char("c")), to: &s)
    #expect(s.pilotState.review?.cohort == "p2")
    #expect(s.pilotState.review?.members == 1)
    Update.apply(.key(.char("c")), to: &s)
    #expect(s.pilotState.review?.cohort == "p1")
    // ↓ selects a measure; the last one at most.
    for _ in 0..<10 { Update.apply(.key(.down), to: &s) }
    #expect(s.pilotState.selected == Self.book.program.kpis.count)
    Update.apply(.key(.escape), to: &s)
    #expect(s.screen == .leaderboard)
  }

  @Test func thePilotBeforeItsStartSaysWhy() {
    var s = DashboardState(
      book: Self.book, period: Self.book.periodIndex(Period("2026Q1")!), width: 120, height: 40)
    Update.apply(.key(.char("9")), to: &s)
    #expect(s.pilotState.review == nil)
    #expect(s.pilotState.problem == "Pilot p1 starts in 2026Q2: ] moves to a later quarter")
    Update.apply(.key(.char("]")), to: &s)
    #expect(s.pilotState.review?.period == Period("2026Q2"))
  }

  @Test func theCommandLineOpensACohortAndRefusesAnUnknownOne() {
    var s = DashboardState(book: Self.book, width: 120, height: 40)
    for key in ":pi p2".map({ Key.char($0) }) + [.enter] { Update.apply(.key(key), to: &s) }
    #expect(s.screen == .pilot)
    #expect(s.pilotState.review?.cohort == "p2")
    for key in ":pilot p9".map({ Key.char($0) }) + [.enter] { Update.apply(.key(key), to: &s) }
    #expect(s.failed)
    #expect(s.message == "unknown cohort \"p9\" (known: p1, p2)")
    #expect(s.pilotState.review?.cohort == "p2")
    for key in ":roi".map({ Key.char($0) }) + [.enter] { Update.apply(.key(key), to: &s) }
    #expect(s.screen == .roi)
    #expect(s.returnState.roi?.payback == Period("2026Q3"))
    #expect(s.returnState.roi?.paid == 11_000)
  }

  @Test func tabGoesFromFairnessToThePilotAndTheReturn() {
    var s = DashboardState(book: Self.book, width: 120, height: 40)
    Update.apply(.key(.char("7")), to: &s)
    Update.apply(.key(.tab), to: &s)
    #expect(s.screen == .pilot)
    Update.apply(.key(.tab), to: &s)
    #expect(s.screen == .roi)
    Update.apply(.key(.tab), to: &s)
    #expect(s.screen == .leaderboard)
  }

  /// `e` on the two screens writes their tables under names that say what they are.
  @Test func exportsNameTheCohortAndThePeriod() {
    var s = DashboardState(book: Self.book, width: 120, height: 40)
    Update.apply(.key(.char("9")), to: &s)
    Update.apply(.key(.char("e")), to: &s)
    #expect(s.exportPrompt?.text == "partnerboard-pilot-p1-2026Q4.csv")
    let effects = Update.apply(.key(.enter), to: &s)
    guard case .export(_, let csv)? = effects.first else {
      Issue.record("no export: \(effects)")
      return
    }
    #expect(csv.hasPrefix("measure,n_members,n_rest,change_members,change_rest,effect,se,t,verdict\n"))
    #expect(csv.contains("score,2,5,20.0000,2.0000,18.0000,5.0000,3.60,better\n"))
    Update.apply(.key(.char("0")), to: &s)
    Update.apply(.key(.char("e")), to: &s)
    #expect(s.exportPrompt?.text == "partnerboard-roi-2026Q4.csv")
  }
}
