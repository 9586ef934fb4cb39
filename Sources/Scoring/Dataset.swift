/// Everything scoring reads: the program and the data files' rows, already
/// checked for syntax and references (SPEC sections 1 and 3).
public struct Dataset: Sendable {
  public var program: Program
  public var partners: [Partner]
  public var observations: [Observation]
  /// The observations in columns, when the source already has them (the
  /// store); then `observations` may be empty.
  public var observationTable: ObservationTable?
  public var adjustments: [Adjustment]
  public var agreements: [Agreement]
  /// The program's periods when the data holds only some partners (a
  /// one-partner lookup): the whole store's first to last period.
  public var periodRange: ClosedRange<Period>?
  /// The latest closed quarter (it and every quarter before it are closed);
  /// nil: every quarter is open (SPEC section 3).
  public var closedThrough: Period?
  /// Every period's coverage when the data holds only some partners (it
  /// cannot be counted from them): as the store kept it for all.
  public var coverage: [QuarterCoverage]?
  /// Pilot cohorts (SPEC section 13).
  public var cohorts: [CohortMember] = []
  /// Ranks among more partners than the data holds (a manager's copy of a
  /// team store holds one book; the ranks are the program's, as the store
  /// kept them for all).
  public var givenRanks: GivenRanks?

  public init(
    program: Program, partners: [Partner], observations: [Observation],
    adjustments: [Adjustment] = [], agreements: [Agreement] = [], observationTable: ObservationTable? = nil
  ) {
    self.program = program
    self.partners = partners
    self.observations = observations
    self.observationTable = observationTable
    self.adjustments = adjustments
    self.agreements = agreements
  }
}

public struct Partner: Sendable, Equatable, Codable {
  public var id: String
  public var name: String
  public var segment: String
  public var region: String
  public var manager: String?

  public init(id: String, name: String, segment: String, region: String, manager: String? = nil) {
    self.id = id
    self.name = name
    self.segment = segment
    self.region = region
    self.manager = manager
  }
}

/// One raw KPI value of one partner in one period.
public struct Observation: Sendable, Equatable {
  public var partnerID: String
  public var period: Period
  public var kpi: String
  public var value: Double

  public init(partnerID: String, period: Period, kpi: String, value: Double) {
    self.partnerID = partnerID
    self.period = period
    self.kpi = kpi
    self.value = value
  }
}

/// A partner in a pilot cohort (SPEC section 13), from `start` on.
public struct CohortMember: Sendable, Equatable {
  public var partnerID: String
  public var cohort: String
  public var start: Period

  public init(partnerID: String, cohort: String, start: Period) {
    self.partnerID = partnerID
    self.cohort = cohort
    self.start = start
  }
}

/// An approved correction that replaces (or adds) one observation.
public struct Adjustment: Sendable, Equatable {
  public var partnerID: String
  public var period: Period
  public var kpi: String
  public var value: Double
  public var reason: String
  public var approvedBy: String

  public init(
    partnerID: String, period: Period, kpi: String, value: Double, reason: String,
    approvedBy: String
  ) {
    self.partnerID = partnerID
    self.period = period
    self.kpi = kpi
    self.value = value
    self.reason = reason
    self.approvedBy = approvedBy
  }
}

/// An outcome agreement (SPEC section 7).
public struct Agreement: Sendable, Equatable {
  public var id: String
  public var partnerID: String
  public var kpi: String
  public var baseline: Double
  public var target: Double
  public var period: Period
  public var maxPayout: Double
  public var attribution: Double
  public var floorShare: Double

  public init(
    id: String, partnerID: String, kpi: String, baseline: Double, target: Double,
    period: Period, maxPayout: Double, attribution: Double = 1, floorShare: Double = 0
  ) {
    self.id = id
    self.partnerID = partnerID
    self.kpi = kpi
    self.baseline = baseline
    self.target = target
    self.period = period
    self.maxPayout = maxPayout
    self.attribution = attribution
    self.floorShare = floorShare
  }
}
