import Foundation
import PartnerStore
import Presentation
import ProgramFiles
import Reports
import Scoring
import Testing

@testable import TextLayout

/// A seeded mutation fuzzer over the data formats (issue 10): the CSV
/// reader, the program parser, the reference checks, scoring and the
/// reports, then imports into a store. Any trap ends the test run; a store
/// that changes after a failed import, or an error message that carries a
/// raw control character, fails it.
///
/// Deterministic: the same seed gives the same inputs. Run it longer with
///   PARTNERBOARD_FUZZ_ITERATIONS=200000 PARTNERBOARD_FUZZ_SEED=7 swift test --filter MutationFuzzTests
@Suite struct MutationFuzzTests {
  static let environment = ProcessInfo.processInfo.environment
  static let iterations = Int(environment["PARTNERBOARD_FUZZ_ITERATIONS"] ?? "") ?? 1500
  static let seed = UInt64(environment["PARTNERBOARD_FUZZ_SEED"] ?? "") ?? 20_261_124

  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The seed corpus: the spec's example and the bundled sample, file by file.
  static func corpus(_ folder: String) throws -> [(name: String, bytes: [UInt8])] {
    let dir = root.appendingPathComponent(folder)
    return try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
      .filter { DataFiles.Role(fileName: $0) != nil }
      .map { ($0, Array(try Data(contentsOf: dir.appendingPathComponent($0)))) }
  }

  @Test func mutatedFilesNeverTrapNorChangeTheStore() throws {
    let folders = [
      try Self.corpus("Tests/Fixtures/spec-example"), try Self.corpus("sample-data"),
    ]
    var rng = SplitMix64(seed: Self.seed)
    let dir = NSTemporaryDirectory() + "pb-fuzz-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // A store to import mutated single files into.
    var issues: [DataIssue] = []
    let base = DataFiles.read(files: folders[0], issues: &issues)
    #expect(issues.filter { $0.severity == .error }.isEmpty)
    _ = try PartnerStore.build(at: dir + "/s.sqlite", files: base, command: "fuzz seed")
    let store = try PartnerStore(path: dir + "/s.sqlite")

    var stats = (valid: 0, rejected: 0, imported: 0, importRejected: 0)
    for i in 0..<Self.iterations {
      // The small example three times in four: more inputs per second.
      let folder = folders[rng.next() % 4 == 0 ? 1 : 0]
      var files = folder
      let target = Int(rng.next() % UInt64(files.count))
      let count = 1 + Int(rng.next() % 4)
      for _ in 0..<count { files[target].bytes = Mutator.mutate(files[target].bytes, &rng) }

      // A whole folder, as `validate` and `init` read it.
      var found: [DataIssue] = []
      let parsed = DataFiles.read(files: files, issues: &found)
      found += parsed.missingRequired()
      if found.allSatisfy({ $0.severity != .error }) {
        found += ReferenceChecks.check(parsed, stored: StoredState())
      }
      for issue in found {
        #expect(
          !Sanitizer.needsCleaning(issue.description), "iteration \(i): \(issue.description.debugDescription)"
        )
      }
      if found.contains(where: { $0.severity == .error }) {
        stats.rejected += 1
      } else {
        stats.valid += 1
        Self.scoreAndReport(parsed)
      }

      // One mutated file imported into the store, every 8th iteration.
      if i % 8 == 0 {
        let before = try store.dump()
        var importIssues: [DataIssue] = []
        let one = DataFiles.read(files: [files[target]], issues: &importIssues)
        importIssues += ReferenceChecks.check(one, stored: try store.storedState())
        if importIssues.contains(where: { $0.severity == .error }) {
          stats.importRejected += 1
          #expect(try store.dump() == before)
        } else {
          do {
            try store.apply(one, command: "fuzz \(i)")
            stats.imported += 1
            _ = Scorebook(try store.loadDataset())
          } catch {
            // The checks passed but the store refused: nothing may have changed.
            #expect(try store.dump() == before, "iteration \(i): \(error)")
          }
        }
      }
    }
    print(
      "fuzz: seed \(Self.seed), \(Self.iterations) inputs: \(stats.valid) valid, \(stats.rejected) rejected; imports: \(stats.imported) applied, \(stats.importRejected) rejected"
    )
    #expect(stats.valid > 0 && stats.rejected > 0)
  }

  /// Everything a valid mutant can reach: scores, every report, payouts.
  static func scoreAndReport(_ files: DataFiles) {
    guard let program = files.program, let partners = files.partners, let metrics = files.metrics else {
      return
    }
    let book = Scorebook(
      Dataset(
        program: program, partners: partners.rows, observations: metrics.rows,
        adjustments: files.adjustments?.rows ?? [], agreements: files.agreements?.rows ?? []))
    guard let t = book.periods.indices.last else { return }
    _ = ScoreReport.json(book, period: t)
    _ = ScoreReport.table(book, period: t, width: 100)
    _ = LeaderboardReport(book, period: t, filter: PartnerFilter()).table(width: 100, unicode: true)
    _ = PayoutReport.table(book.payouts(), book: book, width: 100)
    if let p = book.order[t].first, let e = book.evaluation(partner: p, period: t) {
      _ = TierReport.text(e, program: program, unicode: true)
      _ = ExplainReport.text(e, program: program, unicode: true)
    }
  }
}

