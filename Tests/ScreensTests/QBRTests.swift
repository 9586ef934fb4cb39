import Dashboard
import Foundation
import Presentation
import Scoring
import Screens
import TerminalUI
import Testing

/// QBR slides: snapshots, privacy, masking.
@Suite struct QBRTests {
  static let book = ScreenSnapshotTests.book
  static let latest = book.periods.count - 1

  static func slides(_ p: Int, width: Int, height: Int, masked: Bool = false, glyphs: Glyphs = .unicode)
    -> [String]
  {
    (0..<QBRModel.slideTitles.count).map { i in
      var s = DashboardState(book: book, width: width, height: height)
      Update.apply(.command(.openQBR(p, standalone: true)), to: &s)
      Update.apply(.command(.qbrSlide(i)), to: &s)
      Update.apply(.command(.maskAmounts(masked)), to: &s)
      return TextBackend.render(DashboardView.render(s, glyphs: glyphs))
    }
  }

  static let acme = book.partners.firstIndex { $0.name == "Acme Corporation" }!

  @Test(arguments: ScreenSnapshotTests.sizes) func everySlide(_ size: (Int, Int)) throws {
    let snap = ScreenSnapshotTests()
    for (i, _) in QBRModel.slideTitles.enumerated() {
      var s = DashboardState(book: Self.book, width: size.0, height: size.1)
      Update.apply(.command(.openQBR(Self.acme, standalone: true)), to: &s)
      Update.apply(.command(.qbrSlide(i)), to: &s)
      try snap.assertSnapshot("qbr-\(i + 1)-\(size.0)x\(size.1)", s)
    }
  }

  /// For every partner, no slide names another partner or shows its id.
  @Test func noOtherPartnerOnAnySlide() {
    let partners = Self.book.partners
    for p in Self.book.order[Self.latest] {
      let text = (Self.slides(p, width: 200, height: 60) + Self.slides(p, width: 80, height: 24)).joined(
        separator: "\n")
      for (q, other) in partners.enumerated() where q != p {
        // A name inside this partner's own name (none in the sample) would be no leak.
        if partners[p].name.contains(other.name) { continue }
        #expect(!text.contains(other.name), "\(partners[p].id)'s QBR shows \(other.name)")
        #expect(!text.contains(other.id), "\(partners[p].id)'s QBR shows \(other.id)")
      }
    }
  }

  @Test func maskingHidesEveryAmount() {
    for p in Self.book.order[Self.latest] {
      let plain = Self.slides(p, width: 200, height: 60).joined(separator: "\n")
      let masked = Self.slides(p, width: 200, height: 60, masked: true).joined(separator: "\n")
      #expect(!masked.contains("USD"), "\(Self.book.partners[p].id)")
      if plain.contains("USD") { #expect(masked.contains("•••")) }
    }
  }

  @Test func smallSegmentsShowNoPeerStatistics() {
    // Three partners in one segment: too few to show a median without exposing someone.
    let program = Self.book.program
    let partners = (1...3).map {
      Partner(id: "s\($0)", name: "Small \($0)", segment: "referral", region: "NA")
    }
    let observations = partners.enumerated().map { i, p in
      Observation(
        partnerID: p.id, period: Period(year: 2026, quarter: 1), kpi: "net_new_arr", value: Double(i) * 50_000
      )
    }
    let book = Scorebook(Dataset(program: program, partners: partners, observations: observations))
    #expect(QBRModel(book: book, partner: 0, period: 0)!.peers == nil)
    #expect(QBRModel(book: Self.book, partner: Self.acme, period: Self.latest)!.peers?.count == 20)
  }

  /// The peer histogram in both packs: Acme (52.90) in the 50-60 band of
  /// its 20 resellers; every band of the screen's slide in each pack.
  @Test func thePacksCarryThePeerHistogram() throws {
    let model = try #require(QBRModel(book: Self.book, partner: Self.acme, period: Self.latest))
    let document = QBRDocument(model: model, masked: false)
    let bands = document.content.peerBands
    #expect(bands.map(\.label).first == "90-100" && bands.map(\.label).last == "0-10")
    #expect(bands.reduce(0) { $0 + $1.partners } == 20)
    #expect(bands.filter(\.mine).map(\.label) == ["50-60"])
    let markdown = document.markdown()
    for band in bands {
      #expect(markdown.contains("| \(band.label) | \(band.partners) | \(band.mine ? "◀ you" : "") |"))
    }
    let html = document.html()
    #expect(html.contains("<figcaption>Partners per score band</figcaption>"))
    #expect(html.components(separatedBy: "<rect ").count - 1 == 10)
    #expect(html.contains(">\(bands.first { $0.mine }!.partners)  ◀ you</text>"))
    // The score chart names its quarters.
    #expect(
      html.contains(">\(Self.book.periods.first!)</text>")
        && html.contains(">\(Self.book.periods.last!)</text>"))
  }

