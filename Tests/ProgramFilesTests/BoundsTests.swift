import Foundation
import Testing

@testable import CSVReader
@testable import ProgramFiles

/// Issue 20: every input is bounded, and going past a bound is one located
/// error, never a trap or gigabytes of memory.
@Suite struct BoundsTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  func issues(_ files: [(name: String, text: String)]) -> [DataIssue] {
    var issues: [DataIssue] = []
    _ = DataFiles.read(contents: files, issues: &issues)
    return issues.filter { $0.severity == .error }
  }

  /// The spec example's program with `n` copies of a table added.
  func program(extra table: String, count n: Int) throws -> String {
    let base = try String(
      contentsOf: Self.root.appendingPathComponent("Tests/Fixtures/spec-example/program.toml"),
      encoding: .utf8)
    return base + (0..<n).map { table.replacingOccurrences(of: "#", with: String($0)) }.joined()
  }

  @Test func aProgramOfTooManyKPIsTiersOrSegmentsIsOneLocatedError() throws {
    let kpi = """

      [[kpi]]
      id = "k#"
      name = "K"
      category = "performance"
      indicator = "lagging"
      unit = "count"
      aggregate = "sum"
      basis = "absolute"
      target = 10
      weight = 1

      """
    let tier = "\n[[tier]]\nid = \"t#\"\nname = \"T\"\nmin_score = 99.#\n"
    let segment = "\n[[segment]]\nid = \"s#\"\nname = \"S\"\n"
    for (text, key, most) in [
      (try program(extra: kpi, count: ProgramLimits.kpis), "kpi", ProgramLimits.kpis),
      (try program(extra: tier, count: ProgramLimits.tiers), "tier", ProgramLimits.tiers),
      (try program(extra: segment, count: ProgramLimits.segments), "segment", ProgramLimits.segments),
    ] {
      let found = issues([("program.toml", text)])
      let bound = found.first { $0.message.contains("at most \(most)") }
      #expect(bound != nil, "\(key): \(found.prefix(3))")
      #expect(bound?.key == key && (bound?.line ?? 0) > 0)
    }
  }

  @Test func aRecordLongerThanOneMebibyteIsAnErrorOnItsLine() {
    let long =
      "partner_id,period,kpi,value\nA,2026Q1,rev,1\nA,2026Q2,rev," + String(repeating: "9", count: 2 << 20)
    #expect(throws: CSVError.self) { try CSVReader.parse(long, fileName: "metrics.csv") }
    do {
      _ = try CSVReader.parse(long, fileName: "metrics.csv")
    } catch {
      #expect(error.line == 3 && error.message.contains("longer than 1 MiB"))
    }
  }

  /// A line of 5 million commas fails at field 1,025, before it costs 8
  /// bytes per field.
  @Test func moreFieldsThanTheHeaderFailAtOnce() {
    let text = "a,b,c,d\n" + String(repeating: ",", count: 5_000_000)
    do {
      _ = try CSVReader.parse(text, fileName: "metrics.csv")
      Issue.record("parsed")
    } catch {
      #expect(
        error.line == 2 && error.message.contains("expected 4 fields as in the header, found more than 1024"))
    }
    let header = String(repeating: "x,", count: RecordScanner.maximumFields + 1) + "x\n"
    #expect(throws: CSVError.self) { try CSVReader.parse(header, fileName: "metrics.csv") }
  }

  @Test func onlyRegularFilesAreRead() throws {
    var issues: [DataIssue] = []
    let dir = NSTemporaryDirectory() + "pb-bounds-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: dir + "/metrics.csv", withDestinationPath: "/dev/zero")
    _ = DataFiles.read(paths: [dir + "/metrics.csv"], issues: &issues)
    #expect(issues.contains { $0.message.contains("it is a device: expected a regular file") })
    #expect(throws: CSVError.self) { try CSVBlockReader(path: "/dev/zero", fileName: "metrics.csv") }
    let big = dir + "/program.toml"
    try Data(repeating: 0x23, count: (1 << 20) + 1).write(to: URL(fileURLWithPath: big))
    issues = []
    _ = DataFiles.read(paths: [big], issues: &issues)
    #expect(issues.contains { $0.message.contains("expected at most 1048576") })
  }

  /// An unknown id a megabyte long is quoted in 60 characters.
  @Test func valuesEchoedInMessagesAreCut() {
    let id = String(repeating: "x", count: 1 << 19)
    var issues: [DataIssue] = []
    let files = DataFiles.read(
      contents: [("metrics.csv", "partner_id,period,kpi,value\n\(id),2026Q1,rev,1\n")], issues: &issues)
    let found = ReferenceChecks.check(files, stored: StoredState())
    #expect(!found.isEmpty)
    #expect(found.allSatisfy { $0.description.count < 400 }, "\(found.map(\.description.count))")
  }

  /// Every partner is scored at every quarter from the first to the last:
  /// more than 200 quarters is an error, not 40,000 columns per partner.
  @Test func theQuartersSpanAtMostFiftyYears() throws {
    let program = try String(
      contentsOf: Self.root.appendingPathComponent("Tests/Fixtures/spec-example/program.toml"),
      encoding: .utf8)
    let files = [
      ("program.toml", program), ("partners.csv", "id,name,segment,region\nA,Alpha,reseller,EMEA\n"),
      ("metrics.csv", "partner_id,period,kpi,value\nA,0001Q1,rev,1\nA,9999Q4,rev,2\n"),
    ]
    var issues: [DataIssue] = []
    let read = DataFiles.read(contents: files, issues: &issues)
    let found = ReferenceChecks.check(read, stored: StoredState())
    #expect(found.contains { $0.message.contains("at most 200 quarters") })
    var near: [DataIssue] = []
    let fine = DataFiles.read(
      contents: [
        files[0], files[1], ("metrics.csv", "partner_id,period,kpi,value\nA,2000Q1,rev,1\nA,2049Q4,rev,2\n"),
      ],
      issues: &near)
    #expect(!ReferenceChecks.check(fine, stored: StoredState()).contains { $0.severity == .error })
  }
}
