/// Something that draws itself into a rectangle of a cell buffer. Widgets
/// are values; drawing outside `rect` never happens.
public protocol Widget {
  func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs)
}
