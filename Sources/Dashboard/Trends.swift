import Dispatch
import Foundation
import Presentation
import Scoring

/// The trends screen's data for one period, filter and chosen KPI (issue 6).
public struct TrendsModel: Sendable {
  public struct KPIRow: Sendable {
    public let kpi: Int
    public let name: String
    public let indicator: Indicator
    public let higherIsBetter: Bool
    /// Median per quarter up to the period (sparkline).
    public let medians: [Double?]
    /// Median change since last quarter, in "better" units (positive = better).
    public let betterChange: Double?
  }

  public let period: Int
  public let filter: PartnerFilter
  public let kpi: Int
  /// Every KPI's statistics per quarter up to the period (program order).
  public let all: [[KPIStatistics]]
  /// Leading KPIs first, then lagging, in program order within each.
  public let rows: [KPIRow]
  /// The chosen KPI per quarter, oldest first.
  public var quarters: [KPIStatistics] { all[kpi] }
  /// The line drawn as target: the segment's effective target when one
  /// segment is filtered, else the KPI's own (absolute KPIs only).
  public let target: Double?
  public let improved: [(partner: Int, change: Double)]
  public let fell: [(partner: Int, change: Double)]

  public init(book: Scorebook, period t: Int, filter: PartnerFilter, kpi k: Int) {
    // One KPI per task, over both cores.
    let count = book.program.kpis.count
    let results = StatisticsSlots(count)
    DispatchQueue.concurrentPerform(iterations: count) { i in
      results.set(i, (0...t).map { book.statistics(kpi: i, period: $0, filter: filter) })
    }
    self.init(book: book, period: t, filter: filter, kpi: k, all: results.values)
  }

  /// The same period and filter with another KPI chosen: the statistics are reused.
  public func choosing(kpi k: Int, book: Scorebook) -> TrendsModel {
    TrendsModel(book: book, period: period, filter: filter, kpi: k, all: all)
  }

  init(book: Scorebook, period t: Int, filter: PartnerFilter, kpi k: Int, all: [[KPIStatistics]]) {
    let movers = book.movers(kpi: k, period: t, filter: filter)
    self.init(
      program: book.program, period: t, filter: filter, kpi: k, all: all, improved: movers.improved,
      fell: movers.fell)
  }

  /// From the statistics and movers (the whole scorebook's, or those kept
  /// with the scores); a mover's `partner` is what `Enter` opens.
  public init(
    program: Program, period t: Int, filter: PartnerFilter, kpi k: Int, all: [[KPIStatistics]],
    improved: [(partner: Int, change: Double)], fell: [(partner: Int, change: Double)]
  ) {
    period = t
    self.filter = filter
    kpi = k
    self.all = all
    var rows: [KPIRow] = []
    for indicator in [Indicator.leading, .lagging] {
      for (i, kpi) in program.kpis.enumerated() where kpi.indicator == indicator {
        let medians = all[i].map(\.median)
        var change: Double? = nil
        if t > 0, let now = medians[t], let before = medians[t - 1] {
          change = (kpi.direction == .higher ? 1 : -1) * (now - before)
        }
        rows.append(
          KPIRow(
            kpi: i, name: kpi.name, indicator: indicator, higherIsBetter: kpi.direction == .higher,
            medians: medians,
            betterChange: change))
      }
    }
    self.rows = rows
    let kpi = program.kpis[k]
    target = filter.segment.flatMap { kpi.effectiveTarget(for: $0) } ?? kpi.effectiveTarget(for: "")
    self.improved = improved
    self.fell = fell
  }

  /// Movers as one list: improved first, then fell (the rows `Enter` opens).
  public var moverList: [(partner: Int, change: Double)] { improved + fell }

  /// The per-quarter table as CSV (`e`).
  public func csv(book: Scorebook) -> String { TrendsCSV.document(book.program, book.periods, quarters) }
}

/// Per-KPI results written by concurrent tasks.
private final class StatisticsSlots: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [[KPIStatistics]]
  init(_ n: Int) { slots = Array(repeating: [], count: n) }
  func set(_ i: Int, _ v: [KPIStatistics]) {
    lock.lock()
    slots[i] = v
    lock.unlock()
  }
  var values: [[KPIStatistics]] {
    lock.lock()
    defer { lock.unlock() }
    return slots
  }
}
