import Foundation
import ProgramFiles
import Scoring
import Testing

/// Data file parsing and reference checks: every bad input gets a located,
/// readable issue.
@Suite struct DataFileTests {
  static let base: [String: String] = [
    "program.toml": Fixtures.text("spec-example/program.toml"),
    "partners.csv": Fixtures.text("spec-example/partners.csv"),
    "metrics.csv": Fixtures.text("spec-example/metrics.csv"),
    "agreements.csv": Fixtures.text("spec-example/agreements.csv"),
  ]

  func check(_ changes: [String: String]) -> (DataFiles, [String]) {
    var contents = Self.base
    for (k, v) in changes { contents[k] = v }
    var issues: [DataIssue] = []
    let files = DataFiles.read(
      contents: contents.sorted { $0.key < $1.key }.map { (name: $0.key, text: $0.value) }, issues: &issues)
    issues += ReferenceChecks.check(files, stored: StoredState())
    return (files, issues.map(\.description))
  }

  func issues(_ file: String, _ text: String) -> [String] { check([file: text]).1 }

  @Test func theExampleIsClean() {
    #expect(check([:]).1 == [])
  }

  @Test func csvEdgeCasesParse() {
    let partners =
      "\u{FEFF}region,segment,name,id,notes\r\nEMEA,reseller,\"Alpha, \"\"the first\"\"\nLtd\",A,x\r\nNA,referral,Beta,B,y\r\n"
    let (files, found) = check(["partners.csv": partners])
    #expect(found == [])
    #expect(files.partners!.rows[0].name == "Alpha, \"the first\"\nLtd")
    #expect(files.partners!.rows[1].id == "B")
  }

