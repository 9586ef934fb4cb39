import Foundation
import Testing

/// Tables written to a pipe or a file (issue 24): every row one whole line
/// (no name cut, no reason wrapped) unless COLUMNS asks for a width.
@Suite struct PipedOutputTests {
  @Test func aPipeGetsWholeRowsAndColumnsIsHonoured() throws {
    let long = "Alpha " + String(repeating: "Very Long Partner Name ", count: 6) + "End"
    let dir = try Binary.tempDir()
    let db = try Binary.exampleStore(in: dir) { file, text in
      file == "partners.csv" ? text.replacingOccurrences(of: ",Alpha,", with: ",\(long),") : text
    }
    let piped = try Binary.run(["leaderboard", "--db", db])
    #expect(piped.status == 0, "\(piped.stderr)")
    let row = try #require(piped.stdout.split(separator: "\n").first { $0.contains("Alpha") })
    #expect(row.contains(long) && !row.contains("…"), "\(row)")
    // changes: a reason stays on its partner's line.
    let changes = try Binary.run(["changes", "--db", db])
    for line in changes.stdout.split(separator: "\n") where line.hasPrefix("  ") && !line.contains("Partner")
    {
      #expect(!line.trimmingCharacters(in: .whitespaces).isEmpty)
      #expect(line.dropFirst(2).first != " ", "a wrapped continuation line: \(line)")
    }
    // COLUMNS set: the table fits it, the name gives way.
    let narrow = try Binary.run(["leaderboard", "--db", db], env: ["COLUMNS": "80"])
    for line in narrow.stdout.split(separator: "\n").dropFirst() {
      #expect(line.count <= 80, "\(line)")
    }
    #expect(narrow.stdout.contains("…"))
  }
}
