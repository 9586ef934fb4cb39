/// A dot grid for charts: braille cells of 2 x 4 dots, or one dot per cell
/// when braille is off. Each cell remembers the last series that drew in it.
struct PlotCanvas {
  let width: Int
  let height: Int
  let braille: Bool
  private var bits: [UInt8]
  private var owner: [Int]

  init(width: Int, height: Int, braille: Bool) {
    self.width = max(0, width)
    self.height = max(0, height)
    self.braille = braille
    bits = Array(repeating: 0, count: self.width * self.height)
    owner = Array(repeating: -1, count: self.width * self.height)
  }

  var dotsWide: Int { width * (braille ? 2 : 1) }
  var dotsHigh: Int { height * (braille ? 4 : 1) }

  /// Braille dot numbering: bit for (column, row) inside a cell.
  private static let dotBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

  mutating func set(_ dx: Int, _ dy: Int, series: Int) {
    guard dx >= 0, dy >= 0, dx < dotsWide, dy < dotsHigh else { return }
    let i = braille ? (dy / 4) * width + dx / 2 : dy * width + dx
    bits[i] |= braille ? PlotCanvas.dotBits[dx % 2][dy % 4] : 1
    owner[i] = series
  }

  /// A straight line of dots (Bresenham), both ends included.
  mutating func line(from a: (Int, Int), to b: (Int, Int), series: Int) {
    var (x, y) = a
    let dx = abs(b.0 - x)
    let dy = -abs(b.1 - y)
    let sx = x < b.0 ? 1 : -1
    let sy = y < b.1 ? 1 : -1
    var err = dx + dy
    while true {
      set(x, y, series: series)
      if x == b.0 && y == b.1 { break }
      let e2 = 2 * err
      if e2 >= dy {
        err += dy
        x += sx
      }
      if e2 <= dx {
        err += dx
        y += sy
      }
    }
  }

  /// The character and series of cell (x, y), or nil when empty.
  func cell(_ x: Int, _ y: Int, markers: [Character]) -> (Character, Int)? {
    let i = y * width + x
    guard bits[i] != 0 else { return nil }
    if braille {
      return (Character(Unicode.Scalar(0x2800 + UInt32(bits[i]))!), owner[i])
    }
    let m = markers.isEmpty ? "*" : markers[owner[i] % markers.count]
    return (m, owner[i])
  }
}
