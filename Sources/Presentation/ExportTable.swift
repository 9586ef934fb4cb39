import TextLayout

/// A view's rows as written to a file (`e`, `:export`, `--format csv`): one
/// header, rows of text cells, and the view's context (period, filters) for
/// the formats that can carry it. Every cell goes through the sanitiser of
/// its format.
public struct ExportTable: Sendable {
  public var header: [String]
  public var rows: [[String]]
  /// Markdown's heading and JSON's "view", e.g. "Leaderboard".
  public var title = ""
  /// (name, value) pairs: "period" "2026Q4", "segment" "msp"... Markdown
  /// lists them under the heading, JSON keeps them beside the rows. CSV has
  /// nowhere to put them (a comment line would break spreadsheets): the
  /// file name carries the period and filters instead.
  public var context: [(String, String)] = []

  public init(header: [String], rows: [[String]]) {
    self.header = header
    self.rows = rows
  }

  public func titled(_ title: String, _ context: [(String, String)]) -> ExportTable {
    var t = self
    t.title = title
    t.context = context
    return t
  }

  public func csv() -> String { CSVWriter.document(header: header, rows: rows) }

  /// A GitHub-flavoured Markdown table under a heading and the context.
  public func markdown() -> String {
    var out = "# \(Markdown.text(title))\n\n"
    for (k, v) in context { out += "- \(Markdown.text(k)): \(Markdown.text(v))\n" }
    if !context.isEmpty { out += "\n" }
    out += "| " + header.map(Markdown.text).joined(separator: " | ") + " |\n"
    out += "|" + header.map { _ in " --- |" }.joined() + "\n"
    for row in rows { out += "| " + row.map(Markdown.text).joined(separator: " | ") + " |\n" }
    return out
  }

  /// `{"view", <context>, "rows": [{header: cell}]}`: plain numbers as JSON
  /// numbers, "true"/"false" as booleans, empty cells as null.
  public func json() -> String {
    let objects: [JSON] = rows.map { row in
      .object(
        header.indices.map { i in
          let cell = i < row.count ? row[i] : ""
          return (header[i], Self.value(cell))
        })
    }
    return JSON.object(
      [("view", .string(title))] + context.map { ($0.0, JSON.string($0.1)) } + [("rows", .array(objects))]
    ).text + "\n"
  }

  static func value(_ cell: String) -> JSON {
    if cell.isEmpty { return .null }
    if cell == "true" || cell == "false" { return .bool(cell == "true") }
    if CSVWriter.isPlainNumber(cell), let d = Double(cell), d.isFinite { return .number(d) }
    return .string(cell)
  }
}

/// The formats a view exports to, by file extension.
public enum ExportFormat: String, CaseIterable, Sendable {
  case csv, md, json

  /// The format named by `path`'s extension; nil for any other.
  public init?(path: String) {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    self.init(rawValue: path[path.index(after: dot)...].lowercased())
  }

  public func render(_ table: ExportTable) -> String {
    switch self {
    case .csv: table.csv()
    case .md: table.markdown()
    case .json: table.json()
    }
  }
}
