import Presentation
import Scoring
import TextLayout

/// The Changes screen's model: the sections of `Changes` as lines, a title
/// line per section and one line per entry (the view words the reasons of
/// the rows it shows: at 100,000 partners there are tens of thousands).
public struct ChangesModel: Sendable {
  public enum Line: Sendable, Equatable {
    case section(Changes.Kind, count: Int)
    /// Index into `changes.entries`.
    case entry(Int)
  }

  public let changes: Changes
  public let periodIndex: Int
  /// Compared with the quarter this many before (1: the one before).
  public let back: Int
  public let filter: PartnerFilter
  public let lines: [Line]
  /// Per entry: its line.
  public let lineOfEntry: [Int]
  /// Entries per section, in `Changes.Kind` order.
  public let counts: [Int]
  /// The widest partner name listed (display columns), for the layout.
  public let longestName: Int

  public init(book: Scorebook, period t: Int, back: Int = 1, filter: PartnerFilter) {
    // Never before the first quarter: at 2026Q2 four back is 2025Q1 if that is the first.
    let changes = Changes(book: book, period: t, since: t - min(max(1, back), max(1, t)), filter: filter)
    self.changes = changes
    periodIndex = t
    self.back = max(1, back)
    self.filter = filter
    var lines: [Line] = []
    var lineOfEntry: [Int] = []
    for kind in changes.kinds {
      let indices = changes.entries.indices.filter { changes.entries[$0].kind == kind }
      lines.append(.section(kind, count: indices.count))
      for i in indices {
        lineOfEntry.append(lines.count)
        lines.append(.entry(i))
      }
    }
    self.lines = lines
    self.lineOfEntry = lineOfEntry
    counts = Changes.Kind.allCases.map { kind in changes.entries.lazy.filter { $0.kind == kind }.count }
    longestName = changes.entries.reduce(0) { max($0, TextWidth.of(book.partners[$1.partner].name)) }
  }

  public var count: Int { changes.entries.count }

  /// The first entry of the section after (or before) the one of entry `i`.
  public func entry(inSectionAfter i: Int, forward: Bool) -> Int? {
    guard changes.entries.indices.contains(i) else { return nil }
    let kinds = Changes.Kind.allCases
    let here = kinds.firstIndex(of: changes.entries[i].kind)!
    let sections = forward ? Array(kinds[(here + 1)...]) : Array(kinds[..<here].reversed())
    for kind in sections {
      if let j = changes.entries.firstIndex(where: { $0.kind == kind }) { return j }
    }
    return nil
  }

  /// The entries as CSV, as filtered (`e` export).
  public func csv(book: Scorebook) -> String {
    ChangesCSV.document(changes, book: book)
  }
}

/// The Changes screen: the selected entry, the first line shown, the model.
public struct ChangesState: Sendable {
  /// Compared with the quarter this many before the one shown (`(` `)`,
  /// `:since`): 1 the quarter before, 4 the same quarter a year earlier. It
  /// stays as the quarter changes (`[` `]`), so a year-on-year view stays one.
  public internal(set) var back = 1
  public internal(set) var selected = 0
  public internal(set) var scroll = 0
  public internal(set) var model: ChangesModel?

  /// Lines of the list that fit a screen `height` rows tall (title,
  /// summary, column titles, two lines for the selected reason and the
  /// status bar take six).
  public static func visibleLines(height: Int) -> Int { max(1, height - 6) }

  /// Selects entry `i` and scrolls as little as possible to show it and
  /// its section's title.
  mutating func select(_ i: Int, height: Int) {
    guard let m = model, m.count > 0 else {
      selected = 0
      scroll = 0
      return
    }
    selected = max(0, min(i, m.count - 1))
    let visible = Self.visibleLines(height: height)
    let line = m.lineOfEntry[selected]
    let top = line > 0 && m.lines[line - 1] != .entry(selected - 1) ? line - 1 : line
    if top < scroll { scroll = top }
    if line >= scroll + visible { scroll = line - visible + 1 }
    scroll = max(0, min(scroll, max(0, m.lines.count - visible)))
  }
}
