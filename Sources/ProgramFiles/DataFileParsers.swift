import CSVReader
import Scoring
import TextLayout

/// Rows read from one CSV file, with the line each row starts on.
public struct FileRows<Row: Sendable>: Sendable {
  public var file: String
  /// The file's column names, as written, so issues can name their column.
  public var header: [String]
  public var rows: [Row]
  public var lines: [Int]

  public init(file: String, header: [String] = [], rows: [Row] = [], lines: [Int] = []) {
    self.file = file
    self.header = header
    self.rows = rows
    self.lines = lines
  }
}

/// Parsers for the data files of SPEC section 1. Each reads every row,
/// records an issue per bad field, and keeps the good rows.
public enum DataFileParsers {
  public static func partners(_ doc: CSVDocument, issues: inout [DataIssue]) -> FileRows<Partner> {
    var out = FileRows<Partner>(file: doc.fileName, header: doc.header)
    guard
      var c = CSVColumns(
        doc, required: ["id", "name", "segment", "region"], optional: ["manager"], issues: &issues)
    else { return out }
    var seen: [String: Int] = [:]
    for r in 0..<doc.rowCount {
      let id = c.id(r, "id")
      let name = c.text(r, "name")
      let segment = c.text(r, "segment")
      let region = c.id(r, "region")
      let manager = c.optionalText(r, "manager")
      guard let id, let name, let segment, let region else { continue }
      if let first = seen[id] {
        c.issue(r, "id", "partner \"\(Sanitizer.quoted(id))\" is listed twice (first on line \(first))")
        continue
      }
      seen[id] = doc.lineNumber(ofRow: r)
      out.rows.append(Partner(id: id, name: name, segment: segment, region: region, manager: manager))
      out.lines.append(doc.lineNumber(ofRow: r))
    }
    issues += c.issues
    return out
  }

  static let metricsColumns = ["partner_id", "period", "kpi", "value"]

  public static func metrics(_ doc: CSVDocument, issues: inout [DataIssue]) -> FileRows<Observation> {
    var keys = ObservationKeys()
    return metrics(doc, keys: &keys, issues: &issues)
  }

  /// One block of a metrics file read in blocks: `keys` carries the keys
  /// seen in earlier blocks, so a repeated row is found across blocks.
  static func metrics(_ doc: CSVDocument, keys: inout ObservationKeys, issues: inout [DataIssue])
    -> FileRows<Observation>
  {
    var out = FileRows<Observation>(file: doc.fileName, header: doc.header)
    guard
      var c = CSVColumns(doc, required: metricsColumns, issues: &issues)
    else { return out }
    out.rows.reserveCapacity(doc.rowCount)
    out.lines.reserveCapacity(doc.rowCount)
    let partnerColumn = c.column("partner_id")
    let periodColumn = c.column("period")
    let kpiColumn = c.column("kpi")
    let valueColumn = c.column("value")
    for r in 0..<doc.rowCount {
      let partner = c.id(r, partnerColumn)
      let period = c.period(r, periodColumn)
      let kpi = c.id(r, kpiColumn)
      let value = c.number(r, valueColumn)
      guard let partner, let period, let kpi, let value else { continue }
      let line = doc.lineNumber(ofRow: r)
      if let first = keys.insert(partner, period, kpi, line: line) {
        c.issue(
          r, nil as String?,
          "repeated row for partner \(partner), \(period), kpi \(kpi) (first on line \(first))")
        continue
      }
      out.rows.append(Observation(partnerID: partner, period: period, kpi: kpi, value: value))
      out.lines.append(line)
    }
    issues += c.issues
    return out
  }

  public static func adjustments(_ doc: CSVDocument, issues: inout [DataIssue]) -> FileRows<
    Adjustment
  > {
    var out = FileRows<Adjustment>(file: doc.fileName, header: doc.header)
    guard
      var c = CSVColumns(
        doc, required: ["partner_id", "period", "kpi", "value", "reason", "approved_by"],
        issues: &issues)
    else { return out }
    var keys = ObservationKeys()
    for r in 0..<doc.rowCount {
      let partner = c.id(r, "partner_id")
      let period = c.period(r, "period")
      let kpi = c.id(r, "kpi")
      let value = c.number(r, "value")
      let reason = c.text(r, "reason")
      let approver = c.text(r, "approved_by")
      guard let partner, let period, let kpi, let value, let reason, let approver else { continue }
      let line = doc.lineNumber(ofRow: r)
      if let first = keys.insert(partner, period, kpi, line: line) {
        c.issue(
          r, nil as String?,
          "a second adjustment of partner \(partner), \(period), kpi \(kpi) (first on line \(first))")
        continue
      }
      out.rows.append(
        Adjustment(
          partnerID: partner, period: period, kpi: kpi, value: value, reason: reason,
          approvedBy: approver))
      out.lines.append(line)
    }
    issues += c.issues
    return out
  }

