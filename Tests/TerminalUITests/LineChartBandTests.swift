import TerminalUI
import Testing

@Suite struct LineChartBandTests {
  @Test func bandIsShadedUnderTheLine() {
    var chart = LineChart(series: [.init("m", values: [2, 2])], showsAxis: false)
    chart.band = .init(lower: [0, 0], upper: [4, 4])
    let text = TextBackend.render(chart, width: 6, height: 4, glyphs: .unicode)
    #expect(text.split(separator: "\n").count == 4)
    #expect(text.contains("░"))
    #expect(text.contains { "⠀⠁⠂⠃⠄⠅⠆⠇⡀⣀⠤⠒⠉".contains($0) })
    let ascii = TextBackend.render(chart, width: 6, height: 4, glyphs: .ascii)
    #expect(ascii.contains("."))
  }

  @Test func noBandNoShade() {
    let chart = LineChart(series: [.init("m", values: [1, 3])], showsAxis: false)
    #expect(!TextBackend.render(chart, width: 6, height: 4, glyphs: .unicode).contains("░"))
  }
}

@Suite struct LineChartScaleTests {
  /// The median (series 0) sets the scale; a partner far above is clipped
  /// and marked at the top edge, one far below at the bottom.
  @Test func scaleSeriesClipAndMarkTheOthers() {
    let median = LineChart.Series("median", values: [10, 12, 14])
    let partner = LineChart.Series("partner", values: [100, 12, -50])
    var chart = LineChart(series: [median, partner], showsAxis: false)
    #expect(chart.resolvedRange == -50...100)
    chart.scaleSeries = [0]
    #expect(chart.resolvedRange == 10...14)
    let rows = TextBackend.render(chart, width: 6, height: 3, glyphs: .ascii).split(
      separator: "\n", omittingEmptySubsequences: false)
    #expect(rows[0].first == "^")
    #expect(rows[2].last == "v")
  }
}

/// Reference lines named on the axis, quarter names under the plot.
@Suite struct LineChartLabelTests {
  @Test func referencesAndTargetAreNamedOnTheAxisAndQuartersBelow() {
    var chart = LineChart(
      series: [.init("score", values: [10, 50, 90])], target: 75, yRange: 0...100)
    chart.references = [(25, "Silver 25")]
    chart.targetLabel = "Gold 75"
    chart.xLabels = ["2026Q1", "2026Q2", "2026Q3"]
    let out = lines(chart, width: 40, height: 6)
    // Rows 0-4 the chart (100 at the top, 0 at the bottom), row 5 the quarters.
    #expect(out[0].hasPrefix("      100┤"))
    #expect(out[1].hasPrefix("  Gold 75┤┄"))
    #expect(out[3].hasPrefix("Silver 25┤┄"))
    #expect(out[4].hasPrefix("        0┤"))
    // Each quarter under its point: the first at the plot's left, the last ending at its right.
    #expect(out[5] == "          2026Q1      2026Q2      2026Q3")
  }

  @Test func labelsThatWouldTouchAreLeftOut() {
    var chart = LineChart(series: [.init("s", values: Array(repeating: 1, count: 8))], showsAxis: false)
    chart.xLabels = (1...8).map { "2026Q\($0)" }
    let last = lines(chart, width: 30, height: 4).last!
    #expect(last.hasPrefix("2026Q1") && last.hasSuffix("2026Q8"))
    #expect(!last.contains("2026Q1 ") || last.contains("  "))
    #expect(last.components(separatedBy: "2026Q").count - 1 < 8)
  }
}
