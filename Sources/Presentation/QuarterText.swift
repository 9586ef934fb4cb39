import Scoring
import TextLayout

/// The one home of how a quarter is named with its state (SPEC section 3):
/// a closed quarter is its name; an open one says it is provisional and how
/// many partners have reported.
public enum QuarterText {
  /// "provisional, 41 of 64 partners reported", or "closed".
  public static func state(_ c: QuarterCoverage) -> String {
    guard c.provisional else { return "closed" }
    return
      "provisional, \(count(c.reported)) of \(count(c.expected)) partner\(c.expected == 1 ? "" : "s") reported"
  }

  /// A count with thousands separators: "100,000".
  static func count(_ n: Int) -> String { NumberFormat.grouped(Double(n), 0) }

  /// "2027Q1 (provisional, 41 of 64 partners reported)", or "2026Q4" when closed.
  public static func name(_ c: QuarterCoverage) -> String {
    c.provisional ? "\(c.period) (\(state(c)))" : c.period.description
  }

  /// `state` in at most `width` columns: shorter forms where the line is
  /// narrow ("provisional 41/64", then "provisional"), never cut mid-word;
  /// "" when even that does not fit (or the quarter is closed).
  public static func state(_ c: QuarterCoverage, fitting width: Int) -> String {
    guard c.provisional else { return "" }
    let forms = [
      state(c), "provisional, \(count(c.reported)) of \(count(c.expected)) reported",
      "provisional \(count(c.reported))/\(count(c.expected))",
      "provisional",
    ]
    return forms.first { TextWidth.of($0) <= width } ?? ""
  }

  /// For a slide shown to one partner (the QBR): "2027Q1 (provisional)",
  /// without the program's counts.
  public static func brief(_ c: QuarterCoverage) -> String {
    c.provisional ? "\(c.period) (provisional)" : c.period.description
  }
}
