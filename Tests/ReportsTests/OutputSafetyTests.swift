import Presentation
import Reports
import Scoring
import Testing

/// What leaves the program in CSV, JSON, Markdown and HTML (issue 10).
@Suite struct OutputSafetyTests {
  @Test func formulaCellsAreNeutralised() {
    #expect(CSVWriter.field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
    #expect(CSVWriter.field("+1+1") == "'+1+1")
    #expect(CSVWriter.field("-2+3") == "'-2+3")
    #expect(CSVWriter.field("@SUM(A1)") == "'@SUM(A1)")
    #expect(CSVWriter.field("\t=cmd|' /C calc'!A0") == "'\u{FFFD}=cmd|' /C calc'!A0")
    #expect(CSVWriter.field("\r=1") == "'\u{FFFD}=1")
  }

  @Test func numbersStayNumbers() {
    for n in ["-3.5", "-1", "+2", "0.0001", "-1e5", "12", "-0.50"] { #expect(CSVWriter.field(n) == n) }
    for t in ["-", "-.5", "-1.", "-1e", "--1", "-1-1", "1e5e5"] where t.hasPrefix("-") {
      #expect(CSVWriter.field(t) == "'" + t, "\(t)")
    }
  }

  @Test func controlsInCSVAreReplaced() {
    #expect(CSVWriter.field("a\u{1B}[2Jb") == "a\u{FFFD}[2Jb")
    #expect(CSVWriter.field("two\nlines") == "two\u{FFFD}lines")
    #expect(CSVWriter.field("a,b") == "\"a,b\"")
  }

  @Test func jsonEscapesEveryUnsafeCharacterAndKeepsTheRest() {
    #expect(JSON.string("a\u{7F}b\u{9B}c\u{202E}d\u{2069}").text == "\"a\\u007fb\\u009bc\\u202ed\\u2069\"")
    #expect(JSON.string("Ünïcødé 東京 👩‍👩‍👧").text == "\"Ünïcødé 東京 👩‍👩‍👧\"")
  }

  @Test func markdownShowsDataAsText() {
    #expect(Markdown.text("<script>alert(1)</script>") == "&lt;script>alert(1)&lt;/script>")
    #expect(Markdown.text("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))")
    #expect(Markdown.text("a|b *c* _d_ `e`") == "a\\|b \\*c\\* \\_d\\_ \\`e\\`")
    #expect(Markdown.text("R&D\u{1B}") == "R&amp;D\u{FFFD}")
    // Comparisons read the same both ways; a tag, comment or autolink never forms.
    #expect(Markdown.text("at least <= 30, at most >= 5, a < b") == "at least <= 30, at most >= 5, a < b")
    #expect(Markdown.text("<!-- x --> <?php <https://x.io>") == "&lt;!-- x --> &lt;?php &lt;https://x.io>")
  }

  @Test func htmlEscapesTextAndAttributes() {
    #expect(HTML.text("<b a=\"1\" c='2'>&</b>") == "&lt;b a=&quot;1&quot; c=&#39;2&#39;&gt;&amp;&lt;/b&gt;")
    #expect(HTML.text("x\u{202E}y") == "x\u{FFFD}y")
  }

  @Test func tableCellsAreOneFieldEach() {
    let t = TextTable(columns: [.init("Name"), .init("N")], rows: [["a\nb\u{1B}", "1"]])
    let out = t.render(width: 80)
    #expect(out == "Name  N\na\u{FFFD}b\u{FFFD}  1\n")
  }
}

/// Formatters over every kind of Double: sane text, never a trap.
@Suite struct ExtremeFormattingTests {
  static let extremes: [Double] = [
    .nan, .infinity, -.infinity, 0, -0.0, 1e308, -1e308, .greatestFiniteMagnitude, .leastNonzeroMagnitude,
    1e24, -1e24, 9.3e18, 4.7e18, 1e15, -1e15, Double("1e-310")!, 99.995,
  ]

  @Test func numberFormatsNeverTrap() {
    for x in Self.extremes {
      for digits in [0, 2, 4] {
        #expect(!NumberFormat.fixed(x, digits).isEmpty)
        #expect(!NumberFormat.grouped(x, digits).isEmpty)
        #expect(!NumberFormat.trimmed(x, digits).isEmpty)
      }
      for unit in [KPIUnit.currency, .percent, .count, .score, .days] {
        #expect(!NumberFormat.value(x, unit: unit, currency: "USD").isEmpty)
      }
      #expect(EvaluationText.bar(x, width: 10, unicode: true).count == 10)
      _ = JSON.rounded(x, 2).text
    }
    #expect(NumberFormat.fixed(.nan, 2) == "—")
    #expect(NumberFormat.grouped(-.infinity, 2) == "-∞")
    #expect(NumberFormat.grouped(1e24, 2) == "1e+24")
    #expect(NumberFormat.grouped(1e15, 2) == "1,000,000,000,000,000.00")
    #expect(JSON.rounded(.infinity, 2).text == "null")
    #expect(JSON.rounded(1e300, 2).text == "1e+300")
  }
}

/// How a partner does on a KPI, in words (issue 12): never "ok" for a value
/// below the threshold.
@Suite struct KPIResultWordsTests {
  @Test func resultsFromTheAttainment() {
    let kpi = KPI(
      id: "v", name: "Value", category: .performance, indicator: .lagging, unit: .score, aggregate: .last,
      basis: .absolute(target: 100, threshold: 20, targets: [:], thresholds: [:]), weight: 1)
    let program = Program(
      name: "P", currency: "EUR", window: 1, gracePeriods: 0, segments: [Segment(id: "s", name: "S")],
      kpis: [kpi], tiers: [Tier(id: "t", name: "T", minScore: 0)],
      payout: PayoutSchedule(points: [.init(r: 0, share: 0), .init(r: 1, share: 1)]))
    let values: [Double?] = [10, 60, 100, 150, nil]
    var partners: [Partner] = []
    var observations: [Observation] = []
    for (i, v) in values.enumerated() {
      partners.append(Partner(id: "p\(i)", name: "P\(i)", segment: "s", region: "R"))
      observations.append(
        Observation(
          partnerID: "p\(i)", period: Period(year: 2026, quarter: 1), kpi: v == nil ? "other" : "v",
          value: v ?? 1))
    }
    let book = Scorebook(Dataset(program: program, partners: partners, observations: observations))
    let words = partners.indices.map { Phrases.result(book.evaluation(partner: $0, period: 0)!.kpis[0]).text }
    #expect(words == ["below threshold", "partial", "met", "exceeded (163 %)", "missing"])
  }
}
