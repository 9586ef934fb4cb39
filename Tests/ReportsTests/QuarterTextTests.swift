import Presentation
import Scoring
import Testing

/// SPEC section 3's phrase, and its shorter forms for narrow lines.
@Suite struct QuarterTextTests {
  let open = QuarterCoverage(period: Period("2027Q1")!, provisional: true, reported: 41, expected: 64)
  let closed = QuarterCoverage(period: Period("2026Q4")!, provisional: false, reported: 64, expected: 64)

  @Test func openQuartersAreNamedWithTheirCoverage() {
    #expect(QuarterText.name(open) == "2027Q1 (provisional, 41 of 64 partners reported)")
    #expect(QuarterText.name(closed) == "2026Q4")
    #expect(QuarterText.brief(open) == "2027Q1 (provisional)")
    #expect(
      QuarterCoverage.of(
        0, periods: [open.period], reported: { _ in 5 }, evaluated: { _ in 0 }, closedThrough: nil
      ).expected == 5)
  }

  @Test func narrowLinesGetShorterFormsNeverACutWord() {
    #expect(QuarterText.state(open, fitting: 80) == "provisional, 41 of 64 partners reported")
    #expect(QuarterText.state(open, fitting: 35) == "provisional, 41 of 64 reported")
    #expect(QuarterText.state(open, fitting: 20) == "provisional 41/64")
    #expect(QuarterText.state(open, fitting: 12) == "provisional")
    #expect(QuarterText.state(open, fitting: 5) == "")
    #expect(QuarterText.state(closed, fitting: 80) == "")
    // Big counts are grouped, as every other count on screen.
    let big = QuarterCoverage(period: open.period, provisional: true, reported: 99_000, expected: 100_000)
    #expect(QuarterText.state(big) == "provisional, 99,000 of 100,000 partners reported")
    #expect(QuarterText.state(big, fitting: 28) == "provisional 99,000/100,000")
  }
}