  /// `partner_id,cohort,start` (SPEC section 13): a cohort id of
  /// `[a-z0-9_]+`, one start per cohort, each (partner, cohort) once.
  public static func cohorts(_ doc: CSVDocument, issues: inout [DataIssue]) -> FileRows<CohortMember> {
    var out = FileRows<CohortMember>(file: doc.fileName, header: doc.header)
    guard var c = CSVColumns(doc, required: ["partner_id", "cohort", "start"], issues: &issues) else {
      return out
    }
    var pairs: [String: Int] = [:]
    var starts: [String: (Period, Int)] = [:]
    for r in 0..<doc.rowCount {
      let partner = c.id(r, "partner_id")
      let cohort = c.id(r, "cohort")
      let start = c.period(r, "start")
      guard let partner, let cohort, let start else { continue }
      let line = doc.lineNumber(ofRow: r)
      guard !cohort.isEmpty,
        cohort.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F })
      else {
        c.issue(r, "cohort", "expected an id of a-z, 0-9 and _, found \"\(Sanitizer.quoted(cohort))\"")
        continue
      }
      if let first = pairs["\(partner)\u{0}\(cohort)"] {
        c.issue(
          r, nil as String?,
          "partner \(Sanitizer.quoted(partner)) is in cohort \(cohort) twice (first on line \(first))")
        continue
      }
      if let (other, first) = starts[cohort], other != start {
        c.issue(
          r, "start",
          "cohort \(cohort) starts in \(other) on line \(first): expected the same start on every row")
        continue
      }
      pairs["\(partner)\u{0}\(cohort)"] = line
      if starts[cohort] == nil { starts[cohort] = (start, line) }
      out.rows.append(CohortMember(partnerID: partner, cohort: cohort, start: start))
      out.lines.append(line)
    }
    issues += c.issues
    return out
  }

  public static func agreements(_ doc: CSVDocument, issues: inout [DataIssue]) -> FileRows<Agreement> {
    var out = FileRows<Agreement>(file: doc.fileName, header: doc.header)
    guard
      var c = CSVColumns(
        doc, required: ["id", "partner_id", "kpi", "baseline", "target", "period", "max_payout"],
        optional: ["attribution", "floor_share"], issues: &issues)
    else { return out }
    var seen: [String: Int] = [:]
    for r in 0..<doc.rowCount {
      let id = c.id(r, "id")
      let partner = c.id(r, "partner_id")
      let kpi = c.id(r, "kpi")
      let baseline = c.number(r, "baseline")
      let target = c.number(r, "target")
      let period = c.period(r, "period")
      let maxPayout = c.number(r, "max_payout")
      let attribution = c.number(r, "attribution", default: 1)
      let floor = c.number(r, "floor_share", default: 0)
      guard let id, let partner, let kpi, let baseline, let target, let period, let maxPayout,
        let attribution, let floor
      else { continue }
      var ok = true
      if let first = seen[id] {
        c.issue(r, "id", "agreement \"\(Sanitizer.quoted(id))\" is listed twice (first on line \(first))")
        ok = false
      }
      if target == baseline {
        c.issue(r, "target", "equals the baseline (\(target)): attainment would divide by zero")
        ok = false
      }
      if maxPayout < 0 {
        c.issue(r, "max_payout", "must be >= 0, found \(maxPayout)")
        ok = false
      }
      if !(0...1).contains(attribution) {
        c.issue(r, "attribution", "must be from 0 to 1, found \(attribution)")
        ok = false
      }
      if !(0...1).contains(floor) {
        c.issue(r, "floor_share", "must be from 0 to 1, found \(floor)")
        ok = false
      }
      guard ok else { continue }
      seen[id] = doc.lineNumber(ofRow: r)
      out.rows.append(
        Agreement(
          id: id, partnerID: partner, kpi: kpi, baseline: baseline, target: target, period: period,
          maxPayout: maxPayout, attribution: attribution, floorShare: floor))
      out.lines.append(doc.lineNumber(ofRow: r))
    }
    issues += c.issues
    return out
  }
}

/// Detects repeated (partner, period, kpi) keys cheaply: ids are interned to
/// small integers and the key packed into one Int. Files sorted by partner,
/// period and KPI (the usual export) only ever compare with the previous key.
struct ObservationKeys {
  private var partners: [String: Int] = [:]
  private var kpis: [String] = []
  private var lastPartner = ""
  private var lastPartnerIndex = -1
  private var lastKey = -1
  private var lastLine = 0
  /// Used once the keys stop increasing.
  private var lines: [Int: Int]? = nil
  /// Keys and lines while they increase (two arrays: 12 bytes a row).
  private var historyKeys: [Int] = []
  private var historyLines: [Int32] = []

  /// Returns the first line of an earlier identical key, else nil.
  mutating func insert(_ partner: String, _ period: Period, _ kpi: String, line: Int) -> Int? {
    if partner != lastPartner || lastPartnerIndex < 0 {
      if let i = partners[partner] {
        lastPartnerIndex = i
      } else {
        lastPartnerIndex = partners.count
        partners[partner] = lastPartnerIndex
      }
      lastPartner = partner
    }
    var k = kpis.firstIndex(of: kpi) ?? -1
    if k < 0 {
      k = kpis.count
      kpis.append(kpi)
    }
    let key = (lastPartnerIndex << 32) | ((period.ordinal & 0xFFFF) << 16) | k
    if lines == nil {
      if key > lastKey {
        historyKeys.append(key)
        historyLines.append(Int32(truncatingIfNeeded: line))
        lastKey = key
        return nil
      }
      // Out of order: index everything seen so far.
      var index: [Int: Int] = [:]
      index.reserveCapacity(historyKeys.count * 2)
      for (k, l) in zip(historyKeys, historyLines) { index[k] = Int(l) }
      lines = index
      historyKeys = []
      historyLines = []
    }
    if let first = lines![key] { return first }
    lines![key] = line
    return nil
  }
}
