import TextLayout

/// A scrolling table that asks for only the rows it shows: give it a row
/// count and a row provider, and 100,000 rows cost no more than 30.
///
///     Name          Revenue
///   ▸ Northwind…     12,400     (selected row: marker + reverse video)
///     東京システム      9,900
public struct Table: Widget {
  public struct Column: Sendable {
    public var title: String
    public var width: Size
    public var alignment: Alignment

    public init(_ title: String, width: Size = .flex(1), alignment: Alignment = .left) {
      self.title = title
      self.width = width
      self.alignment = alignment
    }
  }

  public var columns: [Column]
  public var rowCount: Int
  /// The cells of row `i`, one per column; called only for visible rows.
  public var row: (Int) -> [StyledText]
  public var selected: Int?
  /// The first row shown (adjusted so that `selected` is visible).
  public var offset: Int
  /// Columns between cells.
  public var spacing: Int
  public var headerStyle: Style
  /// Laid over the selected row's cells.
  public var selectedStyle: Style
  /// A 2-column gutter holding the selection marker.
  public var showsMarker: Bool
  /// Shows `glyphs.arrowUp`/`arrowDown` after this column's title.
  public var sortColumn: Int?
  public var sortDescending: Bool

  public init(
    columns: [Column], rowCount: Int, selected: Int? = nil, offset: Int = 0, spacing: Int = 1,
    headerStyle: Style = Style(bold: true, underline: true), selectedStyle: Style = .reverse,
    showsMarker: Bool = true, sortColumn: Int? = nil, sortDescending: Bool = false,
    row: @escaping (Int) -> [StyledText]
  ) {
    self.columns = columns
    self.rowCount = rowCount
    self.row = row
    self.selected = selected
    self.offset = offset
    self.spacing = spacing
    self.headerStyle = headerStyle
    self.selectedStyle = selectedStyle
    self.showsMarker = showsMarker
    self.sortColumn = sortColumn
    self.sortDescending = sortDescending
  }

  /// Data rows that fit in `rect` (one row goes to the header).
  public static func visibleRows(in rect: Rect) -> Int { max(0, rect.height - 1) }

  /// The offset that keeps `selected` on screen, moving as little as
  /// possible from `offset`, and never scrolls past the last row.
  public static func scrollOffset(selected: Int?, offset: Int, visibleRows: Int, rowCount: Int) -> Int {
    let visible = max(1, visibleRows)
    var off = offset
    if let s = selected {
      if s < off { off = s }
      if s >= off + visible { off = s - visible + 1 }
    }
    return max(0, min(off, rowCount - visible))
  }

  /// Column widths for a table `width` cells wide.
  public func columnWidths(width: Int) -> [Int] {
    Size.resolve(columns.map(\.width), total: width - (showsMarker ? 2 : 0), spacing: spacing)
  }

  public func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    guard !rect.isEmpty else { return }
    let widths = columnWidths(width: rect.width)
    let left = rect.x + (showsMarker ? 2 : 0)
    // Header.
    buffer.fill(rect.row(0), style: headerStyle)
    var titles = columns.map { StyledText($0.title, style: headerStyle) }
    if let s = sortColumn, s >= 0, s < titles.count {
      titles[s].text += " " + String(sortDescending ? glyphs.arrowDown : glyphs.arrowUp)
    }
    drawCells(
      titles, y: rect.y, left: left, widths: widths, rect: rect, extra: nil, glyphs: glyphs, buffer: &buffer)
    // Rows.
    let visible = Table.visibleRows(in: rect)
    let first = Table.scrollOffset(
      selected: selected, offset: offset, visibleRows: visible, rowCount: rowCount)
    for i in 0..<visible {
      let index = first + i
      guard index < rowCount else { break }
      let y = rect.y + 1 + i
      let isSelected = index == selected
      if isSelected {
        buffer.fill(rect.row(1 + i), style: selectedStyle)
        if showsMarker && rect.width >= 1 {
          buffer[rect.x, y] = Cell(glyphs.marker, style: selectedStyle)
        }
      }
      drawCells(
        row(index), y: y, left: left, widths: widths, rect: rect, extra: isSelected ? selectedStyle : nil,
        glyphs: glyphs, buffer: &buffer)
    }
  }

  private func drawCells(
    _ cells: [StyledText], y: Int, left: Int, widths: [Int], rect: Rect, extra: Style?, glyphs: Glyphs,
    buffer: inout CellBuffer
  ) {
    var x = left
    for (j, column) in columns.enumerated() {
      let w = widths[j]
      if w > 0, j < cells.count, x < rect.maxX {
        let cell = cells[j]
        let fitted = TextWidth.truncate(cell.text, to: w, ellipsis: glyphs.ellipsis)
        let text = TextWidth.pad(fitted, to: w, align: column.alignment)
        let style = extra.map { cell.style.patched(with: $0) } ?? cell.style
        buffer.put(text, x: x, y: y, style: style, maxWidth: min(w, rect.maxX - x))
      }
      x += w + spacing
    }
  }
}
