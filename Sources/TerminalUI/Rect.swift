/// A rectangle of cells: origin at the top left, y grows downwards.
public struct Rect: Hashable, Sendable {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int = 0, y: Int = 0, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  public var maxX: Int { x + width }
  public var maxY: Int { y + height }
  public var isEmpty: Bool { width <= 0 || height <= 0 }

  /// Shrunk by `dx` columns on the left and right, `dy` rows top and bottom.
  public func inset(dx: Int, dy: Int) -> Rect {
    Rect(x: x + dx, y: y + dy, width: width - 2 * dx, height: height - 2 * dy)
  }

  /// Shrunk by `n` cells on every side.
  public func inset(_ n: Int) -> Rect { inset(dx: n, dy: n) }

  /// The common part of two rectangles (empty when they do not overlap).
  public func intersection(_ other: Rect) -> Rect {
    let x0 = max(x, other.x)
    let y0 = max(y, other.y)
    return Rect(x: x0, y: y0, width: min(maxX, other.maxX) - x0, height: min(maxY, other.maxY) - y0)
  }

  /// A `width` x `height` rectangle centred in this one (clamped to it).
  public func centered(width w: Int, height h: Int) -> Rect {
    let cw = min(max(0, w), width)
    let ch = min(max(0, h), height)
    return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
  }

  /// Row `i` (relative to the top) as a one-line rectangle.
  public func row(_ i: Int) -> Rect { Rect(x: x, y: y + i, width: width, height: 1) }

  /// Stacks rectangles from top to bottom, `spacing` rows apart.
  public func rows(_ sizes: [Size], spacing: Int = 0) -> [Rect] {
    let lengths = Size.resolve(sizes, total: height, spacing: spacing)
    var out: [Rect] = []
    var cursor = y
    for n in lengths {
      out.append(Rect(x: x, y: cursor, width: width, height: n))
      cursor += n + spacing
    }
    return out
  }

  /// Places rectangles from left to right, `spacing` columns apart.
  public func columns(_ sizes: [Size], spacing: Int = 0) -> [Rect] {
    let lengths = Size.resolve(sizes, total: width, spacing: spacing)
    var out: [Rect] = []
    var cursor = x
    for n in lengths {
      out.append(Rect(x: cursor, y: y, width: n, height: height))
      cursor += n + spacing
    }
    return out
  }
}

/// One length in a row or column split, or a table column width.
public enum Size: Hashable, Sendable {
  /// Exactly this many cells (less if space runs out).
  case fixed(Int)
  /// A share of what the fixed sizes leave, proportional to the weight.
  case flex(Int)

  /// Lengths for `sizes` filling `total` cells with `spacing` between them.
  /// Fixed sizes are served first, left to right; flexible ones split the
  /// rest by weight, the rounding remainder going to the first of them.
  public static func resolve(_ sizes: [Size], total: Int, spacing: Int = 0) -> [Int] {
    var remaining = max(0, total - spacing * max(0, sizes.count - 1))
    var out = [Int](repeating: 0, count: sizes.count)
    var weights = 0
    for (i, s) in sizes.enumerated() {
      switch s {
      case .fixed(let n):
        out[i] = min(max(0, n), remaining)
        remaining -= out[i]
      case .flex(let w): weights += max(0, w)
      }
    }
    guard weights > 0 else { return out }
    var given = 0
    var first: Int?
    for (i, s) in sizes.enumerated() {
      guard case .flex(let w) = s else { continue }
      out[i] = remaining * max(0, w) / weights
      given += out[i]
      if first == nil && w > 0 { first = i }
    }
    if let f = first { out[f] += remaining - given }
    return out
  }
}
