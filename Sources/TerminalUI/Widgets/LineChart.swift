import TextLayout

/// One or more series over x (their index), with an optional horizontal
/// target line and y-axis labels. Draws on a braille canvas (2 x 4 dots per
/// cell) when the glyphs allow, one marker per cell otherwise.
///
///     120┤  ⢀⠔⠉⠢⡀
///     100┤┄┄⡜┄┄┄┄⠱┄┄   (target 100)
///      40┤⠔⠁      ⠑
public struct LineChart: Widget, Sendable {
  public struct Series: Sendable {
    public var name: String
    /// y for x = 0, 1, 2, ...; nil breaks the line.
    public var values: [Double?]
    public var style: Style

    public init(_ name: String, values: [Double?], style: Style = .plain) {
      self.name = name
      self.values = values
      self.style = style
    }
  }

  public var series: [Series]
  public var target: Double?
  public var targetStyle: Style
  /// By default the span of the values and the target.
  public var yRange: ClosedRange<Double>?
  public var axisStyle: Style
  public var showsAxis: Bool
  public var format: @Sendable (Double) -> String
  /// A shaded band between two value series (e.g. p25..p75), under the lines.
  public var band: Band?
  /// Faint horizontal lines, named on the axis ("Gold 65") where they have
  /// a row of their own: dotted cells under the data, never mistaken for a series.
  public var references: [(value: Double, label: String)] = []
  /// Under the plot, the x values' names ("2026Q4"): as many as fit with a
  /// space between, always the first and the last.
  public var xLabels: [String]?
  /// The target line's name on the axis ("Gold 65 next"; default: its value).
  public var targetLabel: String?
  /// The series that set the y scale (with the band and the target); nil:
  /// all. The others are clipped to it, and a point beyond it is marked
  /// with an arrow at the edge (▲ above, ▼ below).
  public var scaleSeries: Set<Int>?

  public struct Band: Sendable {
    public var lower: [Double?]
    public var upper: [Double?]
    public var style: Style
    public init(lower: [Double?], upper: [Double?], style: Style = .dim) {
      self.lower = lower
      self.upper = upper
      self.style = style
    }
  }

  public init(
    series: [Series], target: Double? = nil, targetStyle: Style = .dim, yRange: ClosedRange<Double>? = nil,
    axisStyle: Style = .dim, showsAxis: Bool = true,
    format: @escaping @Sendable (Double) -> String = LineChart.compact
  ) {
    self.series = series
    self.target = target
    self.targetStyle = targetStyle
    self.yRange = yRange
    self.axisStyle = axisStyle
    self.showsAxis = showsAxis
    self.format = format
  }

  /// The y span shown: `yRange`, or the data and target, widened when flat.
  public var resolvedRange: ClosedRange<Double> {
    if let yRange, yRange.upperBound > yRange.lowerBound { return yRange }
    var all = series.indices.filter { scaleSeries?.contains($0) ?? true }.flatMap {
      series[$0].values.compactMap { $0 }
    }.filter(\.isFinite)
    if let band { all += (band.lower + band.upper).compactMap { $0 }.filter(\.isFinite) }
    if let target, target.isFinite { all.append(target) }
    guard var lo = all.min(), var hi = all.max() else { return 0...1 }
    if hi == lo {
      lo -= 1
      hi += 1
    }
    return lo...hi
  }

  /// An axis label: `CompactNumber.text`.
  public static func compact(_ v: Double) -> String { CompactNumber.text(v) }

  public func render(in rect: Rect, buffer: inout CellBuffer, glyphs: Glyphs) {
    guard !rect.isEmpty else { return }
    if let xLabels, rect.height >= 3 {
      // The chart above, its x labels on the last row, under the plot's columns.
      var above = self
      above.xLabels = nil
      let plot = above.render(
        Rect(x: rect.x, y: rect.y, width: rect.width, height: rect.height - 1), &buffer, glyphs)
      Self.drawXLabels(xLabels, under: plot, y: rect.maxY - 1, buffer: &buffer, style: axisStyle)
      return
    }
    _ = render(rect, &buffer, glyphs)
  }

  /// Labels at their points' columns, skipping those that would touch the previous one.
  static func drawXLabels(
    _ labels: [String], under plot: Rect, y: Int, buffer: inout CellBuffer, style: Style
  ) {
    let n = labels.count
    guard n > 0, plot.width > 0 else { return }
    func x(_ i: Int) -> Int {
      n <= 1 ? plot.x : plot.x + Int(clampingRounded: Double(i) * Double(plot.width - 1) / Double(n - 1))
    }
    // The first label starts at its point, the last ends at its point, the others are centred on theirs.
    func start(_ i: Int) -> Int {
      let w = TextWidth.of(labels[i])
      if i == 0 { return x(i) }
      return i == n - 1 ? x(i) - w + 1 : x(i) - w / 2
    }
    var shown: [Int] = []
    let lastStart = start(n - 1)
    for i in 0..<n {
      let end = shown.last.map { start($0) + TextWidth.of(labels[$0]) } ?? Int.min
      guard start(i) > end else { continue }
      if i != n - 1 && start(i) + TextWidth.of(labels[i]) >= lastStart { continue }
      shown.append(i)
    }
    for i in shown { buffer.put(labels[i], x: start(i), y: y, style: style) }
  }

