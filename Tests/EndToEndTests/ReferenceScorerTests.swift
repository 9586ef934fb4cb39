import Foundation
import Testing

/// Differential test: the Swift engine against scripts/reference_score.py, an
/// independent Python implementation of SPEC sections 3-8, on the worked
/// example and the bundled sample, at every period.
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

  @Test(arguments: ["Tests/Fixtures/spec-example", "sample-data"])
  func everyPeriodAndPayoutAgree(_ folder: String) throws {
    let dir = try Binary.tempDir()
    let db = dir + "/s.sqlite"
    let data = Self.root + "/" + folder
    #expect(try Binary.run(["init", "--from", data, "--db", db]).status == 0)
    let reference = try #require(try python([data, "score", "--all"]) as? [String: Any])
    #expect(!reference.isEmpty)
    for (period, expected) in reference.sorted(by: { $0.key < $1.key }) {
      let ours = try json(try Binary.run(["score", "--db", db, "--period", period, "--format", "json"]))
      #expect((ours as? NSArray) == (expected as? NSArray), "score at \(period) differs")
    }
    let payouts = try json(try Binary.run(["payouts", "--db", db, "--format", "json"]))
    #expect((payouts as? NSArray) == (try python([data, "payouts"]) as? NSArray))
  }
}
