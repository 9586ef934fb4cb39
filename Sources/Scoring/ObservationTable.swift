/// Observations in columns, partners and KPIs as small integers: what the
/// engine reads. The store builds one directly (no String per row); the
/// parsers' `[Observation]` converts with `init(_:partners:)`.
public struct ObservationTable: Sendable {
  /// Index into the dataset's partners; rows of unknown partners are dropped.
  public var partner: [Int32] = []
  public var period: [Int32] = []
  /// Index into `kpiNames` (any KPI id seen, in or out of the program).
  public var kpi: [Int32] = []
  public var value: [Double] = []
  public var kpiNames: [String] = []

  public init() {}

  public var count: Int { value.count }

  public mutating func reserveCapacity(_ n: Int) {
    partner.reserveCapacity(n)
    period.reserveCapacity(n)
    kpi.reserveCapacity(n)
    value.reserveCapacity(n)
  }

  public mutating func append(partner p: Int, period: Int, kpi k: Int, value v: Double) {
    partner.append(Int32(p))
    self.period.append(Int32(period))
    kpi.append(Int32(k))
    value.append(v)
  }

  public init(_ observations: [Observation], partners: [Partner]) {
    var partnerIndex: [String: Int] = [:]
    for (i, p) in partners.enumerated() { partnerIndex[p.id] = i }
    var kpiIndex: [String: Int] = [:]
    reserveCapacity(observations.count)
    var lastPartner = ""
    var lastP: Int? = nil
    for o in observations {
      if o.partnerID != lastPartner || lastP == nil {
        lastPartner = o.partnerID
        lastP = partnerIndex[o.partnerID]
      }
      guard let p = lastP else { continue }
      let k =
        kpiIndex[o.kpi]
        ?? {
          kpiNames.append(o.kpi)
          kpiIndex[o.kpi] = kpiNames.count - 1
          return kpiNames.count - 1
        }()
      append(partner: p, period: o.period.ordinal, kpi: k, value: o.value)
    }
  }
}