  /// Draws the chart; returns the plot's area (without the axis).
  @discardableResult
  func render(_ rect: Rect, _ buffer: inout CellBuffer, _ glyphs: Glyphs) -> Rect {
    let range = resolvedRange
    let (lo, hi) = (range.lowerBound, range.upperBound)
    let h = rect.height
    let braille = glyphs.braille
    // Row (in dots) of a value, 0 at the top.
    func dotRow(_ v: Double, dotsHigh: Int) -> Int {
      // Halves first: hi - lo may overflow to infinity when both are huge.
      let f = (hi / 2 - v / 2) / (hi / 2 - lo / 2)
      let r = Int(clampingRounded: f.clamped(to: 0...1) * Double(dotsHigh - 1))
      return min(dotsHigh - 1, max(0, r))
    }
    let dotsPerRow = braille ? 4 : 1
    let targetRow: Int? = target.flatMap { t in
      t.isFinite && t >= lo && t <= hi ? dotRow(t, dotsHigh: h * dotsPerRow) / dotsPerRow : nil
    }

    // Axis labels: the target and the references by name where they have a
    // row of their own, then the top and bottom values where still free.
    var labels: [(row: Int, text: String)] = []
    func label(_ row: Int, _ text: String) {
      if row >= 0, row < h, !labels.contains(where: { $0.row == row }) { labels.append((row, text)) }
    }
    if let t = target, let tr = targetRow { label(tr, targetLabel ?? format(t)) }
    for ref in references where ref.value.isFinite && ref.value >= lo && ref.value <= hi {
      label(dotRow(ref.value, dotsHigh: h * dotsPerRow) / dotsPerRow, ref.label)
    }
    label(0, format(hi))
    if h > 1 { label(h - 1, format(lo)) }
    let labelWidth = labels.map { TextWidth.of($0.text) }.max() ?? 0
    let axis = showsAxis && rect.width >= labelWidth + 3
    let plot =
      axis ? Rect(x: rect.x + labelWidth + 1, y: rect.y, width: rect.width - labelWidth - 1, height: h) : rect
    if axis {
      let ax = rect.x + labelWidth
      buffer.fill(Rect(x: ax, y: rect.y, width: 1, height: h), with: glyphs.vertical, style: axisStyle)
      for l in labels {
        buffer.put(
          TextWidth.pad(l.text, to: labelWidth, align: .right), x: rect.x, y: rect.y + l.row, style: axisStyle
        )
        buffer[ax, rect.y + l.row] = Cell(glyphs.teeLeft, style: axisStyle)
      }
    }
    if let band {
      // Linear interpolation of each band edge at every cell column.
      let n = min(band.lower.count, band.upper.count)
      func at(_ values: [Double?], _ i: Int, _ f: Double) -> Double? {
        guard i < n, let v0 = values[i], v0.isFinite else { return nil }
        if f == 0 { return v0 }
        guard i + 1 < n, let v1 = values[i + 1], v1.isFinite else { return nil }
        return v0 + f * (v1 - v0)
      }
      for xx in 0..<plot.width where n > 0 {
        let pos = n <= 1 ? 0 : Double(xx) * Double(n - 1) / Double(max(1, plot.width - 1))
        let i = Int(clampingRounded: pos.rounded(.down))
        let f = pos - Double(i)
        guard let a = at(band.lower, i, f), let b = at(band.upper, i, f) else { continue }
        let top = dotRow(max(a, b), dotsHigh: h * dotsPerRow) / dotsPerRow
        let bottom = dotRow(min(a, b), dotsHigh: h * dotsPerRow) / dotsPerRow
        for yy in top...bottom {
          buffer[plot.x + xx, plot.y + yy] = Cell(glyphs.isUnicode ? "░" : ".", style: band.style)
        }
      }
    }
    // Reference lines: dotted, dim, each labelled at its right end.
    for ref in references where ref.value.isFinite && ref.value >= lo && ref.value <= hi {
      let row = dotRow(ref.value, dotsHigh: h * dotsPerRow) / dotsPerRow
      guard row != targetRow else { continue }
      buffer.fill(plot.row(row), with: glyphs.targetLine, style: .dim)
    }
    if let tr = targetRow {
      buffer.fill(plot.row(tr), with: glyphs.targetLine, style: targetStyle)
    }

    // Data.
    var canvas = PlotCanvas(width: plot.width, height: plot.height, braille: braille)
    for (s, series) in series.enumerated() {
      let n = series.values.count
      var previous: (Int, Int)?
      for (i, value) in series.values.enumerated() {
        guard let v = value, v.isFinite else {
          previous = nil
          continue
        }
        let x = n <= 1 ? 0 : Int(clampingRounded: Double(i) * Double(canvas.dotsWide - 1) / Double(n - 1))
        let point = (x, dotRow(v, dotsHigh: canvas.dotsHigh))
        if let p = previous {
          canvas.line(from: p, to: point, series: s)
        } else {
          canvas.set(point.0, point.1, series: s)
        }
        previous = point
      }
    }
    for yy in 0..<plot.height {
      for xx in 0..<plot.width {
        guard let (c, s) = canvas.cell(xx, yy, markers: glyphs.chartMarkers) else { continue }
        buffer[plot.x + xx, plot.y + yy] = Cell(c, style: series[s].style)
      }
    }
    // Clipped points: an arrow at the edge they left by.
    if let scaleSeries {
      for (s, series) in series.enumerated() where !scaleSeries.contains(s) {
        let n = series.values.count
        for (i, value) in series.values.enumerated() {
          guard let v = value, v.isFinite, v > hi || v < lo else { continue }
          let dx = n <= 1 ? 0 : Int(clampingRounded: Double(i) * Double(canvas.dotsWide - 1) / Double(n - 1))
          let xx = dx / (braille ? 2 : 1)
          let yy = v > hi ? 0 : plot.height - 1
          buffer[plot.x + xx, plot.y + yy] = Cell(
            v > hi ? glyphs.arrowUp : glyphs.arrowDown, style: series.style)
        }
      }
    }
    return plot
  }
}
