import Presentation
import Scoring
import TextLayout

/// A `:` command (k9s style), parsed from the command line.
public enum LineCommand: Equatable, Sendable {
  case quit
  case help
  case show(Screen)
  /// Load another program file and open the What-if screen.
  case compare(path: String)
  case fairness(FairnessReview.Grouping?)
  /// The Pilot screen of a cohort (nil: the one shown).
  case pilot(String?)
  case period(Period)
  case segment(String?)
  case region(String?)
  case tier(String?)
  case flag(PartnerFlag?)
  /// `:manager NAME`: that manager's book (nil: every partner).
  case manager(String?)
  /// `:manager` alone: the book picker.
  case pickBook
  /// `:since P`: the Changes screen compared with quarter P (nil: the one before).
  case since(Period?)
  case clearFilters
  /// `:sort COLUMN [asc|desc]`: the values' direction down the table (nil:
  /// the column's natural order, best first).
  case sort(LeaderboardColumn, valuesDescend: Bool?)
  /// Export the current view; a name without `.csv` gets it.
  case export(String?)
}

/// Parsing and completion of `:` lines. Every command word can be
/// shortened to a unique prefix (`:comp`, `:seg msp`); Tab completes words
/// and the ids a command takes.
public enum CommandPrompt {
  /// Command words, with what they take (shown by Tab and in help).
  public static let words: [(word: String, argument: String)] = [
    ("compare", "PATH.toml"), ("fairness", "[segment|region]"), ("pilot", "[COHORT]"), ("period", "YYYYQn"),
    ("segment", "ID|all"),
    ("region", "NAME|all"), ("tier", "ID|all"), ("flag", "at_risk|rising|blocked|in_grace|changed_tier|all"),
    ("manager", "[NAME|all]"), ("since", "YYYYQn|off"),
    ("clear", ""), ("sort", "COLUMN [asc|desc]"), ("export", "[FILE.csv]"), ("leaderboard", ""),
    ("overview", ""),
    ("changes", ""), ("trends", ""), ("payouts", ""), ("whatif", ""), ("roi", ""), ("help", ""), ("quit", ""),
  ]

  static let screens: [String: Screen] = [
    "leaderboard": .leaderboard, "overview": .overview, "changes": .changes, "trends": .trends,
    "payouts": .payouts, "whatif": .whatIf, "roi": .roi,
  ]

