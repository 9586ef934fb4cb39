import TextLayout

/// Reads the fields of one TOML table, recording an issue for every missing,
/// mistyped or unknown key. Integers are accepted wherever a number is expected.
struct TOMLFields {
  let table: TOMLTable
  /// `program`, `kpi`, `tier`, ... as in the document.
  let section: String
  let index: Int?
  /// How the issues name this table, e.g. `kpi[2] "adoption"`.
  var label: String
  let locator: TOMLLocator
  let file: String
  var issues: [DataIssue] = []
  private var seen: Set<String> = []

  init(table: TOMLTable, section: String, index: Int?, locator: TOMLLocator, file: String) {
    self.table = table
    self.section = section
    self.index = index
    self.label = index.map { "\(section)[\($0 + 1)]" } ?? section
    self.locator = locator
    self.file = file
  }

  mutating func issue(_ key: String?, _ message: String) {
    let line = locator.line(
      table: section, index: index ?? 0, key: key.map { String($0.prefix { $0 != "." }) })
    let path = key.map { "\(label).\($0)" } ?? label
    issues.append(DataIssue(file: file, line: line, key: path, message: message))
  }

  private mutating func value(_ key: String, required: Bool) -> TOMLValue? {
    seen.insert(key)
    guard let v = table[key] else {
      if required { issue(key, "missing required key") }
      return nil
    }
    return v
  }

  mutating func string(_ key: String, required: Bool = true) -> String? {
    guard let v = value(key, required: required) else { return nil }
    guard let s = v.string else {
      issue(key, "expected a string, found \(describe(v))")
      return nil
    }
    return s
  }

  mutating func number(_ key: String, required: Bool = true) -> Double? {
    guard let v = value(key, required: required) else { return nil }
    return number(v, key: key)
  }

  mutating func number(_ v: TOMLValue, key: String) -> Double? {
    switch v.type {
    case .int, .double:
      let d = v.type == .int ? Double(v.int!) : v.double!
      guard NumberLimits.magnitude.contains(d) else {
        issue(key, NumberLimits.outOfRange(String(d)))
        return nil
      }
      return d
    default:
      issue(key, "expected a number, found \(describe(v))")
      return nil
    }
  }

  mutating func integer(_ key: String, required: Bool = true, in range: ClosedRange<Int>) -> Int? {
    guard let v = value(key, required: required) else { return nil }
    guard v.type == .int, let i = v.int else {
      issue(
        key, "expected a whole number from \(range.lowerBound) to \(range.upperBound), found \(describe(v))")
      return nil
    }
    guard range.contains(i) else {
      issue(key, "must be from \(range.lowerBound) to \(range.upperBound), found \(i)")
      return nil
    }
    return i
  }

  mutating func choice<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) -> E?
  where E.RawValue == String {
    guard let s = string(key) else { return nil }
    guard let e = E(rawValue: s) else {
      let names = E.allCases.map(\.rawValue).joined(separator: " | ")
      issue(key, "expected one of \(names), found \"\(Sanitizer.quoted(s))\"")
      return nil
    }
    return e
  }

  /// An inline table of numbers keyed by id, e.g. `weights = { msp = 2 }`.
  mutating func numberTable(_ key: String) -> [(String, Double)]? {
    guard let v = value(key, required: false) else { return nil }
    guard let t = v.table else {
      issue(key, "expected a table such as { id = number }, found \(describe(v))")
      return nil
    }
    var result: [(String, Double)] = []
    for k in t.keys {
      if let n = number(t[k]!, key: "\(key).\(k)") { result.append((k, n)) }
    }
    return result
  }

  mutating func stringArray(_ key: String) -> [String]? {
    guard let v = value(key, required: false) else { return nil }
    guard let a = v.array else {
      issue(key, "expected an array of strings, found \(describe(v))")
      return nil
    }
    var result: [String] = []
    for (i, item) in a.enumerated() {
      guard let s = item.string else {
        issue(key, "item \(i + 1): expected a string, found \(describe(item))")
        continue
      }
      result.append(s)
    }
    return result
  }

  mutating func array(_ key: String, required: Bool = true) -> [TOMLValue]? {
    guard let v = value(key, required: required) else { return nil }
    guard let a = v.array else {
      issue(key, "expected an array, found \(describe(v))")
      return nil
    }
    return a
  }

  /// Marks a key as read without reading it.
  mutating func allow(_ key: String) { seen.insert(key) }

  /// Call last: every key not read is unknown.
  mutating func rejectUnknownKeys(known hint: [String]) {
    for key in table.keys.sorted() where !seen.contains(key) {
      issue(key, "unknown key (expected one of: \(hint.joined(separator: ", ")))")
    }
  }

  func describe(_ v: TOMLValue) -> String {
    switch v.type {
    case .string: "the string \"\(Sanitizer.quoted(v.string!))\""
    case .int: "the integer \(v.int!)"
    case .double: "the number \(v.double!)"
    case .bool: "the boolean \(v.bool!)"
    case .table: "a table"
    case .array: "an array"
    default: "a \(v.type)"
    }
  }
}
