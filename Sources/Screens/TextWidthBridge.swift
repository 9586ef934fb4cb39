import TextLayout

/// Display-width helpers for the screens.
enum TextWidthBridge {
  static func of(_ s: String) -> Int { TextWidth.of(s) }
  static func pad(_ s: String, _ width: Int) -> String {
    TextWidth.pad(TextWidth.truncate(s, to: width - 1), to: width, align: .left)
  }
}
