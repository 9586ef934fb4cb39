/// Renders a cell buffer as plain text: for tests, `--help` examples and
/// README screenshots.
public enum TextBackend {
  /// Rows joined by "\n", trailing spaces trimmed, no final newline.
  public static func render(_ buffer: CellBuffer) -> String {
    buffer.lines().joined(separator: "\n")
  }

  /// Draws `widget` into a fresh `width` x `height` buffer and renders it.
  public static func render(
    _ widget: some Widget, width: Int, height: Int, glyphs: Glyphs = .unicode
  ) -> String {
    var buffer = CellBuffer(width: width, height: height)
    widget.render(in: buffer.area, buffer: &buffer, glyphs: glyphs)
    return render(buffer)
  }
}
