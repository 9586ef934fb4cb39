/// A key and what it does ("q", "quit"), as the status bar, the help and
/// the screens' key maps say it. Here, below both the view models and the
/// widgets, so the two share one type.
public struct KeyHint: Hashable, Sendable {
  public var keys: String
  public var action: String

  public init(_ keys: String, _ action: String) {
    self.keys = keys
    self.action = action
  }
}

extension KeyHint {
  /// The help's lines of one entry in `width` columns, its keys `keyWidth`
  /// wide: "  KEYS  action", the action wrapped under itself where it does
  /// not fit (words kept whole). The one layout the help draws and scrolls by.
  public static func helpLines(action: String, keyWidth: Int, width: Int) -> [String] {
    let room = width - keyWidth - 4
    guard room >= 16, TextWidth.of(action) > room else { return [action] }
    return TextWidth.wrap(action, width: room)
  }

  /// Lines the help takes in `width` columns: each group's title, its
  /// entries wrapped, a blank line between groups, and two for the footer.
  public static func helpLineCount(_ groups: [[KeyHint]], width: Int) -> Int {
    let keyWidth = groups.flatMap { $0.map { TextWidth.of($0.keys) } }.max() ?? 0
    let entries = groups.reduce(0) { total, group in
      total + 1
        + group.reduce(0) { $0 + helpLines(action: $1.action, keyWidth: keyWidth, width: width).count }
    }
    return entries + max(0, groups.count - 1) + 2
  }
}
