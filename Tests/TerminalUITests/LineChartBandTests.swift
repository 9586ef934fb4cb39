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
