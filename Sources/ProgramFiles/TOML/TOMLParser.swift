/// A TOML 1.0 parser in Swift, written for partnerboard's program files.
///
/// It replaced a C++ parser that aborted (and, built for release, ran into
/// undefined behaviour) on some malformed files the fuzz test found, such as
/// `schedule = [[0.0,}]`. Every malformed input is a `TOMLError` with a line
/// and column; nesting is bounded, so no input can exhaust the stack.
public struct TOMLParser {
  public static func parse(_ text: String) throws -> TOMLTable {
    var p = TOMLParser(Array(text.utf8))
    return try p.document()
  }

  static let maxDepth = 64

  private let b: [UInt8]
  private var i = 0
  private var line = 1
  private var lineStart = 0

  private init(_ bytes: [UInt8]) { b = bytes }

  // MARK: - Tables under construction

  /// A table being built: where its keys came from decides what may still
  /// be added to it (TOML's rules on defining a table twice).
  private final class Node {
    enum Entry {
      case value(TOMLValue)
      case table(Node)
      case tables([Node])
    }
    var keys: [String] = []
    var entries: [String: Entry] = [:]
    /// Defined by a `[header]` of its own.
    var byHeader = false
    /// Created by a dotted key (`a.b = 1` creates and defines `a`).
    var byDottedKey = false

    func set(_ key: String, _ entry: Entry) {
      if entries.updateValue(entry, forKey: key) == nil { keys.append(key) }
    }

    func value() -> TOMLTable {
      var t = TOMLTable()
      for k in keys {
        switch entries[k]! {
        case .value(let v): t.set(k, v)
        case .table(let n): t.set(k, .table(n.value()))
        case .tables(let ns): t.set(k, .array(ns.map { .table($0.value()) }))
        }
      }
      return t
    }
  }

  // MARK: - Document

  private mutating func document() throws -> TOMLTable {
    let root = Node()
    var current = root
    // How deep the current [header] is: keys and values below it add to it.
    var currentDepth = 0
    while true {
      skipBlank()
      guard let c = peek() else { break }
      switch c {
      case ascii("\n"), ascii("\r"):
        try newline()
        continue
      case ascii("#"):
        try comment()
        continue
      case ascii("["):
        (current, currentDepth) = try header(root)
      default:
        let (column, key) = (col, try keyPath(base: currentDepth))
        skipBlank()
        try expect(ascii("="), "expected = after the key")
        skipBlank()
        let v = try value(depth: currentDepth + key.count)
        try assign(key, v, in: current, column: column)
      }
      try endOfLine()
    }
    return root.value()
  }

  private mutating func header(_ root: Node) throws -> (Node, Int) {
    let column = col
    i += 1
    let isArray = peek() == ascii("[")
    if isArray { i += 1 }
    skipBlank()
    let path = try keyPath(base: 0)
    skipBlank()
    try expect(
      ascii("]"),
      isArray ? "expected ]] to close the [[table]] header" : "expected ] to close the [table] header")
    if isArray { try expect(ascii("]"), "expected ]] to close the [[table]] header") }
    var node = root
    for (n, k) in path.dropLast().enumerated() {
      node = try descend(node, k, path: path.prefix(n + 1), column: column, creating: false)
    }
    let last = path.last!
    let name = path.joined(separator: ".")
    switch node.entries[last] {
    case nil:
      let fresh = Node()
      fresh.byHeader = true
      node.set(last, isArray ? .tables([fresh]) : .table(fresh))
      return (fresh, path.count)
    case .table(let existing)?:
      if isArray { throw error("[[\(name)]] names a table defined before as [\(name)]", column) }
      if existing.byHeader || existing.byDottedKey { throw error("table [\(name)] is defined twice", column) }
      existing.byHeader = true
      return (existing, path.count)
    case .tables(var list)?:
      if !isArray { throw error("[\(name)] names an array of tables defined before as [[\(name)]]", column) }
      let fresh = Node()
      fresh.byHeader = true
      list.append(fresh)
      node.set(last, .tables(list))
      return (fresh, path.count)
    case .value?:
      throw error("[\(name)] names a key that already holds a value", column)
    }
  }

