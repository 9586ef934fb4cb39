/// Colours and attributes of a cell. Never rely on colour alone to carry
/// meaning: keep reverse video or a marker for selections.
public struct Style: Hashable, Sendable {
  public var fg: Color
  public var bg: Color
  public var bold: Bool
  public var dim: Bool
  public var reverse: Bool
  public var underline: Bool

  public init(
    fg: Color = .default, bg: Color = .default, bold: Bool = false, dim: Bool = false,
    reverse: Bool = false, underline: Bool = false
  ) {
    self.fg = fg
    self.bg = bg
    self.bold = bold
    self.dim = dim
    self.reverse = reverse
    self.underline = underline
  }

  public static let plain = Style()
  public static let bold = Style(bold: true)
  public static let dim = Style(dim: true)
  public static let reverse = Style(reverse: true)
  public static let underline = Style(underline: true)

  /// `other` laid over `self`: its non-default colours replace ours, its
  /// attributes add to ours.
  public func patched(with other: Style) -> Style {
    Style(
      fg: other.fg == .default ? fg : other.fg, bg: other.bg == .default ? bg : other.bg,
      bold: bold || other.bold, dim: dim || other.dim, reverse: reverse || other.reverse,
      underline: underline || other.underline)
  }
}
