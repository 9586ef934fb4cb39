import Foundation
import Testing

/// Differential test: the Swift engine against scripts/reference_score.py, an
/// independent Python implementation of SPEC sections 3-8, 10 and 11, on the
/// worked example, the bundled sample and generated data, at every period.
@Suite(.needsPython) struct ReferenceScorerTests {
  static let root: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  func python(_ args: [String]) throws -> Any {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", Self.root + "/scripts/reference_score.py"] + args
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    #expect(p.terminationStatus == 0, "python3 scripts/reference_score.py \(args)")
    return try JSONSerialization.jsonObject(with: data)
  }

  func json(_ r: Binary.Result) throws -> Any {
    #expect(r.status == 0, "\(r.stderr)")
    return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
  }

  @Test(arguments: ["Tests/Fixtures/spec-example", "sample-data", "Tests/Fixtures/pilot-example"])
  func everyPeriodAndPayoutAgree(_ folder: String) throws {
    let dir = try Binary.tempDir()
    let db = dir + "/s.sqlite"
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
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = [
      "python3", root + "/scripts/gen_sample_data.py", "--bench", dir + "/gen", "--partners", "300",
      "--quarters", "6",
    ]
    p.standardOutput = FileHandle.nullDevice
    try? p.run()
    p.waitUntilExit()
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
    let data = path(pair.0)
    let other = Self.root + "/" + pair.1
    let db = try Binary.tempDir() + "/s.sqlite"
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
}
