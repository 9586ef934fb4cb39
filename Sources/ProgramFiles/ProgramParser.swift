import Scoring
import TextLayout

/// Parses and validates `program.toml` (SPEC section 2), reporting every
/// problem at once, each with the key path and, where it can be found, the line.
public enum ProgramParser {
  public static func parse(_ text: String, file: String = "program.toml") -> Result<
    Program, DataIssues
  > {
    let table: TOMLTable
    do {
      table = try TOMLParser.parse(text)
    } catch let e as TOMLError {
      return .failure(
        DataIssues([
          DataIssue(file: file, line: e.line, column: e.column, message: "TOML syntax: \(e.message)")
        ]))
    } catch {
      return .failure(DataIssues([DataIssue(file: file, message: "TOML syntax: \(error)")]))
    }
    var p = Parse(table: table, locator: TOMLLocator(text: text), file: file)
    let program = p.run()
    if let program, p.issues.isEmpty { return .success(program) }
    return .failure(DataIssues(p.issues))
  }

  /// Ids match `[a-z0-9_]+`.
  static func idPattern(_ id: String) -> Bool {
    !id.isEmpty
      && id.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
  }
}

private struct Parse {
  let table: TOMLTable
  let locator: TOMLLocator
  let file: String
  var issues: [DataIssue] = []

  mutating func fields(_ t: TOMLTable, _ section: String, _ index: Int?) -> TOMLFields {
    TOMLFields(table: t, section: section, index: index, locator: locator, file: file)
  }

  mutating func topLevel(_ key: String, line: Int? = nil, _ message: String) {
    issues.append(
      DataIssue(file: file, line: line ?? locator.line(table: key), key: key, message: message))
  }

  /// The array-of-tables under `key`, e.g. every `[[kpi]]`, at most
  /// `ProgramLimits.tables[key]` of them (more is an error, and the rest is
  /// not read: a program of 10,001 tiers or KPIs costs no more than one of 100).
  mutating func tables(_ key: String) -> [TOMLTable] {
    guard let v = table[key] else { return [] }
    guard var a = v.array else {
      topLevel(key, "expected [[\(key)]] tables")
      return []
    }
    if let most = ProgramLimits.tables[key], a.count > most {
      topLevel(key, "\(a.count) [[\(key)]] tables: a program declares at most \(most)")
      a = Array(a.prefix(most))
    }
    var result: [TOMLTable] = []
    for (i, item) in a.enumerated() {
      if let t = item.table {
        result.append(t)
      } else {
        topLevel(key, "item \(i + 1): expected a table")
      }
    }
    return result
  }

  /// A weight is 0 to 1e6 (NumberLimits.weight): relative, so no program needs more.
  func checkWeight(_ f: inout TOMLFields, _ key: String, _ w: Double) {
    if w < 0 {
      f.issue(key, "must be >= 0, found \(w)")
    } else if w > NumberLimits.weight.upperBound {
      f.issue(key, "must be at most 1e6 (weights are relative), found \(w)")
    }
  }

  mutating func checkID(_ f: inout TOMLFields, _ id: String?, seen: inout Set<String>) {
    guard let id else { return }
    f.label += " \"\(Sanitizer.quoted(id))\""
    if !ProgramParser.idPattern(id) {
      f.issue("id", "must match [a-z0-9_]+, found \"\(Sanitizer.quoted(id))\"")
    } else if !seen.insert(id).inserted {
      f.issue("id", "\"\(Sanitizer.quoted(id))\" is declared twice")
    }
  }

