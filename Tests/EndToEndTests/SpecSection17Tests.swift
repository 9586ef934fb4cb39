import Foundation
import Testing

/// SPEC section 17, figure by figure, through the built binary: the pilot
/// example's badges (section 15), program ROI (14) and flag calibration (16).
@Suite struct SpecSection17Tests {
  let db: String

  init() throws {
    db = try Binary.tempDir() + "/pilot.sqlite"
    let r = try Binary.run(["init", "--from", Binary.fixtures + "/pilot-example", "--db", db])
    #expect(r.status == 0, "\(r.stderr)")
  }

  func json(_ args: [String]) throws -> Any {
    let r = try Binary.run(args + ["--db", db, "--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
  }

  func badges(at period: String) throws -> [String: [String]] {
    let rows = try #require(try json(["score", "--period", period]) as? [[String: Any]])
    var out: [String: [String]] = [:]
    for row in rows { out[row["partner_id"] as! String] = row["badges"] as? [String] }
    return out
  }

  /// The scores of the example's table at 2026Q4.
  @Test func theScoresOfTheTable() throws {
    let rows = try #require(try json(["score"]) as? [[String: Any]])
    let scores = Dictionary(
      uniqueKeysWithValues: rows.map { ($0["partner_id"] as! String, $0["score"] as! Double) })
    #expect(scores == ["A": 57, "B": 70, "C": 65, "D": 72.5, "E": 59, "F": 66, "G": 24, "H": 46])
  }

  /// D leads the resellers (ceil(25 x 4 / 100) = 1) and its ttv fell 36, 33,
  /// 30; B leads the MSPs and was promoted; A and F's ttv fell, B's did not
  /// (54, 54, 42). At 2026Q3 E and F tie at 60 and both lead; C is promoted.
  @Test func badges() throws {
    let q4 = try badges(at: "2026Q4")
    #expect(q4["D"] == ["segment_leader", "ttv_falling"])
    #expect(q4["B"] == ["segment_leader", "promoted"])
    #expect(q4["A"] == ["ttv_falling"] && q4["F"] == ["ttv_falling"])
    #expect(q4["C"] == [] && q4["E"] == [] && q4["G"] == [] && q4["H"] == [])
    let q3 = try badges(at: "2026Q3")
    #expect(q3["E"] == ["segment_leader"] && q3["F"] == ["segment_leader"])
    #expect(q3["C"] == ["promoted"])
  }

  @Test func programROI() throws {
    let r = try Binary.run(["roi", "--db", db, "--format", "json"])
    #expect(
      r.stdout
        == """
        {"period": "2026Q4", "kpis": [{"kpi": "rev", "agreements": 3, "paid": 10000, "gain": 110000, "gain_per_paid": 11, "roi": 10}, {"kpi": "ttv", "agreements": 1, "paid": 1000, "gain": 15, "gain_per_paid": 0.015, "roi": null}], "paid": 11000, "cash_gain": 110000, "cash_roi": 9, "periods": [{"period": "2025Q3", "paid": 0, "cash_gain": 0, "cum_cash_roi": null}, {"period": "2025Q4", "paid": 0, "cash_gain": 0, "cum_cash_roi": null}, {"period": "2026Q1", "paid": 0, "cash_gain": 0, "cum_cash_roi": null}, {"period": "2026Q2", "paid": 1000, "cash_gain": 0, "cum_cash_roi": -1}, {"period": "2026Q3", "paid": 6000, "cash_gain": 60000, "cum_cash_roi": 7.5714}, {"period": "2026Q4", "paid": 4000, "cash_gain": 50000, "cum_cash_roi": 9}], "payback": "2026Q3"}

        """)
    let table = try Binary.run(["roi", "--db", db])
    #expect(table.stdout.contains("A lower bound") && table.stdout.contains("Payback in 2026Q3"))
  }

  @Test func flagCalibration() throws {
    let f = try #require(try json(["flags"]) as? [String: Any])
    let risk = try #require(f["at_risk"] as? [String: Any])
    #expect(risk["flagged"] as? Int == 3 && risk["came_true"] as? Int == 1 && risk["events"] as? Int == 4)
    #expect(risk["precision"] as? Double == 0.3333 && risk["recall"] as? Double == 0.25)
    let rising = try #require(f["rising"] as? [String: Any])
    #expect(
      rising["flagged"] as? Int == 2 && rising["came_true"] as? Int == 1 && rising["events"] as? Int == 4)
    #expect(rising["precision"] as? Double == 0.5 && rising["recall"] as? Double == 0.25)
    // E at 2026Q1 (in grace at gold) came true; F and C at 2026Q2 did not.
    let byPeriod = try #require(risk["by_period"] as? [[String: Any]])
    let q1 = try #require(byPeriod.first { $0["period"] as? String == "2026Q1" })
    #expect(q1["flagged"] as? Int == 1 && q1["came_true"] as? Int == 1)
    let q2 = try #require(byPeriod.first { $0["period"] as? String == "2026Q2" })
    #expect(q2["flagged"] as? Int == 2 && q2["came_true"] as? Int == 0)
    #expect(byPeriod.count == 5)
  }

