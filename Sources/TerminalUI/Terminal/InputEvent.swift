/// A key, a mouse action or a resize, as read from the terminal.
public enum InputEvent: Hashable, Sendable {
  case key(Key)
  /// Cell coordinates, 0-based from the top left.
  case mouse(x: Int, y: Int, kind: MouseKind)
  case resize(width: Int, height: Int)
}

public enum Key: Hashable, Sendable {
  /// A printable character.
  case char(Character)
  /// Ctrl plus a letter, lowercase: `.ctrl("c")` (only in raw mode; in
  /// cbreak mode Ctrl-C sends SIGINT).
  case ctrl(Character)
  case up, down, left, right
  case pageUp, pageDown, home, end
  case enter, escape, backspace, tab, backTab, delete, insert
  /// F1 ... F24.
  case function(Int)
}

public enum MouseKind: Hashable, Sendable {
  case press, release, click, doubleClick, wheelUp, wheelDown
}
