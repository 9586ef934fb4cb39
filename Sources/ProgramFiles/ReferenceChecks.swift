import Scoring
import TextLayout

/// What a store already holds, for checking an import's references.
public struct StoredState: Sendable {
  public var program: Program?
  public var partners: [Partner]
  /// Earliest and latest period of the stored metrics.
  public var periods: ClosedRange<Period>?
  public var adjustments: [Adjustment]
  public var agreements: [Agreement]
  public var cohorts: [CohortMember] = []

  public init(
    program: Program? = nil, partners: [Partner] = [], periods: ClosedRange<Period>? = nil,
    adjustments: [Adjustment] = [], agreements: [Agreement] = []
  ) {
    self.program = program
    self.partners = partners
    self.periods = periods
    self.adjustments = adjustments
    self.agreements = agreements
  }
}

/// The references between files (SPEC sections 1-3 and 7): partners exist,
/// segments and KPIs are declared, periods lie within the program's.
/// Checked over the files merged onto what is stored.
public enum ReferenceChecks {
  public static func check(_ files: DataFiles, stored: StoredState) -> [DataIssue] {
    guard var checker = ReferenceChecker(files, stored: stored) else {
      return ReferenceChecker.missingProgram(files)
    }
    if let f = files.metrics { checker.checkMetrics(f.rows, lines: f.lines, file: f.file) }
    return checker.finish(files)
  }
}

/// The same checks in three steps, for a metrics file read a slice at a
/// time (`init` of a big folder): `init` checks the partners, `checkMetrics`
/// each slice of metrics rows, `finish` what depends on all of them
/// (adjustments need the metrics' periods) and locates every issue.
public struct ReferenceChecker {
  let stored: StoredState
  let programFile: String
  let kpis: Set<String>
  let programChanged: Bool
  var partners: [String: Partner] = [:]
  /// partners.csv is in the files but could not be read: which partners
  /// exist is unknown, so no row is called an unknown partner (one bad row
  /// there is one error, not one per metric).
  var partnersUnknown = false
  var issues: [DataIssue] = []
  var periods: ClosedRange<Period>?
  var unknownKPIs: [String: (line: Int, count: Int)] = [:]
  var metricsFile: String?
  // Rows come grouped by partner and cycle through few KPIs: remember the last answers.
  var lastPartner = ""
  var lastPartnerKnown = false
  var knownKPIs: [String] = []

  /// The issues when neither the files nor the store have a program.
  public static func missingProgram(_ files: DataFiles) -> [DataIssue] {
    files.programText == nil
      ? [DataIssue(file: "program.toml", message: "required: the store has no program yet")] : []
  }

  /// Nil when there is no program to check against (see `missingProgram`).
  public init?(_ files: DataFiles, stored: StoredState) {
    guard let program = files.program ?? stored.program else { return nil }
    self.stored = stored
    programFile = files.sources.first { $0.role == .program }?.name ?? "program.toml"
    let segments = Set(program.segments.map(\.id))
    kpis = Set(program.kpis.map(\.id))
    programChanged = files.program != nil
    periods = stored.periods

    // Partners: merged, incoming rows override stored ones.
    var partners: [String: Partner] = [:]
    for p in stored.partners { partners[p.id] = p }
    var incomingPartners = Set<String>()
    partnersUnknown = files.partners == nil && files.sources.contains { $0.role == .partners }
    if let f = files.partners {
      for (p, line) in zip(f.rows, f.lines) {
        partners[p.id] = p
        incomingPartners.insert(p.id)
        if !segments.contains(p.segment) {
          issues.append(
            DataIssue(
              file: f.file, line: line, key: "segment",
              message:
                "segment \"\(Sanitizer.quoted(p.segment))\" is not declared in \(programFile) (declared: \(program.segments.map(\.id).joined(separator: ", ")))"
            ))
        }
      }
    }
    if programChanged {
      for p in stored.partners where !incomingPartners.contains(p.id) && !segments.contains(p.segment) {
        issues.append(
          DataIssue(
            file: programFile, key: "segment",
            message:
              "stored partner \(p.id) is in segment \"\(Sanitizer.quoted(p.segment))\", which this program does not declare"
          ))
      }
    }
    self.partners = partners
  }

  /// Whether an error has been found so far.
  public var hasErrors: Bool { issues.contains { $0.severity == .error } }

  /// One slice of metrics rows (in file order).
  public mutating func checkMetrics(_ rows: [Observation], lines: [Int], file: String) {
    metricsFile = file
    for (o, line) in zip(rows, lines) {
      if o.partnerID != lastPartner || !lastPartnerKnown {
        lastPartner = o.partnerID
        lastPartnerKnown = partnersUnknown || partners[o.partnerID] != nil
      }
      if !lastPartnerKnown {
        issues.append(
          DataIssue(
            file: file, line: line, key: "partner_id",
            message: "unknown partner \"\(Sanitizer.quoted(o.partnerID))\" (not in partners.csv)"))
      }
      if let r = periods {
        if o.period < r.lowerBound { periods = o.period...r.upperBound }
        if o.period > r.upperBound { periods = r.lowerBound...o.period }
      } else {
        periods = o.period...o.period
      }
      if knownKPIs.contains(o.kpi) { continue }
      if kpis.contains(o.kpi) {
        knownKPIs.append(o.kpi)
      } else {
        let seen = unknownKPIs[o.kpi]
        unknownKPIs[o.kpi] = (seen?.line ?? line, (seen?.count ?? 0) + 1)
      }
    }
  }

