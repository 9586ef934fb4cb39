/// A run of text in one style.
public struct StyledText: Hashable, Sendable, ExpressibleByStringInterpolation {
  public var text: String
  public var style: Style

  public init(_ text: String, style: Style = .plain) {
    self.text = text
    self.style = style
  }

  public init(stringLiteral value: String) {
    self.init(value)
  }
}
