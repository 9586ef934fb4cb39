import PartnerStore
import ProgramFiles
import Scoring

/// Random writes to a store of the spec example's program, for the tests
/// that hold the kept scores equal to a full rescore after any sequence of
/// writes, on a SQLite store (PartnerStoreTests) and on a team store
/// (TeamStoreTests): metrics forward, backward, past a gap and for a few
/// partners, adjustments, renames, program changes, agreements, pilot
/// cohorts, and undos of earlier imports. The same seed gives the same
/// writes to stores in the same state.
///
/// A test target cannot use another's code: this target (no test
/// framework, public API only) is how both share one generator.
public final class RandomWrites {
  /// How many partners the writes name: P0 ... P(n-1).
  public let partners: Int
  let programText: String
  var x: UInt64
  /// The imports written so far that an undo may pick.
  var imports: [Int64] = []

  /// One write: what it does, and the write itself, to be done to a store
  /// in the state the write was chosen from (it returns the import it
  /// logged that a later undo may pick: none for an undo).
  public struct Write {
    public let what: String
    public let apply: (PartnerStore) throws -> Int64?
  }

  public struct Unreadable: Error, CustomStringConvertible {
    public let description: String
  }

  public init(seed: UInt64, partners: Int = 40, programText: String) {
    x = seed &* 0x9E37_79B9_7F4A_7C15 | 1
    self.partners = partners
    self.programText = programText
  }

  func next(_ n: Int) -> Int {
    x ^= x << 13
    x ^= x >> 7
    x ^= x << 17
    return Int(x % UInt64(n))
  }

  /// One file's rows, which must read without errors.
  public static func read(_ name: String, _ text: String) throws -> DataFiles {
    var issues: [DataIssue] = []
    let files = DataFiles.read(contents: [(name: name, text: text)], issues: &issues)
    let errors = issues.filter { $0.severity == .error }
    guard errors.isEmpty else { throw Unreadable(description: "\(name): \(errors.prefix(3))") }
    return files
  }

  /// partners.csv naming every partner the writes name, in two segments.
  public func partnersFile() throws -> DataFiles {
    var text = "id,name,segment,region\n"
    for i in 0..<partners {
      text += "P\(i),Partner \(i % 11),\(i % 3 == 0 ? "referral" : "reseller"),R\(i % 4)\n"
    }
    return try Self.read("partners.csv", text)
  }

  /// The write of step `step`, chosen from `store` as it stands; nil when
  /// the step has nothing to do (an undo before any import).
  public func write(step: Int, choosingFrom store: PartnerStore) throws -> Write? {
    let n = partners
    let quarter = { (q: Int) in Period(ordinal: 2026 * 4 + q) }
    func importing(_ what: String, _ name: String, _ text: String, command: String) throws -> Write {
      let files = try Self.read(name, text)
      return Write(what: what) { try $0.apply(files, command: command).id }
    }
    switch next(10) {
    case 0...4:
      // Metrics: a few quarters anywhere in 2025Q1..2028Q4 (gaps and
      // quarters before the first come up), for some of the partners.
      let first = next(16) - 4
      let quarters = first...(first + next(2))
      let some = next(3) == 0 ? 1 + next(3) : n
      var text = "partner_id,period,kpi,value\n"
      for i in 0..<some {
        for q in quarters {
          text += "P\((i * 7 + step) % n),\(quarter(q)),rev,\(next(120))\n"
          if next(2) == 0 { text += "P\((i * 7 + step) % n),\(quarter(q)),ttv,\(20 + next(80))\n" }
          if next(2) == 0 { text += "P\((i * 7 + step) % n),\(quarter(q)),nps,\(1 + next(60))\n" }
        }
      }
      return try importing(
        "metrics \(quarter(quarters.lowerBound))...\(quarter(quarters.upperBound)) x\(some)", "metrics.csv",
        text, command: "m")
    case 5:
      guard let range = try store.keptView()?.periods, !range.isEmpty else { return nil }
      let p = range[next(range.count)]
      return try importing(
        "adjustment \(p)", "adjustments.csv",
        "partner_id,period,kpi,value,reason,approved_by\nP\(next(n)),\(p),rev,\(next(150)),fix,ops\n",
        command: "a")
    case 6:
      return try importing(
        "rename", "partners.csv", "id,name,segment,region\nP\(next(n)),Renamed \(step),reseller,R9\n",
        command: "p")
    case 8 where next(2) == 0:
      // Agreements on random quarters (some beyond the data: no value yet).
      var text = "id,partner_id,kpi,baseline,target,period,max_payout,attribution,floor_share\n"
      for i in 0..<(1 + next(4)) {
        text +=
          "A\(step)x\(i),P\(next(n)),\(["rev", "ttv", "nps"][next(3)]),40,\(41 + next(60)),\(quarter(next(16) - 4)),\(1000 * (1 + next(9))),,\n"
      }
      return try importing("agreements", "agreements.csv", text, command: "g")
    case 8:
      // A pilot cohort (or two) from a random quarter.
      let start = quarter(next(12) - 4)
      var text = "partner_id,cohort,start\n"
      for i in 0..<(2 + next(5)) { text += "P\((i * 5 + step) % n),c\(step % 2),\(start)\n" }
      return try importing("cohort c\(step % 2) from \(start)", "cohorts.csv", text, command: "c")
    case 7:
      return try importing(
        "program", "program.toml",
        programText.replacingOccurrences(of: "weight = 2", with: "weight = \(1 + next(4))"),
        command: "program")
    default:
      guard !imports.isEmpty else { return nil }
      let id = imports.remove(at: next(imports.count))
      return Write(what: "undo \(id)") {
        _ = try $0.undo(importID: id)
        return nil
      }
    }
  }

  /// Notes the import a write logged (what its `apply` returned), for a
  /// later undo to pick.
  public func wrote(_ id: Int64?) {
    if let id { imports.append(id) }
  }
}
