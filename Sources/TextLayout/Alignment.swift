/// Horizontal placement of text inside a wider field.
public enum Alignment: Sendable, Equatable {
  case left, right, center
}
