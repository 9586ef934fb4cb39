/// A calendar quarter, written `YYYYQn` (SPEC section "Words").
///
/// Stored as a single ordinal (`year * 4 + quarter - 1`) so periods compare,
/// subtract and step like integers.
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let ordinal: Int

  /// The ordinals of `0000Q1` to `9999Q4`, every quarter `YYYYQn` can write.
  public static let ordinals: ClosedRange<Int> = 0...39_999

  public init(ordinal: Int) { self.ordinal = ordinal }

  public init(year: Int, quarter: Int) {
    precondition((1...4).contains(quarter))
    ordinal = year * 4 + quarter - 1
  }

  /// Parses `YYYYQn` exactly (four digits, `Q`, one digit 1-4).
  public init?(_ text: some StringProtocol) {
    var text = String(text)
    guard let p = text.withUTF8({ Period(utf8: $0) }) else { return nil }
    self = p
  }

  /// Parses `YYYYQn` from UTF-8 bytes, without allocating.
  public init?(utf8 bytes: some Collection<UInt8>) {
    guard bytes.count == 6 else { return nil }
    var year = 0
    var i = 0
    var q = 0
    for b in bytes {
      switch i {
      case 0..<4:
        guard b >= 48 && b <= 57 else { return nil }
        year = year * 10 + Int(b - 48)
      case 4: guard b == UInt8(ascii: "Q") else { return nil }
      default: q = Int(b) - 48
      }
      i += 1
    }
    guard (1...4).contains(q) else { return nil }
    self.init(year: year, quarter: q)
  }

  public var year: Int { ordinal >> 2 }
  public var quarter: Int { ordinal & 3 + 1 }

  public func advanced(by n: Int) -> Period { Period(ordinal: ordinal + n) }

  public var description: String {
    let y = String(year)
    return String(repeating: "0", count: max(0, 4 - y.count)) + y + "Q" + String(quarter)
  }

  public static func < (a: Period, b: Period) -> Bool { a.ordinal < b.ordinal }
}
