/// SPEC section 4, step 6: the one home of points and of the score.
public enum Points {
  /// `p = 100 * w * c`, with `w` the KPI's normalised weight for the
  /// segment and `c` the credit of attainment `a`.
  public static func of(weight w: Double, attainment a: Double) -> Double {
    100 * w * Attainment.credit(a)
  }

  /// Points still to earn on a KPI: `100 * w * (1 - c)` ("what it takes").
  public static func headroom(weight w: Double, credit c: Double) -> Double { 100 * w * (1 - c) }

  /// The score: the sum of points, rounded to 2 decimals. Only this rounded
  /// score is compared, ranked or shown.
  public static func score(_ total: Double) -> Double { specRound(total, 2) }
}
