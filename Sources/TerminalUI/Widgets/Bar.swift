import TextLayout

/// A horizontal bar showing a fraction 0...1 with eighth-block resolution
/// (whole cells in ASCII). Draws on every row of its rectangle.
public struct Bar: Widget, Sendable {
  public var fraction: Double
  public var style: Style
  /// Draw the unfilled part with `glyphs.barTrack` in `trackStyle`; spaces
  /// otherwise.
  public var showsTrack: Bool
  public var trackStyle: Style

  public init(_ fraction: Double, style: Style = .plain, showsTrack: Bool = false, trackStyle: Style = .dim) {
    self.fraction = fraction
    self.style = style
    self.showsTrack = showsTrack
    self.trackStyle = trackStyle
  }

  /// The filled part of a `width`-cell bar, at most `width` cells.
  public static func filled(_ fraction: Double, width: Int, glyphs: Glyphs) -> String {
    guard width > 0 else { return "" }
    let f = fraction.isNaN ? 0 : min(1, max(0, fraction))
    let parts = glyphs.barEighths
    guard let full = parts.last else { return "" }
    let steps = parts.count
    let units = Int(clampingRounded: f * Double(width * steps))
    var s = String(repeating: full, count: units / steps)
    if units % steps > 0 { s.append(parts[units % steps - 1]) }
    return s
  }

  /// The bar as text exactly `width` cells wide (spaces or track after the
  /// filled part): a 10-wide bar at 0.55 is "█████▌    ".
  public static func string(_ fraction: Double, width: Int, glyphs: Glyphs, showsTrack: Bool = false)
    -> String
  {
    let s = filled(fraction, width: width, glyphs: glyphs)
    let rest = max(0, width - s.count)
    return s + String(repeating: showsTrack ? glyphs.barTrack : " ", count: rest)
  }

  public func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    guard !rect.isEmpty else { return }
    let s = Bar.filled(fraction, width: rect.width, glyphs: glyphs)
    let n = s.count
    for yy in rect.y..<rect.maxY {
      buffer.put(s, x: rect.x, y: yy, style: style, maxWidth: rect.width)
      if showsTrack && n < rect.width {
        buffer.fill(
          Rect(x: rect.x + n, y: yy, width: rect.width - n, height: 1), with: glyphs.barTrack,
          style: trackStyle)
      }
    }
  }
}