/// SplitMix64: a tiny, fast, seedable generator (the same inputs on every machine).
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Byte-level mutations, and tokens that have hurt parsers before.
enum Mutator {
  static let tokens: [String] = [
    ",", "\"", "\n", "\r\n", "\r", "\u{FEFF}", "\0", "\u{1B}[2J", "\u{1B}]0;x\u{7}", "\u{9B}", "\u{202E}",
    "é", "e\u{301}", "Å", "A\u{30A}", "1e308", "-1e308", "1e-320", "1e15", "1e16", "nan", "inf", "-0",
    "99999999999999999999999", "0.1e", "=cmd|' /C calc'!A0", "2026Q5", "0000Q1", "9999Q4", "2026Q0",
    "[[kpi]]", "[[tier]]", "weight = 1e308", "min_score = 100", "=", "[", "]", "{", "}", "#", "\\", "'",
    "\"\"\"", "id", "partner_id", " ", "\t", "\u{FFFF}", "🚀", "東京",
  ]
  static let numbers = ["0", "-1", "1e308", "1e-320", "1e15", "-1e15", "1e16", "0.0000001", "100", "-0"]

  static func mutate(_ input: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
    var b = input
    func pos(_ n: Int) -> Int { n == 0 ? 0 : Int(rng.next() % UInt64(n)) }
    switch rng.next() % 13 {
    case 0:
      if !b.isEmpty { b[pos(b.count)] = UInt8(truncatingIfNeeded: rng.next()) }
    case 1:
      let t = tokens[pos(tokens.count)]
      b.insert(contentsOf: Array(t.utf8), at: pos(b.count + 1))
    case 2:
      if !b.isEmpty {
        let start = pos(b.count)
        b.removeSubrange(start..<min(b.count, start + 1 + pos(20)))
      }
    case 3, 4:
      var lines = b.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
      guard lines.count > 1 else { break }
      let a = pos(lines.count)
      let c = pos(lines.count)
      if rng.next() % 2 == 0 { lines.insert(lines[a], at: c) } else { lines.swapAt(a, c) }
      b = Array(lines.joined(separator: [0x0A]))
    case 5:
      b = Array(b.prefix(pos(b.count + 1)))
    case 6, 7:
      // A run of digits becomes an interesting number.
      let digitStarts = b.indices.filter {
        (48...57).contains(b[$0]) && ($0 == 0 || !(48...57).contains(b[$0 - 1]))
      }
      guard !digitStarts.isEmpty else { break }
      let start = digitStarts[pos(digitStarts.count)]
      var end = start
      while end < b.count && ((48...57).contains(b[end]) || b[end] == 46) { end += 1 }
      b.replaceSubrange(start..<end, with: Array(numbers[pos(numbers.count)].utf8))
    case 9:
      // Deep dotted keys (issue 20: 40,000 segments overflowed the stack).
      let n = [10, 70, 5_000][pos(3)]
      b.insert(contentsOf: Array(String(repeating: "a.", count: n).utf8), at: lineStart(b, pos(b.count + 1)))
    case 10:
      // A line longer than a record may be (rarely: every later mutation
      // of the file costs a pass over its megabyte).
      if rng.next() % 8 == 0 {
        b.insert(contentsOf: [UInt8](repeating: 0x39, count: (1 << 20) + pos(64)), at: pos(b.count + 1))
      } else {
        b.insert(contentsOf: [UInt8](repeating: 0x39, count: 200 + pos(2_000)), at: pos(b.count + 1))
      }
    case 11:
      // More fields than a header may have.
      b.insert(contentsOf: [UInt8](repeating: 44, count: 1_000 + pos(100)), at: pos(b.count + 1))
    case 12:
      // A table repeated past the program's bounds (tiers, KPIs, segments).
      let text = String(decoding: b, as: UTF8.self)
      guard let r = text.range(of: ["[[tier]]", "[[kpi]]", "[[segment]]"][pos(3)]) else { break }
      let block = text[r.lowerBound...].prefix { $0 != "\n" } + "\nid = \"x\"\n"
      b += Array(String(repeating: String(block), count: 20 + pos(90)).utf8)
    default:
      // A CSV field (between commas) becomes a token.
      let commas = b.indices.filter { b[$0] == 44 }
      guard commas.count > 1 else { break }
      let start = commas[pos(commas.count - 1)] + 1
      var end = start
      while end < b.count && b[end] != 44 && b[end] != 0x0A { end += 1 }
      b.replaceSubrange(start..<end, with: Array(tokens[pos(tokens.count)].utf8))
    }
    return b
  }

  /// The start of the line `i` is on.
  static func lineStart(_ b: [UInt8], _ i: Int) -> Int {
    var j = min(i, b.count)
    while j > 0 && b[j - 1] != 0x0A { j -= 1 }
    return j
  }
}
