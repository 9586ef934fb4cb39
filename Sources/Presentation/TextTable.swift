import TextLayout

/// A plain-text table whose columns align by display width (accents, CJK,
/// emoji) and that fits a terminal width by shrinking its flexible column.
public struct TextTable {
  public struct Column {
    public var title: String
    public var align: Alignment
    /// The column that shrinks (with an ellipsis) to fit the width.
    public var flexible: Bool
    /// A column of sentences: it shrinks first, to no less than 20
    /// columns, and its cells wrap onto more lines instead of being cut.
    public var wraps: Bool

    public init(_ title: String, align: Alignment = .left, flexible: Bool = false, wraps: Bool = false) {
      self.title = title
      self.align = align
      self.flexible = flexible
      self.wraps = wraps
    }
  }

  public var columns: [Column]
  public var rows: [[String]]

  /// Cells come from the data: each is passed through `Sanitizer.field`.
  public init(columns: [Column], rows: [[String]]) {
    self.columns = columns
    self.rows = rows.map { $0.map(Sanitizer.field) }
  }

  public func render(width: Int) -> String {
    var widths = columns.map { TextWidth.of($0.title) }
    for row in rows {
      for (i, cell) in row.enumerated() where i < widths.count {
        widths[i] = max(widths[i], TextWidth.of(cell))
      }
    }
    let gap = 2
    var total: Int { widths.reduce(0, +) + gap * max(0, columns.count - 1) }
    // Over the width: the flexible column gives up to 18 columns, then the
    // wrapping one down to 16, then the flexible one the rest.
    if total > width, let flex = columns.firstIndex(where: \.flexible), columns.contains(where: \.wraps) {
      widths[flex] = max(min(widths[flex], 18), widths[flex] - (total - width))
    }
    if total > width, let w = columns.firstIndex(where: \.wraps) {
      widths[w] = max(min(widths[w], 16), widths[w] - (total - width))
    }
    if total > width, let flex = columns.firstIndex(where: \.flexible) {
      widths[flex] = max(TextWidth.of(columns[flex].title), widths[flex] - (total - width), 4)
    }
    let wrapping = columns.firstIndex(where: \.wraps)
    func lines(_ cells: [String]) -> [String] {
      guard let w = wrapping, w < cells.count, TextWidth.of(cells[w]) > widths[w] else {
        return [line(cells)]
      }
      let parts = TextWidth.wrap(cells[w], width: widths[w])
      return parts.enumerated().map { n, part in
        var row = n == 0 ? cells : [String](repeating: "", count: cells.count)
        row[w] = part
        return line(row)
      }
    }
    func line(_ cells: [String]) -> String {
      var out = ""
      for (i, column) in columns.enumerated() {
        let cell = i < cells.count ? cells[i] : ""
        let fitted = TextWidth.of(cell) > widths[i] ? TextWidth.truncate(cell, to: widths[i]) : cell
        let isLast = i == columns.count - 1
        if isLast && column.align == .left {
          out += fitted
        } else {
          out += TextWidth.pad(fitted, to: widths[i], align: column.align)
        }
        if !isLast { out += String(repeating: " ", count: gap) }
      }
      while out.hasSuffix(" ") { out.removeLast() }
      return out
    }
    let out = [line(columns.map(\.title))] + rows.flatMap(lines)
    return out.joined(separator: "\n") + "\n"
  }
}
