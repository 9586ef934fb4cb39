import TextLayout

/// A plain-text table whose columns align by display width (accents, CJK,
/// emoji) and that fits a terminal width by shrinking its flexible column.
public struct TextTable {
  public struct Column {
    public var title: String
    public var align: Alignment
    /// The column that shrinks (with an ellipsis) to fit the width.
    public var flexible: Bool

    public init(_ title: String, align: Alignment = .left, flexible: Bool = false) {
      self.title = title
      self.align = align
      self.flexible = flexible
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
    let total = widths.reduce(0, +) + gap * max(0, columns.count - 1)
    if total > width, let flex = columns.firstIndex(where: \.flexible) {
      widths[flex] = max(TextWidth.of(columns[flex].title), widths[flex] - (total - width), 4)
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
    var lines = [line(columns.map(\.title))]
    lines += rows.map(line)
    return lines.joined(separator: "\n") + "\n"
  }
}