  /// Everything that depends on all the metrics, then each CSV issue's
  /// column from its file's header.
  public func finish(_ files: DataFiles) -> [DataIssue] {
    var issues = self.issues
    let partners = self.partners
    let periods = self.periods
    let kpis = self.kpis
    let programFile = self.programFile
    let programChanged = self.programChanged
    if let file = metricsFile, let r = periods,
      r.upperBound.ordinal - r.lowerBound.ordinal >= NumberLimits.quarters
    {
      // Every partner is scored at every quarter of the span.
      issues.append(
        DataIssue(
          file: file, key: "period",
          message:
            "the quarters run from \(r.lowerBound) to \(r.upperBound) (with the store's): expected at most \(NumberLimits.quarters) quarters (50 years) from the first to the last"
        ))
    }
    if let file = metricsFile {
      for (kpi, seen) in unknownKPIs.sorted(by: { $0.value.line < $1.value.line }) {
        issues.append(
          DataIssue(
            .warning, file: file, line: seen.line, key: "kpi",
            message:
              "KPI \"\(Sanitizer.quoted(kpi))\" is not in the program: its \(seen.count) row\(seen.count == 1 ? "" : "s") will be stored and shown unscored"
          ))
      }
    }

    /// The partner and the KPI a row names must exist (adjustments, agreements).
    func references(partner: String, kpi: String, file: String, line: Int) -> [DataIssue] {
      var found: [DataIssue] = []
      if partners[partner] == nil && !partnersUnknown {
        found.append(
          DataIssue(
            file: file, line: line, key: "partner_id",
            message: "unknown partner \"\(Sanitizer.quoted(partner))\""))
      }
      if !kpis.contains(kpi) {
        found.append(
          DataIssue(
            file: file, line: line, key: "kpi",
            message: "KPI \"\(Sanitizer.quoted(kpi))\" is not one of the program's")
        )
      }
      return found
    }

    // Adjustments.
    if let f = files.adjustments {
      for (a, line) in zip(f.rows, f.lines) {
        issues += references(partner: a.partnerID, kpi: a.kpi, file: f.file, line: line)
        if let r = periods, !r.contains(a.period) {
          issues.append(
            DataIssue(
              file: f.file, line: line, key: "period",
              message: "period \(a.period) is outside the program's periods \(r.lowerBound)..\(r.upperBound)")
          )
        } else if periods == nil {
          issues.append(
            DataIssue(file: f.file, line: line, key: "period", message: "there are no metrics yet to adjust"))
        }
      }
    }
    if programChanged {
      for a in stored.adjustments where !kpis.contains(a.kpi) {
        issues.append(
          DataIssue(
            file: programFile, key: "kpi",
            message:
              "the stored adjustment of \(a.partnerID) \(a.period) names KPI \"\(Sanitizer.quoted(a.kpi))\", which this program does not declare"
          ))
      }
    }

    // Cohorts: the partner exists; a cohort keeps the start it has in the store.
    if let f = files.cohorts {
      var starts: [String: Period] = [:]
      for m in stored.cohorts { starts[m.cohort] = m.start }
      for (m, line) in zip(f.rows, f.lines) {
        if partners[m.partnerID] == nil && !partnersUnknown {
          issues.append(
            DataIssue(
              file: f.file, line: line, key: "partner_id",
              message: "unknown partner \"\(Sanitizer.quoted(m.partnerID))\""))
        }
        if let s = starts[m.cohort], s != m.start {
          issues.append(
            DataIssue(
              file: f.file, line: line, key: "start",
              message: "cohort \(m.cohort) starts in \(s) in the store: expected the same start"))
        }
      }
    }

    // Agreements.
    if let f = files.agreements {
      for (a, line) in zip(f.rows, f.lines) {
        issues += references(partner: a.partnerID, kpi: a.kpi, file: f.file, line: line)
      }
    }
    if programChanged {
      let incoming = Set(files.agreements?.rows.map(\.id) ?? [])
      for a in stored.agreements where !incoming.contains(a.id) && !kpis.contains(a.kpi) {
        issues.append(
          DataIssue(
            file: programFile, key: "kpi",
            message:
              "stored agreement \(a.id) names KPI \"\(Sanitizer.quoted(a.kpi))\", which this program does not declare"
          ))
      }
    }

    // The column of each CSV issue, from the file's own header.
    return issues.map { issue in
      var i = issue
      if i.column == nil, let key = i.key, let header = files.header(of: i.file) {
        i.column = header.firstIndex(of: key).map { $0 + 1 }
      }
      return i
    }
  }
}
