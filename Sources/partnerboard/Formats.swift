import ArgumentParser
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

  /// The index of the chosen period among `periods` (the program's, in order).
  func index(in periods: [Period]) throws -> Int {
    guard let last = periods.indices.last else { throw CLIError("the store has no metrics yet") }
    guard let text = period else { return last }
    guard let p = Period(text) else {
      throw CLIError(
        "--period: expected a quarter written YYYYQn (e.g. 2026Q3), found \"\(Sanitizer.quoted(text))\"")
    }
    guard let t = periods.firstIndex(of: p) else {
      throw CLIError("--period \(p): outside the program's periods \(periods.first!)..\(periods.last!)")
    }
    return t
  }
}

/// `--segment S --region R`: the partners a report covers, the segment
/// checked against the program (one message for every command).
struct GroupOptions: ParsableArguments {
  @Option(help: "Only partners of this segment id.") var segment: String?
  @Option(help: "Only partners of this region.") var region: String?

  /// The filter, after checking that the segment exists in `program` and
  /// the region among `regions` (the partners' regions; case aside).
  func filter(in program: Program, regions: @autoclosure () throws -> [String], tier: String? = nil) throws
    -> PartnerFilter
  {
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
    return PartnerFilter(segment: segment, region: region, tier: tier)
  }
}
