import Foundation
import ProgramFiles
import SampleData
import Scoring
import Testing

/// The bundled sample shows every feature of the spec at the latest quarter,
/// and the binary embeds exactly the files in sample-data/.
@Suite struct SampleDataTests {
  static let root: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  let files: DataFiles
  let issues: [DataIssue]
  let book: Scorebook

  init() {
    var issues: [DataIssue] = []
    let files = DataFiles.read(
      contents: SampleData.files.sorted { $0.key < $1.key }.map { (name: $0.key, text: $0.value) },
      issues: &issues)
    issues += ReferenceChecks.check(files, stored: StoredState())
    self.files = files
    self.issues = issues
    book = Scorebook(
      Dataset(
        program: files.program!, partners: files.partners!.rows, observations: files.metrics!.rows,
        adjustments: files.adjustments!.rows, agreements: files.agreements!.rows))
  }

  @Test func embeddedFilesMatchTheFolder() throws {
    // Files only: next-quarter/ holds the tour's later quarter, not bundled.
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.root + "/sample-data").filter {
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: Self.root + "/sample-data/" + $0, isDirectory: &isDirectory)
      return !isDirectory.boolValue
    }.sorted()
    #expect(names == SampleData.files.keys.sorted())
    for name in names {
      let disk = try String(contentsOfFile: Self.root + "/sample-data/" + name, encoding: .utf8)
      #expect(SampleData.files[name] == disk, "\(name) differs: run python3 scripts/gen_sample_data.py")
    }
  }

  @Test func validWithOneWarningForTheUnscoredKPI() {
    #expect(issues.filter { $0.severity == .error } == [])
    #expect(issues.map(\.message).contains { $0.contains("\"marketing_events\" is not in the program") })
    #expect(book.unscoredKPIs == ["marketing_events"])
  }

  @Test func volumeProgramIsValid() throws {
    let text = try #require(SampleData.files["volume-program.toml"])
    let p = try ProgramParser.parse(text).get()
    #expect(p.kpis.map(\.id) == book.program.kpis.map(\.id))
    #expect(p.kpis.filter { $0.weight > 0 }.map(\.id) == ["net_new_arr", "deal_registrations"])
  }

  @Test func programCoversTheSpec() {
    let p = book.program
    #expect(p.segments.count >= 5)
    #expect(p.kpis.count >= 9)
    #expect(Set(p.kpis.map(\.category)) == Set(KPICategory.allCases))
    #expect(Set(p.kpis.map(\.indicator)) == Set(Indicator.allCases))
    #expect(Set(p.kpis.map(\.aggregate)) == Set(Aggregate.allCases))
    #expect(p.kpis.contains { $0.isImprovement } && p.kpis.contains { !$0.isImprovement })
    #expect(p.kpis.contains { $0.direction == .lower })
    #expect(p.kpis.contains { $0.weights.values.contains(0) })
    #expect(
      p.kpis.contains { kpi in
        if case .absolute(_, _, let targets, let thresholds) = kpi.basis {
          return !targets.isEmpty && !thresholds.isEmpty
        }
        return false
      })
    #expect(p.tiers.count == 4)
    #expect(p.tiers.contains { !$0.requirements.isEmpty })
    #expect(p.tiers.allSatisfy { !$0.benefits.isEmpty })
  }

  @Test func partnersAreVaried() {
    let partners = book.partners
    #expect(partners.count >= 60)
    #expect(Set(partners.map(\.region)).count == 4)
    #expect(partners.contains { $0.name.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })
    #expect(partners.contains { $0.name.unicodeScalars.contains { $0.properties.isEmojiPresentation } })
    #expect(partners.contains { $0.name.contains("é") || $0.name.contains("ü") })
    #expect(partners.contains { $0.name.contains(",") && $0.name.contains("\"") })
    #expect(book.periods.count == 8)
  }

  var latest: Int { book.periods.count - 1 }

  func evaluations(_ t: Int) -> [PartnerEvaluation] {
    book.order[t].map { book.evaluation(partner: $0, period: t)! }
  }

  @Test func storiesAtTheLatestQuarter() {
    let now = evaluations(latest)
    #expect(now.filter { $0.grace > 0 }.count >= 1, "in grace")
    #expect(now.filter(\.atRisk).count >= 3, "at risk")
    #expect(now.filter(\.rising).count >= 3, "rising")
    #expect(Set(now.map(\.tier.id)) == Set(book.program.tiers.map(\.id)), "every tier held")
    // Blocked only by a requirement: the score reaches the next tier.
    #expect(
      now.contains { $0.pointsNeeded == 0 && !$0.unmetRequirements.isEmpty }, "blocked by a requirement")
    // A requirement waived for a segment not measured on its KPI.
    #expect(
      now.contains { e in e.tierChecks.contains { $0.requirements.contains { $0.outcome == .waived } } })
    #expect(now.contains { $0.movement == nil }, "a new partner")
    #expect(now.contains { $0.kpis.contains { $0.status == .adjusted } }, "an adjusted value")
    #expect(book.firstPeriod.contains(-1), "a partner with no data")
    #expect(book.firstPeriod.filter { $0 > 0 }.count >= 3, "late joiners")
  }

  @Test func promotionsAndDemotionsThisQuarter() {
    var promoted = 0
    var demoted = 0
    for p in book.order[latest] {
      guard let before = book.tier(p, latest - 1), let now = book.tier(p, latest) else { continue }
      if now > before { promoted += 1 }
      if now < before { demoted += 1 }
    }
    #expect(promoted >= 1)
    #expect(demoted >= 1)
  }

  @Test func missingValuesOccur() {
    var missing = 0
    for t in book.periods.indices {
      for p in book.order[t] {
        missing += book.program.kpis.indices.filter { book.status(p, t, $0) == .missing }.count
      }
    }
    #expect(missing > 0)
  }

  @Test func agreementsVerifiedAndPending() {
    let payouts = book.payouts()
    #expect(payouts.count >= 12)
    #expect(payouts.contains { $0.status == .pending })
    #expect(payouts.contains { $0.status == .verified })
    #expect(payouts.contains { $0.agreement.floorShare > 0 })
    #expect(payouts.contains { $0.agreement.attribution < 1 })
    #expect(payouts.contains { $0.agreement.target < $0.agreement.baseline })
  }
}
