import Scoring

/// The Fairness screen: by segment or region, the selected group, and the
/// review (SPEC section 11) of the period, over every partner.
public struct FairnessState: Sendable {
  public internal(set) var grouping: FairnessReview.Grouping = .segment
  public internal(set) var selected = 0
  public internal(set) var review: FairnessReview?
}
