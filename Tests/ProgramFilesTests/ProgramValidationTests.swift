import ProgramFiles
import Scoring
import Testing

/// Every validation rule of SPEC section 2, each as a one-line change to the
/// worked example's valid program.toml.
@Suite struct ProgramValidationTests {
  static let valid = Fixtures.text("spec-example/program.toml")

  func issues(_ text: String) -> [String] {
    switch ProgramParser.parse(text) {
    case .success: return []
    case .failure(let e): return e.issues.map(\.description)
    }
  }

  func mutated(_ old: String, _ new: String) -> String {
    precondition(Self.valid.contains(old), "fixture lacks \(old)")
    return Self.valid.replacing(old, with: new, maxReplacements: 1)
  }

  @Test func validProgramParses() {
    #expect(issues(Self.valid) == [])
  }

  /// `[review] fairness_margin` (SPEC section 11): a number above 0, 10 by default.
  @Test func fairnessMargin() throws {
    #expect(try ProgramParser.parse(Self.valid).get().fairnessMargin == 10)
    let set = Self.valid + "\n[review]\nfairness_margin = 7.5\n"
    #expect(try ProgramParser.parse(set).get().fairnessMargin == 7.5)
    let lines = Self.valid.split(separator: "\n", omittingEmptySubsequences: false).count
    #expect(
      issues(Self.valid + "\n[review]\nfairness_margin = 0\n") == [
        "program.toml:\(lines + 2): review.fairness_margin: expected a number of points above 0 and at most 100, found 0.0"
      ])
    #expect(issues(Self.valid + "\n[review]\nfairness_margin = \"wide\"\n").count == 1)
    #expect(
      issues(Self.valid + "\n[review]\nmargin = 5\n").first?.contains("review.margin: unknown key") == true)
  }

  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let old: String
    let new: String
    let expected: String
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "unknown key", old: "currency = \"USD\"", new: "currency = \"USD\"\ncolour = \"red\"",
      expected: "program.toml:4: program.colour: unknown key"),
    Case(
      name: "missing required key", old: "window = 2\n", new: "",
      expected: "program.toml:1: program.window: missing required key"),
    Case(
      name: "window out of range", old: "window = 2", new: "window = 13",
      expected: "program.toml:4: program.window: must be from 1 to 12, found 13"),
    Case(
      name: "grace out of range", old: "grace_periods = 1", new: "grace_periods = 9",
      expected: "program.toml:5: program.grace_periods: must be from 0 to 8, found 9"),
    Case(
      name: "bad id", old: "id = \"rev\"", new: "id = \"Rev-1\"",
      expected: "program.toml:16: kpi[1] \"Rev-1\".id: must match [a-z0-9_]+, found \"Rev-1\""),
    Case(
      name: "repeated id", old: "id = \"ttv\"", new: "id = \"rev\"",
      expected: "program.toml:28: kpi[2] \"rev\".id: \"rev\" is declared twice"),
    Case(
      name: "undeclared segment in targets", old: "targets = { referral = 120 }",
      new: "targets = { distributor = 120 }",
      expected: "program.toml:24: kpi[1] \"rev\".targets.distributor: segment \"distributor\" is not declared"
    ),
    Case(
      name: "undeclared segment in weights", old: "weights = { referral = 0 }", new: "weights = { msp = 0 }",
      expected: "kpi[3] \"nps\".weights.msp: segment \"msp\" is not declared"),
    Case(
      name: "targets on an improvement KPI", old: "target_improvement = 0.5",
      new: "target_improvement = 0.5\ntargets = { referral = 1 }",
      expected: "kpi[3] \"nps\".targets: not allowed on an improvement KPI"),
    Case(
      name: "target equals threshold", old: "target = 100", new: "target = 0",
      expected: "program.toml:23: kpi[1] \"rev\".target: equals the threshold (0.0): no credit range"),
    Case(
      name: "segment target equals threshold", old: "targets = { referral = 120 }",
      new: "targets = { referral = 0 }",
      expected:
        "kpi[1] \"rev\".targets.referral: segment \"referral\": effective target equals effective threshold (0.0)"
    ),
    Case(
      name: "segment direction flipped", old: "target = 30\n",
      new: "target = 30\ntargets = { reseller = 95 }\n",
      expected:
        "kpi[2] \"ttv\".targets.reseller: segment \"reseller\": target 95.0 and threshold 90.0 make higher better, but the KPI's own target and threshold make lower better"
    ),
    Case(
      name: "target_improvement not positive", old: "target_improvement = 0.5", new: "target_improvement = 0",
      expected: "kpi[3] \"nps\".target_improvement: must be > 0, found 0.0"),
    Case(
      name: "negative weight", old: "weight = 2", new: "weight = -2",
      expected: "program.toml:25: kpi[1] \"rev\".weight: must be >= 0, found -2.0"),
    Case(
      name: "first tier above 0", old: "[[tier]]\nid = \"base\"\nname = \"Base\"\nmin_score = 0\n", new: "",
      expected: "tier[1] \"silver\".min_score: the first tier must have min_score = 0, found 50.0"),
    Case(
      name: "first tier with a requirement", old: "name = \"Base\"\nmin_score = 0",
      new: "name = \"Base\"\nmin_score = 0\nrequire = { nps = 1 }",
      expected: "tier[1] \"base\".require: the first tier cannot have requirements"),
    Case(
      name: "min scores not increasing", old: "min_score = 80", new: "min_score = 40",
      expected: "tier[3] \"gold\".min_score: must be greater than the previous tier's 50.0, found 40.0"),
    Case(
      name: "min score above 100", old: "min_score = 90", new: "min_score = 101",
      expected: "tier[4] \"platinum\".min_score: must be from 0 to 100, found 101.0"),
    Case(
      name: "require names an unknown KPI", old: "require = { ttv = 35 }", new: "require = { arr = 35 }",
      expected: "tier[4] \"platinum\".require.arr: names KPI \"arr\", which is not declared"),
    Case(
      name: "schedule r not increasing", old: "[0.25, 0.10], [1.0, 1.0]", new: "[0.25, 0.10], [0.2, 1.0]",
      expected: "payout.schedule: point 3: r values must be strictly increasing (0.2 after 0.25)"),
    Case(
      name: "negative share", old: "[1.5, 1.25]", new: "[1.5, -1]",
      expected: "payout.schedule: point 4: share must be >= 0, found -1.0"),
    Case(
      name: "bad enum value", old: "aggregate = \"sum\"", new: "aggregate = \"median\"",
      expected:
        "program.toml:21: kpi[1] \"rev\".aggregate: expected one of sum | mean | last, found \"median\""),
    Case(
      name: "wrong type", old: "weight = 2", new: "weight = \"two\"",
      expected: "program.toml:25: kpi[1] \"rev\".weight: expected a number, found the string \"two\""),
    Case(
      name: "syntax error keeps line and column", old: "window = 2", new: "window = = 2",
      expected: "program.toml:4:"),
  ]

  @Test(arguments: cases) func rejected(_ c: Case) {
    let found = issues(mutated(c.old, c.new))
    #expect(found.contains { $0.contains(c.expected) }, "got: \(found)")
  }

  @Test func segmentWithAllWeightsZero() {
    let text = mutated("weight = 2\n", "weight = 2\nweights = { referral = 0 }\n")
      .replacing(
        "threshold = 90\nweight = 1\n", with: "threshold = 90\nweight = 1\nweights = { referral = 0 }\n")
    #expect(
      issues(text).contains {
        $0.contains("program.toml:11: segment[2] \"referral\": every KPI weighs 0 for this segment")
      })
  }

  @Test func noTiers() {
    let cut = Self.valid.range(of: "[[tier]]")!.lowerBound
    let end = Self.valid.range(of: "[payout]")!.lowerBound
    var text = Self.valid
    text.removeSubrange(cut..<end)
    #expect(issues(text).contains { $0.contains("tier: declare at least one [[tier]]") })
  }

  @Test func integersAreAcceptedAsNumbers() throws {
    let p = try ProgramParser.parse(Self.valid).get()
    #expect(p.kpis[0].weight == 2)  // `weight = 2`, a TOML integer
    #expect(p.payout.points[0].r == 0)  // `0.0`, a float
  }

  @Test func everyProblemIsReportedAtOnce() {
    let text = mutated("window = 2", "window = 20").replacing("weight = 2", with: "weight = -1")
    #expect(issues(text).count == 2)
  }

  /// SPEC section 15: badges as program data, validated like the rest.
  @Test func badges() throws {
    let good =
      Self.valid + """

        [[badge]]
        id = "leader"
        name = "Leader"
        rule = "top"
        percent = 12.5

        [[badge]]
        id = "faster"
        name = "Faster"
        rule = "improving"
        kpi = "ttv"
        quarters = 2

        [[badge]]
        id = "up"
        name = "Up"
        rule = "promoted"
        """
    #expect(issues(good).isEmpty, "\(issues(good))")
    let program = try ProgramParser.parse(good).get()
    #expect(program.badges.map(\.id) == ["leader", "faster", "up"])
    #expect(program.badges[0].rule == .top(percent: 12.5, scope: .program))
    for (badge, said) in [
      ("rule = \"top\"", "percent"),
      ("rule = \"top\"\npercent = 0", "above 0"),
      ("rule = \"top\"\npercent = 10\nscope = \"world\"", "program | segment"),
      ("rule = \"top\"\npercent = 10\nkpi = \"ttv\"", "unknown key"),
      ("rule = \"improving\"\nkpi = \"nope\"\nquarters = 2", "not declared"),
      ("rule = \"improving\"\nkpi = \"ttv\"\nquarters = 13", "quarters"),
      ("rule = \"promoted\"\nquarters = 2", "unknown key"),
      ("rule = \"famous\"", "top | improving | promoted"),
    ] {
      let found = issues(Self.valid + "\n[[badge]]\nid = \"b\"\nname = \"B\"\n" + badge + "\n")
      #expect(found.contains { $0.contains(said) }, "\(badge): \(found)")
    }
  }
}
