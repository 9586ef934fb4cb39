/// Terminal display width of text: CJK and emoji take two columns,
/// combining marks none. Used wherever columns must line up.
public enum Alignment: Sendable { case left, right, center }

public enum TextWidth {
  public static func of(_ s: String) -> Int {
    var w = 0
    for c in s { w += of(c) }
    return w
  }

  public static func of(_ c: Character) -> Int {
    let scalars = c.unicodeScalars
    guard let first = scalars.first else { return 0 }
    if c.isASCII { return first.value < 0x20 || first.value == 0x7F ? 0 : 1 }
    var regional = 0
    for u in scalars {
      if u.value == 0xFE0F { return 2 }  // emoji presentation selector
      if (0x1F1E6...0x1F1FF).contains(u.value) { regional += 1 }
    }
    if regional >= 2 { return 2 }
    if first.properties.isEmojiPresentation { return 2 }
    if isWide(first.value) { return 2 }
    switch first.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .control, .format: return 0
    default: return 1
    }
  }

  /// East Asian Wide and Fullwidth ranges (Unicode 15, merged).
  static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
    0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F,
    0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
    0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5,
    0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
    0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
    0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
    0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
    0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
    0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
    0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A,
    0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB,
    0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
  ]

  static func isWide(_ v: UInt32) -> Bool {
    guard v >= 0x1100 else { return false }
    var lo = 0
    var hi = wideRanges.count - 1
    while lo <= hi {
      let mid = (lo + hi) / 2
      let r = wideRanges[mid]
      if v < r.lowerBound {
        hi = mid - 1
      } else if v > r.upperBound {
        lo = mid + 1
      } else {
        return true
      }
    }
    return false
  }

  /// Cuts `s` to at most `width` columns, ending in `ellipsis` when cut;
  /// never splits a wide character.
  public static func truncate(_ s: String, to width: Int, ellipsis: String = "…") -> String {
    if of(s) <= width { return s }
    let room = width - of(ellipsis)
    guard room >= 0 else { return "" }
    var out = ""
    var w = 0
    for c in s {
      let cw = of(c)
      if w + cw > room { break }
      out.append(c)
      w += cw
    }
    return out + ellipsis
  }

  /// Pads with spaces to exactly `width` columns (longer text is returned as is).
  public static func pad(_ s: String, to width: Int, align: Alignment) -> String {
    let gap = width - of(s)
    guard gap > 0 else { return s }
    switch align {
    case .left: return s + String(repeating: " ", count: gap)
    case .right: return String(repeating: " ", count: gap) + s
    case .center:
      let left = gap / 2
      return String(repeating: " ", count: left) + s + String(repeating: " ", count: gap - left)
    }
  }
}