  @Test func pathsInTheKPIsOwnUnits() {
    let model = QBRModel(book: Self.book, partner: Self.acme, period: Self.latest)!
    let paths = model.evaluation.whatItTakes.compactMap { model.path($0, mask: false) }
    #expect(paths == ["Customer adoption 50 % -> 54.34 %"])
  }
}

/// The packs lay out one model: every table's rows are as long as its header.
@Suite struct QBRPackTableTests {
  static let book = ScreenSnapshotTests.book
  static let latest = book.periods.count - 1

  /// Cells per row of every `<table>`, colspans counted.
  static func htmlTables(_ html: String) -> [[Int]] {
    html.components(separatedBy: "<table>").dropFirst().map { table in
      let body = table.components(separatedBy: "</table>")[0]
      return body.components(separatedBy: "<tr").dropFirst().map { row in
        var n = 0
        for part in row.components(separatedBy: "<t").dropFirst()
        where part.hasPrefix("d") || part.hasPrefix("h") {
          if let r = part.range(of: "colspan="), let span = Int(part[r.upperBound...].prefix { $0.isNumber })
          {
            n += span
          } else {
            n += 1
          }
        }
        return n
      }
    }
  }

  @Test func everyRowMatchesItsHeader() throws {
    var tables = 0
    for p in Self.book.order[Self.latest] {
      let model = try #require(QBRModel(book: Self.book, partner: p, period: Self.latest))
      for masked in [false, true] {
        let doc = QBRDocument(model: model, masked: masked)
        for (i, rows) in Self.htmlTables(doc.html()).enumerated() {
          #expect(Set(rows).count == 1, "\(Self.book.partners[p].id) HTML table \(i + 1): \(rows)")
          tables += 1
        }
        // Markdown: a table is a run of lines starting with "|"; unescaped pipes count cells.
        var run: [Int] = []
        let lines = doc.markdown().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for line in lines + [""] {
          if line.hasPrefix("|") {
            var count = 0
            var escaped = false
            for ch in line {
              if ch == "|" && !escaped { count += 1 }
              escaped = ch == "\\" && !escaped
            }
            run.append(count)
          } else if !run.isEmpty {
            #expect(Set(run).count == 1, "\(Self.book.partners[p].id) Markdown table: \(run)")
            run = []
            tables += 1
          }
        }
      }
    }
    #expect(tables > 100)
  }

  @Test func thePayoutTableHasAShareUnderShare() throws {
    let acme = Self.book.partners.firstIndex { $0.name == "Acme Corporation" }!
    let html = QBRDocument(
      model: QBRModel(book: Self.book, partner: acme, period: Self.latest)!, masked: false
    )
    .html()
    #expect(html.contains("<th>Share</th><th>Payout</th><th>Status</th>"))
    #expect(html.contains("<td class=n>10 %</td><td class=n>1,200.00 USD</td><td>verified</td>"))
  }
}

/// SPEC section 5: a partner in grace is told what keeps its tier, first;
/// at the top tier, never "nothing to do".
@Suite struct KeepingTheTierTests {
  static let book = ScreenSnapshotTests.book
  static let latest = book.periods.count - 1

  @Test func everyPartnerInGraceIsToldWhatKeepsItsTier() throws {
    let inGrace = Self.book.order[Self.latest].filter { Self.book.grace($0, Self.latest) > 0 }
    #expect(!inGrace.isEmpty)
    var topTier = 0
    for p in inGrace {
      let model = try #require(QBRModel(book: Self.book, partner: p, period: Self.latest))
      let e = model.evaluation
      let content = QBRContent(model, masked: false)
      #expect(content.keep?.title == "To keep \(e.tier.name)")
      let md = QBRDocument(model: model, masked: false).markdown()
      let keep = try #require(md.range(of: "**To keep \(e.tier.name)**"))
      #expect(!md.contains("You are at the top tier"))
      if let reach = md.range(of: "**To reach") { #expect(keep.lowerBound < reach.lowerBound) }
      if e.nextTier == nil { topTier += 1 }
      var s = DashboardState(book: Self.book, width: 120, height: 60)
      Update.apply(.command(.openPartner(p)), to: &s)
      let card = TextBackend.render(DashboardView.render(s, glyphs: .unicode))
      #expect(card.contains("to keep \(e.tier.name)"), "\(Self.book.partners[p].id)")
      #expect(!card.contains("Nothing"))
    }
    #expect(topTier > 0, "the sample has a partner in grace at the top tier (Müller)")
  }
}
