import Foundation
import Testing

/// The command line, end to end, on the spec's worked example.
@Suite struct CommandTests {
  let dir: String
  let db: String

  init() throws {
    (dir, db) = try Binary.specExampleStore()
    // 2026Q1-2026Q3 final, 2026Q4 open: both states in every report.
    #expect(try Binary.run(["close", "2026Q3", "--db", db]).status == 0)
  }

  @Test func tierLookupByPieceOfName() throws {
    let r = try Binary.run(["tier", "ALPH", "--db", db])
    #expect(r.status == 0)
    let expected = """
      Alpha (A) · reseller · EMEA · 2026Q4 (provisional, 2 of 2 partners reported)
      Tier           Gold (qualifies for Silver), in grace 1 of 1
      Qualified      Silver
      Grace          1 of 1
      Score          70.83   rank 2 of 2 · segment rank 1 of 1
      Flags          at risk, grace 1/1, trend +16.92/quarter
      Keep tier      9.17 points to keep Gold (min score 80)
      To keep it     (one KPI closes the gap alone)
        Revenue                 50 USD -> 68.34 USD
        Time to value           alone at most +4.17 points
        NPS                     already at full credit
      Next tier      Platinum: 19.17 points needed (min score 90)
      Progress       ░░░░░░░░░░░░░░░░░░░░ 0 %
      Unmet          Time to value <= 35 days: unmet (now 40 days)
      What it takes  (one KPI closes the gap alone)
        Revenue                 50 USD -> 88.34 USD
        Time to value           alone at most +4.17 points
        NPS                     already at full credit
      Together       (the tier's requirements first, then the KPIs with the most points to gain)
        Time to value           40 days -> 35 days (+2.08 points, required)
        Revenue                 50 USD -> 84.17 USD (+17.09 points)

      """
    // Platinum needs Time to value <= 35: 40 days is credit 0.5 of its 4.17
    // points of headroom (8.33 at full credit), 35 days is 0.75: +2.08; the
    // 17.09 left at 2 USD of revenue per point: 50 + 34.17 = 84.17 USD.
    #expect(r.stdout == expected)
  }

  /// `--db` may come before the command, as git's and kubectl's global
  /// options do: the same output as after it.
  @Test func theStoreOptionBeforeTheCommand() throws {
    let after = try Binary.run(["leaderboard", "--top", "2", "--db", db])
    let before = try Binary.run(["--db", db, "leaderboard", "--top", "2"])
    let equals = try Binary.run(["--db=\(db)", "leaderboard", "--top", "2"])
    #expect(after.status == 0 && before.status == 0 && equals.status == 0)
    #expect(before.stdout == after.stdout && equals.stdout == after.stdout && !after.stdout.isEmpty)
  }

  @Test func changesAt2026Q4() throws {
    let r = try Binary.run(["changes", "--db", db], env: ["COLUMNS": "100"])
    #expect(r.status == 0, "\(r.stderr)")
    let expected = """
      Worked example · 2026Q4 (provisional, 2 of 2 partners reported) compared with 2026Q3
      Promoted (0): none
      Demoted (0): none
      Entered grace (1)
        Partner  Id  Tier  Score  Why
        Alpha    A   Gold  70.83  keeps Gold in grace 1 of 1, qualifies for Silver, 9.17 points to keep it
      Left grace (0): none
      New (0): none
      Awaiting data (0): none
      No data (0): none
      At risk (1)
        Partner  Id  Tier  Score  Why
        Alpha    A   Gold  70.83  in grace 1 of 1
      Rising, on track (1)
        Partner  Id  Tier  Score  Why
        Beta     B   Gold  87.50  projected 103.5 ≥ Platinum 90
      Blocked by a requirement (0): none

      """
    #expect(r.stdout == expected)
  }

