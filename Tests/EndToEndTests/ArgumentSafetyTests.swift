import Foundation
import Testing

/// Issue 20: what is typed on the command line is quoted in error messages
/// through the Sanitizer, like everything from a data file: no ESC, BEL or
/// bidi override reaches the terminal, whichever option or argument it was.
@Suite struct ArgumentSafetyTests {
  static let hostile = "x\u{1B}]0;T\u{07}\u{202E}\u{1B}[2J"

  static let cases: [[String]] = [
    ["leaderboard", "--format", hostile],
    ["fairness", "--by", hostile],
    ["dashboard", "--theme", hostile],
    ["render", hostile],
    ["leaderboard", "--top", hostile],
    ["leaderboard", "--\(hostile)"],
    ["tier", "a", "b", hostile],
    ["leaderboard", "--period", hostile],
    ["close", hostile],
    [hostile],
  ]

  @Test(arguments: 0..<cases.count)
  func argumentErrorsCarryNoRawControlCharacter(_ i: Int) throws {
    let db = try Binary.tempDir() + "/s.sqlite"
    let r = try Binary.run(Self.cases[i] + ["--db", db])
    #expect(r.status != 0)
    #expect(!r.stderr.isEmpty)
    let unsafe = r.stderr.unicodeScalars.filter {
      ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F || (0x202A...0x202E).contains($0.value)
    }
    #expect(unsafe.isEmpty, "\(Self.cases[i].first ?? ""): \(r.stderr.debugDescription)")
  }
}
