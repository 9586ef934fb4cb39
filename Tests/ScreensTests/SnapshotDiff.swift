import Testing

/// A snapshot's difference as a reader wants it: every differing line
/// (up to `most`), numbered, the recorded one above the new one, with a
/// caret under the first column that differs.
enum SnapshotDiff {
  static func describe(expected: String, actual: String, most: Int = 12) -> String {
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    var differing = 0
    for i in 0..<max(a.count, b.count) {
      let x = i < a.count ? String(a[i]) : "(no line)"
      let y = i < b.count ? String(b[i]) : "(no line)"
      guard x != y else { continue }
      differing += 1
      guard differing <= most else { continue }
      let column = zip(x, y).prefix { $0 == $1 }.count
      out.append("line \(i + 1), column \(column + 1):")
      out.append("  - \(x)")
      out.append("  + \(y)")
      out.append("    " + String(repeating: " ", count: column) + "^")
    }
    if differing > most { out.append("… and \(differing - most) more lines") }
    return "\(differing) line\(differing == 1 ? "" : "s") differ\(differing == 1 ? "s" : ""):\n"
      + out.joined(separator: "\n")
  }
}

@Suite struct SnapshotDiffTests {
  @Test func everyDifferingLineIsShownWithItsColumn() {
    let d = SnapshotDiff.describe(
      expected: "same\nold 12.5\nsame\nend", actual: "same\nold 12.8\nsame\nEND\nextra")
    #expect(d.hasPrefix("3 lines differ:"))
    #expect(d.contains("line 2, column 8:\n  - old 12.5\n  + old 12.8\n           ^"))
    #expect(d.contains("line 5, column 1:\n  - (no line)\n  + extra"))
  }
}
