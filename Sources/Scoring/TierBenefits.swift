/// Tier benefits that carry a number ("8 % rebate", "MDF 20,000"): what a
/// change of tier costs or saves. A benefit is read as its first number;
/// the measure is the rest of the text ("rebate" for a percent, "MDF" for
/// an amount). Benefits without a number ("Partner portal") are not measured.
public struct BenefitMeasure: Hashable, Sendable {
  /// The benefit's words without the number ("rebate", "MDF").
  public let name: String
  /// A rate in percent (averaged over partners), else an amount (summed).
  public let percent: Bool

  public init(name: String, percent: Bool) {
    self.name = name
    self.percent = percent
  }

  /// The measure and number of `benefit`, or nil when it holds no number.
  public static func parse(_ benefit: String) -> (measure: BenefitMeasure, value: Double)? {
    let scalars = Array(benefit.unicodeScalars)
    func isDigit(_ u: Unicode.Scalar) -> Bool { u >= "0" && u <= "9" }
    guard let start = scalars.firstIndex(where: isDigit) else { return nil }
    var end = start
    var digits = ""
    // Digits with thousands commas and one decimal point: "20,000", "12.5".
    while end < scalars.count {
      let u = scalars[end]
      if isDigit(u) {
        digits.unicodeScalars.append(u)
      } else if u == "," || u == ".", end + 1 < scalars.count, isDigit(scalars[end + 1]) {
        if u == "." { digits.append(".") }
      } else {
        break
      }
      end += 1
    }
    guard let value = Double(digits), value.isFinite else { return nil }
    var after = String(String.UnicodeScalarView(scalars[end...]))
    while after.first == " " { after.removeFirst() }
    let percent = after.first == "%"
    if percent { after.removeFirst() }
    let before = String(String.UnicodeScalarView(scalars[..<start]))
    let name = (before + " " + after).split(separator: " ").joined(separator: " ")
    guard !name.isEmpty else { return nil }
    return (BenefitMeasure(name: name, percent: percent), value)
  }

  /// The number a tier gives for this measure (0 where it lists none).
  public func value(of tier: Tier) -> Double {
    tier.benefits.lazy.compactMap(Self.parse).first { $0.measure == self }?.value ?? 0
  }
}

/// One measured benefit under both programs of a what-if: for a rate, the
/// mean over the partners; for an amount, the sum; and how many partners
/// get more or less of it.
public struct BenefitShift: Sendable, Equatable {
  public let measure: BenefitMeasure
  public let current: Double
  public let other: Double
  public let more: Int
  public let less: Int

  public init(measure: BenefitMeasure, current: Double, other: Double, more: Int, less: Int) {
    self.measure = measure
    self.current = current
    self.other = other
    self.more = more
    self.less = less
  }
}

extension WhatIfFacts {
  /// Every benefit with a number in either program's tiers (in the order
  /// the tiers first name them, current program first), under both
  /// programs for the partners evaluated.
  public var benefitShifts: [BenefitShift] {
    var measures: [BenefitMeasure] = []
    for tier in current.tiers + other.tiers {
      for b in tier.benefits {
        if let m = BenefitMeasure.parse(b)?.measure, !measures.contains(m) { measures.append(m) }
      }
    }
    return measures.map { m in
      let a = current.tiers.map(m.value(of:))
      let b = other.tiers.map(m.value(of:))
      var sums = (0.0, 0.0)
      var (more, less) = (0, 0)
      for r in rows {
        let (x, y) = (a[r.tier.current], b[r.tier.other])
        sums.0 += x
        sums.1 += y
        if y > x { more += 1 } else if y < x { less += 1 }
      }
      let n = Double(max(1, rows.count))
      return BenefitShift(
        measure: m, current: m.percent ? sums.0 / n : sums.0, other: m.percent ? sums.1 / n : sums.1,
        more: more, less: less)
    }
  }
}