  /// Section 13's figures: p1 at 2026Q4 (2 of 8: large; effect 18, se 5,
  /// t 3.60 on the score; ttv effect 20, se 5, t 4.00; rev t 2.25; adoption
  /// t 3.61: all better); p2 (1 of 8: ok; score change 52.5 against 5.925,
  /// effect 46.575, no se: unclear; rev n [0, 5]); p1 at 2026Q1: an error.
  @Test func pilotCohorts() throws {
    let p1 = try Binary.run(["pilot", "p1", "--db", db, "--format", "json"])
    #expect(
      p1.stdout
        == """
        {"cohort": "p1", "start": "2026Q2", "period": "2026Q4", "members": 2, "share": 0.25, "size": "large", "pre": ["2026Q1"], "post": ["2026Q2", "2026Q3", "2026Q4"], "results": [{"measure": "score", "n": [2, 5], "change": [20, 2], "effect": 18, "se": 5, "t": 3.6, "verdict": "better"}, {"measure": "rev", "n": [2, 5], "change": [33333.3333, 6666.6667], "effect": 26666.6667, "se": 11836.8539, "t": 2.25, "verdict": "better"}, {"measure": "ttv", "n": [2, 5], "change": [20, 0], "effect": 20, "se": 5, "t": 4, "verdict": "better"}, {"measure": "adoption", "n": [2, 5], "change": [4.5, 1.1333], "effect": 3.3667, "se": 0.9315, "t": 3.61, "verdict": "better"}]}

        """)
    let p2 = try #require(try json(["pilot", "p2"]) as? [String: Any])
    #expect(p2["share"] as? Double == 0.125 && p2["size"] as? String == "ok")
    let results = try #require(p2["results"] as? [[String: Any]])
    #expect(results[0]["n"] as? [Int] == [1, 5] && results[0]["effect"] as? Double == 46.575)
    #expect(results[0]["change"] as? [Double] == [52.5, 5.925])
    #expect(results[0]["se"] is NSNull && results[0]["verdict"] as? String == "unclear")
    #expect(results[1]["measure"] as? String == "rev" && results[1]["n"] as? [Int] == [0, 5])
    let early = try Binary.run(["pilot", "p1", "--period", "2026Q1", "--db", db])
    #expect(early.status == 1 && early.stderr.contains("starts in 2026Q2"))
    let unknown = try Binary.run(["pilot", "p9", "--db", db])
    #expect(unknown.status == 1 && unknown.stderr.contains("cohorts: p1, p2"))
    let table = try Binary.run(["pilot", "p1", "--db", db])
    #expect(table.stdout.contains("larger than the 10-15 %") && table.stdout.contains("better than the rest"))
  }

  /// cohorts.csv is checked like every file: located errors, nothing written.
  @Test func badCohortFilesAreRefused() throws {
    let dir = try Binary.tempDir()
    let before = try Binary.dump(db)
    for (text, said) in [
      ("partner_id,cohort,start\nA,P-1,2026Q2\n", "expected an id of a-z"),
      ("partner_id,cohort,start\nA,p3,2026Q2\nB,p3,2026Q3\n", "same start"),
      ("partner_id,cohort,start\nA,p3,2026Q2\nA,p3,2026Q2\n", "twice"),
      ("partner_id,cohort,start\nZ,p3,2026Q2\n", "unknown partner"),
      ("partner_id,cohort,start\nA,p1,2026Q3\n", "starts in 2026Q2 in the store"),
      ("partner_id,cohort,start\nA,p3,2026Q9\n", "YYYYQn"),
    ] {
      try text.write(toFile: dir + "/cohorts.csv", atomically: true, encoding: .utf8)
      let r = try Binary.run(["import", dir + "/cohorts.csv", "--db", db])
      #expect(r.status == 1 && r.stderr.contains("cohorts.csv:"), "\(text): \(r.stderr)")
      #expect(r.stderr.contains(said), "\(text): \(r.stderr)")
    }
    #expect(try Binary.dump(db) == before)
    // A good one imports and undoes like any file.
    try "partner_id,cohort,start\nD,p3,2026Q4\n".write(
      toFile: dir + "/cohorts.csv", atomically: true, encoding: .utf8)
    let ok = try Binary.run(["import", dir + "/cohorts.csv", "--db", db])
    #expect(ok.status == 0, "\(ok.stderr)")
    #expect(try Binary.run(["pilot", "p3", "--db", db]).status == 0)
  }

  /// Badges where a partner is looked at: tier, the partner screen (from the
  /// kept scores: a top badge by the kept ranks), the QBR pack.
  @Test func badgesAreShownWithThePartner() throws {
    let tier = try Binary.run(["tier", "D", "--db", db])
    #expect(tier.stdout.contains("Badges         Segment leader, Faster to value two quarters running"))
    let screen = try Binary.run(["render", "partner", "B", "--size", "160x48", "--db", db])
    #expect(screen.stdout.contains("badges: Segment leader, Promoted"))
    let pack = try Binary.tempDir() + "/b.md"
    #expect(try Binary.run(["qbr", "B", "--export", pack, "--db", db]).status == 0)
    #expect(
      try String(contentsOfFile: pack, encoding: .utf8).contains("| Badges | Segment leader, Promoted |"))
  }

  func render(_ args: [String]) throws -> String {
    let r = try Binary.run(["render"] + args + ["--db", db], env: ["LANG": "C.UTF-8"])
    #expect(r.status == 0, "\(r.stderr)")
    return r.stdout
  }

  /// The Pilot screen shows section 17's p1 figures: each group's change
  /// and count, the effect, se 5 and t 3.60, the verdict, the size against
  /// the advice, and the score's means before and since (A 30, B 38 to 54
  /// each; the rest 50.25 to 52.25).
  @Test(arguments: ["80x24", "120x40", "220x60"]) func thePilotScreen(size: String) throws {
    let text = try render(["pilot", "--cohort", "p1", "--size", size])
    let wide = size != "80x24"
    for expected in [
      "2 members, 25 % of the partners: larger than the 10-15 % a pilot should have",
      wide ? "+20.00 (n 2)" : "+20.00", wide ? "+2.00 (n 5)" : "+2.00", "+18.00", "5.00", "3.60",
      wide ? "better than the rest" : "better", "34.00", "54.00", "50.25", "52.25",
    ] {
      #expect(text.contains(expected), "\(size): \(expected)\n\(text)")
    }
    let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(words.contains("the difference is +18.00 (se 5.00, t 3.60): better than the rest."), "\(text)")
    // p2 has one member: nothing to tell, said so.
    let p2 = try render(["pilot", "--cohort", "p2", "--size", size])
    #expect(p2.contains("too few partners to tell"), "\(p2)")
    // Before the start: the reason, not a table.
    let early = try render(["pilot", "--cohort", "p1", "--period", "2026Q1", "--size", size])
    #expect(early.contains("Pilot p1 starts in 2026Q2"), "\(early)")
  }

  /// The overview names the at-risk flag's record beside the flags: at
  /// 2026Q4 it was raised 3 times and came true once (E at 2026Q1); at
  /// 2026Q2, once and right. Kept with the scores, as `flags` reads it
  /// (`flagCalibration` checks its figures through the kept rows).
  @Test func theOverviewSaysHowOftenTheFlagCameTrue() throws {
    #expect(
      try render(["overview", "--size", "120x40"]).contains("At risk (1) · flag right 1 of 3 times so far"))
    #expect(
      try render(["overview", "--period", "2026Q2", "--size", "120x40"]).contains(
        "At risk (2) · flag right 1 of 1 time so far"))
  }

  /// The Program return screen shows section 17's ROI: paid 11,000, cash
  /// gain 110,000, cash ROI 9, payback 2026Q3 a quarter after the first
  /// payout, the running net -1,000 / 53,000 / 99,000, and rev's row.
  @Test(arguments: ["80x24", "120x40", "220x60"]) func theProgramReturnScreen(size: String) throws {
    let text = try render(["roi", "--size", size])
    // The sentences wrap to the width: read them as words.
    let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    for expected in [
      "Paid 11,000.00", "cash gain 110,000.00", "cash ROI 9.00 (900 %)",
      "Payback in 2026Q3, 1 quarter after the first payout (2026Q2)", "-1,000.00", "53,000.00", "99,000.00",
      "10,000.00", "11.0000", "10.00", "0.0150",
    ] {
      #expect(words.contains(expected), "\(size): \(expected)\n\(text)")
    }
    let payback = try #require(text.split(separator: "\n").first { $0.hasPrefix("2026Q3 ") })
    #expect(payback.contains("payback"), "\(payback)")
  }
}

