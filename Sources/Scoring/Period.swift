/// A calendar quarter, written `YYYYQn` (SPEC section "Words").
///
/// Stored as a single ordinal (`year * 4 + quarter - 1`) so periods compare,
/// subtract and step like integers.
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let ordinal: Int

  public init(ordinal: Int) { self.ordinal = ordinal }

  public init(year: Int, quarter: Int) {
    precondition((1...4).contains(quarter))
    ordinal = year * 4 + quarter - 1
  }

  /// Parses `YYYYQn` exactly (four digits, `Q`, one digit 1-4).
  public init?(_ text: some StringProtocol) {
    let bytes = Array(text.utf8)
    guard bytes.count == 6, bytes[4] == UInt8(ascii: "Q") else { return nil }
    var year = 0
    for b in bytes[0..<4] {
      guard b >= 48 && b <= 57 else { return nil }
      year = year * 10 + Int(b - 48)
    }
    let q = Int(bytes[5]) - 48
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
