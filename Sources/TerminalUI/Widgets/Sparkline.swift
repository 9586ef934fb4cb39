import TextLayout

/// Values as a row of level characters (▁ ... █), one per cell; nil values
/// are gaps. Shows the most recent values when they do not all fit.
public struct Sparkline: Widget, Sendable {
  public var values: [Double?]
  /// The values mapped to the lowest and highest level; by default the
  /// smallest ... largest value, so the shape of the trend shows.
  public var range: ClosedRange<Double>?
  public var style: Style

  public init(_ values: [Double?], range: ClosedRange<Double>? = nil, style: Style = .plain) {
    self.values = values
    self.range = range
    self.style = style
  }

  /// The sparkline as text, one character per value (the last `width`
  /// values when `width` is given, still scaled over all of them).
  public static func string(
    _ values: [Double?], width: Int? = nil, range: ClosedRange<Double>? = nil, glyphs: Glyphs
  ) -> String {
    let shown = width.map { Array(values.suffix(max(0, $0))) } ?? values
    let levels = glyphs.sparkLevels
    guard !levels.isEmpty else { return "" }
    let present = values.compactMap { $0 }.filter { $0.isFinite }
    guard let lo = range?.lowerBound ?? present.min(),
      let hi = range?.upperBound ?? present.max()
    else { return String(repeating: " ", count: shown.count) }
    var s = ""
    for v in shown {
      guard let v, v.isFinite else {
        s.append(" ")
        continue
      }
      let level: Int
      if hi > lo {
        let f = (v / 2 - lo / 2) / (hi / 2 - lo / 2)  // halves: no overflow to infinity
        level = Int(clampingRounded: f.clamped(to: 0...1) * Double(levels.count - 1))
      } else {
        level = v > 0 ? levels.count - 1 : 0
      }
      s.append(levels[min(levels.count - 1, max(0, level))])
    }
    return s
  }

  public func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    guard !rect.isEmpty else { return }
    let s = Sparkline.string(values, width: rect.width, range: range, glyphs: glyphs)
    buffer.put(s, x: rect.x, y: rect.y, style: style, maxWidth: rect.width)
  }
}