  @Test func nonNumericValue() {
    let text = "partner_id,period,kpi,value\nA,2026Q1,rev,30\nA,2026Q2,rev,3O\n"
    #expect(
      issues("metrics.csv", text) == [
        "metrics.csv:3: column 4 (value): expected a number (like 1250 or -3.5), found \"3O\""
      ])
  }

  @Test func nanAndInfAndEmptyAreErrors() {
    let text = "partner_id,period,kpi,value\nA,2026Q1,rev,nan\nA,2026Q2,rev,inf\nA,2026Q3,rev,\n"
    let found = issues("metrics.csv", text)
    #expect(found.count == 3)
    #expect(found[2] == "metrics.csv:4: column 4 (value): expected a number, found an empty field")
  }

  @Test func unknownPartner() {
    let text = "partner_id,period,kpi,value\nA,2026Q1,rev,30\nZ,2026Q1,rev,30\n"
    #expect(
      issues("metrics.csv", text) == [
        "metrics.csv:3: column 1 (partner_id): unknown partner \"Z\" (not in partners.csv)"
      ])
  }

  @Test func badPeriod() {
    let text = "kpi,value,partner_id,period\nrev,30,A,2026-Q1\n"
    #expect(
      issues("metrics.csv", text) == [
        "metrics.csv:2: column 4 (period): expected a quarter written YYYYQn (e.g. 2026Q3), found \"2026-Q1\""
      ])
  }

  @Test func repeatedRow() {
    let text = "partner_id,period,kpi,value\nA,2026Q1,rev,30\nB,2026Q1,rev,30\nA,2026Q1,rev,31\n"
    #expect(
      issues("metrics.csv", text) == [
        "metrics.csv:4: repeated row for partner A, 2026Q1, kpi rev (first on line 2)"
      ])
  }

  @Test func unterminatedQuote() {
    let text = "partner_id,period,kpi,value\nA,2026Q1,\"rev,30\nA,2026Q2,rev,40\n"
    #expect(
      issues("metrics.csv", text).first?.hasPrefix(
        "metrics.csv:2: column 3 (kpi): quoted field is not closed") == true)
  }

  @Test func invalidUTF8() throws {
    var bytes = Array("id,name,segment,region\nA,Alpha,reseller,EMEA\nB,B".utf8)
    bytes += [0xFF, 0xFE]
    bytes += Array(",referral,NA\n".utf8)
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pb-utf8-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("partners.csv").path
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    var found: [DataIssue] = []
    _ = DataFiles.read(paths: [path], issues: &found)
    #expect(
      found.map(\.description) == [
        "partners.csv:3: column 2 (name): invalid UTF-8: the file must be UTF-8 text"
      ])
  }

  @Test func missingColumn() {
    let text = "partner_id,period,value\nA,2026Q1,30\n"
    #expect(
      issues("metrics.csv", text) == [
        "metrics.csv:1: missing column kpi (the header must name partner_id,period,kpi,value; found partner_id,period,value)"
      ])
  }

  @Test func emptyFile() {
    #expect(issues("metrics.csv", "") == ["metrics.csv:1: the file is empty: expected a header row"])
  }

  @Test func unknownKPIIsAWarning() {
    let text = Self.base["metrics.csv"]! + "A,2026Q1,events,3\nB,2026Q2,events,4\n"
    let (files, found) = check(["metrics.csv": text])
    #expect(
      found == [
        "metrics.csv:19: warning: column 3 (kpi): KPI \"events\" is not in the program: its 2 rows will be stored and shown unscored"
      ])
    let book = Scorebook(
      Dataset(program: files.program!, partners: files.partners!.rows, observations: files.metrics!.rows))
    #expect(book.unscoredKPIs == ["events"])
  }

  @Test func undeclaredSegment() {
    let text = "id,name,segment,region\nA,Alpha,reseller,EMEA\nB,Beta,msp,NA\n"
    #expect(
      issues("partners.csv", text) == [
        "partners.csv:3: column 3 (segment): segment \"msp\" is not declared in program.toml (declared: reseller, referral)"
      ])
  }

  @Test func repeatedPartner() {
    let text = "id,name,segment,region\nA,Alpha,reseller,EMEA\nA,Beta,referral,NA\n"
    #expect(
      issues("partners.csv", text).first
        == "partners.csv:3: column 1 (id): partner \"A\" is listed twice (first on line 2)")
  }

  @Test func adjustmentRules() {
    let text = """
      partner_id,period,kpi,value,reason,approved_by
      A,2026Q2,rev,41,late booking,cm
      A,2027Q1,rev,41,future,cm
      A,2026Q2,ttv,40,,cm
      A,2026Q3,arr,1,typo,cm
      Z,2026Q3,rev,1,who,cm

      """
    #expect(
      issues("adjustments.csv", text) == [
        "adjustments.csv:4: column 5 (reason): expected a value, found an empty field",
        "adjustments.csv:3: column 2 (period): period 2027Q1 is outside the program's periods 2026Q1..2026Q4",
        "adjustments.csv:5: column 3 (kpi): KPI \"arr\" is not one of the program's",
        "adjustments.csv:6: column 1 (partner_id): unknown partner \"Z\"",
      ])
  }

  @Test func agreementRules() {
    let text = """
      id,partner_id,kpi,baseline,target,period,max_payout,attribution,floor_share
      X1,A,rev,40,40,2026Q3,10000,,
      X2,A,rev,40,120,2026Q3,-5,,
      X3,A,rev,40,120,2026Q3,5,1.5,
      X4,A,rev,40,120,2026Q3,5,,2
      X5,A,nope,40,120,2026Q3,5,,
      X5,A,rev,40,120,2026Q3,5,,

      """
    let found = issues("agreements.csv", text)
    #expect(
      found.contains(
        "agreements.csv:2: column 5 (target): equals the baseline (40.0): attainment would divide by zero"))
    #expect(found.contains("agreements.csv:3: column 7 (max_payout): must be >= 0, found -5.0"))
    #expect(found.contains("agreements.csv:4: column 8 (attribution): must be from 0 to 1, found 1.5"))
    #expect(found.contains("agreements.csv:5: column 9 (floor_share): must be from 0 to 1, found 2.0"))
    #expect(
      found.contains("agreements.csv:7: column 1 (id): agreement \"X5\" is listed twice (first on line 6)"))
  }

  @Test func agreementKPIMustExist() {
    let text = "id,partner_id,kpi,baseline,target,period,max_payout\nX1,A,nope,1,2,2026Q1,5\n"
    #expect(
      issues("agreements.csv", text) == [
        "agreements.csv:2: column 3 (kpi): KPI \"nope\" is not one of the program's"
      ])
  }

  @Test func fileRoles() {
    #expect(DataFiles.Role(fileName: "metrics-2027Q1.csv") == .metrics)
    #expect(DataFiles.Role(fileName: "program.toml") == .program)
    #expect(DataFiles.Role(fileName: "volume-program.toml") == nil)
    #expect(DataFiles.Role(fileName: "notes.csv") == nil)
  }
}

@Suite struct SHA256Tests {
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    (String(repeating: "a", count: 64), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
    (String(repeating: "a", count: 1000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
  ])
  func knownDigests(_ input: String, _ digest: String) {
    #expect(SHA256.hex(Array(input.utf8)) == digest)
    // Fed in uneven pieces (a file read in blocks), the digest is the same.
    for piece in [1, 7, 63, 64, 65, 300] {
      var hasher = SHA256.Hasher()
      let bytes = Array(input.utf8)
      var i = 0
      while i < bytes.count {
        let end = min(bytes.count, i + piece)
        bytes[i..<end].withUnsafeBufferPointer { hasher.update($0) }
        i = end
      }
      #expect(hasher.finish() == digest, "pieces of \(piece)")
    }
  }
}
