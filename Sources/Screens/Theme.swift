import TerminalUI

/// Colours of the dashboard. Meaning never rests on colour alone: tiers are
/// named, the selection has a marker and reverse video, flags are words.
public struct Theme: Sendable {
  public enum Name: String, Sendable, CaseIterable { case dark, light }

  public let name: Name
  public init(_ name: Name = .dark) { self.name = name }

  /// Tier colours from the lowest tier up (256-colour palette; the backend
  /// maps them to the 8 basic colours on smaller terminals).
  public func tier(_ index: Int, of count: Int) -> Style {
    let dark: [UInt8] = [245, 252, 214, 87, 171]  // grey, silver, gold, platinum, beyond
    let light: [UInt8] = [242, 240, 136, 30, 91]
    let palette = name == .dark ? dark : light
    // The top tier takes the "platinum" colour, the lowest the grey one.
    let slot: Int
    if index == 0 {
      slot = 0
    } else if count <= 4 {
      slot = index + (4 - count)
    } else {
      slot = min(palette.count - 1, index * (palette.count - 1) / max(1, count - 1))
    }
    return Style(fg: .indexed(palette[max(0, min(slot, palette.count - 1))]), bold: index == count - 1)
  }

  public var good: Style { Style(fg: .indexed(name == .dark ? 114 : 28)) }
  public var bad: Style { Style(fg: .indexed(name == .dark ? 203 : 160)) }
  public var warn: Style { Style(fg: .indexed(name == .dark ? 221 : 130), bold: true) }
  public var muted: Style { Style(dim: true) }
  public var heading: Style { Style(bold: true) }
  public var accent: Style { Style(fg: .indexed(name == .dark ? 75 : 25)) }
  public var title: Style { Style(bold: true, reverse: true) }
}
