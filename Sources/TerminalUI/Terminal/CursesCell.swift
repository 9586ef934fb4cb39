/// How one buffer cell goes to ncurses. ncurses lays cells out by the C
/// library's `wcwidth` of the first code point, which disagrees with
/// TextWidth for emoji sequences (VS16, ZWJ, skin tones, flags): each cell
/// becomes pieces whose libc widths add up to the cell's width, so ncurses
/// and the terminal agree on where everything is.
enum CursesCell {
  /// Code points for consecutive `add_wch` calls (each: one spacing
  /// character plus combining marks).
  static func pieces(_ c: Character, width: Int, wcwidth: (UInt32) -> Int) -> [[UInt32]] {
    let scalars = c.unicodeScalars.map(\.value)
    guard let base = scalars.first else { return [[0x20]] }
    let regional: ClosedRange<UInt32> = 0x1F1E6...0x1F1FF
    if width == 2, scalars.count == 2, regional.contains(scalars[0]), regional.contains(scalars[1]),
      wcwidth(scalars[0]) == 1, wcwidth(scalars[1]) == 1
    {
      return [[scalars[0]], [scalars[1]]]  // a flag: two 1-column letters the terminal may join
    }
    // Keep combining marks up to a ZWJ; drop variation selectors and
    // anything libc would count as a column of its own.
    var marks: [UInt32] = []
    for s in scalars.dropFirst() {
      if s == 0x200D { break }
      if s == 0xFE0F || s == 0xFE0E { continue }
      if wcwidth(s) == 0 && marks.count < 4 { marks.append(s) }
    }
    let libc = wcwidth(base)
    if libc == width { return [[base] + marks] }
    if libc == 1 && width == 2 { return [[base] + marks, [0x20]] }
    return Array(repeating: [0x3F], count: 1) + Array(repeating: [0x20], count: max(0, width - 1))
  }
}
