import Foundation
import Testing

/// Ids that differ only in Unicode normalisation are one id (issue 10), and
/// search ignores case and accents.
@Suite struct UnicodeIdTests {
  static let nfc = "\u{C5}1"  // Å as one character
  static let nfd = "A\u{30A}1"  // A + combining ring

  let dir: String
  let db: String

  init() throws {
    dir = try Binary.tempDir()
    // The partner is named in NFC; the metrics and agreements use NFD.
    db = try Binary.exampleStore(in: dir) { file, text in
      switch file {
      case "partners.csv":
        "id,name,segment,region\n\(Self.nfc),Müller Kodō,reseller,EMEA\nB,Beta,referral,NA\n"
      case "metrics.csv": text.replacingOccurrences(of: "\nA,", with: "\n\(Self.nfd),")
      case "agreements.csv": text.replacingOccurrences(of: ",A,", with: ",\(Self.nfd),")
      default: text
      }
    }
  }

  @Test func oneKeyIsOneRow() throws {
    let count = try Binary.run(["score", "--format", "csv", "--db", db])
    #expect(count.stdout.split(separator: "\n").count == 3, "\(count.stdout)")  // header + 2 partners
    // Replacing a row named the other way round is a replacement, and undo takes it back.
    let before = try Binary.dump(db)
    let next = dir + "/metrics-2027Q1.csv"
    try "partner_id,period,kpi,value\n\(Self.nfc),2026Q4,rev,1\n".write(
      toFile: next, atomically: true, encoding: .utf8)
    let r = try Binary.run(["import", next, "--db", db])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("metrics-2027Q1.csv: 0 added, 1 replaced, 0 unchanged"), "\(r.stdout)")
    let undo = try Binary.run(["undo-import", "2", "--db", db])
    #expect(undo.status == 0, "\(undo.stderr)")
    let after = try Binary.dump(db)
    let data = { (s: String) in s.split(separator: "\n").filter { $0.contains("INSERT INTO observations") } }
    #expect(data(after) == data(before))
  }

  @Test(arguments: [nfc, nfd, "muller", "MÜLLER", "kodo", "Kodō"])
  func lookupsFindThePartner(_ query: String) throws {
    let r = try Binary.run(["tier", query, "--db", db])
    #expect(r.status == 0, "\(query): \(r.stderr)")
    #expect(r.stdout.hasPrefix("Müller Kodō (\(Self.nfc))"), "\(r.stdout)")
  }
}
