import Platform

/// The drawing characters widgets use: a Unicode set (box drawing, eighth
/// blocks, braille) and an ASCII fallback for C locales and poor fonts.
public struct Glyphs: Hashable, Sendable {
  public var isUnicode: Bool
  // Box drawing.
  public var horizontal: Character
  public var vertical: Character
  public var topLeft: Character
  public var topRight: Character
  public var bottomLeft: Character
  public var bottomRight: Character
  /// ├ and ┤: a horizontal line meeting a vertical one.
  public var teeRight: Character
  public var teeLeft: Character
  /// Horizontal bar partials, 1/8 ... 8/8 of a cell. One element means
  /// whole cells only.
  public var barEighths: [Character]
  /// The unfilled part of a progress bar.
  public var barTrack: Character
  /// Sparkline levels from lowest to highest.
  public var sparkLevels: [Character]
  /// Line charts on a braille canvas (2 x 4 dots per cell); otherwise one
  /// point per cell drawn with `chartMarkers`.
  public var braille: Bool
  public var chartMarkers: [Character]
  /// The horizontal target line of a chart.
  public var targetLine: Character
  public var arrowUp: Character
  public var arrowDown: Character
  /// Marks the selected row.
  public var marker: Character
  /// Ends truncated text.
  public var ellipsis: String

  public static let unicode = Glyphs(
    isUnicode: true, horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
    bottomLeft: "└", bottomRight: "┘", teeRight: "├", teeLeft: "┤",
    barEighths: ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"], barTrack: "░",
    sparkLevels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], braille: true,
    chartMarkers: ["•", "◦", "×", "+"], targetLine: "┄", arrowUp: "▲", arrowDown: "▼",
    marker: "▸", ellipsis: "…")

  public static let ascii = Glyphs(
    isUnicode: false, horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
    bottomLeft: "+", bottomRight: "+", teeRight: "+", teeLeft: "+", barEighths: ["#"],
    barTrack: ".", sparkLevels: [".", ":", "-", "=", "+", "*", "#"], braille: false,
    chartMarkers: ["*", "o", "x", "+"], targetLine: "-", arrowUp: "^", arrowDown: "v",
    marker: ">", ellipsis: "~")

  /// Unicode without braille, for fonts that lack it.
  public var withoutBraille: Glyphs {
    var g = self
    g.braille = false
    return g
  }

  /// Unicode when the locale's character set is UTF-8, ASCII otherwise
  /// (`LANG=C`, nothing set). Follows POSIX precedence: the first
  /// non-empty of LC_ALL, LC_CTYPE, LANG decides.
  public static func forLocale(environment: [String: String]) -> Glyphs {
    let value = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }
      .first { !$0.isEmpty }
    guard let v = value?.lowercased() else { return .ascii }
    return v.contains("utf-8") || v.contains("utf8") ? .unicode : .ascii
  }

  /// `forLocale(environment:)` on this process's environment.
  public static func forLocale() -> Glyphs {
    var env: [String: String] = [:]
    for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
      if let p = getenv(name) { env[name] = String(cString: p) }
    }
    return forLocale(environment: env)
  }
}