/// The outcome screens at the limits: a KPI name holding control
/// characters, revenue at the largest value a file may hold (1e15) and a
/// payout of 1e12. Nothing traps, nothing reaches the terminal raw, and the
/// numbers that show are whole (a column that cannot hold them is left out,
/// the sentences wrap).
@Suite struct OutcomeScreensAtTheLimitsTests {
  @Test func hostileNamesAndHugeValues() throws {
    let dir = try Binary.tempDir()
    let data = dir + "/data"
    try FileManager.default.copyItem(atPath: Binary.fixtures + "/pilot-example", toPath: data)
    func edit(_ file: String, _ change: (String) -> String) throws {
      let path = data + "/" + file
      try change(try String(contentsOfFile: path, encoding: .utf8)).write(
        toFile: path, atomically: true, encoding: .utf8)
    }
    try edit("program.toml") {
      $0.replacingOccurrences(of: "name = \"Revenue\"", with: "name = \"Rev\\u001b[2J\\u0007enue\"")
    }
    try edit("metrics.csv") { text in
      var lines = text.split(separator: "\n").map(String.init)
      if let i = lines.firstIndex(where: { $0.hasPrefix("A,2026Q3,rev,") }) { lines[i] = "A,2026Q3,rev,1e15" }
      return lines.joined(separator: "\n") + "\n"
    }
    try edit("agreements.csv") { $0.replacingOccurrences(of: "2026Q3,10000,", with: "2026Q3,1e12,") }
    let db = dir + "/s.sqlite"
    let made = try Binary.run(["init", "--from", data, "--db", db])
    #expect(made.status == 0, "\(made.stderr)")
    for screen in [["pilot", "--cohort", "p1"], ["roi"]] {
      for size in ["80x24", "220x60"] {
        let r = try Binary.run(["render"] + screen + ["--size", size, "--db", db])
        #expect(r.status == 0, "\(screen) \(size): \(r.stderr)")
        #expect(!r.stdout.contains("\u{1b}") && !r.stdout.contains("\u{07}"), "\(screen) \(size)")
        #expect(r.stdout.contains("Rev"), "\(screen) \(size)")
        if screen == ["roi"] {
          let words = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
          // X1 pays its whole 1e12 (A's revenue is far past the target); X2,
          // X3 and X5 pay 5,000 as in section 17. Cash gain: X1 (1e15 -
          // 100,000) plus X5's 50,000; ROI (gain - paid) / paid = 998.99999...
          #expect(words.contains("Paid 1,000,000,005,000.00 USD"), "\(size)\n\(r.stdout)")
          #expect(words.contains("cash gain 999,999,999,950,000.00 USD"), "\(size)\n\(r.stdout)")
          #expect(words.contains("cash ROI 999.00 (99900 %)"), "\(size)\n\(r.stdout)")
        }
      }
    }
  }
}
