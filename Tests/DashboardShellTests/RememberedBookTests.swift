import DashboardShell
import Foundation
import Testing

/// The book remembered per store: a file by its absolute path, a team
/// store by its address, whatever the working folder.
@Suite struct RememberedBookTests {
  @Test func filesByPathTeamStoresByAddress() throws {
    let dir = NSTemporaryDirectory() + "pb-books-\(UUID().uuidString.prefix(8))"
    let file = dir + "/books.json"
    let team = "postgresql://ops@db.example.com/partners"
    try RememberedBook.save("Sophie Laurent", store: team, file: file)
    try RememberedBook.save("Marco Rossi", store: dir + "/./s.sqlite", file: file)
    #expect(RememberedBook.load(store: team, file: file) == "Sophie Laurent")
    #expect(RememberedBook.load(store: dir + "/s.sqlite", file: file) == "Marco Rossi")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file)))
        as? [String: String])
    #expect(json[team] == "Sophie Laurent")  // not turned into a path under the working folder
    // Forgetting.
    try RememberedBook.save(nil, store: team, file: file)
    #expect(RememberedBook.load(store: team, file: file) == nil)
    let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
    #expect(mode == 0o600)
  }
}
