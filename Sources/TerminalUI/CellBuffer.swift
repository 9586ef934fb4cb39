import TextLayout

/// A width x height grid of cells that widgets draw into. Wide characters
/// take two cells; writes never leave half of one behind.
public struct CellBuffer: Sendable, Equatable {
  public let width: Int
  public let height: Int
  public private(set) var cells: [Cell]

  public init(width: Int, height: Int, fill: Cell = .blank) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: fill, count: self.width * self.height)
  }

  /// The whole buffer as a rectangle.
  public var area: Rect { Rect(width: width, height: height) }

  public func contains(x: Int, y: Int) -> Bool {
    x >= 0 && y >= 0 && x < width && y < height
  }

  /// The cell at (x, y); reading outside gives a blank cell, writing
  /// outside is ignored.
  public subscript(x: Int, y: Int) -> Cell {
    get { contains(x: x, y: y) ? cells[y * width + x] : .blank }
    set { set(newValue, x: x, y: y) }
  }

  /// Fills `rect` (clipped to the buffer) with `character`.
  public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain) {
    let r = rect.intersection(area)
    guard !r.isEmpty else { return }
    let w = TextWidth.of(character)
    for yy in r.y..<r.maxY {
      if w == 2 {
        var xx = r.x
        while xx + 1 < r.maxX {
          putCharacter(character, width: 2, x: xx, y: yy, style: style)
          xx += 2
        }
        if xx < r.maxX { set(Cell(" ", style: style), x: xx, y: yy) }
      } else {
        for xx in r.x..<r.maxX { set(Cell(w == 0 ? " " : character, style: style), x: xx, y: yy) }
      }
    }
  }

  /// Writes `string` from (x, y) rightwards, clipped to the buffer and to
  /// `maxWidth` columns. A wide character that would cross the limit is
  /// replaced by a space; lone combining characters are dropped; control
  /// and bidi characters show as `Sanitizer.placeholder`. Returns the
  /// column after the last one written.
  @discardableResult
  public mutating func put(
    _ string: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil
  ) -> Int {
    let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
    var col = x
    guard y >= 0, y < height else { return col }
    for var ch in string {
      if col >= limit { break }
      if ch.unicodeScalars.contains(where: Sanitizer.isUnsafe) { ch = Character(Sanitizer.placeholder) }
      let w = TextWidth.of(ch)
      if w == 0 { continue }
      if col + w > limit {
        // Half a wide character would show: pad instead.
        if col >= 0 { set(Cell(" ", style: style), x: col, y: y) }
        col += 1
        break
      }
      if col < 0 {
        if col + w > 0 { set(Cell(" ", style: style), x: 0, y: y) }  // right half at column 0
      } else {
        putCharacter(ch, width: w, x: col, y: y, style: style)
      }
      col += w
    }
    return col
  }

  /// Writes styled runs one after another; returns the column after them.
  @discardableResult
  public mutating func put(_ runs: [StyledText], x: Int, y: Int, maxWidth: Int? = nil) -> Int {
    let limit = maxWidth.map { x + max(0, $0) }
    var col = x
    for run in runs {
      let room = limit.map { $0 - col }
      if let room, room <= 0 { break }
      col = put(run.text, x: col, y: y, style: run.style, maxWidth: room)
    }
    return col
  }

  /// Sets the style of every cell in `rect`, keeping the characters.
  public mutating func setStyle(_ style: Style, in rect: Rect) {
    let r = rect.intersection(area)
    guard !r.isEmpty else { return }
    for yy in r.y..<r.maxY {
      for xx in r.x..<r.maxX { cells[yy * width + xx].style = style }
    }
  }

  /// Lays `style` over the cells of `rect` (see `Style.patched(with:)`).
  public mutating func patchStyle(_ style: Style, in rect: Rect) {
    let r = rect.intersection(area)
    guard !r.isEmpty else { return }
    for yy in r.y..<r.maxY {
      for xx in r.x..<r.maxX {
        cells[yy * width + xx].style = cells[yy * width + xx].style.patched(with: style)
      }
    }
  }

  /// Each row as plain text: continuation cells skipped, trailing spaces
  /// trimmed.
  public func lines() -> [String] {
    (0..<height).map { yy in
      var s = ""
      for xx in 0..<width {
        let c = cells[yy * width + xx]
        if !c.isContinuation { s.append(c.character) }
      }
      while s.last == " " { s.removeLast() }
      return s
    }
  }

  // MARK: - Wide-character bookkeeping

  private mutating func putCharacter(_ ch: Character, width w: Int, x: Int, y: Int, style: Style) {
    set(Cell(ch, style: style), x: x, y: y)
    if w == 2, x + 1 < width { set(.continuation(style), x: x + 1, y: y) }
  }

  /// Stores a cell, blanking the other half of any wide character it cuts.
  private mutating func set(_ cell: Cell, x: Int, y: Int) {
    guard contains(x: x, y: y) else { return }
    let i = y * width + x
    let old = cells[i]
    if old.isContinuation && !cell.isContinuation && x > 0 {
      // Overwriting the right half: the left half must go.
      cells[i - 1] = Cell(" ", style: cells[i - 1].style)
    }
    if !old.isContinuation && x + 1 < width && cells[i + 1].isContinuation {
      // Overwriting the left half: its continuation becomes a space.
      cells[i + 1] = Cell(" ", style: cells[i + 1].style)
    }
    cells[i] = cell
  }
}
