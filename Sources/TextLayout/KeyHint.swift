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
