import Presentation
import Scoring
import TextLayout

/// Every key of the dashboard, grouped: what `?` shows. Kept with the
/// state machine that implements the keys, so that help and keys change
/// together; the Screens module draws it.
public enum KeyHelp {
  public typealias Entry = KeyHint

  public struct Group: Sendable {
    public let title: String
    public let entries: [Entry]
    init(_ title: String, _ entries: [Entry]) {
      self.title = title
      self.entries = entries
    }
  }

  public static let groups: [Group] = [
    .init(
      "Move",
      [
        .init("↑ ↓  j k", "previous / next row"), .init("PgUp PgDn", "page up / down"),
        .init("g G  Home End", "first / last row"),
        .init("mouse", "click selects, double-click opens, wheel scrolls"),
      ]),
    .init(
      "Screens",
      [
        .init("Enter  → l", "open the partner"), .init("Esc  Backspace  ← h", "back"),
        .init("Tab", ScreenRegistry.tabOrder.map { ScreenRegistry.unit($0).title }.joined(separator: ", ")),
        .init("1-9 0", ScreenRegistry.keyed.map(\.title).joined(separator: ", ")),
        .init("9  :pilot C", "pilot cohort C against the partners in no cohort (c: next cohort)"),
        .init("0  :roi", "program return: paid against cash gained by quarter, payback, per KPI"),
        .init("{ }", "changes: previous / next section"),
        .init("( )  :since P", "changes: compare with an earlier / later quarter (4 back: year on year)"),
        .init("6  $", "payouts ([ ] quarter, y whole year, b per partner, m hides amounts, Enter opens)"),
        .init("7", "fairness by segment (b: by region; Enter filters the leaderboard)"),
        .init("8  :compare F", "what-if: the data under program file F; winners, losers, tiers"),
        .init(
          ":",
          "command line: :compare F, :pilot C, :manager NAME (alone: a picker), :segment ID, :tier ID, :period P, :sort COL, :export F, :q (Tab completes)"
        ),
        .init("t", "KPI trends (↑↓ KPI, m movers, Enter opens a mover)"),
        .init("p", "QBR of the selected partner (Space/← page, 1-7, m hides amounts, e exports the pack)"),
        .init("?", "this help"),
      ]),
    .init(
      "Find and order",
      [
        .init("/", "filter by name or id as you type (Esc undoes)"), .init("n N", "next / previous match"),
        .init("< >", "choose a column (its title is highlighted)"),
        .init("s S", "sort by that column (again: reverse) / reverse"),
        .init("c", "columns: show or hide, add a KPI's value"),
        .init("f", "filters: text, segment, region, tier, flag"),
        .init("x", "clear filters"),
      ]),
    .init(
      "Data",
      [
        .init("[ ]", "previous / next quarter"), .init("r", "reload the store"),
        .init("e", "export the current view: asks for the file (Tab: csv, md, json)"),
        .init("q  Ctrl-C", "quit"),
      ]),
  ]

  /// The keys, and the program's badges with the mark the leaderboard's
  /// Flags column shows for each (SPEC section 15).
  public static func groups(program: Program) -> [Group] {
    let badges = program.badges
    guard !badges.isEmpty else { return groups }
    let marks = Phrases.badgeMarks(badges)
    return groups + [
      .init(
        "Badges (★ in the Flags column)",
        badges.indices.map {
          .init(
            "★" + String(marks[$0]), badges[$0].name + ": " + Phrases.badgeRule(badges[$0], program: program))
        })
    ]
  }

  public static let footer = "↑↓ PgUp PgDn scroll · any other key closes this help"

  /// Lines of the help's content on a screen `width` wide: groups (long
  /// actions wrapped), a blank line between them, the footer.
  public static func lineCount(width: Int, program: Program) -> Int {
    KeyHint.helpLineCount(groups(program: program).map(\.entries), width: width - 4)
  }

  /// The furthest the help scrolls on a screen `width` x `height` (the
  /// status bar and the box's frame take three).
  public static func maxScroll(width: Int, height: Int, program: Program) -> Int {
    max(0, lineCount(width: width, program: program) - max(1, height - 3))
  }
}