  @Test func changesAsJSONAndCSV() throws {
    let json = try Binary.run(["changes", "--db", db, "--period", "2026Q2", "--format", "json"])
    #expect(json.status == 0)
    #expect(
      json.stdout.hasPrefix(
        "{\"period\": \"2026Q2\", \"previous\": \"2026Q1\", \"changes\": [{\"section\": \"new\""))
    #expect(
      json.stdout.contains(
        "\"section\": \"blocked\", \"partner_id\": \"A\", \"name\": \"Alpha\", \"segment\": \"reseller\", \"region\": \"EMEA\", \"from_tier\": null, \"tier\": \"base\", \"score\": 50.63, \"grace\": 0, \"next_tier\": \"silver\", \"unmet_requirements\": [{\"kpi\": \"nps\", \"required\": 20, \"current\": 15}]"
      ))
    let csv = try Binary.run(["changes", "--db", db, "--period", "2026Q3", "--format", "csv"])
    #expect(
      csv.stdout == """
        section,partner_id,name,segment,region,from_tier,tier,score,reason
        promoted,A,Alpha,reseller,EMEA,base,gold,89.79,Base -> Gold
        promoted,B,Beta,referral,NA,silver,gold,84.72,Silver -> Gold
        blocked,A,Alpha,reseller,EMEA,,gold,89.79,Platinum needs Time to value <= 35 days (now 42.5 days)
        blocked,B,Beta,referral,NA,,gold,84.72,Platinum needs Time to value <= 35 days (now 42.5 days)

        """)
    let bad = try Binary.run(["changes", "--db", db, "--segment", "nope"])
    #expect(bad.status != 0 && bad.stderr.contains("--segment: unknown segment \"nope\""))
  }

  /// SPEC section 12 through the binary: compare with the volume program.
  @Test func compareWithTheVolumeProgram() throws {
    let volume = Binary.fixtures + "/spec-example/volume.toml"
    let json = try Binary.run(["compare", volume, "--db", db, "--format", "json"])
    #expect(json.status == 0, "\(json.stderr)")
    #expect(
      json.stdout
        == "{\"period\": \"2026Q4\", \"current\": \"Worked example\", \"other\": \"Volume only\", \"partners\": [{\"partner_id\": \"B\", \"name\": \"Beta\", \"segment\": \"referral\", \"score\": [87.5, 66.67], \"tier\": [\"gold\", \"silver\"], \"rank\": [1, 1]}, {\"partner_id\": \"A\", \"name\": \"Alpha\", \"segment\": \"reseller\", \"score\": [70.83, 33.33], \"tier\": [\"gold\", \"silver\"], \"rank\": [2, 2]}], \"tiers\": [{\"from\": \"gold\", \"to\": \"silver\", \"partners\": 2}], \"payouts\": [9550, 10125]}\n"
    )
    let table = try Binary.run(["compare", volume, "--db", db], env: ["COLUMNS": "80"])
    #expect(table.status == 0)
    #expect(table.stdout.contains("2 partners evaluated; the tier changes for 2 (100 %)."))
    #expect(table.stdout.contains("Payouts of agreements up to 2026Q4: 9,550.00 → 10,125.00 USD (+575.00)"))
    #expect(table.stdout.contains("Alpha    70.83 → 33.33  -37.50  Gold → Silver"))
    // Both change tier, and both are named (Beta first: the same tiers, the smaller loss).
    let changers = table.stdout.components(separatedBy: "Tier changes (2)\n").last ?? ""
    let named = changers.split(separator: "\n").prefix(3).map(String.init)
    #expect(named.count == 3 && named[1].contains("Beta") && named[1].contains("Gold → Silver"))
    #expect(named[2].contains("Alpha") && named[2].contains("-37.50"))
    #expect(table.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
    let csv = try Binary.run(["compare", volume, "--db", db, "--period", "2026Q3", "--format", "csv"])
    // 2026Q3: A 89.79 -> 60.00 (rev 90 of 150), B 84.72 -> 70.00 (105 of 150).
    #expect(csv.stdout.contains("A,Alpha,reseller,EMEA,89.79,60.00,-29.79,gold,silver,1,2,0,0"))
    #expect(csv.stdout.contains("B,Beta,referral,NA,84.72,70.00,-14.72,gold,silver,2,1,0,0"))
    // The store is unchanged: the same scores as before.
    #expect(try Binary.run(["tier", "A", "--db", db]).stdout.contains("Score          70.83"))
  }

  @Test func compareRefusesAProgramMissingASegment() throws {
    let dir = try Binary.tempDir()
    let text = try String(contentsOfFile: Binary.fixtures + "/spec-example/volume.toml", encoding: .utf8)
      .replacingOccurrences(of: "[[segment]]\nid = \"referral\"\nname = \"Referral\"\n", with: "")
    try text.write(toFile: dir + "/volume.toml", atomically: true, encoding: .utf8)
    let r = try Binary.run(["compare", dir + "/volume.toml", "--db", db])
    #expect(r.status == 1)
    #expect(
      r.stderr.contains(
        "volume.toml:8: segment: segment \"referral\" is not declared, but 1 partner in the store belongs to it (first: B Beta)"
      ), "\(r.stderr)")
    try text.replacingOccurrences(of: "target = 150", with: "target = \"lots\"").write(
      toFile: dir + "/bad.toml", atomically: true, encoding: .utf8)
    let bad = try Binary.run(["compare", dir + "/bad.toml", "--db", db])
    #expect(bad.status == 1 && bad.stderr.contains("bad.toml:") && bad.stderr.contains("target"))
    let none = try Binary.run(["compare", dir + "/none.toml", "--db", db])
    #expect(none.status == 1 && none.stderr.contains("cannot read the program file"))
  }

  @Test func renderWhatIfAndFairness() throws {
    let volume = Binary.fixtures + "/spec-example/volume.toml"
    let w = try Binary.run(["render", "whatif", "--other", volume, "--db", db, "--size", "80x24"])
    #expect(w.status == 0, "\(w.stderr)")
    #expect(w.stdout.contains("2 of 2 change tier (100 %) · payouts 9,550.00 → 10,125.00 USD (+575.00)"))
    #expect(w.stdout.contains("Biggest losers (2)"))
    #expect(w.stdout.split(separator: "\n", omittingEmptySubsequences: false).count >= 24)
    let f = try Binary.run(["render", "fairness", "--by", "region", "--db", db, "--size", "80x24"])
    #expect(f.status == 0)
    #expect(f.stdout.contains("by region") && f.stdout.contains("EMEA") && f.stdout.contains("flagged"))
    let missing = try Binary.run(["render", "whatif", "--db", db])
    #expect(missing.status == 1 && missing.stderr.contains("--other"))
  }

  @Test(arguments: ["bash", "zsh", "fish"]) func shellCompletionScripts(_ shell: String) throws {
    let r = try Binary.run(["--generate-completion-script", shell])
    #expect(r.status == 0)
    for command in ["leaderboard", "tier", "changes", "compare", "fairness", "payouts", "render"] {
      #expect(r.stdout.contains(command), "\(shell) completion lacks \(command)")
    }
    #expect(r.stdout.contains("toml"))
  }

  /// SPEC section 12 through the binary: the fairness review.
  @Test func fairnessBySegmentAndRegion() throws {
    let json = try Binary.run(["fairness", "--db", db, "--format", "json"])
    #expect(json.status == 0)
    #expect(
      json.stdout
        == """
        [
          {"group": "reseller", "n": 1, "mean": 70.83, "median": 70.83, "tiers": {"base": 0, "silver": 0, "gold": 1, "platinum": 0}, "gap": 16.67, "flagged": true, "drags": [{"kpi": "rev", "gap": 0.3333}, {"kpi": "ttv", "gap": 0.125}]},
          {"group": "referral", "n": 1, "mean": 87.5, "median": 87.5, "tiers": {"base": 0, "silver": 0, "gold": 1, "platinum": 0}, "gap": -16.67, "flagged": false, "drags": []}
        ]

        """)
    let regions = try Binary.run(["fairness", "--db", db, "--by", "region", "--format", "csv"])
    #expect(
      regions.stdout
        == """
        group,n,mean,median,share_base,share_silver,share_gold,share_platinum,gap,flagged,drags
        EMEA,1,70.83,70.83,0.0000,0.0000,1.0000,0.0000,16.67,true,rev 0.3333; ttv 0.1250
        NA,1,87.50,87.50,0.0000,0.0000,1.0000,0.0000,-16.67,false,

        """)
    let table = try Binary.run(["fairness", "--db", db], env: ["COLUMNS": "100"])
    // The reseller's median 70.83 against the others' 87.50: 16.67 behind, flagged.
    let reseller = table.stdout.split(separator: "\n").first { $0.hasPrefix("Reseller") } ?? ""
    #expect(
      reseller.contains("70.83   70.83") && reseller.contains("16.67 behind") && reseller.contains("FLAGGED"))
    let referral = table.stdout.split(separator: "\n").first { $0.hasPrefix("Referral") } ?? ""
    #expect(referral.contains("16.67 ahead") && !referral.contains("FLAGGED"))
    // 2026Q1: one partner, no one else: no gap.
    let first = try Binary.run(["fairness", "--db", db, "--period", "2026Q1", "--format", "json"])
    #expect(first.stdout.contains("\"gap\": null, \"flagged\": false"))
    #expect(try Binary.run(["fairness", "--db", db, "--by", "country"]).status == 64)
  }

  @Test func tierAt2026Q3ShowsWhatItTakes() throws {
    let r = try Binary.run(["tier", "A", "--db", db, "--period", "2026Q3", "--format", "json"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("\"points_needed\": 0.21, \"keep_points_needed\": null, \"progress\": 0.979"))
    #expect(r.stdout.contains("{\"kpi\": \"rev\", \"current\": 90, \"needed\": 90.42"))
    #expect(r.stdout.contains("{\"kpi\": \"ttv\", \"current\": 42.5, \"needed\": 41.996"))
    #expect(r.stdout.contains("{\"kpi\": \"nps\", \"current\": 25, \"needed\": null"))
    #expect(
      r.stdout.contains(
        "\"unmet_requirements\": [{\"kpi\": \"ttv\", \"required\": 35, \"current\": 42.5, \"outcome\": \"unmet\"}]"
      ))
  }

  @Test func severalMatchesListThemAndExit1() throws {
    let r = try Binary.run(["tier", "a", "--db", db])
    #expect(r.status == 1)
    #expect(r.stderr.contains("\"a\" matches 2 partners"))
    #expect(r.stderr.contains("  A  Alpha"))
    #expect(r.stderr.contains("  B  Beta"))
  }

  @Test func noMatchExits1WithAHint() throws {
    let r = try Binary.run(["tier", "zzz", "--db", db])
    #expect(r.status == 1)
    #expect(
      r.stderr
        == "partnerboard: no partner matches \"zzz\". Try a piece of the name, or list them with `partnerboard leaderboard`.\n"
    )
  }

  @Test func scoreJSONIsSection8() throws {
    let r = try Binary.run(["score", "--db", db, "--period", "2026Q2", "--format", "json"])
    #expect(r.status == 0)
    let expected = """
      [
        {"partner_id": "B", "name": "Beta", "segment": "referral", "period": "2026Q2", "score": 55.56, "rank": 1, "segment_rank": 1, "movement": null, "qualified_tier": "silver", "tier": "silver", "grace": 0, "next_tier": "gold", "points_needed": 24.44, "keep_points_needed": null, "progress": 0.1853, "at_risk": false, "rising": false, "slope": null, "provisional": false, "badges": [], "kpis": [{"kpi": "rev", "value": 60, "attainment": 0.5, "points": 33.33, "status": "ok"}, {"kpi": "ttv", "value": 50, "attainment": 0.6667, "points": 22.22, "status": "ok"}, {"kpi": "nps", "value": null, "attainment": 0, "points": 0, "status": "not_applicable"}]},
        {"partner_id": "A", "name": "Alpha", "segment": "reseller", "period": "2026Q2", "score": 50.63, "rank": 2, "segment_rank": 1, "movement": -1, "qualified_tier": "base", "tier": "base", "grace": 0, "next_tier": "silver", "points_needed": 0, "keep_points_needed": null, "progress": 1, "at_risk": false, "rising": true, "slope": 23.13, "provisional": false, "badges": [], "kpis": [{"kpi": "rev", "value": 70, "attainment": 0.7, "points": 35, "status": "ok"}, {"kpi": "ttv", "value": 52.5, "attainment": 0.625, "points": 15.63, "status": "ok"}, {"kpi": "nps", "value": 15, "attainment": 0, "points": 0, "status": "no_baseline"}]}
      ]

      """
    #expect(r.stdout == expected)
  }

  /// Every --format a command lists works; tier offers no CSV.
  @Test func tierOffersTableAndJSONOnly() throws {
    let r = try Binary.run(["tier", "A", "--db", db, "--format", "csv"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("Please provide one of 'table' and 'json'"))
  }

  /// SPEC section 12: A is in grace at gold in 2026Q4 and needs 9.17 points to keep it.
  @Test func keepPointsNeededInTheJSON() throws {
    let r = try Binary.run(["score", "--db", db, "--period", "2026Q4", "--format", "json"])
    #expect(r.status == 0)
    #expect(r.stdout.contains(#""partner_id": "A""#) && r.stdout.contains(#""keep_points_needed": 9.17"#))
    #expect(r.stdout.contains(#""partner_id": "B""#) && r.stdout.contains(#""keep_points_needed": null"#))
  }

  /// By hand on the spec example: X1 2,750.00 and X2 6,800.00 verified, X3
  /// pending at its floor, 500.00.
  @Test func payoutsFilteredWithSubtotalsAndANamedCSV() throws {
    let all = try Binary.run(["payouts", "--db", db])
    #expect(all.status == 0)
    #expect(all.stdout.contains("Verified (2)   9,550.00  USD  agreements up to the data"))
    #expect(all.stdout.contains("Pending (1)      500.00  USD  floor shares of agreements after the data"))
    #expect(all.stdout.contains("Total (3)     10,050.00  USD"))
    // X3 can pay up to 5,000 x 1.25 (the schedule's top share) = 6,250.00;
    // its floor is 500.00, so 5,750.00 is still open.
    #expect(all.stdout.contains("Still open     5,750.00  USD  more that pending agreements can pay"))
    let verified = try Binary.run(["payouts", "--db", db, "--status", "verified", "--format", "json"])
    #expect(
      verified.stdout.contains("\"X1\"") && verified.stdout.contains("\"X2\"")
        && !verified.stdout.contains("\"X3\""))
    let later = try Binary.run(["payouts", "--db", db, "--period", "2027Q1", "--format", "csv"])
    #expect(
      later.stdout
        == "id,partner_id,name,kpi,kpi_name,period,value,attainment,share,max_payout,payout,status\nX3,A,Alpha,rev,Revenue,2027Q1,,,0.1000,5000.00,500.00,pending\n"
    )
    let csv = try Binary.run(["payouts", "--db", db, "--format", "csv"])
    #expect(csv.stdout.contains("X1,A,Alpha,rev,Revenue,2026Q3,90,0.6250,0.5500,10000.00,2750.00,verified"))
    #expect(try Binary.run(["payouts", "--db", db, "--status", "paid"]).status == 1)
  }

  @Test func payoutsJSON() throws {
    let r = try Binary.run(["payouts", "--db", db, "--format", "json"])
    #expect(r.status == 0)
    let expected = """
      [
        {"id": "X1", "partner_id": "A", "kpi": "rev", "period": "2026Q3", "value": 90, "attainment": 0.625, "share": 0.55, "payout": 2750, "status": "verified", "provisional": false},
        {"id": "X2", "partner_id": "B", "kpi": "ttv", "period": "2026Q4", "value": 32.5, "attainment": 0.875, "share": 0.85, "payout": 6800, "status": "verified", "provisional": true},
        {"id": "X3", "partner_id": "A", "kpi": "rev", "period": "2027Q1", "value": null, "attainment": null, "share": 0.1, "payout": 500, "status": "pending", "provisional": true}
      ]

      """
    #expect(r.stdout == expected)
  }

  @Test func badPeriodIsAMessageNotATrap() throws {
    let r = try Binary.run(["score", "--db", db, "--period", "2030Q1"])
    #expect(r.status == 1)
    #expect(r.stderr == "partnerboard: --period 2030Q1: outside the program's periods 2026Q1..2026Q4\n")
    let r2 = try Binary.run(["leaderboard", "--db", db, "--period", "Q3"])
    #expect(r2.status == 1)
  }

  @Test func aBadImportLeavesTheStoreExactlyAsItWas() throws {
    let before = try Binary.dump(db)
    let bad = dir + "/metrics.csv"
    try "partner_id,period,kpi,value\nA,2027Q1,rev,10\nZ,2027Q1,rev,oops\n".write(
      toFile: bad, atomically: true, encoding: .utf8)
    let r = try Binary.run(["import", bad, "--db", db])
    #expect(r.status == 1)
    #expect(
      r.stderr.contains(
        "metrics.csv:3: column 4 (value): expected a number (like 1250 or -3.5), found \"oops\""))
    #expect(r.stderr.contains("nothing was changed"))
    #expect(try Binary.dump(db) == before)
  }

  @Test func importThenUndo() throws {
    let before = try Binary.dump(db)
    let next = dir + "/metrics-2027Q1.csv"
    try "partner_id,period,kpi,value\nA,2027Q1,rev,10\nA,2026Q4,rev,1\n".write(
      toFile: next, atomically: true, encoding: .utf8)
    let r = try Binary.run(["import", next, "--db", db])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("metrics-2027Q1.csv: 1 added, 1 replaced, 0 unchanged"))
    let list = try Binary.run(["imports", "--db", db])
    #expect(list.stdout.contains("2  ") && list.stdout.contains("close 2026Q3 (by "))
    #expect(list.stdout.contains("3  "))
    #expect(list.stdout.contains("metrics-2027Q1.csv  sha256:"))
    // Entry 2 is the close of 2026Q3: not an import.
    let refused = try Binary.run(["undo-import", "2", "--db", db])
    #expect(refused.status == 1 && refused.stderr.contains("reopen"))
    let undo = try Binary.run(["undo-import", "3", "--db", db])
    #expect(undo.status == 0, "\(undo.stderr)")
    let after = try Binary.dump(db)
    // Only the import log differs: the data rows are back as they were.
    func data(_ s: String) -> [String] {
      s.split(separator: "\n").map(String.init).filter { !$0.contains("INSERT INTO imports") }
    }
    #expect(data(after) == data(before))
  }

  @Test func initRefusesToOverwriteWithoutForce() throws {
    let r = try Binary.run(["init", "--from", Binary.fixtures + "/spec-example", "--db", db])
    #expect(r.status == 1)
    #expect(r.stderr.contains("already holds a store with data") && !r.stderr.contains("--force"))
    let f = try Binary.run(["init", "--from", Binary.fixtures + "/spec-example", "--db", db, "--force"])
    #expect(f.status == 0)
  }

  @Test func initFromABadFolderKeepsTheOldStore() throws {
    let before = try Binary.dump(db)
    let bad = dir + "/bad"
    try FileManager.default.createDirectory(atPath: bad, withIntermediateDirectories: true)
    for f in ["partners.csv", "metrics.csv"] {
      try FileManager.default.copyItem(atPath: Binary.fixtures + "/spec-example/" + f, toPath: bad + "/" + f)
    }
    try "[program]\nname = \"x\"\n".write(toFile: bad + "/program.toml", atomically: true, encoding: .utf8)
    let r = try Binary.run(["init", "--from", bad, "--db", db, "--force"])
    #expect(r.status == 1)
    #expect(r.stderr.contains("program.toml:1: program.currency: missing required key"))
    #expect(try Binary.dump(db) == before)
  }

  @Test func validateReportsEverythingAndTouchesNoStore() throws {
    let bad = dir + "/v"
    try FileManager.default.createDirectory(atPath: bad, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: Binary.fixtures + "/spec-example/program.toml", toPath: bad + "/program.toml")
    try "id,name,segment,region\nA,Alpha,reseller,EMEA\nB,Beta,msp,NA\n".write(
      toFile: bad + "/partners.csv", atomically: true, encoding: .utf8)
    try "partner_id,period,kpi,value\nA,2026Q1,rev,x\nC,2026Q1,rev,1\nA,26Q1,rev,1\n".write(
      toFile: bad + "/metrics.csv", atomically: true, encoding: .utf8)
    let r = try Binary.run(["validate", bad], env: ["XDG_DATA_HOME": dir + "/xdg"])
    #expect(r.status == 1)
    #expect(r.stderr.contains("4 errors; nothing was changed"))
    #expect(r.stderr.contains("partners.csv:3: column 3 (segment): segment \"msp\" is not declared"))
    #expect(r.stderr.contains("metrics.csv:2: column 4 (value)"))
    #expect(r.stderr.contains("metrics.csv:3: column 1 (partner_id): unknown partner \"C\""))
    #expect(r.stderr.contains("metrics.csv:4: column 2 (period)"))
    #expect(!FileManager.default.fileExists(atPath: dir + "/xdg"))
    let ok = try Binary.run(["validate", Binary.fixtures + "/spec-example"])
    #expect(ok.status == 0)
    #expect(ok.stdout.contains("valid. 2 partners, 17 observations, 3 agreements"))
  }

  @Test func everyCommandHasHelpWithAnExample() throws {
    for c in [
      "leaderboard", "tier", "explain", "score", "payouts", "init", "import", "imports", "undo-import",
      "validate",
    ] {
      let r = try Binary.run([c, "--help"])
      #expect(r.status == 0, "\(c)")
      #expect(r.stdout.contains("partnerboard \(c)"), "\(c)")
      #expect(r.stdout.lowercased().contains("example"), "\(c)")
      // The discussion is written to 80 columns: a 100-column terminal
      // shows it as written, not with one long line among short ones.
      let wide = try Binary.run([c, "--help"], env: ["COLUMNS": "100"])
      let discussion = wide.stdout.components(separatedBy: "\n\n").dropFirst().first ?? ""
      #expect(discussion.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(c): \(discussion)")
    }
  }

  @Test func trendsJSON() throws {
    let r = try Binary.run(["trends", "--db", db, "--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    let expected = """
      [
        {"kpi": "rev", "period": "2026Q4", "n": 2, "missing": 0, "p25": 62.5, "median": 75, "p75": 87.5, "share_at_target": 0, "mean_credit": 0.6667},
        {"kpi": "ttv", "period": "2026Q4", "n": 2, "missing": 0, "p25": 34.375, "median": 36.25, "p75": 38.125, "share_at_target": 0, "mean_credit": 0.8958},
        {"kpi": "nps", "period": "2026Q4", "n": 1, "missing": 0, "p25": 25, "median": 25, "p75": 25, "share_at_target": 1, "mean_credit": 1}
      ]

      """
    #expect(r.stdout == expected)
    let one = try Binary.run(["trends", "--db", db, "--kpi", "nps", "--period", "2026Q2", "--format", "csv"])
    #expect(
      one.stdout == """
        kpi,period,n,missing,p25,median,p75,share_at_target,mean_credit
        nps,2026Q1,1,0,10,10,10,0,0
        nps,2026Q2,1,0,15,15,15,0,0

        """)
    let bad = try Binary.run(["trends", "--db", db, "--kpi", "arr"])
    #expect(bad.status == 1)
    #expect(bad.stderr.contains("--kpi: unknown KPI \"arr\" (known: rev, ttv, nps)"))
  }

  @Test func helpInANarrowTerminalIsNotACrash() throws {
    for columns in ["1", "10", "0", "x"] {
      let r = try Binary.run(["leaderboard", "--help"], env: ["COLUMNS": columns])
      #expect(r.status == 0, "COLUMNS=\(columns)")
      #expect(r.stdout.contains("Examples:"))
    }
  }

  @Test func explainAnswersWhyNotGold() throws {
    let r = try Binary.run(["explain", "beta", "--db", db, "--period", "2026Q2"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("Silver"))
    #expect(r.stdout.contains("NPS >= 20: waived (not measured for this segment)"))
    #expect(r.stdout.contains("Gold        min score 80: unmet  -> does not qualify"))
    #expect(r.stdout.contains("Next tier Gold: 24.44 points needed"))
    #expect(r.stdout.contains("window      2026Q2 60"))
  }
}

@Suite struct UnknownCommandTests {
  @Test func anUnknownCommandIsNamedNotParsedAsTheDashboards() throws {
    let r = try Binary.run(["forecast", "x.toml"])
    #expect(r.status == 64)
    #expect(
      r.stderr.hasPrefix(
        "partnerboard: unknown command \"forecast\"\ncommands: dashboard, render, leaderboard"))
    let typo = try Binary.run(["leaderbord"])
    #expect(typo.status == 64)
    #expect(typo.stderr.contains("(did you mean leaderboard?)"))
    // Options still reach the dashboard, and a real command runs.
    #expect(try Binary.run(["--help"]).status == 0)
  }
}
