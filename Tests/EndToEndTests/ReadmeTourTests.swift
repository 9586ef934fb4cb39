import Foundation
import Testing

/// The README's tour, run as written: every `partnerboard` line between the
/// `<!-- tour -->` markers, in order, on a fresh store and a copy of
/// sample-data/, must succeed; and what its comments promise must be on screen.
@Suite struct ReadmeTourTests {
  static let root: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  /// The tour's command lines, comments stripped.
  static func tourLines() throws -> [String] {
    let readme = try String(contentsOfFile: root + "/README.md", encoding: .utf8)
    guard let start = readme.range(of: "<!-- tour -->"), let end = readme.range(of: "<!-- /tour -->") else {
      Issue.record("README.md has no <!-- tour --> block")
      return []
    }
    return readme[start.upperBound..<end.lowerBound].split(separator: "\n").compactMap { line in
      var text = String(line)
      if let hash = text.range(of: "  #") { text = String(text[..<hash.lowerBound]) }
      text = text.trimmingCharacters(in: .whitespaces)
      return text.hasPrefix("partnerboard") || text.hasPrefix("export ") ? text : nil
    }
  }

  @Test func theTourRunsAsWritten() throws {
    let dir = try Binary.tempDir()
    try FileManager.default.copyItem(atPath: Self.root + "/sample-data", toPath: dir + "/sample-data")
    let lines = try Self.tourLines()
    #expect(lines.count >= 10)
    var env: [String: String] = [:]
    var outputs: [String: [String]] = [:]
    for line in lines {
      if line.hasPrefix("export ") {
        // export NAME=$PWD/file: the tour's own store.
        let assignment = line.dropFirst("export ".count).split(separator: "=", maxSplits: 1)
        env[String(assignment[0])] = String(assignment[1]).replacingOccurrences(of: "$PWD", with: dir)
        continue
      }
      let args = line.split(separator: " ").dropFirst().map(String.init)
      // The bare dashboard needs a terminal: the tmux tests drive it.
      if args.isEmpty { continue }
      let r = try Binary.run(args, env: env, cwd: dir)
      #expect(r.status == 0, "\(line) exited \(r.status): \(r.stderr)")
      outputs[line, default: []].append(r.stdout)
    }
    #expect(env["PARTNERBOARD_DB"] == dir + "/tour.sqlite")
    #expect(FileManager.default.fileExists(atPath: dir + "/tour.sqlite"))
    // What the comments say.
    let changes = outputs["partnerboard changes"] ?? []
    #expect(changes.count == 2)
    if changes.count == 2 {
      #expect(changes[0].contains("Oakridge Digital        p006  Registered  15.22  Gold → Registered"))
      #expect(changes[0].contains("2026Q4 (provisional, 63 of 62 partners reported) compared with 2026Q3"))
      #expect(changes[1].contains("2027Q1 (provisional, 64 of 63 partners reported) compared with 2026Q4"))
      #expect(
        changes[1].contains(
          "Müller Systemhaus GmbH  p002  Registered  19.49  grace ran out: Platinum → Registered"))
      #expect(changes[1].contains("Registered → Platinum") && changes[1].contains("Kōdo Managed IT"))
    }
    let imported = outputs["partnerboard import sample-data/next-quarter/metrics-2027Q1.csv"]?.first ?? ""
    #expect(imported.contains("2027Q1: provisional, 64 of 63 partners reported"), "\(imported)")
    let muller = outputs["partnerboard tier muller"]?.first ?? ""
    #expect(muller.contains("Platinum (qualifies for Registered), in grace 1 of 1"))
    // At the top tier in grace: what keeps it comes first.
    let keep = muller.range(of: "Keep tier      41.54 points to keep Platinum")
    let next = muller.range(of: "Next tier      none: Platinum is the top tier")
    #expect(keep != nil && next != nil && keep!.lowerBound < next!.lowerBound)
    #expect(outputs["partnerboard explain acme"]?.first?.contains("Silver") == true)
    let compare = outputs["partnerboard compare sample-data/volume-program.toml"]?.first ?? ""
    #expect(compare.contains("63 partners evaluated; the tier changes for 13 (21 %)."))
    #expect(
      compare.contains("Tier changes (13)")
        && compare.contains("Acme Corporation        52.90 → 71.21  +18.31  Silver → Gold"))
    // What the tier changes cost in benefits with a number: MDF is 19 Gold x
    // 20,000 + 12 Platinum x 60,000 now and none under the volume program;
    // the mean rebate is (20 x 4 + 19 x 8 + 12 x 12) / 63 = 5.97 % now.
    #expect(compare.contains("  MDF: 1,100,000 → 0 (-1,100,000), 31 partners less"), "\(compare)")
    #expect(compare.contains("  rebate: mean 5.97 % → "))
    let pilot = outputs["partnerboard pilot outcomes_pilot"]?.first ?? ""
    #expect(pilot.contains("8 members") && pilot.contains("+22.58") && pilot.contains("better than the rest"))
    #expect(outputs["partnerboard roi"]?.first?.contains("A lower bound") == true)
    let regions = outputs["partnerboard fairness --by region"]?.first ?? ""
    let apac = regions.split(separator: "\n").first { $0.hasPrefix("APAC") } ?? ""
    #expect(apac.contains("13.08 behind") && apac.contains("FLAGGED"))
  }
}