  /// The table at `key` under `node`, created (implicitly) when missing.
  private func descend(
    _ node: Node, _ key: String, path: ArraySlice<String>, column: Int, creating dotted: Bool
  ) throws -> Node {
    switch node.entries[key] {
    case nil:
      let fresh = Node()
      fresh.byDottedKey = dotted
      node.set(key, .table(fresh))
      return fresh
    case .table(let t)?:
      if dotted && t.byHeader {
        throw error("\(path.joined(separator: ".")) was defined by a [header]: add keys there", column)
      }
      return t
    case .tables(let list)?:
      if dotted { throw error("\(path.joined(separator: ".")) is an array of tables", column) }
      return list.last!
    case .value?:
      throw error("\(path.joined(separator: ".")) already holds a value, not a table", column)
    }
  }

  private func assign(_ key: [String], _ v: TOMLValue, in table: Node, column: Int) throws {
    var node = table
    for (n, k) in key.dropLast().enumerated() {
      node = try descend(node, k, path: key.prefix(n + 1), column: column, creating: true)
    }
    guard node.entries[key.last!] == nil else {
      throw error("key \(key.joined(separator: ".")) is defined twice", column)
    }
    node.set(key.last!, .value(v))
  }

  // MARK: - Keys

  /// A dotted key; `base`: how deep the table it is in lies already. Keys,
  /// headers and values together nest at most `maxDepth` deep, so no file
  /// (40,000 dotted segments, say) can exhaust the stack later.
  private mutating func keyPath(base: Int) throws -> [String] {
    var parts = [try simpleKey()]
    while true {
      guard base + parts.count < Self.maxDepth else {
        throw error("keys and tables nested more than \(Self.maxDepth) deep")
      }
      let save = (i, line, lineStart)
      skipBlank()
      guard peek() == ascii(".") else {
        (i, line, lineStart) = save
        return parts
      }
      i += 1
      skipBlank()
      parts.append(try simpleKey())
    }
  }

  private mutating func simpleKey() throws -> String {
    guard let c = peek() else { throw error("expected a key, found the end of the file") }
    if c == ascii("\"") { return try basicString() }
    if c == ascii("'") { return try literalString() }
    let start = i
    while let c = peek(), isBareKeyByte(c) { i += 1 }
    guard i > start else {
      throw error("expected a key (letters, digits, _ or -, or a quoted key), found \(shown(c))")
    }
    return String(decoding: b[start..<i], as: UTF8.self)
  }

