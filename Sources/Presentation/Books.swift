import Scoring
import TextLayout

/// A manager's book: the partners `partners.csv`'s `manager` column gives
/// them. The one home of how a typed name finds a manager (for
/// `--manager`, `:manager` and a remembered book) and of how books are named.
public enum Books {
  /// One manager and how many partners are in the book.
  public struct Entry: Equatable, Sendable {
    public let manager: String
    public let partners: Int
    public init(manager: String, partners: Int) {
      self.manager = manager
      self.partners = partners
    }
  }

  /// Every manager named in `partners`, with the size of the book, by name
  /// (accents and case folded, then code points); partners without a
  /// manager are in no book.
  public static func entries(_ partners: [Partner]) -> [Entry] {
    var counts: [String: Int] = [:]
    for p in partners {
      if let m = p.manager, !m.isEmpty { counts[m, default: 0] += 1 }
    }
    return sorted(counts.map { Entry(manager: $0.key, partners: $0.value) })
  }

  /// The managers `partners` name, each once, in no particular order: what
  /// `resolve` matches a typed name against (its messages sort them).
  public static func managers(_ partners: [Partner]) -> [String] {
    var seen = Set<String>()
    for p in partners { if let m = p.manager, !m.isEmpty { seen.insert(m) } }
    return Array(seen)
  }

  /// `entries` in the books' order: folded names, then code points.
  public static func sorted(_ entries: [Entry]) -> [Entry] {
    entries.map { (TextKeys.search($0.manager), $0) }.sorted { a, b in
      a.0 != b.0
        ? a.0.unicodeScalars.lexicographicallyPrecedes(b.0.unicodeScalars)
        : a.1.manager.unicodeScalars.lexicographicallyPrecedes(b.1.manager.unicodeScalars)
    }.map(\.1)
  }

  /// Why a typed name names no single manager.
  public enum Problem: Error, Equatable, Sendable {
    /// The store names no manager at all.
    case noManagers
    case unknown(typed: String, known: [String])
    case ambiguous(typed: String, candidates: [String])
  }

  /// The manager `typed` names among `managers`: the same name with case
  /// and accents folded ("lucia fernandez" is "Lucía Fernández"), else the
  /// one manager whose name has a word starting with it ("sophie",
  /// "laurent").
  public static func resolve(_ typed: String, among managers: [String]) -> Result<String, Problem> {
    guard !managers.isEmpty else { return .failure(.noManagers) }
    if managers.contains(typed) { return .success(typed) }
    let key = TextKeys.search(typed).trimmingSpaces
    guard !key.isEmpty else { return .failure(.unknown(typed: typed, known: managers)) }
    let folded = managers.map { ($0, TextKeys.search($0)) }
    let same = folded.filter { $0.1 == key }
    if same.count == 1 { return .success(same[0].0) }
    let starting = folded.filter { m in
      m.1.hasPrefix(key) || m.1.split(separator: " ").contains { $0.hasPrefix(key) }
    }
    if starting.count == 1 { return .success(starting[0].0) }
    if starting.count > 1 { return .failure(.ambiguous(typed: typed, candidates: starting.map(\.0))) }
    return .failure(.unknown(typed: typed, known: managers))
  }

  /// The problem in words, for `--manager` and `:manager` (names sanitised).
  public static func message(_ problem: Problem) -> String {
    switch problem {
    case .noManagers:
      return "no partner has a manager (add a manager column to partners.csv)"
    case .unknown(let typed, let known):
      return "no manager is called \"\(Sanitizer.quoted(typed))\" (managers: \(list(known)))"
    case .ambiguous(let typed, let candidates):
      return "\"\(Sanitizer.quoted(typed))\" could be \(list(candidates)): type more of the name"
    }
  }

  /// "Sophie Laurent's book" (the one phrase for a book's name).
  public static func title(_ manager: String) -> String { "\(Sanitizer.field(manager))'s book" }

  /// " · Sophie Laurent's book" for a report's first line; "" for everyone.
  public static func suffix(_ manager: String?) -> String { manager.map { " · " + title($0) } ?? "" }

  /// "book Sophie Laurent": how a filter line names the book.
  public static func filterPart(_ manager: String) -> String { "book \(Sanitizer.field(manager))" }

  private static func list(_ names: [String]) -> String {
    let ordered = sorted(names.map { Entry(manager: $0, partners: 0) }).map(\.manager)
    let shown = ordered.prefix(12).map { Sanitizer.field($0) }
    return shown.joined(separator: ", ") + (names.count > 12 ? ", …" : "")
  }
}

extension String {
  fileprivate var trimmingSpaces: String {
    var s = Substring(self)
    while s.first == " " { s.removeFirst() }
    while s.last == " " { s.removeLast() }
    return String(s)
  }
}
