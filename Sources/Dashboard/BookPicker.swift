import Presentation
import Scoring
import TextLayout

/// `:manager` alone: the books to choose from, "All partners" first, with
/// the partners in each. Typing narrows the list (accents and case
/// folded), ↑↓ move, Enter shows the book, Esc keeps the one shown.
public struct BookPicker: Equatable, Sendable {
  /// Every book, in the books' order (`Books.entries`).
  public let books: [Books.Entry]
  /// Every partner (the "All partners" line's count).
  public let everyone: Int
  public internal(set) var text = ""
  /// The line under the cursor among `choices` (0: all partners).
  public internal(set) var cursor = 0

  init(partners: [Partner], current: String?) {
    books = Books.entries(partners)
    everyone = partners.count
    cursor = current.flatMap { m in choices.firstIndex { $0 == m } } ?? 0
  }

  /// What the lines choose: nil for every partner, then the managers that
  /// match the typed text.
  public var choices: [String?] {
    let key = TextKeys.search(text)
    let named = books.filter { key.isEmpty || TextKeys.search($0.manager).contains(key) }.map(\.manager)
    return (key.isEmpty ? [nil] : []) + named.map { Optional($0) }
  }

  /// Partners in the book `manager` chooses (nil: all).
  public func count(_ manager: String?) -> Int {
    guard let manager else { return everyone }
    return books.first { $0.manager == manager }?.partners ?? 0
  }
}

extension Update {
  /// The book picker's keys.
  static func bookPickerKey(_ key: Key, _ s: inout DashboardState) -> [Effect] {
    var picker = s.bookPicker!
    let count = picker.choices.count
    switch key {
    case .escape:
      s.bookPicker = nil
      return []
    case .enter:
      s.bookPicker = nil
      guard picker.choices.indices.contains(picker.cursor) else { return [] }
      return showBook(picker.choices[picker.cursor], &s)
    case .down: picker.cursor = min(count - 1, picker.cursor + 1)
    case .up: picker.cursor = max(0, picker.cursor - 1)
    case .pageDown: picker.cursor = min(count - 1, picker.cursor + 10)
    case .pageUp: picker.cursor = max(0, picker.cursor - 10)
    case .home: picker.cursor = 0
    case .end: picker.cursor = max(0, count - 1)
    case .backspace:
      if !picker.text.isEmpty {
        picker.text.removeLast()
        picker.cursor = 0
      }
    case .char(let c):
      picker.text.append(c)
      picker.cursor = 0
    default: break
    }
    picker.cursor = max(0, min(picker.cursor, picker.choices.count - 1))
    s.bookPicker = picker
    return []
  }

  /// Shows `manager`'s book (nil: every partner) on every screen, and asks
  /// the shell to remember it for the next start.
  static func showBook(_ manager: String?, _ s: inout DashboardState) -> [Effect] {
    var filter = s.leaderboard.filter
    filter.manager = manager
    s.rebuild(filter: filter)
    s.message = manager.map { "showing \(Books.title($0))" } ?? "showing every partner"
    return [.rememberBook(manager)]
  }
}