  private func isBareKeyByte(_ c: UInt8) -> Bool {
    (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x5F || c == 0x2D
  }

  // MARK: - Values

  private mutating func value(depth: Int) throws -> TOMLValue {
    guard depth < Self.maxDepth else { throw error("values nested more than \(Self.maxDepth) deep") }
    guard let c = peek() else { throw error("expected a value, found the end of the file") }
    switch c {
    case ascii("\""):
      return .string(startsWith("\"\"\"") ? try multilineBasicString() : try basicString())
    case ascii("'"):
      return .string(startsWith("'''") ? try multilineLiteralString() : try literalString())
    case ascii("["): return try array(depth: depth)
    case ascii("{"): return try inlineTable(depth: depth)
    default: return try scalar()
    }
  }

  private mutating func array(depth: Int) throws -> TOMLValue {
    i += 1
    var items: [TOMLValue] = []
    while true {
      try skipBlankLinesAndComments()
      if peek() == ascii("]") {
        i += 1
        return .array(items)
      }
      items.append(try value(depth: depth + 1))
      try skipBlankLinesAndComments()
      guard let c = peek() else { throw error("expected , or ] in the array, found the end of the file") }
      if c == ascii(",") {
        i += 1
      } else if c == ascii("]") {
        i += 1
        return .array(items)
      } else {
        throw error("expected , or ] in the array, found \(shown(c))")
      }
    }
  }

  private mutating func inlineTable(depth: Int) throws -> TOMLValue {
    i += 1
    let node = Node()
    skipBlank()
    if peek() == ascii("}") {
      i += 1
      return .table(node.value())
    }
    while true {
      skipBlank()
      let column = col
      let key = try keyPath(base: depth + 1)
      skipBlank()
      try expect(ascii("="), "expected = after the key")
      skipBlank()
      let v = try value(depth: depth + key.count)
      try assign(key, v, in: node, column: column)
      skipBlank()
      guard let c = peek() else {
        throw error("expected , or } in the inline table, found the end of the file")
      }
      if c == ascii(",") {
        i += 1
        skipBlank()
        if peek() == ascii("}") { throw error("an inline table may not end with a comma") }
      } else if c == ascii("}") {
        i += 1
        return .table(node.value())
      } else {
        throw error("expected , or } in the inline table (on one line), found \(shown(c))")
      }
    }
  }

  /// Numbers, booleans, dates and times.
  private mutating func scalar() throws -> TOMLValue {
    let column = col
    let start = i
    while let c = peek(), isScalarByte(c) { i += 1 }
    // A date and a time may be separated by one space: 1979-05-27 07:32:00.
    if i - start == 10, peek() == ascii(" "), i + 1 < b.count, isDigit(b[i + 1]), b[start + 4] == ascii("-") {
      i += 1
      while let c = peek(), isScalarByte(c) { i += 1 }
    }
    let token = String(decoding: b[start..<i], as: UTF8.self)
    guard !token.isEmpty else {
      throw error(
        "expected a value (a string, number, boolean, array or table), found \(shown(peek()!))", column)
    }
    if token == "true" { return .boolean(true) }
    if token == "false" { return .boolean(false) }
    if let v = TOMLNumbers.parse(token) { return v }
    if TOMLNumbers.isDateTime(token) { return .datetime(token) }
    throw error(
      "expected a value, found \(token.count > 40 ? String(token.prefix(40)) + "…" : token)", column)
  }

  private func isScalarByte(_ c: UInt8) -> Bool {
    isBareKeyByte(c) || c == ascii("+") || c == ascii(".") || c == ascii(":")
  }

  // MARK: - Strings

  private mutating func basicString() throws -> String {
    try string(quote: "\"", escapes: true, multiline: false)
  }
  private mutating func literalString() throws -> String {
    try string(quote: "'", escapes: false, multiline: false)
  }
  private mutating func multilineBasicString() throws -> String {
    try string(quote: "\"", escapes: true, multiline: true)
  }
  private mutating func multilineLiteralString() throws -> String {
    try string(quote: "'", escapes: false, multiline: true)
  }

  /// The four kinds of string: basic (`"`, with escapes) or literal (`'`),
  /// on one line or multi-line (three quotes).
  private mutating func string(quote q: Unicode.Scalar, escapes: Bool, multiline: Bool) throws -> String {
    let column = col
    let quote = ascii(q)
    if multiline { openMultiline() } else { i += 1 }
    var out: [UInt8] = []
    while true {
      guard let c = peek() else {
        throw error(multiline ? "multi-line string is not closed" : "string is not closed", column)
      }
      if c == quote {
        if !multiline {
          i += 1
          return String(decoding: out, as: UTF8.self)
        }
        if try closeMultiline(quote, into: &out) { return String(decoding: out, as: UTF8.self) }
      }
      if c == ascii("\n") || c == ascii("\r") {
        guard multiline else { throw error("string is not closed on its line", column) }
        try newline()
        out.append(ascii("\n"))
        continue
      }
      if escapes && c == ascii("\\") {
        if multiline && lineEndingBackslash() { continue }
        try escape(into: &out)
        continue
      }
      try checkText(c)
      out.append(c)
      i += 1
    }
  }

  /// After `"""` or `'''`: a line break right after the opening is not part of the text.
  private mutating func openMultiline() {
    i += 3
    if peek() == ascii("\n") {
      i += 1
      nextLine()
    } else if startsWith("\r\n") {
      i += 2
      nextLine()
    }
  }

  /// At a quote: true (and past it) when three or more close the string; up
  /// to two more belong to the text.
  private mutating func closeMultiline(_ quote: UInt8, into out: inout [UInt8]) throws -> Bool {
    var n = 0
    while i + n < b.count && b[i + n] == quote { n += 1 }
    guard n >= 3 else { return false }
    guard n <= 5 else { throw error("too many quotes at the end of a multi-line string") }
    out += Array(repeating: quote, count: n - 3)
    i += n
    return true
  }

  /// In a multi-line basic string, a backslash at the end of a line joins it
  /// with the next non-blank text: true (and past the blanks) when it is one.
  private mutating func lineEndingBackslash() -> Bool {
    var j = i + 1
    while j < b.count && (b[j] == ascii(" ") || b[j] == ascii("\t")) { j += 1 }
    guard j < b.count,
      b[j] == ascii("\n") || (b[j] == ascii("\r") && j + 1 < b.count && b[j + 1] == ascii("\n"))
    else { return false }
    i = j
    while let d = peek(), d == ascii(" ") || d == ascii("\t") || d == ascii("\n") || d == ascii("\r") {
      if d == ascii("\n") || d == ascii("\r") { try? newline() } else { i += 1 }
    }
    return true
  }

  private mutating func escape(into out: inout [UInt8]) throws {
    let column = col
    i += 1
    guard let c = peek() else { throw error("string is not closed", column) }
    i += 1
    switch c {
    case ascii("b"): out.append(0x08)
    case ascii("t"): out.append(0x09)
    case ascii("n"): out.append(0x0A)
    case ascii("f"): out.append(0x0C)
    case ascii("r"): out.append(0x0D)
    case ascii("\""): out.append(ascii("\""))
    case ascii("\\"): out.append(ascii("\\"))
    case ascii("u"), ascii("U"):
      let n = c == ascii("u") ? 4 : 8
      guard i + n <= b.count, let code = UInt32(String(decoding: b[i..<i + n], as: UTF8.self), radix: 16),
        let scalar = Unicode.Scalar(code)
      else {
        throw error(
          "\\\(Character(Unicode.Scalar(c))) needs \(n) hex digits naming a Unicode character", column)
      }
      i += n
      out += Array(String(Character(scalar)).utf8)
    default:
      throw error("unknown escape \\\(shown(c)) (use \\\\ for a backslash)", column)
    }
  }

  /// Control characters other than tab may not stand raw in a string or comment.
  private func checkText(_ c: UInt8) throws {
    if (c < 0x20 && c != 0x09) || c == 0x7F {
      throw error(
        "control character U+00\(String(c, radix: 16, uppercase: true)) in the text: write it as an escape")
    }
  }

  // MARK: - Layout

  private func peek() -> UInt8? { i < b.count ? b[i] : nil }
  private var col: Int { i - lineStart + 1 }
  private func ascii(_ s: Unicode.Scalar) -> UInt8 { UInt8(s.value) }
  private func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

  private func startsWith(_ s: String) -> Bool {
    let u = Array(s.utf8)
    return i + u.count <= b.count && Array(b[i..<i + u.count]) == u
  }

  private mutating func skipBlank() {
    while let c = peek(), c == 0x20 || c == 0x09 { i += 1 }
  }

  private mutating func nextLine() {
    line += 1
    lineStart = i
  }

  private mutating func newline() throws {
    if peek() == ascii("\r") {
      guard i + 1 < b.count, b[i + 1] == ascii("\n") else {
        throw error("a carriage return must be followed by a line feed")
      }
      i += 1
    }
    i += 1
    nextLine()
  }

  private mutating func comment() throws {
    i += 1
    while let c = peek(), c != ascii("\n"), c != ascii("\r") {
      try checkText(c)
      i += 1
    }
  }

  private mutating func skipBlankLinesAndComments() throws {
    while true {
      skipBlank()
      guard let c = peek() else { return }
      if c == ascii("#") {
        try comment()
      } else if c == ascii("\n") || c == ascii("\r") {
        try newline()
      } else {
        return
      }
    }
  }

  /// After a key/value pair or a header: only blanks and a comment on the line.
  private mutating func endOfLine() throws {
    skipBlank()
    if peek() == ascii("#") { try comment() }
    guard let c = peek() else { return }
    guard c == ascii("\n") || c == ascii("\r") else {
      throw error("expected the end of the line, found \(shown(c))")
    }
    try newline()
  }

  private mutating func expect(_ c: UInt8, _ message: String) throws {
    guard peek() == c else {
      throw error(message + (peek().map { ", found \(shown($0))" } ?? ", found the end of the file"))
    }
    i += 1
  }

  private func shown(_ c: UInt8) -> String {
    if c == 0x0A || c == 0x0D { return "the end of the line" }
    if c < 0x20 || c >= 0x7F { return "byte 0x\(String(c, radix: 16, uppercase: true))" }
    return "\"\(Character(Unicode.Scalar(c)))\""
  }

  private func error(_ message: String, _ column: Int? = nil) -> TOMLError {
    TOMLError(line: line, column: column ?? col, message: message)
  }
}
