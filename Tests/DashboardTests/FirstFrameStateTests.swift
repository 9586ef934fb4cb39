import Testing

@testable import Dashboard
@testable import Scoring

/// While the first scorebook loads, the first frame follows the keys whose
/// result it can show; the dashboard's state takes the same keys once the
/// scorebook is in. Wherever the first frame still follows, both show the
/// same screen, the same selection and the same partner.
@Suite struct FirstFrameStateTests {
  @Test func followsKeysAsTheDashboardTakesThem() {
    var scores: [[Double?]] = []
    for i in 0..<90 { scores.append([Double(i % 37) * 2.5, i % 11 == 0 ? nil : Double((i * 7) % 100)]) }
    let book = Synthetic.book(scores)
    let keys: [Key] = [
      .char("j"), .down, .pageDown, .enter, .escape, .char("G"), .char("2"), .tab, .char("1"), .up,
      .char("l"), .char("h"), .char("4"), .char("2"), .backspace, .char("3"), .char("t"), .char("1"),
      .pageUp, .right, .left, .home, .char("2"), .tab, .char("4"), .char("1"), .end, .enter, .left,
      .char("k"), .char("g"), .char("9"), .escape, .char("0"), .char("h"), .char("9"), .char("0"), .char("1"),
    ]
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    for round in 0..<40 {
      var state = DashboardState(book: book, period: 1, width: 100, height: 30)
      var first = FirstFrameState(count: state.leaderboard.count, height: 30)
      var pressed: [Key] = []
      // The fixed sequence first, then random ones.
      for step in 0..<(round == 0 ? keys.count : 25) {
        seed ^= seed << 13
        seed ^= seed >> 7
        seed ^= seed << 17
        let key = round == 0 ? keys[step] : keys[Int(seed % UInt64(keys.count))]
        pressed.append(key)
        let following = first.apply(key)
        Update.apply(.key(key), to: &state)
        guard following else { break }
        let screen: Screen =
          switch first.shown {
          case .leaderboard: .leaderboard
          case .overview: .overview
          case .trends: .trends
          case .partner: .partner
          case .pilot: .pilot
          case .roi: .roi
          }
        #expect(state.screen == screen, "\(pressed)")
        #expect(state.selected == first.cursor.selected && state.scroll == first.cursor.scroll, "\(pressed)")
        if first.shown == .partner {
          #expect(state.detailPartner == first.detail.map { state.leaderboard.partners[$0] }, "\(pressed)")
        }
      }
    }
    // Keys it cannot show stop it.
    var first = FirstFrameState(count: 90, height: 30)
    let sorted = first.apply(.char("s"))
    let moved = first.apply(.char("j"))
    #expect(!sorted && !first.following && !moved && first.cursor.selected == 0)
    var overview = FirstFrameState(count: 90, height: 30)
    overview.apply(.tab)
    let scrolled = overview.apply(.char("j"))
    #expect(!scrolled)
  }
}
