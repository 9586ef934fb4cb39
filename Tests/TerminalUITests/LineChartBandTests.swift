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
