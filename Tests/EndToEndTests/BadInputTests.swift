import Foundation
import Testing

/// Every kind of bad file, imported into a store: a located message, exit 1,
/// and the store byte-for-byte as it was (compared as `sqlite3 .dump`).
@Suite struct BadInputTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let file: String
    let bytes: [UInt8]
    let message: String
    var testDescription: String { name }

    init(_ name: String, _ file: String, _ text: String, _ message: String) {
      self.init(name, file, Array(text.utf8), message)
    }
    init(_ name: String, _ file: String, _ bytes: [UInt8], _ message: String) {
      self.name = name
      self.file = file
      self.bytes = bytes
      self.message = message
    }
  }

  static let header = "partner_id,period,kpi,value\n"
  static let cases: [Case] = [
    Case(
      "non-numeric", "metrics.csv", header + "A,2027Q1,rev,12abc\n",
      "metrics.csv:2: column 4 (value): expected a number"),
    Case(
      "nan", "metrics.csv", header + "A,2027Q1,rev,nan\n",
      "metrics.csv:2: column 4 (value): expected a number"),
    Case(
      "unknown partner", "metrics.csv", header + "A,2027Q1,rev,1\nQ,2027Q1,rev,1\n",
      "metrics.csv:3: column 1 (partner_id): unknown partner \"Q\""),
    Case(
      "bad period", "metrics.csv", header + "A,2027-1,rev,1\n",
      "metrics.csv:2: column 2 (period): expected a quarter written YYYYQn"),
    Case(
      "repeated row", "metrics.csv", header + "A,2027Q1,rev,1\nA,2027Q1,rev,2\n",
      "metrics.csv:3: repeated row for partner A, 2027Q1, kpi rev (first on line 2)"),
    Case(
      "unterminated quote", "metrics.csv", header + "A,2027Q1,\"rev,1\n",
      "metrics.csv:2: column 3 (kpi): quoted field is not closed"),
    Case(
      "invalid UTF-8", "metrics.csv", Array(header.utf8) + [0x41, 0xC0, 0x2C] + Array("2027Q1,rev,1\n".utf8),
      "metrics.csv:2: column 1 (partner_id): invalid UTF-8"),
    Case(
      "missing column", "metrics.csv", "partner_id,period,value\nA,2027Q1,1\n",
      "metrics.csv:1: missing column kpi"),
    Case("empty file", "metrics.csv", "", "metrics.csv:1: the file is empty: expected a header row"),
    Case("TOML syntax", "program.toml", "[program\nname = 1\n", "program.toml:1:"),
    Case(
      "program rule", "program.toml", Fixtures.programWith("window = 2", "window = 0"),
      "program.toml:4: program.window: must be from 1 to 12, found 0"),
    Case(
      "program drops a used segment", "program.toml",
      Fixtures.programWith("[[segment]]\nid = \"referral\"\nname = \"Referral\"\n", ""),
      "segment \"referral\" is not declared"),
    Case(
      "adjustment of an unknown KPI", "adjustments.csv",
      "partner_id,period,kpi,value,reason,approved_by\nA,2026Q1,arr,1,typo,cm\n",
      "adjustments.csv:2: column 3 (kpi): KPI \"arr\" is not one of the program's"),
    Case(
      "agreement with target = baseline", "agreements.csv",
      "id,partner_id,kpi,baseline,target,period,max_payout\nX9,A,rev,5,5,2026Q1,10\n",
      "agreements.csv:2: column 5 (target): equals the baseline"),
    // Numbers that parse but no figure could show (issue 10).
    Case(
      "value beyond 1e15", "metrics.csv", header + "A,2027Q1,rev,1e24\n",
      "metrics.csv:2: column 4 (value): expected a number from -1e15 to 1e15, found 1e24"),
    Case(
      "max payout beyond 1e15", "agreements.csv",
      "id,partner_id,kpi,baseline,target,period,max_payout\nX9,A,rev,5,6,2026Q1,-2e15\n",
      "agreements.csv:2: column 7 (max_payout): expected a number from -1e15 to 1e15, found -2e15"),
    Case(
      "huge weight", "program.toml", Fixtures.programWith("weight = 2", "weight = 1e308"),
      "program.toml:25: kpi[1] \"rev\".weight: expected a number from -1e15 to 1e15, found 1e+308"),
    Case(
      "weight above 1e6", "program.toml", Fixtures.programWith("weight = 2", "weight = 2e6"),
      "program.toml:25: kpi[1] \"rev\".weight: must be at most 1e6 (weights are relative), found 2000000.0"),
    Case(
      "huge target", "program.toml", Fixtures.programWith("target = 100", "target = 1e16"),
      "expected a number from -1e15 to 1e15, found 1e+16"),
    Case(
      "huge share", "program.toml", Fixtures.programWith("[1.5, 1.25]]", "[1.5, 1e9]]"),
      "point 4: share must be at most 100"),
  ]

  @Test(arguments: cases) func rejectedWithTheStoreUnchanged(_ c: Case) throws {
    let dir = try Binary.tempDir()
    let db = dir + "/s.sqlite"
    #expect(try Binary.run(["init", "--from", Binary.fixtures + "/spec-example", "--db", db]).status == 0)
    let before = try Binary.dump(db)
    let path = dir + "/" + c.file
    _ = FileManager.default.createFile(atPath: path, contents: Data(c.bytes))
    let r = try Binary.run(["import", path, "--db", db])
    #expect(r.status == 1)
    #expect(r.stderr.contains(c.message), "\(r.stderr)")
    #expect(!r.stderr.contains("Fatal error"))
    #expect(try Binary.dump(db) == before)
  }
}

enum Fixtures {
  static func programWith(_ old: String, _ new: String) -> String {
    let text =
      (try? String(contentsOfFile: Binary.fixtures + "/spec-example/program.toml", encoding: .utf8)) ?? ""
    return text.replacing(old, with: new)
  }
}
