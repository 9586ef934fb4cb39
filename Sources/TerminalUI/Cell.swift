/// One terminal cell: a grapheme cluster and its style. A wide character
/// occupies its own cell and the continuation cell to its right.
public struct Cell: Hashable, Sendable {
  public var character: Character
  public var style: Style
  /// The right half of the wide character in the cell to the left.
  public var isContinuation: Bool

  public init(_ character: Character = " ", style: Style = .plain) {
    self.character = character
    self.style = style
    self.isContinuation = false
  }

  public static let blank = Cell()

  public static func continuation(_ style: Style) -> Cell {
    var c = Cell(" ", style: style)
    c.isContinuation = true
    return c
  }
}
