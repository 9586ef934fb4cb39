import Presentation
import Scoring
import Testing

/// What a what-if's tier changes do to the benefits that carry a number.
@Suite struct TierBenefitsTests {
  @Test func benefitsAreReadAsTheirFirstNumber() {
    #expect(BenefitMeasure.parse("8 % rebate")! == (BenefitMeasure(name: "rebate", percent: true), 8))
    #expect(BenefitMeasure.parse("12.5% rebate")!.value == 12.5)
    #expect(BenefitMeasure.parse("MDF 60,000")! == (BenefitMeasure(name: "MDF", percent: false), 60000))
    #expect(BenefitMeasure.parse("Partner portal") == nil)
    #expect(BenefitMeasure.parse("25") == nil)  // a number naming nothing
    #expect(BenefitMeasure.parse("Up to 3 seats free")!.measure.name == "Up to seats free")
  }

  /// SPEC section 10's example at 2026Q4: A and B are Gold now and Silver
  /// under the volume program. With Gold "8 % rebate", "MDF 20,000" and
  /// Silver "4 % rebate" now, and Silver "3 % rebate" under volume: the
  /// mean rebate falls from 8 % to 3 % for both, and MDF from 2 x 20,000.
  @Test func theExamplesTierChangesCost() {
    var data = SpecExample.dataset
    data.program.tiers[2].benefits = ["8 % rebate", "Co-selling", "MDF 20,000"]
    data.program.tiers[1].benefits = ["4 % rebate"]
    var volume = WhatIfFairnessTests.volume
    volume.tiers[1].benefits = ["3 % rebate"]
    volume.tiers[2].benefits = ["6 % rebate"]
    let w = WhatIf(data, other: volume)
    let shifts = try! #require(w.facts).benefitShifts
    #expect(shifts.map(\.measure.name) == ["rebate", "MDF"])
    #expect(
      shifts[0]
        == BenefitShift(measure: .init(name: "rebate", percent: true), current: 8, other: 3, more: 0, less: 2)
    )
    #expect(
      shifts[1]
        == BenefitShift(
          measure: .init(name: "MDF", percent: false), current: 40000, other: 0, more: 0, less: 2))
    #expect(BenefitText.shift(shifts[0]) == "rebate: mean 8.00 % → 3.00 %, 2 partners less")
    #expect(BenefitText.shift(shifts[1]) == "MDF: 40,000 → 0 (-40,000), 2 partners less")
  }
}
