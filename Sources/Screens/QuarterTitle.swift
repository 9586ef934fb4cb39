import Presentation
import Scoring
import TerminalUI
import TextLayout

/// A screen's title line with the quarter's state appended (SPEC section 3:
/// a provisional quarter is named so on every screen), in the longest form
/// that fits the room left on the line. Where even "provisional 63/62" does
/// not fit, the piece at `shrinking` (the program's name, as a rule) gives
/// up the room, cut with "…": the quarter and its state are never lost.
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
    if text.isEmpty {
      let short = QuarterText.state(coverage, fitting: 20)
      let deficit = TextWidth.of(separator + short) - (width - used)
      let longest = shrinking
      if pieces.indices.contains(longest), TextWidth.of(pieces[longest].text) - deficit >= 4 {
        let cut = TextWidth.of(pieces[longest].text) - deficit
        pieces[longest].text = TextWidth.truncate(pieces[longest].text, to: cut)
        text = short
      }
    }
    return text.isEmpty ? title : pieces + [StyledText(separator + text, style: theme.warn)]
  }
}
