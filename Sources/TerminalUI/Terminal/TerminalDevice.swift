/// What an application needs of a terminal: its size, its input, and a
/// place to show a frame. `TerminalSession` is the real one (ncursesw); a
/// test gives its own, which replays input and keeps every frame (as
/// ratatui's TestBackend does).
public protocol TerminalDevice: AnyObject {
  var size: (width: Int, height: Int) { get }
  /// The next input, or nil when none came within `timeoutMs`.
  func readEvent(timeoutMs: Int) -> InputEvent?
  /// Shows `buffer` (only the cells that changed reach a real terminal).
  func draw(_ buffer: CellBuffer)
}

extension TerminalSession: TerminalDevice {}
