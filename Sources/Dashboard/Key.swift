import Scoring

/// A key press, independent of any terminal library.
public enum Key: Equatable, Sendable {
  case char(Character)
  case up, down, left, right
  case pageUp, pageDown, home, end
  case enter, escape, backspace, tab, backTab
  case ctrlC
}

/// What a mouse did, at a cell of the screen.
public enum MouseAction: Equatable, Sendable { case click, doubleClick, wheelUp, wheelDown }

/// Everything that can change the dashboard's state (Bubble Tea style).
public enum Event: Sendable {
  case key(Key)
  case mouse(x: Int, y: Int, action: MouseAction)
  case resize(width: Int, height: Int)
  /// The store changed under us and was read again.
  case reloaded(Scorebook)
  /// A message for the status bar (an export written, a reload started).
  case status(String)
  /// Something failed outside the state machine (shown in the status bar as an error).
  case failed(String)
  /// The store could not be read again (deleted, replaced by something
  /// unreadable, a failed reload): what is shown is the data read before,
  /// and the status bar says so until a reload succeeds.
  case stale(String)
  /// A change asked for by name (the `render` and `qbr` commands, tests).
  case command(Command)
  /// Another program file was read and the store's data scored under it
  /// (`.loadProgram`); `source` names the file.
  case otherProgram(Scorebook, source: String)
  /// The screens' models built ahead (`Effect.prefetch`).
  case prefetched(PreparedModels)
  /// The store's kept numbers asked for while the first scorebook loads (`Effect.readKept`).
  case kept(KeptAnswer)
}
