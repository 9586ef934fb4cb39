/// Finds the line of a key in a TOML document's text, so that validation
/// errors on values (the parser gives positions of syntax errors only) can still name a line.
/// It understands the layout program files use: `[table]` and
/// `[[array-of-tables]]` headers followed by `key = value` lines.
struct TOMLLocator {
  private struct Entry {
    let table: String
    let index: Int
    let key: String
    let line: Int
  }
  private var entries: [Entry] = []
  private var headers: [String: [Int]] = [:]

  init(text: String) {
    var table = ""
    var counts: [String: Int] = [:]
    var lineNumber = 0
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      let line = raw.drop { $0 == " " || $0 == "\t" }
      if line.hasPrefix("[[") {
        let name = String(line.dropFirst(2).prefix { $0 != "]" }).trimmingSpaces()
        table = name
        counts[name, default: -1] += 1
        headers[name, default: []].append(lineNumber)
      } else if line.hasPrefix("[") {
        let name = String(line.dropFirst().prefix { $0 != "]" }).trimmingSpaces()
        table = name
        counts[name] = 0
        headers[name, default: []].append(lineNumber)
      } else if let eq = line.firstIndex(of: "="), !line.hasPrefix("#") {
        var key = String(line[..<eq]).trimmingSpaces()
        if key.hasPrefix("\"") && key.hasSuffix("\"") && key.count >= 2 {
          key = String(key.dropFirst().dropLast())
        }
        entries.append(Entry(table: table, index: counts[table] ?? 0, key: key, line: lineNumber))
      }
    }
  }

  /// The line of `key` in the `index`-th `[table]`/`[[table]]`; without a
  /// key, the header's line.
  func line(table: String, index: Int = 0, key: String? = nil) -> Int? {
    guard let key else {
      guard let lines = headers[table], index < lines.count else { return nil }
      return lines[index]
    }
    return entries.first { $0.table == table && $0.index == index && $0.key == key }?.line
      ?? line(table: table, index: index)
  }
}

extension String {
  func trimmingSpaces() -> String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
    return String(s)
  }
}
