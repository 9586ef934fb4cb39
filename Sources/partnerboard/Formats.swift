import ArgumentParser
import Foundation
import Presentation
import Scoring
import TextLayout

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case table, csv, json
}

/// `--period YYYYQn`, checked against the program's periods.
struct PeriodOption: ParsableArguments {
  @Option(name: .long, help: "Evaluation period, YYYYQn (default: the latest).")
  var period: String?

  func index(in book: Scorebook) throws -> Int { try index(in: book.periods) }

  init() {}
  init(period: String?) { self.period = period }

  /// The index of the chosen period among `periods` (the program's, in
  /// order); `option` names the option in messages.
  func index(in periods: [Period]) throws -> Int { try index(in: periods, option: "--period") }

  func index(in periods: [Period], option: String) throws -> Int {
    guard let last = periods.indices.last else { throw CLIError("the store has no metrics yet") }
    guard let text = period else { return last }
    guard let p = Period(text) else {
      throw CLIError(
        "\(option): expected a quarter written YYYYQn (e.g. 2026Q3), found \"\(Sanitizer.quoted(text))\"")
    }
    guard let t = periods.firstIndex(of: p) else {
      throw CLIError("\(option) \(p): outside the program's periods \(periods.first!)..\(periods.last!)")
    }
    return t
  }
}

/// `--segment S --region R`: the partners a report covers, the segment
/// checked against the program (one message for every command).
struct GroupOptions: ParsableArguments {
  @Option(help: "Only partners of this segment id.") var segment: String?
  @Option(help: "Only partners of this region.") var region: String?
  @OptionGroup var book: BookOption

  /// The filter, after checking that the segment exists in `program`, the
  /// region among `regions` (the partners' regions; case aside) and the
  /// book among `managers`.
  func filter(
    in program: Program, regions: @autoclosure () throws -> [String],
    managers: @autoclosure () throws -> [String], tier: String? = nil
  ) throws -> PartnerFilter {
    if let x = segment, program.segment(x) == nil {
      throw CLIError(
        "--segment: unknown segment \"\(Sanitizer.quoted(x))\" (known: \(program.segments.map(\.id).joined(separator: ", ")))"
      )
    }
    if let r = region, case let all = try regions(), !RegionKey.contains(all, r) {
      let known = RegionKey.spellings(all)
      throw CLIError(
        "--region: no partner is in region \"\(Sanitizer.quoted(r))\" (regions: \(known.prefix(20).joined(separator: ", "))\(known.count > 20 ? ", …" : ""))"
      )
    }
    return PartnerFilter(
      segment: segment, region: region, tier: tier, manager: try book.resolve(among: managers()))
  }
}

/// `--manager NAME`: one manager's book of partners (PARTNERBOARD_MANAGER
/// when the option is not given; `all` for every partner). The name is
/// matched with case and accents folded, or by the start of one of its
/// words when that names one manager.
struct BookOption: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Only this manager's partners (their book): a name, or the start of one word of it; `all` for everyone (default: $PARTNERBOARD_MANAGER).",
      valueName: "name"))
  var manager: String?

  /// What was asked: the option, else the environment; nil for everyone.
  var asked: String? {
    let typed = manager ?? ProcessInfo.processInfo.environment["PARTNERBOARD_MANAGER"]
    guard let typed, !typed.isEmpty, typed.lowercased() != "all" else { return nil }
    return typed
  }

  /// The book of the login a team store was opened with (a manager's:
  /// every command shows that book, as with `--manager`); set once, when
  /// the command opens its store.
  nonisolated(unsafe) static var loginBook: String?

  /// The manager as the store spells it (nil: every partner), from the
  /// managers the store names.
  func resolve(among managers: @autoclosure () throws -> [String]) throws -> String? {
    guard let typed = asked else { return Self.loginBook }
    switch Books.resolve(typed, among: try managers()) {
    case .success(let m): return m
    case .failure(let problem): throw CLIError("--manager: " + Books.message(problem))
    }
  }
}
