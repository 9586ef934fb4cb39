import TextLayout

/// "label █████▌░░░░  55%": a label, a bar with a track, and the percentage,
/// on the first row of its rectangle.
public struct ProgressBar: Widget, Sendable {
  public var fraction: Double
  public var label: String
  public var style: Style
  public var labelStyle: Style
  public var trackStyle: Style

  public init(
    _ fraction: Double, label: String = "", style: Style = .plain, labelStyle: Style = .plain,
    trackStyle: Style = .dim
  ) {
    self.fraction = fraction
    self.label = label
    self.style = style
    self.labelStyle = labelStyle
    self.trackStyle = trackStyle
  }

  /// "55%", clamped to 0...100.
  public var percentText: String {
    let f = fraction.isNaN ? 0 : min(1, max(0, fraction))
    return "\(Int(clampingRounded: f * 100))%"
  }

  public func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    guard !rect.isEmpty else { return }
    let pct = TextWidth.pad(percentText, to: 4, align: .right)
    let labelWidth = label.isEmpty ? 0 : TextWidth.of(label) + 1
    let barWidth = rect.width - labelWidth - 5
    let y = rect.y
    if barWidth < 1 {
      // No room for a bar: label and percentage only.
      let text = label.isEmpty ? percentText : label + " " + percentText
      buffer.put(
        TextWidth.truncate(text, to: rect.width, ellipsis: glyphs.ellipsis), x: rect.x, y: y,
        style: labelStyle)
      return
    }
    var x = rect.x
    if !label.isEmpty {
      x = buffer.put(label, x: x, y: y, style: labelStyle, maxWidth: rect.width) + 1
    }
    Bar(fraction, style: style, showsTrack: true, trackStyle: trackStyle)
      .render(in: Rect(x: x, y: y, width: barWidth, height: 1), buffer: &buffer, glyphs: glyphs)
    buffer.put(" " + pct, x: x + barWidth, y: y, style: labelStyle, maxWidth: rect.maxX - x - barWidth)
  }
}
