import Dashboard
import Scoring
import TerminalUI
import TextLayout

/// A screen's title line in `width` columns: where it is too long, the
/// piece at `shrinking` (the program's name, as a rule) is cut with "…"
/// down to a few letters, then the pieces after it are left out whole from
/// the end: no count or word is cut in the middle.
enum TitleFit {
  static func fit(_ pieces: [StyledText], shrinking: Int, width: Int) -> [StyledText] {
    func total(_ p: [StyledText]) -> Int { p.reduce(0) { $0 + TextWidth.of($1.text) } }
    var out = pieces
    var over = total(out) - width
    guard over > 0 else { return out }
    if out.indices.contains(shrinking) {
      let w = TextWidth.of(out[shrinking].text)
      let keep = max(6, w - over)
      if keep < w {
        out[shrinking].text = TextWidth.truncate(out[shrinking].text, to: keep)
        over = total(out) - width
      }
    }
    while over > 0, out.count > shrinking + 1 {
      out.removeLast()
      over = total(out) - width
    }
    return out
  }
}

extension TitleFit {
  /// A list screen's title line: its label, the book shown, `name` (the
  /// piece that gives way), the `rest`, then the quarter's state and the
  /// filters: what Changes, Payouts and What-if each write first.
  static func screen(
    _ label: String, filter: LeaderboardFilter, program: Program, name: StyledText, rest: [StyledText],
    coverage: QuarterCoverage?, clears: Bool = true, width: Int, theme: Theme
  ) -> [StyledText] {
    let head = [StyledText(" \(label) ", style: theme.title), " "] + FilterText.book(filter, theme: theme)
    var title = fit(head + [name] + rest, shrinking: head.count, width: width)
    title = QuarterTitle.appending(coverage, to: title, shrinking: head.count, width: width, theme: theme)
    let filters = FilterText.suffix(filter, program: program, clears: clears)
    if !filters.isEmpty { title.append(StyledText(filters, style: theme.muted)) }
    return title
  }
}
