import Presentation
import Scoring
import TerminalUI
import TextLayout

/// A screen's title line with the quarter's state appended (SPEC section 3:
/// a provisional quarter is named so on every screen), in the longest form
/// that fits the room left on the line. Where even "provisional 63/62" does
/// not fit, the piece at `shrinking` (the program's name, as a rule) gives
/// up the room, cut with "…" or left out: the quarter and its state are never lost.
enum QuarterTitle {
  static func appending(
    _ coverage: QuarterCoverage?, to title: [StyledText], shrinking: Int, width: Int, theme: Theme
  ) -> [StyledText] {
    guard let coverage, coverage.provisional else { return title }
    let separator = " · "
    var pieces = title
    let used = pieces.reduce(0) { $0 + TextWidth.of($1.text) }
    let room = width - used - TextWidth.of(separator)
    var text = QuarterText.state(coverage, fitting: room)
    if text.isEmpty, pieces.indices.contains(shrinking) {
      // The shrinking piece gives up room for the longest short form it can:
      // cut with "…" while a few letters stay, else left out whole.
      for form in [QuarterText.state(coverage, fitting: 20), QuarterText.state(coverage, fitting: 11)] {
        let cut = TextWidth.of(pieces[shrinking].text) - (TextWidth.of(separator + form) - (width - used))
        guard cut >= 0 else { continue }
        pieces[shrinking].text = cut >= 4 ? TextWidth.truncate(pieces[shrinking].text, to: cut) : ""
        // Left out whole, with the separator after it ("book ·  · 2026Q4").
        if pieces[shrinking].text.isEmpty, pieces.indices.contains(shrinking + 1),
          pieces[shrinking + 1].text.hasPrefix(separator)
        {
          pieces[shrinking + 1].text.removeFirst(separator.count)
        }
        text = form
        break
      }
    }
    return text.isEmpty ? title : pieces + [StyledText(separator + text, style: theme.warn)]
  }
}
