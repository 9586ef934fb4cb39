import Dashboard
import Presentation
import Scoring
import Testing

@Suite struct OverviewTests {
  @Test func distributionTransitionsMoversAndRisk() {
    let book = Synthetic.book([[10, 90], [90, 40], [70, 70], [nil, 60], [85, 20]])
    let o = OverviewModel(book: book, period: 1)
    #expect(o.evaluated == 5)
    #expect(o.tierCounts == [0, 2, 3])  // p1 and p4 keep Gold in grace
    #expect(o.transitions[0][2] == 1)  // p0 bronze -> gold
    #expect(o.risers.first?.partner.id == "p0")
    #expect(o.fallers.map(\.partner.id).contains("p4"))
    #expect(o.atRisk.map(\.partner.id).contains("p1"))
    #expect(o.segments.map(\.partners) == [3, 2])
  }
}
