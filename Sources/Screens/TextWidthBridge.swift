import TextLayout

/// Display-width helpers for the screens.
enum TextWidthBridge {
  static func of(_ s: String) -> Int { TextWidth.of(s) }
  /// Cut to `width` (with `ellipsis`) and padded to it.
  static func fit(_ s: String, _ width: Int, align: Alignment, ellipsis: String) -> String {
    TextWidth.pad(TextWidth.truncate(s, to: width, ellipsis: ellipsis), to: width, align: align)
  }

  static func pad(_ s: String, _ width: Int) -> String {
    TextWidth.pad(TextWidth.truncate(s, to: width - 1), to: width, align: .left)
  }
}
