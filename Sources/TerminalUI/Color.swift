/// A terminal colour: the terminal's own default, one of the 8 basic
/// colours, or an entry of the 256-colour palette.
public enum Color: Hashable, Sendable {
  case `default`
  case black, red, green, yellow, blue, magenta, cyan, white
  case indexed(UInt8)

  /// Palette index (0...255), or nil for the terminal default.
  public var paletteIndex: Int? {
    switch self {
    case .default: return nil
    case .black: return 0
    case .red: return 1
    case .green: return 2
    case .yellow: return 3
    case .blue: return 4
    case .magenta: return 5
    case .cyan: return 6
    case .white: return 7
    case .indexed(let n): return Int(n)
    }
  }

  /// The nearest of the 8 basic colours (0...7), or nil for the default:
  /// for terminals with fewer than 256 colours.
  public var basicIndex: Int? {
    guard let i = paletteIndex else { return nil }
    switch i {
    case 0..<8: return i
    case 8..<16: return i - 8
    case 16..<232:
      // 6x6x6 cube: threshold each channel at its middle level.
      let c = i - 16
      let r = c / 36 >= 3 ? 1 : 0
      let g = (c / 6) % 6 >= 3 ? 1 : 0
      let b = c % 6 >= 3 ? 1 : 0
      return r | (g << 1) | (b << 2)
    default:
      return i - 232 >= 12 ? 7 : 0  // grey ramp
    }
  }
}
