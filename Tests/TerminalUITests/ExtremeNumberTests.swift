import TerminalUI
import Testing

@testable import TextLayout

/// Every chart, bar and label over every kind of Double (issue 10): a trap
/// here would end the dashboard with the terminal in raw mode.
@Suite struct ExtremeNumberTests {
  static let extremes: [Double] = [
    .nan, .infinity, -.infinity, 0, -0.0, 1, -1, 1e308, -1e308, .greatestFiniteMagnitude,
    -.greatestFiniteMagnitude, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude, 1e24,
    -1e24, 9.3e18, -9.3e18, 4.7e18, 1e15, .ulpOfOne, Double("1e-310")!, 0.5, 99.995,
  ]

  @Test func clampedConversions() {
    #expect(Int(clampingRounded: .nan) == 0)
    #expect(Int(clampingRounded: .infinity) == 1 << 62)
    #expect(Int(clampingRounded: -1e300) == -(1 << 62))
    #expect(Int(clampingRounded: 2.5) == 3)
    #expect(Int(clampingRounded: -2.5) == -3)
    #expect(Double.nan.clamped(to: 0...1) == 0)
    #expect(Double.infinity.clamped(to: 0...1) == 1)
  }

  @Test func compactLabels() {
    for x in Self.extremes {
      let s = CompactNumber.text(x)
      #expect(TextWidth.of(s) <= 8, "\(x) -> \(s)")
    }
    #expect(CompactNumber.text(1e24) == "1e24")
    #expect(CompactNumber.text(-2.5e15) == "-2.5e15")
    #expect(CompactNumber.text(3.4e9) == "3.4G")
    #expect(CompactNumber.text(.infinity) == "?")
    #expect(CompactNumber.text(12_400) == "12.4k")
  }

  @Test func barsAndSparklines() {
    for x in Self.extremes {
      for width in [0, 1, 7] {
        #expect(TextWidth.of(Bar.filled(x, width: width, glyphs: .unicode)) <= width)
        #expect(TextWidth.of(Bar.string(x, width: width, glyphs: .ascii, showsTrack: true)) <= max(width, 0))
      }
      let p = ProgressBar(x).percentText
      #expect(["0%", "100%", "1%", "50%"].contains(p) || p.hasSuffix("%"), "\(p)")
      for y in Self.extremes {
        let s = Sparkline.string([x, y, nil, 0], glyphs: .unicode)
        #expect(s.count == 4)
        _ = Sparkline.string(
          [x, y], range: min(x.isNaN ? 0 : x, 0)...max(y.isNaN ? 0 : y, 1), glyphs: .ascii)
      }
    }
  }

  @Test func lineChartsOverEveryPair() {
    for x in Self.extremes {
      for y in Self.extremes {
        var chart = LineChart(series: [.init("a", values: [x, y, 1, nil, x])], target: y)
        chart.band = .init(lower: [x, y, 0], upper: [y, x, 1])
        for glyphs in [Glyphs.unicode, .ascii] {
          let out = lines(chart, width: 24, height: 6, glyphs: glyphs)
          #expect(out.count <= 6)
          for line in out { #expect(TextWidth.of(line) <= 24, "\(x), \(y): \(line)") }
        }
      }
    }
  }
}
