import Foundation
import Testing

/// A fresh machine: no store yet, no options.
@Suite struct DefaultStoreTests {
  @Test func firstRunCreatesTheStoreFromTheBundledSample() throws {
    let dir = try Binary.tempDir()
    let env = ["XDG_DATA_HOME": dir + "/data", "HOME": dir]
    let r = try Binary.run(["tier", "rocket"], env: env, cwd: "/")
    #expect(r.status == 0, "\(r.stderr)")
    let path = dir + "/data/partnerboard/partnerboard.sqlite"
    #expect(r.stderr == "partnerboard: created the store \(path) from the bundled sample data\n")
    #expect(r.stdout.hasPrefix("Rocket 🚀 Cloud (p009)"))
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    let folder = try FileManager.default.attributesOfItem(atPath: dir + "/data/partnerboard")
    #expect(folder[.posixPermissions] as? Int == 0o700)
    // The second run uses it silently.
    let again = try Binary.run(["tier", "rocket"], env: env)
    #expect(again.stderr == "")
    #expect(again.stdout == r.stdout)
  }

  @Test func noArgumentsWithoutATerminalPointsToTheLeaderboard() throws {
    let dir = try Binary.tempDir()
    let r = try Binary.run([], env: ["XDG_DATA_HOME": dir, "TERM": "xterm-256color"])
    #expect(r.status == 2)
    #expect(r.stdout == "")
    #expect(r.stderr.contains("cannot open the dashboard: standard input is not a terminal"))
    #expect(r.stderr.contains("Use `partnerboard leaderboard`"))
    let dumb = try Binary.run(["dashboard"], env: ["XDG_DATA_HOME": dir, "TERM": "dumb"])
    #expect(dumb.status == 2)
  }

  @Test func leaderboardIsThePlainTextView() throws {
    let dir = try Binary.tempDir()
    let r = try Binary.run(["leaderboard"], env: ["XDG_DATA_HOME": dir])
    #expect(r.status == 0, "\(r.stderr)")
    // The sample store closes every quarter but the last.
    #expect(
      r.stdout.hasPrefix(
        "Outcome Partner Program FY2026 · 2026Q4 (provisional, 63 of 62 partners reported) · 63 of 63 partners"
      ))
    let closed = try Binary.run(["leaderboard", "--period", "2026Q3"], env: ["XDG_DATA_HOME": dir])
    #expect(closed.stdout.hasPrefix("Outcome Partner Program FY2026 · 2026Q3 · 62 of 62 partners"))
  }

  @Test func homeFallbackWithoutXDG() throws {
    let dir = try Binary.tempDir()
    let r = try Binary.run(["leaderboard", "--top", "1"], env: ["XDG_DATA_HOME": "", "HOME": dir])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(FileManager.default.fileExists(atPath: dir + "/.local/share/partnerboard/partnerboard.sqlite"))
  }

  @Test func environmentVariableChoosesTheStore() throws {
    let dir = try Binary.tempDir()
    let r = try Binary.run(["leaderboard"], env: ["PARTNERBOARD_DB": dir + "/none.sqlite"])
    #expect(r.status == 1)
    #expect(r.stderr.contains("no store at \(dir)/none.sqlite"))
  }

  @Test func wideNamesKeepColumnsAligned() throws {
    let dir = try Binary.tempDir()
    let r = try Binary.run(["leaderboard"], env: ["XDG_DATA_HOME": dir, "COLUMNS": "100"])
    let lines = r.stdout.split(separator: "\n").dropFirst()
    // The "Segment" column starts at the same display column on every row.
    let header = String(lines.first!)
    let segmentColumn = displayWidth(String(header[..<header.range(of: "Segment")!.lowerBound]))
    for line in lines.dropFirst() {
      let s = String(line)
      let seg = ["reseller", "distributor", "msp", "integrator", "referral"].compactMap {
        s.range(of: "  " + $0 + " ")
      }.first!
      #expect(displayWidth(String(s[..<seg.lowerBound])) + 2 == segmentColumn, "\(s)")
    }
  }

  func displayWidth(_ s: String) -> Int {
    s.reduce(0) { w, c in
      let v = c.unicodeScalars.first!.value
      let wide =
        (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
        || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v)
        || c.unicodeScalars.first!.properties.isEmojiPresentation
      return w + (wide ? 2 : 1)
    }
  }
}
