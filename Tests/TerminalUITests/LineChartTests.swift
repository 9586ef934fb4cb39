import TerminalUI
import Testing

@Suite struct LineChartTests {
  let rising = LineChart.Series("s", values: [0, 1, 2, 3])

  @Test func brailleWithoutAxis() {
    let chart = LineChart(series: [rising], showsAxis: false)
    #expect(lines(chart, width: 6, height: 2) == ["   \u{2860}\u{2812}\u{2809}", "\u{2860}\u{2814}\u{280A}"])
    #expect(lines(chart, width: 6, height: 2) == ["   ⡠⠒⠉", "⡠⠔⠊"])
  }

  @Test func blockFallbackWithoutAxis() {
    let chart = LineChart(series: [rising], showsAxis: false)
    #expect(lines(chart, width: 6, height: 2, glyphs: .ascii) == ["   ***", "***"])
    #expect(lines(chart, width: 6, height: 2, glyphs: Glyphs.unicode.withoutBraille) == ["   •••", "•••"])
  }

  @Test func axisLabelsAndTargetLine() {
    let chart = LineChart(series: [rising], target: 1.5)
    #expect(
      lines(chart, width: 10, height: 4) == [
        "  3┤    \u{28A0}\u{280A}",
        "   │   \u{2854}\u{2801}",
        "1.5┤┄\u{2880}\u{281C}┄┄┄",
        "  0┤\u{2860}\u{2803}",
      ])
    #expect(
      lines(chart, width: 10, height: 4, glyphs: .ascii) == ["  3+    **", "   |   *", "1.5+-**---", "  0+*"])
  }

  @Test func gapsAndSeveralSeries() {
    let a = LineChart.Series("a", values: [2, nil, 2], style: .bold)
    let b = LineChart.Series("b", values: [0, 0, 0])
    let chart = LineChart(series: [a, b], showsAxis: false)
    #expect(lines(chart, width: 3, height: 3, glyphs: .ascii) == ["* *", "", "ooo"])
    var buf = CellBuffer(width: 3, height: 3)
    chart.render(in: buf.area, buffer: &buf, glyphs: .ascii)
    #expect(buf[0, 0].style == .bold)
    #expect(buf[0, 2].style == .plain)
  }

  @Test func rangeAndFormat() {
    #expect(LineChart(series: [rising], target: 10).resolvedRange == 0...10)
    #expect(LineChart(series: [.init("flat", values: [5, 5])]).resolvedRange == 4...6)
    #expect(LineChart(series: []).resolvedRange == 0...1)
    #expect(LineChart(series: [rising], yRange: -1...1).resolvedRange == -1...1)
    #expect(LineChart.compact(3) == "3")
    #expect(LineChart.compact(2.25) == "2.3")
    #expect(LineChart.compact(-0.5) == "-0.5")
    #expect(LineChart.compact(1234.4) == "1234")
    #expect(LineChart.compact(12_400) == "12.4k")
    #expect(LineChart.compact(2_500_000) == "2.5M")
  }

  @Test func valuesOutsideAnExplicitRangeAreClamped() {
    let chart = LineChart(series: [.init("s", values: [-5, 5])], yRange: 0...1, showsAxis: false)
    #expect(lines(chart, width: 2, height: 2, glyphs: .ascii) == [" *", "*"])
  }
}