  /// The command `text` asks for, or what is wrong with it.
  public static func parse(_ text: String, book: Scorebook) -> Result<LineCommand, LineError> {
    let parts = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    guard let first = parts.first else { return .failure(LineError("type a command; Tab lists them")) }
    if first == "q" || first == "q!" { return .success(.quit) }
    let matches = words.map(\.word).filter { $0.hasPrefix(first.lowercased()) }
    guard !matches.isEmpty else { return .failure(LineError("unknown command \"\(first)\"; Tab lists them")) }
    guard matches.count == 1 || matches.contains(first.lowercased()) else {
      return .failure(LineError("\"\(first)\" could be \(matches.joined(separator: ", "))"))
    }
    let word = matches.count == 1 ? matches[0] : first.lowercased()
    let rest = parts.dropFirst().joined(separator: " ")
    let argument = rest.isEmpty ? nil : rest
    let program = book.program
    func all(_ s: String?) -> Bool { s == nil || s == "all" || s == "*" }
    switch word {
    case "quit": return .success(.quit)
    case "help": return .success(.help)
    case "compare":
      guard let argument else {
        return .failure(LineError(":compare needs a program file, e.g. :compare next-year.toml"))
      }
      return .success(.compare(path: argument))
    case "fairness":
      guard let argument else { return .success(.fairness(nil)) }
      guard let g = FairnessReview.Grouping(rawValue: argument) else {
        return .failure(LineError(":fairness takes segment or region, found \"\(argument)\""))
      }
      return .success(.fairness(g))
    case "pilot":
      guard let argument else { return .success(.pilot(nil)) }
      let cohorts = PilotReview.cohorts(book)
      guard cohorts.contains(argument) else {
        return .failure(
          LineError(
            cohorts.isEmpty
              ? "no pilot cohort yet: import a cohorts.csv"
              : "unknown cohort \"\(argument)\" (known: \(cohorts.joined(separator: ", ")))"))
      }
      return .success(.pilot(argument))
    case "period":
      guard let argument, let p = Period(argument.uppercased()) else {
        return .failure(LineError(":period takes a quarter written YYYYQn, e.g. :period 2026Q3"))
      }
      guard book.periodIndex(p) != nil else {
        let range = book.periods.isEmpty ? "none" : "\(book.periods.first!)..\(book.periods.last!)"
        return .failure(LineError("\(p) is outside the data (\(range))"))
      }
      return .success(.period(p))
    case "segment":
      if all(argument) { return .success(.segment(nil)) }
      guard program.segment(argument!) != nil else {
        return .failure(
          LineError(
            "unknown segment \"\(argument!)\" (known: \(program.segments.map(\.id).joined(separator: ", ")))")
        )
      }
      return .success(.segment(argument))
    case "region":
      if all(argument) { return .success(.region(nil)) }
      let regions = Set(book.partners.map(\.region))
      guard let r = regions.first(where: { $0.lowercased() == argument!.lowercased() }) else {
        return .failure(LineError("no partner in region \"\(argument!)\""))
      }
      return .success(.region(r))
    case "tier":
      if all(argument) { return .success(.tier(nil)) }
      guard
        let i = program.tiers.firstIndex(where: {
          $0.id == argument! || $0.name.lowercased() == argument!.lowercased()
        })
      else {
        return .failure(
          LineError(
            "unknown tier \"\(argument!)\" (known: \(program.tiers.map(\.id).joined(separator: ", ")))"))
      }
      return .success(.tier(program.tiers[i].id))
    case "flag":
      if all(argument) { return .success(.flag(nil)) }
      guard let f = PartnerFlag(rawValue: argument!.replacingOccurrences(of: " ", with: "_")) else {
        return .failure(
          LineError(
            "unknown flag \"\(argument!)\" (known: \(PartnerFlag.allCases.map(\.rawValue).joined(separator: ", ")))"
          ))
      }
      return .success(.flag(f))
    case "manager":
      guard let argument else { return .success(.pickBook) }
      if all(argument) { return .success(.manager(nil)) }
      let managers = Books.managers(book.partners)
      switch Books.resolve(argument, among: managers) {
      case .success(let m): return .success(.manager(m))
      case .failure(let problem): return .failure(LineError(Books.message(problem)))
      }
    case "since":
      if argument == nil || argument == "off" || argument == "all" { return .success(.since(nil)) }
      guard let p = Period(argument!.uppercased()) else {
        return .failure(
          LineError(":since takes a quarter written YYYYQn, e.g. :since 2025Q4 (off: the one before)"))
      }
      guard book.periodIndex(p) != nil else {
        let range = book.periods.isEmpty ? "none" : "\(book.periods.first!)..\(book.periods.last!)"
        return .failure(LineError("\(p) is outside the data (\(range))"))
      }
      return .success(.since(p))
    case "clear": return .success(.clearFilters)
    case "sort":
      let args = rest.split(separator: " ").map { $0.lowercased() }
      guard let name = args.first,
        let column = LeaderboardColumn.allCases.first(where: { $0.name == name || $0.name.hasPrefix(name) }),
        column.sortable
      else {
        let names = LeaderboardColumn.allCases.filter(\.sortable).map(\.name)
        return .failure(
          LineError(":sort takes a column: \(names.joined(separator: ", ")) (then asc or desc)"))
      }
      switch args.dropFirst().first {
      case _ where args.count > 2:
        return .failure(LineError(":sort \(column.name): one direction, asc or desc"))
      case nil: return .success(.sort(column, valuesDescend: nil))
      case "desc"?, "descending"?: return .success(.sort(column, valuesDescend: true))
      case "asc"?, "ascending"?: return .success(.sort(column, valuesDescend: false))
      case let other?:
        return .failure(
          LineError(
            ":sort \(column.name) \"\(Sanitizer.quoted(other))\": expected asc (smallest first) or desc"))
      }
    case "export": return .success(.export(argument))
    default:
      if let screen = screens[word] { return .success(.show(screen)) }
      return .failure(LineError("unknown command \"\(first)\""))
    }
  }

