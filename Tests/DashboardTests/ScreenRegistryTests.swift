import Testing

@testable import Dashboard
@testable import Scoring

/// The registry is the one list of screens: each has a unit, its keys open
/// it and no other, Tab visits every screen in its cycle and comes back,
/// and the help and status bar read their lines from it.
@Suite struct ScreenRegistryTests {
  @Test func everyScreenHasOneUnitAndOneSetOfKeys() {
    var seen: Set<Character> = []
    for screen in Screen.allCases {
      let unit = ScreenRegistry.unit(screen)
      #expect(unit.screen == screen)
      #expect(!unit.hints(nil).isEmpty, "\(screen)")
      for key in unit.keys {
        #expect(!seen.contains(key), "\(key) opens two screens")
        seen.insert(key)
      }
    }
    #expect(seen == Set("1234567890t$"))
  }

  @Test func eachKeyOpensItsScreen() {
    let book = Synthetic.book([[50, 60], [70, 40]])
    for unit in ScreenRegistry.keyed {
      for key in unit.keys {
        var s = DashboardState(book: book, width: 120, height: 40)
        Update.apply(.key(.char(key)), to: &s)
        // The what-if needs a program first: it says so and stays.
        let expected: Screen = unit.screen == .whatIf ? .leaderboard : unit.screen
        #expect(s.screen == expected, "\(key)")
        if unit.screen == .whatIf { #expect(s.message?.contains(":compare") == true) }
      }
    }
  }

  @Test func tabVisitsTheCycleAndComesBack() {
    let book = Synthetic.book([[50, 60], [70, 40]])
    var s = DashboardState(book: book, width: 120, height: 40)
    var visited: [Screen] = []
    for _ in 0..<ScreenRegistry.tabOrder.count {
      Update.apply(.key(.tab), to: &s)
      visited.append(s.screen)
      if s.screen == .leaderboard { break }
    }
    // No cohort and no what-if program: those two are skipped.
    #expect(visited == [.overview, .changes, .trends, .payouts, .fairness, .roi, .leaderboard])
  }

  @Test func theHelpListsTheScreensFromTheRegistry() {
    let screens = KeyHelp.groups.first { $0.title == "Screens" }!.entries
    #expect(
      screens.first { $0.keys == "1-9 0" }?.action
        == ScreenRegistry.keyed.map(\.title).joined(separator: ", "))
    #expect(
      screens.first { $0.keys == "Tab" }?.action.hasPrefix("leaderboard, overview, changes") == true)
  }
}
