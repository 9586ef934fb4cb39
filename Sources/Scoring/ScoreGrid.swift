/// The results of scoring, per (partner, period, KPI) cell and per (partner,
/// period): written once, each partner into its own slots (so two cores can
/// write at once), then only read. Plain buffers, owned here, freed with it.
final class ScoreGrid: @unchecked Sendable {
  // Per cell: index (p * T + t) * K + k.
  let values: UnsafeMutableBufferPointer<Double>
  let baselines: UnsafeMutableBufferPointer<Double>
  let attainments: UnsafeMutableBufferPointer<Double>
  let points: UnsafeMutableBufferPointer<Double>
  let statuses: UnsafeMutableBufferPointer<KPIStatus>
  // Per (partner, period): index p * T + t.
  let scores: UnsafeMutableBufferPointer<Double>
  let qualified: UnsafeMutableBufferPointer<Int>
  let tiers: UnsafeMutableBufferPointer<Int>
  let grace: UnsafeMutableBufferPointer<Int>
  let slopes: UnsafeMutableBufferPointer<Double>

  init(cells: Int, partnerPeriods n: Int) {
    func make<T>(_ count: Int, _ initial: T) -> UnsafeMutableBufferPointer<T> {
      let b = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
      b.initialize(repeating: initial)
      return b
    }
    values = make(cells, .nan)
    baselines = make(cells, .nan)
    attainments = make(cells, 0)
    points = make(cells, 0)
    statuses = make(cells, .missing)
    scores = make(n, .nan)
    qualified = make(n, -1)
    tiers = make(n, -1)
    grace = make(n, 0)
    slopes = make(n, .nan)
  }

  deinit {
    values.deallocate()
    baselines.deallocate()
    attainments.deallocate()
    points.deallocate()
    statuses.deallocate()
    scores.deallocate()
    qualified.deallocate()
    tiers.deallocate()
    grace.deallocate()
    slopes.deallocate()
  }
}