  /// Tab: the line completed as far as it is unambiguous, and the candidates.
  public static func complete(
    _ text: String, book: Scorebook, paths: (String) -> [String] = { _ in [] }
  ) -> (text: String, candidates: [String]) {
    let endsWithSpace = text.hasSuffix(" ")
    var parts = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    if parts.isEmpty || (parts.count == 1 && !endsWithSpace) {
      let prefix = parts.first?.lowercased() ?? ""
      let candidates = words.map(\.word).filter { $0.hasPrefix(prefix) }
      let common = commonPrefix(candidates)
      let line = candidates.count == 1 ? candidates[0] + " " : (common.count > prefix.count ? common : text)
      return (line, candidates)
    }
    let word = words.map(\.word).first { $0.hasPrefix(parts[0].lowercased()) } ?? parts[0]
    if word == "compare" || word == "export" {
      // A path: complete it from the file system (folders end in /).
      let typed = endsWithSpace ? "" : parts.dropFirst().joined(separator: " ")
      let candidates = paths(typed).filter { word == "export" || $0.hasSuffix("/") || $0.hasSuffix(".toml") }
      let common = commonPrefix(candidates)
      let head = word + " "
      if candidates.count == 1 { return (head + candidates[0], candidates) }
      return (
        common.count > typed.count ? head + common : text,
        candidates.map { String($0.split(separator: "/").last ?? "") }
      )
    }
    if word == "manager" {
      // A name of several words: the whole rest is the prefix.
      let typed = TextKeys.search(parts.dropFirst().joined(separator: " ") + (endsWithSpace ? " " : ""))
      let names = Books.entries(book.partners).map(\.manager) + ["all"]
      let candidates = names.filter { TextKeys.search($0).hasPrefix(typed) }
      if candidates.count == 1 { return ("manager " + candidates[0], candidates) }
      return (text, candidates)
    }
    let prefix = endsWithSpace ? "" : parts.removeLast()
    let options: [String]
    switch word {
    case "segment": options = book.program.segments.map(\.id) + ["all"]
    case "tier": options = book.program.tiers.map(\.id) + ["all"]
    case "region": options = Array(Set(book.partners.map(\.region))).sorted() + ["all"]
    case "flag": options = PartnerFlag.allCases.map(\.rawValue) + ["all"]
    case "fairness": options = FairnessReview.Grouping.allCases.map(\.rawValue)
    case "pilot": options = PilotReview.cohorts(book)
    case "period": options = book.periods.map(\.description)
    case "since": options = book.periods.map(\.description) + ["off"]
    case "sort": options = LeaderboardColumn.allCases.filter(\.sortable).map(\.name)
    default: options = []
    }
    let candidates = options.filter { $0.lowercased().hasPrefix(prefix.lowercased()) }
    let head = ([word] + parts.dropFirst()).joined(separator: " ") + " "
    if candidates.count == 1 { return (head + candidates[0], candidates) }
    let common = commonPrefix(candidates)
    return (common.count > prefix.count ? head + common : text, candidates)
  }

  static func commonPrefix(_ words: [String]) -> String {
    guard var prefix = words.first else { return "" }
    for w in words.dropFirst() {
      while !w.hasPrefix(prefix) { prefix.removeLast() }
    }
    return prefix
  }
}

/// What is wrong with a `:` line, for the status bar.
public struct LineError: Error, Equatable, Sendable {
  public let message: String
  init(_ message: String) { self.message = message }
}
