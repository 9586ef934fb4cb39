import Foundation
import ProgramFiles
import Testing

@testable import PartnerStore
@testable import Scoring

/// `compare` scores the store a slice of partners at a time; its facts equal
/// the what-if of the two whole scorebooks (the dashboard's), at every
/// period, whatever the slice size: rows, ranks, tier pairs, payouts, coverage.
@Suite struct WhatIfFactsTests {
  @Test(arguments: [1, 7, 64, 10_000])
  func slicedFactsEqualTheWholeBooks(sliceSize: Int) throws {
    let dir = NSTemporaryDirectory() + "pb-whatif-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    var issues: [DataIssue] = []
    let example = DataFiles.readFolder(StoreTests.fixture, issues: &issues)
    _ = try PartnerStore.build(at: dir + "/s.sqlite", files: example, command: "init")
    let store = try PartnerStore(path: dir + "/s.sqlite")
    var partners = "id,name,segment,region\n"
    for i in 0..<150 {
      partners += "P\(i),Partner \(i % 13),\(i % 3 == 0 ? "referral" : "reseller"),R\(i % 4)\n"
    }
    var agreements = "id,partner_id,kpi,baseline,target,period,max_payout,attribution,floor_share\n"
    for i in 0..<40 {
      agreements +=
        "G\(i),P\(i * 3),\(i % 2 == 0 ? "rev" : "nps"),10,\(60 + i),2026Q\(1 + i % 4),\(1000 + i),0.5,0.1\n"
    }
    for (name, text) in [
      ("partners.csv", partners),
      ("metrics.csv", KeptScoresTests.randomMetrics(partners: 150, quarters: 1...5, seed: 21)),
      ("agreements.csv", agreements),
    ] {
      let f = DataFiles.read(contents: [(name: name, text: text)], issues: &issues)
      try store.apply(f, command: name)
    }
    _ = try store.closeQuarters(through: Period("2026Q2")!)
    let volume = try ProgramParser.parse(
      String(contentsOfFile: StoreTests.fixture + "/volume.toml", encoding: .utf8)
    ).get()
    let data = try store.loadDataset()
    let current = Scorebook(data)
    var otherData = data
    otherData.program = volume
    let other = Scorebook(otherData)
    for t in current.periods.indices {
      let whole = try #require(WhatIf(current: current, other: other, period: current.periods[t]).facts)
      let sliced = try store.whatIfFacts(other: volume, choose: { _ in t }, sliceSize: sliceSize)
      #expect(sliced.rows == whole.rows, "\(current.periods[t])")
      #expect(sliced.tierPairs == whole.tierPairs)
      #expect(sliced.payouts.current == whole.payouts.current && sliced.payouts.other == whole.payouts.other)
      #expect(sliced.coverage == whole.coverage)
      #expect(sliced.payouts.current > 0 || t == 0)
    }
  }
}
