import Testing

@testable import Dashboard

/// The export prompt's name: a file, with `.csv` when it names no format.
@Suite struct ExportPromptNameTests {
  @Test func namesOfFoldersAndNothingAreRefused() {
    for name in ["", "  ", "adir/", "/", "a/b/", ".", "..", "x/..", "~"] {
      guard case .failure(let e) = ExportName.checked(name) else {
        Issue.record("\(name.debugDescription) accepted")
        continue
      }
      #expect(e.message.hasPrefix("export: "))
    }
  }

  @Test func aNameWithoutAFormatGetsCSV() throws {
    #expect(try ExportName.checked("board").get() == "board.csv")
    #expect(try ExportName.checked(" ~/x ").get() == "~/x.csv")
    #expect(try ExportName.checked("a/b.md").get() == "a/b.md")
    #expect(try ExportName.checked("t.json").get() == "t.json")
  }
}
