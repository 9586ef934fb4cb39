/// SPEC section 16: how often the at-risk and rising flags came true the
/// next quarter. For every period t with a next period t+1 at or before P,
/// over the partners evaluated at both.
public struct FlagCalibration: Sendable, Equatable {
  public struct Counts: Sendable, Equatable {
    public var flagged = 0
    public var cameTrue = 0
    public var events = 0
    /// came true / flagged; nil when nothing was flagged.
    public var precision: Double? { flagged > 0 ? Double(cameTrue) / Double(flagged) : nil }
    /// came true / events; nil when nothing happened.
    public var recall: Double? { events > 0 ? Double(cameTrue) / Double(events) : nil }
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

  public init(book: Scorebook, period P: Int) {
    period = P
    var atRisk = Flag()
    var rising = Flag()
    for t in 0..<max(0, P) {
      var risk = Counts()
      var rise = Counts()
      for p in book.order[t] where book.isEvaluated(p, t + 1) {
        let tier = book.tier(p, t)!
        let next = book.qualifiedTier(p, t + 1)!
        let outlook = book.outlook(p, t)!
        let fell = next < tier
        let rose = next > tier
        if fell { risk.events += 1 }
        if outlook.atRisk {
          risk.flagged += 1
          if fell { risk.cameTrue += 1 }
        }
        if rose { rise.events += 1 }
        if outlook.rising {
          rise.flagged += 1
          if rose { rise.cameTrue += 1 }
        }
      }
      atRisk.byPeriod.append((t, risk))
      rising.byPeriod.append((t, rise))
      atRisk.all.flagged += risk.flagged
      atRisk.all.cameTrue += risk.cameTrue
      atRisk.all.events += risk.events
      rising.all.flagged += rise.flagged
      rising.all.cameTrue += rise.cameTrue
      rising.all.events += rise.events
    }
    self.atRisk = atRisk
    self.rising = rising
  }
}
