import Foundation
import StoreFixtures
import Testing

/// Differential test: the Swift engine against scripts/reference_score.py, an
/// independent Python implementation of SPEC sections 3-8, 10 and 11, on the
/// worked example, the bundled sample and generated data, at every period;
/// each on a SQLite store and on a team store (PostgreSQL), the same
/// commands against the same answers.
@Suite(.needsPython) struct ReferenceScorerTests {
  /// Where a test's store is.
  enum Store: String, CaseIterable, Sendable {
    case sqlite, postgres

    /// A new, empty store of this kind: a SQLite file, or a database of
    /// the tests' throwaway PostgreSQL cluster.
    func new() throws -> String {
      switch self {
      case .sqlite: return try Binary.tempDir() + "/s.sqlite"
      case .postgres: return try PostgresCluster.shared.get().newDatabase().text
      }
    }
  }

  /// The reference scorer's answers, kept: both stores are held to the same ones.
  nonisolated(unsafe) static var answers: [[String]: Any] = [:]
  static let answersLock = NSLock()

  static let root: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  func python(_ args: [String]) throws -> Any {
    Self.answersLock.lock()
    let known = Self.answers[args]
    Self.answersLock.unlock()
    if let known { return known }
    let r = try Binary.run(
      ["python3", Self.root + "/scripts/reference_score.py"] + args, executable: "/usr/bin/env")
    #expect(r.status == 0, "python3 scripts/reference_score.py \(args): \(r.stderr)")
    let answer = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
    if r.status == 0 {
      Self.answersLock.lock()
      Self.answers[args] = answer
      Self.answersLock.unlock()
    }
    return answer
  }

  func json(_ r: Binary.Result) throws -> Any {
    #expect(r.status == 0, "\(r.stderr)")
    return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
  }

  static let examples = ["Tests/Fixtures/spec-example", "sample-data", "Tests/Fixtures/pilot-example"]

  @Test(arguments: examples) func everyPeriodAndPayoutAgree(_ folder: String) throws {
    try everyPeriodAndPayoutAgree(folder, on: .sqlite)
  }

  @Test(.needsPostgres, arguments: examples) func everyPeriodAndPayoutAgreeOnATeamStore(_ folder: String)
    throws
  {
    try everyPeriodAndPayoutAgree(folder, on: .postgres)
  }

