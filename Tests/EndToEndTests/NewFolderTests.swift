import Foundation
import Testing

/// `partnerboard new DIR`, filled in with a few rows, is a working program.
@Suite struct NewFolderTests {
  @Test func aStarterFolderValidatesAndScores() throws {
    let dir = try Binary.tempDir() + "/fy2027"
    let new = try Binary.run(["new", dir])
    #expect(new.status == 0, "\(new.stderr)")
    let empty = try Binary.run(["validate", dir])
    #expect(empty.status == 0, "\(empty.stdout)\(empty.stderr)")
    // Fill it in as a user would.
    let append = { (file: String, rows: String) in
      let h = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/" + file))
      h.seekToEndOfFile()
      h.write(Data(rows.utf8))
      try h.close()
    }
    try append("partners.csv", "r1,Rivera Reseller,reseller,EMEA,ana\nm1,Mono MSP,msp,NA,\n")
    try append(
      "metrics.csv",
      """
      r1,2027Q1,revenue,300000
      r1,2027Q1,renewal_rate,92
      r1,2027Q1,time_to_value,40
      r1,2027Q1,certified_staff,5
      m1,2027Q1,revenue,250000
      m1,2027Q1,renewal_rate,80

      """)
    try append("agreements.csv", "A1,r1,revenue,100000,400000,2027Q1,10000,,\n")
    let valid = try Binary.run(["validate", dir])
    #expect(valid.status == 0, "\(valid.stdout)\(valid.stderr)")
    #expect(valid.stdout.contains("2 partners, 6 observations, 1 agreements"))
    let db = dir + ".sqlite"
    #expect(try Binary.run(["init", "--from", dir, "--db", db]).status == 0)
    let tier = try Binary.run(["tier", "rivera", "--db", db])
    #expect(tier.status == 0, "\(tier.stderr)")
    #expect(tier.stdout.hasPrefix("Rivera Reseller (r1) · reseller · EMEA · 2027Q1"))
    #expect(try Binary.run(["new", dir]).status == 1)  // never over an existing folder
  }
}
