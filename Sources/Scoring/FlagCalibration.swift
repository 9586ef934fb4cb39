/// SPEC section 16: how often the at-risk and rising flags came true the
/// next quarter. For every period t with a next period t+1 at or before P,
/// over the partners evaluated at both.
public struct FlagCalibration: Sendable, Equatable {
  public struct Counts: Sendable, Equatable, Codable {
    public var flagged = 0
    public var cameTrue = 0
    public var events = 0
    /// came true / flagged; nil when nothing was flagged.
    public var precision: Double? { flagged > 0 ? Double(cameTrue) / Double(flagged) : nil }
    /// came true / events; nil when nothing happened.
    public var recall: Double? { events > 0 ? Double(cameTrue) / Double(events) : nil }

    public init(flagged: Int = 0, cameTrue: Int = 0, events: Int = 0) {
      self.flagged = flagged
      self.cameTrue = cameTrue
      self.events = events
    }

    static func + (a: Counts, b: Counts) -> Counts {
      Counts(flagged: a.flagged + b.flagged, cameTrue: a.cameTrue + b.cameTrue, events: a.events + b.events)
    }
  }

  /// Both flags' counts at one period t.
  public struct Step: Sendable, Equatable {
    public var atRisk = Counts()
    public var rising = Counts()
    public init(atRisk: Counts = Counts(), rising: Counts = Counts()) {
      self.atRisk = atRisk
      self.rising = rising
    }
  }

  public struct Flag: Sendable, Equatable {
    public var all = Counts()
    /// Per t (an index into the book's periods), in period order.
    public var byPeriod: [(period: Int, counts: Counts)] = []

    public static func == (a: Flag, b: Flag) -> Bool {
      a.all == b.all && a.byPeriod.map(\.period) == b.byPeriod.map(\.period)
        && a.byPeriod.map(\.counts) == b.byPeriod.map(\.counts)
    }
  }

  /// The period P (an index into the book's periods).
  public let period: Int
  public let atRisk: Flag
  public let rising: Flag

  /// From each period's counts, `steps[t]` for t = 0 ..< P (more are ignored).
  public init(period P: Int, steps: [Step]) {
    period = P
    var atRisk = Flag()
    var rising = Flag()
    for (t, step) in steps.prefix(max(0, P)).enumerated() {
      atRisk.byPeriod.append((t, step.atRisk))
      rising.byPeriod.append((t, step.rising))
      atRisk.all = atRisk.all + step.atRisk
      rising.all = rising.all + step.rising
    }
    self.atRisk = atRisk
    self.rising = rising
  }

  public init(book: Scorebook, period P: Int) {
    self.init(
      period: P,
      steps: (0..<max(0, P)).map {
        Self.step(book, at: $0, evaluated: book.order[$0], tiers: book.program.tiers)
      })
  }

  /// Period t's counts over `evaluated` (the partners evaluated at t; those
  /// also evaluated at t+1 count): the one place the rule is, for the whole
  /// scorebook and for a rescore's kept grid alike.
  public static func step<S: PartnerStandings>(
    _ s: S, at t: Int, evaluated: some Sequence<Int>, tiers: [Tier]
  ) -> Step {
    var step = Step()
    for p in evaluated {
      guard let next = s.qualifiedTier(p, t + 1), let tier = s.tier(p, t),
        let outlook = s.outlook(p, t, tiers: tiers)
      else { continue }
      let fell = next < tier
      let rose = next > tier
      if fell { step.atRisk.events += 1 }
      if outlook.atRisk {
        step.atRisk.flagged += 1
        if fell { step.atRisk.cameTrue += 1 }
      }
      if rose { step.rising.events += 1 }
      if outlook.rising {
        step.rising.flagged += 1
        if rose { step.rising.cameTrue += 1 }
      }
    }
    return step
  }
}
