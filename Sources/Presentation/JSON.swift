import Scoring
import TextLayout

/// A JSON value with the number formatting the spec asks for (section 8):
/// numbers already rounded are printed in their shortest form, whole ones
/// without a fraction.
public indirect enum JSON: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSON])
  case object([(String, JSON)])

  /// A number rounded to `digits` decimals the spec's way.
  public static func rounded(_ x: Double?, _ digits: Int) -> JSON {
    guard let x else { return .null }
    return .number(specRound(x, digits))
  }

  public static func int(_ i: Int?) -> JSON { i.map { .number(Double($0)) } ?? .null }
  public static func str(_ s: String?) -> JSON { s.map { .string($0) } ?? .null }

  public static func == (a: JSON, b: JSON) -> Bool { a.text == b.text }

  /// Compact text: `{"a": 1, "b": [2, 3]}`.
  public var text: String {
    var out = ""
    write(to: &out)
    return out
  }

  func write(to out: inout String) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let d): out += JSON.format(d)
    case .string(let s): JSON.quote(s, into: &out)
    case .array(let items):
      out += "["
      for (i, item) in items.enumerated() {
        if i > 0 { out += ", " }
        item.write(to: &out)
      }
      out += "]"
    case .object(let pairs):
      out += "{"
      for (i, (k, v)) in pairs.enumerated() {
        if i > 0 { out += ", " }
        JSON.quote(k, into: &out)
        out += ": "
        v.write(to: &out)
      }
      out += "}"
    }
  }

  /// An array printed one element per line, as the CLI prints its reports.
  public static func lines(_ items: [JSON]) -> String {
    if items.isEmpty { return "[]" }
    return "[\n" + items.map { "  " + $0.text }.joined(separator: ",\n") + "\n]"
  }

  static func format(_ d: Double) -> String {
    guard d.isFinite else { return "null" }
    if d == d.rounded() && abs(d) < 1e15 {
      let i = Int(d)
      return i == 0 ? "0" : String(i)
    }
    return String(d)
  }

  static func quote(_ s: String, into out: inout String) {
    out += "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if Sanitizer.isUnsafe(u) {
          // Exact data, but no raw control or bidi character (Sanitizer).
          let hex = String(u.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    out += "\""
  }
}
