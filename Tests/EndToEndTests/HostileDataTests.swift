import Foundation
import Testing

/// Data that parses but is meant to hurt (issue 10): escape sequences and
/// bidi overrides in names, spreadsheet formulas, markup. Nothing of it may
/// reach a terminal, a CSV or a pack raw.
@Suite struct HostileDataTests {
  static let clear = "X\u{1B}[2J\u{1B}]0;pwned\u{7}\u{9B}31m"
  static let formula = "=HYPERLINK(\"http://evil\",\"x\")"
  static let partners = """
    id,name,segment,region
    A,"\(clear)Alpha",reseller,"EM\u{1B}]52;c;ZXZpbA==\u{7}EA"
    B,"\(formula.replacingOccurrences(of: "\"", with: "\"\""))\u{202E}",referral,NA

    """

  let dir: String
  let db: String

  init() throws {
    dir = try Binary.tempDir()
    db = try Binary.exampleStore(in: dir) { file, text in file == "partners.csv" ? Self.partners : text }
  }

  /// True when `s` holds a control (but a line feed) or bidi character.
  static func raw(_ s: String) -> Bool {
    s.unicodeScalars.contains { u in
      let v = u.value
      return (v < 0x20 && v != 0x0A) || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
        || (0x2066...0x2069).contains(v)
    }
  }

  static let commands: [[String]] = [
    ["leaderboard"], ["leaderboard", "--format", "csv"], ["leaderboard", "--format", "json"],
    ["tier", "A"], ["tier", "B", "--format", "json"], ["explain", "A"], ["explain", "B"],
    ["score"], ["score", "--format", "csv"], ["score", "--format", "json"], ["payouts"],
    ["payouts", "--format", "csv"], ["trends"], ["imports"],
    ["render", "leaderboard", "--size", "120x40"], ["render", "partner", "A", "--size", "120x40"],
    ["render", "overview", "--size", "120x40"], ["render", "trends", "--size", "120x40"],
    ["render", "qbr", "A", "--size", "120x40"],
  ]

  @Test(arguments: commands) func nothingReachesTheTerminalRaw(_ args: [String]) throws {
    let r = try Binary.run(args + ["--db", db])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(!Self.raw(r.stdout), "\(args): \(r.stdout.debugDescription)")
    #expect(!Self.raw(r.stderr), "\(args): \(r.stderr.debugDescription)")
  }

  @Test func jsonKeepsTheNameExactAsEscapes() throws {
    let r = try Binary.run(["score", "--format", "json", "--db", db])
    #expect(r.stdout.contains(#""name": "X\u001b[2J\u001b]0;pwned\u0007\u009b31mAlpha""#))
    #expect(r.stdout.contains(#""name": "=HYPERLINK(\"http://evil\",\"x\")\u202e""#))
  }

  @Test(arguments: [["leaderboard", "--format", "csv"], ["score", "--format", "csv"]])
  func csvCellsAreNeverFormulas(_ args: [String]) throws {
    let r = try Binary.run(args + ["--db", db])
    #expect(r.status == 0)
    #expect(r.stdout.contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\u{FFFD}\""))
    for line in r.stdout.split(separator: "\n") {
      for cell in line.split(separator: ",") {
        #expect(!(cell.hasPrefix("=") || cell.hasPrefix("@") || cell.hasPrefix("\"=")), "\(line)")
      }
    }
  }

  @Test func errorMessagesQuoteDataSafely() throws {
    let bad = dir + "/metrics-bad.csv"
    try "partner_id,period,kpi,value\n\"Q\u{1B}]0;title\u{7}\",2026Q4,rev,1\n".write(
      toFile: bad, atomically: true, encoding: .utf8)
    let before = try Binary.dump(db)
    let r = try Binary.run(["import", bad, "--db", db])
    #expect(r.status == 1)
    #expect(r.stderr.contains("unknown partner \"Q\u{FFFD}]0;title\u{FFFD}\""), "\(r.stderr)")
    #expect(!Self.raw(r.stderr))
    #expect(try Binary.dump(db) == before)
    let v = try Binary.run(["validate", dir + "/data"])
    #expect(!Self.raw(v.stdout) && !Self.raw(v.stderr))
  }

  @Test func markdownPackShowsMarkupAsText() throws {
    let partners =
      "id,name,segment,region\nA,<script>alert(1)</script>,reseller,[r](javascript:x)\nB,Beta,referral,NA\n"
    let store = try Binary.exampleStore(in: dir, named: "markup") { file, text in
      file == "partners.csv" ? partners : text
    }
    let md = dir + "/a.md"
    let html = dir + "/a.html"
    #expect(try Binary.run(["qbr", "A", "--db", store, "--export", md]).status == 0)
    #expect(try Binary.run(["qbr", "A", "--db", store, "--export", html]).status == 0)
    let m = try String(contentsOfFile: md, encoding: .utf8)
    #expect(!m.contains("<script>") && m.contains("&lt;script>alert(1)&lt;/script>"))
    #expect(m.contains("\\[r\\](javascript:x)"))
    let h = try String(contentsOfFile: html, encoding: .utf8)
    #expect(!h.contains("<script>alert") && h.contains("&lt;script&gt;"))
  }

  /// The largest numbers a file may hold, and the smallest, through every
  /// screen and report that draws or formats them.
  @Test func extremeValuesAreShownNotTrapped() throws {
    let data = dir + "/extreme"
    try FileManager.default.copyItem(atPath: Binary.fixtures + "/spec-example", toPath: data)
    var metrics = try String(contentsOfFile: data + "/metrics.csv", encoding: .utf8)
    metrics = metrics.replacingOccurrences(of: "A,2026Q3,rev,50", with: "A,2026Q3,rev,1e15")
    metrics = metrics.replacingOccurrences(of: "A,2026Q4,rev,0", with: "A,2026Q4,rev,-1e15")
    metrics = metrics.replacingOccurrences(of: "A,2026Q2,nps,20", with: "A,2026Q2,nps,1e-300")
    try metrics.write(toFile: data + "/metrics.csv", atomically: true, encoding: .utf8)
    let store = dir + "/x.sqlite"
    let v = try Binary.run(["validate", data])
    #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
    #expect(try Binary.run(["init", "--from", data, "--db", store]).status == 0)
    for args in [
      ["render", "partner", "A"], ["render", "trends"], ["render", "overview"], ["render", "qbr", "A"],
      ["explain", "A"], ["tier", "A"], ["score", "--format", "json"], ["trends"], ["payouts"],
      ["render", "partner", "A", "--period", "2026Q3"],
    ] {
      let r = try Binary.run(args + ["--db", store])
      #expect(r.status == 0, "\(args): \(r.stderr)")
      #expect(!r.stdout.contains("inf") && !r.stdout.contains("nan"), "\(args): \(r.stdout)")
    }
  }
}
