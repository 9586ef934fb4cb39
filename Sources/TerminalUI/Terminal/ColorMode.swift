/// How many colours the session uses.
public enum ColorMode: Hashable, Sendable {
  /// Attributes only (bold, dim, reverse, underline): `NO_COLOR` is set or
  /// the terminal has no colours.
  case none
  /// The 8 basic colours; palette colours map to the nearest of them.
  case basic8
  /// The 256-colour palette.
  case palette256

  /// The mode for a terminal with `colors` colours (0 when it has none);
  /// a non-empty `NO_COLOR` wins (https://no-color.org).
  public static func choose(noColor: String?, colors: Int) -> ColorMode {
    if let noColor, !noColor.isEmpty { return .none }
    if colors >= 256 { return .palette256 }
    if colors >= 8 { return .basic8 }
    return .none
  }

  /// The curses colour number for `color`: -1 for the default, nil in
  /// `.none` mode.
  public func cursesColor(_ color: Color) -> Int32? {
    switch self {
    case .none: return nil
    case .basic8: return color.basicIndex.map(Int32.init) ?? -1
    case .palette256: return color.paletteIndex.map(Int32.init) ?? -1
    }
  }
}