  mutating func run() -> Program? {
    for key in table.keys.sorted()
    where !["program", "segment", "kpi", "tier", "payout", "review", "badge"].contains(key) {
      topLevel(key, "unknown table (expected program, segment, kpi, tier, payout, review, badge)")
    }

    // [program]
    var name: String?
    var currency: String?
    var window: Int?
    var grace: Int? = 0
    if let t = table["program"]?.table {
      var f = fields(t, "program", nil)
      name = f.string("name")
      currency = f.string("currency")
      window = f.integer("window", in: 1...12)
      grace = f.integer("grace_periods", required: false, in: 0...8) ?? 0
      f.rejectUnknownKeys(known: ["name", "currency", "window", "grace_periods"])
      issues += f.issues
    } else {
      topLevel("program", line: 1, "missing required table [program]")
    }

    // [[segment]]
    var segments: [Segment] = []
    var segmentIDs = Set<String>()
    let segmentTables = tables("segment")
    if segmentTables.isEmpty { topLevel("segment", line: 1, "declare at least one [[segment]]") }
    for (i, t) in segmentTables.enumerated() {
      var f = fields(t, "segment", i)
      let id = f.string("id")
      checkID(&f, id, seen: &segmentIDs)
      let sname = f.string("name")
      f.rejectUnknownKeys(known: ["id", "name"])
      issues += f.issues
      if let id, let sname { segments.append(Segment(id: id, name: sname)) }
    }

    // [[kpi]]
    var kpis: [KPI] = []
    var kpiIDs = Set<String>()
    let kpiTables = tables("kpi")
    if kpiTables.isEmpty { topLevel("kpi", line: 1, "declare at least one [[kpi]]") }
    for (i, t) in kpiTables.enumerated() {
      var f = fields(t, "kpi", i)
      if let kpi = parseKPI(&f, seen: &kpiIDs, segments: segmentIDs) { kpis.append(kpi) }
      issues += f.issues
    }
    checkSegmentWeights(kpis: kpis, segments: segments, complete: kpis.count == kpiTables.count)

    // [[tier]]
    var tiers: [Tier] = []
    var tierIDs = Set<String>()
    let tierTables = tables("tier")
    if tierTables.isEmpty { topLevel("tier", line: 1, "declare at least one [[tier]]") }
    var previousMin: Double?
    for (i, t) in tierTables.enumerated() {
      var f = fields(t, "tier", i)
      let id = f.string("id")
      checkID(&f, id, seen: &tierIDs)
      let tname = f.string("name")
      let minScore = f.number("min_score")
      var requirements: [Requirement] = []
      if let req = f.numberTable("require") {
        if i == 0 && !req.isEmpty { f.issue("require", "the first tier cannot have requirements") }
        for (kpi, value) in req {
          if !kpiIDs.contains(kpi) {
            f.issue("require.\(kpi)", "names KPI \"\(Sanitizer.quoted(kpi))\", which is not declared")
          }
          requirements.append(Requirement(kpi: kpi, value: value))
        }
      }
      let benefits = f.stringArray("benefits") ?? []
      if let minScore {
        if !(0...100).contains(minScore) {
          f.issue("min_score", "must be from 0 to 100, found \(minScore)")
        } else if i == 0 && minScore != 0 {
          f.issue("min_score", "the first tier must have min_score = 0, found \(minScore)")
        } else if let previousMin, minScore <= previousMin {
          f.issue("min_score", "must be greater than the previous tier's \(previousMin), found \(minScore)")
        }
        previousMin = minScore
      }
      f.rejectUnknownKeys(known: ["id", "name", "min_score", "require", "benefits"])
      issues += f.issues
      if let id, let tname, let minScore {
        tiers.append(
          Tier(id: id, name: tname, minScore: minScore, requirements: requirements, benefits: benefits))
      }
    }

    // [payout]
    var schedule: PayoutSchedule?
    if let t = table["payout"]?.table {
      var f = fields(t, "payout", nil)
      if let a = f.array("schedule") {
        var points: [PayoutSchedule.Point] = []
        if a.count > ProgramLimits.schedulePoints {
          f.issue("schedule", "\(a.count) points: a schedule has at most \(ProgramLimits.schedulePoints)")
        }
        for (i, item) in a.prefix(ProgramLimits.schedulePoints).enumerated() {
          guard let pair = item.array, pair.count == 2,
            let r = f.number(pair[0], key: "schedule[\(i + 1)][1]"),
            let s = f.number(pair[1], key: "schedule[\(i + 1)][2]")
          else {
            if item.array?.count != 2 {
              f.issue("schedule", "point \(i + 1): expected a pair [r, share]")
            }
            continue
          }
          if s < 0 { f.issue("schedule", "point \(i + 1): share must be >= 0, found \(s)") }
          if s > NumberLimits.share.upperBound {
            f.issue(
              "schedule", "point \(i + 1): share must be at most 100 (100 times the max payout), found \(s)")
          }
          if let last = points.last, r <= last.r {
            f.issue("schedule", "point \(i + 1): r values must be strictly increasing (\(r) after \(last.r))")
          }
          points.append(.init(r: r, share: s))
        }
        if a.isEmpty { f.issue("schedule", "needs at least one [r, share] point") }
        schedule = PayoutSchedule(points: points)
      }
      f.rejectUnknownKeys(known: ["schedule"])
      issues += f.issues
    } else {
      topLevel("payout", line: 1, "missing required table [payout] with a schedule")
    }

    // [review], optional: the fairness review's margin in points (> 0).
    var margin = Program.defaultFairnessMargin
    if let t = table["review"]?.table {
      var f = fields(t, "review", nil)
      if let m = f.number("fairness_margin", required: false) {
        if m > 0 && m <= 100 {
          margin = m
        } else {
          f.issue("fairness_margin", "expected a number of points above 0 and at most 100, found \(m)")
        }
      }
      f.rejectUnknownKeys(known: ["fairness_margin"])
      issues += f.issues
    }

    // [[badge]], optional (SPEC section 15).
    var badges: [Badge] = []
    var badgeIDs = Set<String>()
    for (i, t) in tables("badge").enumerated() {
      var f = fields(t, "badge", i)
      let id = f.string("id")
      checkID(&f, id, seen: &badgeIDs)
      let bname = f.string("name")
      var rule: Badge.Rule?
      switch f.choice("rule", BadgeRuleName.self) {
      case .top?:
        let percent = f.number("percent")
        if let p = percent, !(p > 0 && p <= 100) {
          f.issue("percent", "expected a number above 0 and at most 100, found \(p)")
        }
        var scope = Badge.Scope.program
        if t["scope"] != nil, let s = f.choice("scope", Badge.Scope.self) { scope = s }
        if let p = percent, p > 0 && p <= 100 { rule = .top(percent: p, scope: scope) }
        f.rejectUnknownKeys(known: ["id", "name", "rule", "percent", "scope"])
      case .improving?:
        let kpi = f.string("kpi")
        if let k = kpi, !kpiIDs.contains(k) {
          f.issue("kpi", "names KPI \"\(Sanitizer.quoted(k))\", which is not declared")
        }
        let quarters = f.integer("quarters", in: 1...12)
        if let k = kpi, kpiIDs.contains(k), let q = quarters { rule = .improving(kpi: k, quarters: q) }
        f.rejectUnknownKeys(known: ["id", "name", "rule", "kpi", "quarters"])
      case .promoted?:
        rule = .promoted
        f.rejectUnknownKeys(known: ["id", "name", "rule"])
      case nil:
        f.rejectUnknownKeys(known: ["id", "name", "rule", "percent", "scope", "kpi", "quarters"])
      }
      issues += f.issues
      if let id, let bname, let rule { badges.append(Badge(id: id, name: bname, rule: rule)) }
    }

    guard let name, let currency, let window, let grace, let schedule else { return nil }
    return Program(
      name: name, currency: currency, window: window, gracePeriods: grace, segments: segments,
      kpis: kpis, tiers: tiers, payout: schedule, fairnessMargin: margin, badges: badges)
  }

