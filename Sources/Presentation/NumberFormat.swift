import Scoring
import TextLayout

/// How numbers read in tables (JSON and CSV print plain numbers).
public enum NumberFormat {
  /// Fixed decimals, rounded the spec's way: `fixed(2.5, 2)` = "2.50".
  /// Never traps: nan shows as "—", infinities as "∞" and "-∞", and numbers
  /// too large for the digits as Swift's shortest form ("1e+24").
  public static func fixed(_ x: Double, _ digits: Int) -> String {
    guard x.isFinite else { return x.isNaN ? "—" : (x < 0 ? "-∞" : "∞") }
    let r = specRound(x, digits)
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = (abs(r) * scale).rounded()
    guard scaled < 9e18 else { return String(r) }
    let n = Int(scaled)
    let whole = n / Int(scale)
    let frac = n % Int(scale)
    var s = (r < 0 && n != 0 ? "-" : "") + String(whole)
    if digits > 0 {
      let f = String(frac)
      s += "." + String(repeating: "0", count: digits - f.count) + f
    }
    return s
  }

  /// Thousands separated with commas: `grouped(2750, 2)` = "2,750.00".
  public static func grouped(_ x: Double, _ digits: Int) -> String {
    let s = fixed(x, digits)
    let negative = s.hasPrefix("-")
    let body = negative ? String(s.dropFirst()) : s
    guard body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) else { return s }
    let parts = body.split(separator: ".", maxSplits: 1)
    var whole = String(parts[0])
    var groups: [String] = []
    while whole.count > 3 {
      groups.insert(String(whole.suffix(3)), at: 0)
      whole = String(whole.dropLast(3))
    }
    groups.insert(whole, at: 0)
    var out = (negative ? "-" : "") + groups.joined(separator: ",")
    if parts.count > 1 { out += "." + parts[1] }
    return out
  }

  /// A KPI value in its unit: "512,000 USD", "91.5 %", "4", "42.5 days".
  public static func value(_ x: Double?, unit: KPIUnit, currency: String) -> String {
    guard let x else { return "—" }
    switch unit {
    case .currency: return grouped(x, x == x.rounded() ? 0 : 2) + " " + currency
    case .percent: return trimmed(x, 2) + " %"
    case .count: return trimmed(x, 2)
    case .score: return trimmed(x, 2)
    case .days: return trimmed(x, 2) + " days"
    }
  }

  /// A KPI value for a narrow column: the unit left to the header, large
  /// amounts shortened (1.2M, 877.6k), "—" when missing.
  public static func compactValue(_ x: Double?, unit: KPIUnit) -> String {
    guard let x else { return "—" }
    if unit == .currency || abs(x) >= 100_000 { return CompactNumber.text(x) }
    return trimmed(x, 2)
  }

  /// A difference of two values of a KPI, in its unit: a change in a
  /// percentage is in percentage points ("2.95 pp", not "2.95 %").
  public static func difference(_ x: Double, unit: KPIUnit, currency: String) -> String {
    unit == .percent ? trimmed(x, 2) + " pp" : value(x, unit: unit, currency: currency)
  }

  /// Up to `digits` decimals, trailing zeros dropped: 42.50 -> "42.5".
  public static func trimmed(_ x: Double, _ digits: Int) -> String {
    var s = fixed(x, digits)
    if s.contains(".") {
      while s.hasSuffix("0") { s.removeLast() }
      if s.hasSuffix(".") { s.removeLast() }
    }
    return s
  }

  /// A signed change: "+3", "-1", "0".
  public static func signed(_ i: Int) -> String { i > 0 ? "+\(i)" : String(i) }

  /// A signed amount, grouped: "+12,500.00", "-75.00", "0.00".
  public static func signedGrouped(_ x: Double, _ digits: Int) -> String {
    let s = grouped(x, digits)
    return x > 0 && !s.hasPrefix("+") && Double(fixed(x, digits)) != 0 ? "+" + s : s
  }

  /// A signed number with `digits` decimals: "+2.50", "-0.75", "0.00".
  public static func signed(_ x: Double, _ digits: Int) -> String {
    let s = fixed(x, digits)
    return x > 0 && !s.hasPrefix("+") && Double(s) != 0 ? "+" + s : s
  }
}
