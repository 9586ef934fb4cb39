import Foundation
import ProgramFiles
import Testing

@testable import PartnerStore
@testable import Scoring

/// A large store is read by two connections at once, each taking half of the
/// partners; the merged table must be the one a single reader gives.
@Suite struct TwoReaderTests {
  @Test func twoReadersEqualOne() throws {
    let dir = NSTemporaryDirectory() + "pb-readers-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let program = try String(contentsOfFile: StoreTests.fixture + "/program.toml", encoding: .utf8)
    var partners = "id,name,segment,region\n"
    var metrics = "partner_id,period,kpi,value\n"
    for i in 0..<2_100 {
      // Ids in an order where byte order and insertion order differ.
      let id = i % 2 == 0 ? "Z\(i)" : "a\(i)"
      partners += "\(id),Partner \(i),\(i % 4 == 0 ? "referral" : "reseller"),EMEA\n"
      for q in 1...4 where (i + q) % 7 != 0 {
        metrics += "\(id),2026Q\(q),rev,\(i % 90)\n"
        if q % 2 == i % 2 { metrics += "\(id),2026Q\(q),ttv,\(30 + i % 50)\n" }
        if i % 3 == 0 { metrics += "\(id),2026Q\(q),nps,\(i % 40)\n" }
        if i % 11 == 0 { metrics += "\(id),2026Q\(q),extra_kpi,1\n" }
      }
    }
    var issues: [DataIssue] = []
    let files = DataFiles.read(
      contents: [("program.toml", program), ("partners.csv", partners), ("metrics.csv", metrics)],
      issues: &issues)
    #expect(issues.filter { $0.severity == .error }.isEmpty, "\(issues.prefix(3))")
    _ = try PartnerStore.build(at: dir + "/s.sqlite", files: files, command: "test")
    let store = try PartnerStore.reading(path: dir + "/s.sqlite")
    let one = try store.readDataset(twoReaders: false).observationTable!
    let two = try store.readDataset(twoReaders: true).observationTable!
    func rows(_ t: ObservationTable) -> [String] {
      (0..<t.count).map { i in
        "\(t.partner[i]) \(t.period[i]) \(t.kpiNames[Int(t.kpi[i])]) \(t.value[i])"
      }.sorted()
    }
    #expect(one.count == two.count)
    #expect(one.count > 10_000)
    #expect(rows(one) == rows(two))
    #expect(Set(two.kpiNames) == ["rev", "ttv", "nps", "extra_kpi"])
  }
}