  mutating func parseKPI(_ f: inout TOMLFields, seen: inout Set<String>, segments: Set<String>)
    -> KPI?
  {
    let id = f.string("id")
    checkID(&f, id, seen: &seen)
    let name = f.string("name")
    let category = f.choice("category", KPICategory.self)
    let indicator = f.choice("indicator", Indicator.self)
    let unit = f.choice("unit", KPIUnit.self)
    let aggregate = f.choice("aggregate", Aggregate.self)
    let basisName = f.string("basis")
    let weight = f.number("weight")
    if let weight { checkWeight(&f, "weight", weight) }
    var weights: [String: Double] = [:]
    for (s, w) in f.numberTable("weights") ?? [] {
      if !segments.contains(s) {
        f.issue("weights.\(s)", "segment \"\(Sanitizer.quoted(s))\" is not declared")
      }
      checkWeight(&f, "weights.\(s)", w)
      weights[s] = w
    }

    var basis: Basis?
    var known = [
      "id", "name", "category", "indicator", "unit", "aggregate", "basis", "weight", "weights",
    ]
    switch basisName {
    case "absolute":
      known += ["target", "threshold", "targets", "thresholds"]
      let target = f.number("target")
      let threshold = f.number("threshold", required: false) ?? 0
      var targets: [String: Double] = [:]
      var thresholds: [String: Double] = [:]
      for (s, v) in f.numberTable("targets") ?? [] {
        if !segments.contains(s) {
          f.issue("targets.\(s)", "segment \"\(Sanitizer.quoted(s))\" is not declared")
        }
        targets[s] = v
      }
      for (s, v) in f.numberTable("thresholds") ?? [] {
        if !segments.contains(s) {
          f.issue("thresholds.\(s)", "segment \"\(Sanitizer.quoted(s))\" is not declared")
        }
        thresholds[s] = v
      }
      if let target {
        if target == threshold {
          f.issue("target", "equals the threshold (\(target)): no credit range")
        } else {
          let lowerIsBetter = threshold > target
          for s in segments.sorted() where targets[s] != nil || thresholds[s] != nil {
            let t = targets[s] ?? target
            let th = thresholds[s] ?? threshold
            let key = targets[s] != nil ? "targets.\(s)" : "thresholds.\(s)"
            if t == th {
              f.issue(
                key, "segment \"\(Sanitizer.quoted(s))\": effective target equals effective threshold (\(t))")
            } else if (th > t) != lowerIsBetter {
              f.issue(
                key,
                "segment \"\(Sanitizer.quoted(s))\": target \(t) and threshold \(th) make \(th > t ? "lower" : "higher") better, but the KPI's own target and threshold make \(lowerIsBetter ? "lower" : "higher") better"
              )
            }
          }
        }
        basis = .absolute(
          target: target, threshold: threshold, targets: targets, thresholds: thresholds)
      }
    case "improvement":
      known += ["target_improvement", "direction"]
      for key in ["targets", "thresholds", "target", "threshold"] where f.table[key] != nil {
        f.allow(key)
        f.issue(key, "not allowed on an improvement KPI (it is scored against its own baseline)")
      }
      let ti = f.number("target_improvement")
      if let ti, ti <= 0 { f.issue("target_improvement", "must be > 0, found \(ti)") }
      let direction = f.choice("direction", Direction.self)
      if let ti, let direction { basis = .improvement(targetImprovement: ti, direction: direction) }
    case nil:
      break
    case let other?:
      f.issue("basis", "expected one of absolute | improvement, found \"\(Sanitizer.quoted(other))\"")
    }
    if basisName == "absolute" && f.table["direction"] != nil {
      f.allow("direction")
      f.issue(
        "direction",
        "not allowed on an absolute KPI: lower is better when threshold > target")
    }
    f.rejectUnknownKeys(known: known)
    guard let id, let name, let category, let indicator, let unit, let aggregate, let basis,
      let weight
    else { return nil }
    return KPI(
      id: id, name: name, category: category, indicator: indicator, unit: unit,
      aggregate: aggregate, basis: basis, weight: weight, weights: weights)
  }

  mutating func checkSegmentWeights(kpis: [KPI], segments: [Segment], complete: Bool) {
    guard complete, !kpis.isEmpty else { return }
    for (i, s) in segments.enumerated() {
      if kpis.allSatisfy({ $0.rawWeight(for: s.id) == 0 }) {
        issues.append(
          DataIssue(
            file: file, line: locator.line(table: "segment", index: i),
            key: "segment[\(i + 1)] \"\(Sanitizer.quoted(s.id))\"",
            message: "every KPI weighs 0 for this segment: its partners could score nothing"))
      }
    }
  }
}

/// The rules a `[[badge]]` may name (SPEC section 15).
enum BadgeRuleName: String, CaseIterable { case top, improving, promoted }