  func everyPeriodAndPayoutAgree(_ folder: String, on store: Store) throws {
    let db = try store.new()
    let data = Self.root + "/" + folder
    #expect(try Binary.run(["init", "--from", data, "--db", db]).status == 0)
    // Every quarter but the last closed, so both states are compared.
    let quarters = try #require(try python([data, "score", "--all"]) as? [String: Any]).keys.sorted()
    let closed = quarters.dropLast().last ?? quarters[0]
    #expect(try Binary.run(["close", closed, "--db", db]).status == 0)
    let reference = try #require(
      try python([data, "score", "--all", "--closed-through", closed]) as? [String: Any])
    #expect(!reference.isEmpty)
    for (period, expected) in reference.sorted(by: { $0.key < $1.key }) {
      let ours = try json(try Binary.run(["score", "--db", db, "--period", period, "--format", "json"]))
      #expect((ours as? NSArray) == (expected as? NSArray), "score at \(period) differs")
    }
    let payouts = try json(try Binary.run(["payouts", "--db", db, "--format", "json"]))
    #expect((payouts as? NSArray) == (try python([data, "payouts", "--closed-through", closed]) as? NSArray))
  }

  /// A generated folder (scripts/gen_sample_data.py --bench): 300 partners,
  /// 6 quarters, the sample's program.
  static let generated: String = {
    let dir = (try? Binary.tempDir()) ?? NSTemporaryDirectory()
    _ = try? Binary.run(
      [
        "python3", root + "/scripts/gen_sample_data.py", "--bench", dir + "/gen", "--partners", "300",
        "--quarters", "6",
      ], executable: "/usr/bin/env")
    return dir + "/gen"
  }()

  /// (data folder, other program) pairs: the spec's, the sample's and generated.
  static let comparisons: [(String, String)] = [
    ("Tests/Fixtures/spec-example", "Tests/Fixtures/spec-example/volume.toml"),
    ("sample-data", "sample-data/volume-program.toml"),
    ("generated", "sample-data/volume-program.toml"),
  ]

  func path(_ folder: String) -> String { folder == "generated" ? Self.generated : Self.root + "/" + folder }

  @Test(arguments: comparisons)
  func compareAndFairnessAgreeAtEveryPeriod(_ pair: (String, String)) throws {
    try compareAndFairnessAgree(pair, on: .sqlite)
  }

  @Test(.needsPostgres, arguments: comparisons)
  func compareAndFairnessAgreeAtEveryPeriodOnATeamStore(_ pair: (String, String)) throws {
    try compareAndFairnessAgree(pair, on: .postgres)
  }

  func compareAndFairnessAgree(_ pair: (String, String), on store: Store) throws {
    let data = path(pair.0)
    let other = Self.root + "/" + pair.1
    let db = try store.new()
    #expect(try Binary.run(["init", "--from", data, "--db", db]).status == 0)
    let periods = try #require(try python([data, "score", "--all"]) as? [String: Any]).keys.sorted()
    #expect(!periods.isEmpty)
    for period in periods {
      let ours = try json(
        try Binary.run(["compare", other, "--db", db, "--period", period, "--format", "json"]))
      let theirs = try python([data, "compare", other, "--period", period])
      #expect((ours as? NSDictionary) == (theirs as? NSDictionary), "compare at \(period) differs")
      for by in ["segment", "region"] {
        let ours = try json(
          try Binary.run(["fairness", "--db", db, "--period", period, "--by", by, "--format", "json"]))
        let theirs = try python([data, "fairness", "--by", by, "--period", period])
        #expect((ours as? NSArray) == (theirs as? NSArray), "fairness by \(by) at \(period) differs")
      }
    }
  }

  /// A copy of a data folder with two pilot cohorts of its partners.
  static func withCohorts(_ folder: String) throws -> String {
    let copy = try Binary.tempDir() + "/data"
    try FileManager.default.copyItem(atPath: folder, toPath: copy)
    guard !FileManager.default.fileExists(atPath: copy + "/cohorts.csv") else { return copy }
    let partners = try String(contentsOfFile: copy + "/partners.csv", encoding: .utf8)
      .split(whereSeparator: \.isNewline).dropFirst().map { String($0.split(separator: ",").first ?? "") }
    let metrics = try String(contentsOfFile: copy + "/metrics.csv", encoding: .utf8)
    let quarters = Set(
      metrics.split(whereSeparator: \.isNewline).dropFirst().compactMap {
        $0.split(separator: ",").dropFirst().first
      }
    )
    .sorted()
    var text = "partner_id,cohort,start\n"
    for (i, id) in partners.enumerated() where !id.isEmpty {
      if i % 9 == 0 { text += "\(id),g1,\(quarters[min(3, quarters.count - 1)])\n" }
      if i % 13 == 1 { text += "\(id),g2,\(quarters[min(4, quarters.count - 1)])\n" }
    }
    try text.write(toFile: copy + "/cohorts.csv", atomically: true, encoding: .utf8)
    return copy
  }

  /// Sections 13, 14 and 16 (pilot, roi, flags) at every period, on the
  /// pilot example, the sample and generated data with cohorts added.
  static let withPilots = ["Tests/Fixtures/pilot-example", "sample-data", "generated"]

  @Test(arguments: withPilots) func pilotROIAndFlagsAgreeAtEveryPeriod(_ folder: String) throws {
    try pilotROIAndFlagsAgree(folder, on: .sqlite)
  }

  @Test(.needsPostgres, arguments: withPilots)
  func pilotROIAndFlagsAgreeAtEveryPeriodOnATeamStore(_ folder: String) throws {
    try pilotROIAndFlagsAgree(folder, on: .postgres)
  }

  func pilotROIAndFlagsAgree(_ folder: String, on store: Store) throws {
    let data = try Self.withCohorts(path(folder))
    let db = try store.new()
    let made = try Binary.run(["init", "--from", data, "--db", db])
    #expect(made.status == 0, "\(made.stderr)")
    let periods = try #require(try python([data, "score", "--all"]) as? [String: Any]).keys.sorted()
    let cohorts = try String(contentsOfFile: data + "/cohorts.csv", encoding: .utf8).split(
      whereSeparator: \.isNewline
    )
    .dropFirst().map { $0.split(separator: ",").map(String.init) }.filter { $0.count == 3 }
    for period in periods {
      for command in ["roi", "flags"] {
        let ours = try json(try Binary.run([command, "--db", db, "--period", period, "--format", "json"]))
        let theirs = try python([data, command, "--period", period])
        #expect((ours as? NSDictionary) == (theirs as? NSDictionary), "\(command) at \(period) differs")
      }
      for cohort in Set(cohorts.map { $0[1] }).sorted() {
        guard let start = cohorts.first(where: { $0[1] == cohort })?[2], start <= period else { continue }
        let ours = try json(
          try Binary.run(["pilot", cohort, "--db", db, "--period", period, "--format", "json"]))
        let theirs = try python([data, "pilot", cohort, "--period", period])
        #expect((ours as? NSDictionary) == (theirs as? NSDictionary), "pilot \(cohort) at \(period) differs")
      }
    }
  }

  /// The reference scorer's own tests (SPEC section 9 figure by figure, and
  /// its JSON's shape) run with the suite, so they cannot fall behind it.
  @Test func theReferenceScorersOwnTestsPass() throws {
    let r = try Binary.run(
      ["python3", "-m", "unittest", "scripts/test_reference_score.py"], cwd: Self.root,
      executable: "/usr/bin/env")
    #expect(r.status == 0, "\(r.stderr)")
  }
}
