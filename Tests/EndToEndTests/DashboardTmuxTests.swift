import Foundation
import Testing

/// The dashboard in a real terminal (tmux): keys, screens, resize, quitting,
/// the terminal restored, live reload.
@Suite(.serialized, .needsTmux) struct DashboardTmuxTests {
  static let sample: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("sample-data").path
  }()

  func store(from folder: String) throws -> String {
    let db = try Binary.tempDir() + "/s.sqlite"
    let r = try Binary.run(["init", "--from", folder, "--db", db])
    #expect(r.status == 0, "\(r.stderr)")
    return db
  }

  @Test func aSessionFromOpenToQuit() throws {
    let db = try store(from: Self.sample)
    let t = try Tmux(["--db", db])
    #expect(try t.wait(for: "Outcome Partner Program FY2026"))
    #expect(Tmux.selectedLine(try t.screen()).contains("   1 "))
    // Move.
    try t.send("j", "j")
    #expect(try t.wait { Tmux.selectedLine($0).contains("   3 ") } != nil)
    // Search filters as you type, accents aside: /muller finds Müller.
    try t.send("/", "muller")
    #expect(try t.wait { $0.contains("/muller_   1 match") } != nil, "\((try? t.screen()) ?? "")")
    #expect(Tmux.selectedLine(try t.screen()).contains("Müller Systemhaus"))
    try t.send("Escape")
    #expect(try t.wait { $0.contains("showing 63 + 1 without data") } != nil)
    try t.send("/", "Acme", "Enter")
    #expect(try t.wait { Tmux.selectedLine($0).contains("Acme Corporation") } != nil)
    #expect(try t.screen().contains("1 partner matches \"Acme\" (x clears)"))
    // x clears the filter and keeps Acme selected.
    try t.send("x")
    #expect(try t.wait { $0.contains("filters cleared") } != nil)
    #expect(Tmux.selectedLine(try t.screen()).contains("Acme Corporation"))
    // Sort by the column under the cursor (> moves it) keeps the selected partner.
    try t.send(">", "s")
    #expect(try t.wait(for: "Sorted by Move"))
    #expect(Tmux.selectedLine(try t.screen()).contains("Acme Corporation"))
    // Open the detail, and back.
    try t.send("Enter")
    #expect(try t.wait(for: "What it takes"))
    #expect(try t.screen().contains("Acme Corporation"))
    try t.send("Escape")
    #expect(try t.wait(for: "Sorted by Move"))
    // Previous period.
    try t.send("[")
    #expect(try t.wait(for: "2026Q3"))
    // Help, and close it.
    try t.send("?")
    #expect(try t.wait(for: "partnerboard keys"))
    try t.send("Escape")
    // Closed: the box is gone (the header was visible under it all along).
    #expect(try t.wait { !$0.contains("partnerboard keys") && $0.contains("Outcome Partner Program") } != nil)
    // Resize below the minimum and back.
    try t.resize(40, 10)
    #expect(try t.wait(for: "Terminal too small"))
    try t.resize(120, 40)
    #expect(try t.wait(for: "Outcome Partner Program FY2026"))
    // Export the view: a CSV in the current directory, and a message that says where.
    // e asks for the file: the view's name, in CSV; Enter writes it.
    try t.send("e")
    #expect(try t.wait(for: "export to: partnerboard-leaderboard-2026Q3.csv_"))
    try t.send("Enter")
    #expect(try t.wait { $0.contains("exported 62 rows to") } != nil, "\((try? t.screen()) ?? "")")
    let exportPath = t.dir + "/partnerboard-leaderboard-2026Q3.csv"
    let csv = try String(contentsOfFile: exportPath, encoding: .utf8)
    #expect(csv.hasPrefix("rank,segment_rank,movement,partner_id,name"))
    // Partner data and payouts: readable by the user only, whatever the umask.
    let mode = try FileManager.default.attributesOfItem(atPath: exportPath)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    // Overview.
    try t.send("Tab")
    #expect(try t.wait(for: "Program overview"))
    // Quit.
    try t.send("q")
    #expect(t.exitStatus() == 0)
    #expect(t.sttyUnchanged())
  }

  @Test func changesListOpensTheDemotedPartnerAndPayoutsOpenTheirs() throws {
    let db = try store(from: Self.sample)
    let t = try Tmux(["--db", db])
    #expect(try t.wait(for: "Outcome Partner Program FY2026"))
    // Monday: what changed? Oakridge Digital fell from Gold to Registered.
    try t.send("5")
    #expect(try t.wait(for: "Demoted (2)"))
    try t.send("}", "j")
    #expect(
      try t.wait { Tmux.selectedLine($0).contains("Oakridge Digital") } != nil, "\((try? t.screen()) ?? "")")
    #expect(Tmux.selectedLine(try t.screen()).contains("Gold → Registered"))
    try t.send("Enter")
    #expect(try t.wait(for: "What it takes"))
    #expect(try t.screen().contains("Oakridge Digital"))
    // Back to the list it was opened from.
    try t.send("Escape")
    #expect(try t.wait(for: "Demoted (2)"))
    // Payouts: the biggest of the quarter first; Enter opens its partner.
    try t.send("6")
    #expect(try t.wait(for: "Verified 60,890.41 USD (7)"))
    #expect(Tmux.selectedLine(try t.screen()).contains("Société Générale"))
    try t.send("m")
    #expect(try t.wait(for: "Verified ••• USD (7)"))
    try t.send("Enter")
    #expect(try t.wait(for: "What it takes"))
    #expect(try t.screen().contains("Société Générale Informatique"))
    try t.send("Escape")
    #expect(try t.wait(for: "Payouts"))
    try t.send("q")
    #expect(t.exitStatus() == 0)
    #expect(t.sttyUnchanged())
  }

  @Test func whatIfLoadsTheVolumeProgramOpensALoserAndComesBack() throws {
    let db = try store(from: Self.sample)
    let t = try Tmux(["--db", db])
    #expect(try t.wait(for: "Outcome Partner Program FY2026"))
    try t.send(":", "comp")
    try t.send("Tab")
    #expect(try t.wait(for: ":compare _"))
    // The path completes too.
    try t.send(Self.sample + "/volu")
    try t.send("Tab")
    #expect(try t.wait(for: "volume-program.toml_"), "\((try? t.screen()) ?? "")")
    try t.send("Enter")
    #expect(try t.wait(for: "Biggest losers"), "\((try? t.screen()) ?? "")")
    #expect(try t.screen().contains("13 of 63 change tier (21 %)"))
    #expect(try t.screen().contains("Tier changes (13)"))
    // The first loser, after ten of the tier changes and the ten winners:
    // Rocket Cloud, 56.29 -> 39.88.
    try t.send("g")
    for _ in 0..<20 { try t.send("j") }
    #expect(try t.wait { $0.contains("▸ Rocket") } != nil, "\((try? t.screen()) ?? "")")
    try t.send("Enter")
    #expect(try t.wait(for: ": score 39.88 (-16.41)"), "\((try? t.screen()) ?? "")")
    #expect(try t.screen().contains("What-if under Volume Partner Program"))
    try t.send("Escape")
    #expect(try t.wait(for: "Biggest winners"))
    // A bad file is an error in the status bar, and the what-if stays.
    try t.send(":", "compare /nonexistent.toml", "Enter")
    #expect(try t.wait(for: "cannot read the program file"))
    try t.send("7")
    #expect(try t.wait(for: "Fairness"))
    try t.send("q")
    #expect(t.exitStatus() == 0)
    #expect(t.sttyUnchanged())
  }

  @Test func columnChooserAddsAKPIAndSortsByIt() throws {
    let db = try store(from: Self.sample)
    let t = try Tmux(["--db", db])
    #expect(try t.wait(for: "Outcome Partner Program FY2026"))
    // c: switch Renewal rate (the second KPI, after the nine columns) on.
    try t.send("c")
    #expect(try t.wait(for: "KPI: Renewal rate"))
    for _ in 0..<10 { try t.send("Down") }
    try t.send("Space")
    #expect(try t.wait(for: "☑ KPI: Renewal rate"))
    try t.send("Escape")
    #expect(try t.wait { !$0.contains("KPI: Renewal rate") && $0.contains("Renewal rate") } != nil)
    // > to its column (the ninth: at 120 columns the trend gives way to the
    // chosen KPI, names keep their 16 columns), s sorts by it (best first).
    for _ in 0..<8 { try t.send(">") }
    #expect(try t.wait(for: "column Renewal rate"))
    try t.send("s")
    #expect(try t.wait(for: "Sorted by Renewal rate ▼ (best first)"), "\((try? t.screen()) ?? "")")
    try t.send("q")
    #expect(t.exitStatus() == 0)
    #expect(t.sttyUnchanged())
  }

  @Test func trendsScreen() throws {
    let db = try store(from: Self.sample)
    let t = try Tmux(["--db", db])
    #expect(try t.wait(for: "Outcome Partner Program FY2026"))
    try t.send("t")
    #expect(try t.wait(for: "KPI trends"))
    #expect(try t.screen().contains("Net new ARR  higher is better"))
    // Change the KPI: up to the last leading KPI, lower is better.
    try t.send("k", "k", "k", "k")
    #expect(try t.wait(for: "Time to value  lower is better"))
    // Filter to one segment.
    try t.send("f", "Right", "Enter")
    #expect(try t.wait(for: "segment reseller"))
    // Open a mover, and come back.
    try t.send("m", "Enter")
    #expect(try t.wait(for: "What it takes"))
    try t.send("4")
    #expect(try t.wait(for: "KPI trends"))
    try t.send("Escape", "Escape")
    #expect(try t.wait(for: "Sorted by"))
    try t.send("q")
    #expect(t.exitStatus() == 0)
    #expect(t.sttyUnchanged())
  }

  @Test func qbrFromTheDashboard() throws {
    let db = try store(from: Self.sample)
    let t = try Tmux(["--db", db], width: 120, height: 40)
    #expect(try t.wait(for: "Outcome Partner Program FY2026"))
    try t.send("/", "Acme", "Enter")
    #expect(try t.wait { Tmux.selectedLine($0).contains("Acme Corporation") } != nil)
    try t.send("p")
    #expect(try t.wait(for: "1/7  Title"))
    #expect(try t.screen().contains("SILVER"))
    try t.send("Space")
    #expect(try t.wait(for: "2/7  Where you stand"))
    try t.send("6")
    #expect(try t.wait(for: "6/7  Outcomes and payouts"))
    #expect(try t.screen().contains("USD"))
    try t.send("m")
    #expect(try t.wait(for: "amounts hidden"))
    let masked = try t.screen()
    #expect(masked.contains("•••") && !masked.contains("USD"))
    // Nobody else on any slide: page through all seven.
    // Each slide is waited for by its number, so the test fails if the
    // slides never advance.
    var seen = ""
    try t.send("1")
    for n in 1...7 {
      let shown = try t.wait { $0.contains("\(n)/7 ") }
      #expect(shown != nil, "slide \(n) never showed")
      seen += shown ?? ""
      if n < 7 { try t.send("Right") }
    }
    #expect(seen.contains("7/7 ") && !seen.contains("Señor Servicios") && !seen.contains("Cloud Scouts"))
    try t.send("q")
    #expect(try t.wait(for: "Sorted by"))
    try t.send("q")
    #expect(t.exitStatus() == 0)
    #expect(t.sttyUnchanged())
  }

  @Test func sigtermRestoresTheTerminal() throws {
    let db = try store(from: Self.sample)
    let t = try Tmux(["--db", db])
    #expect(try t.wait(for: "Outcome Partner Program FY2026"))
    let pid = try t.run(["display-message", "-p", "#{pane_pid}"]).trimmingCharacters(
      in: .whitespacesAndNewlines)
    // The pane runs sh; partnerboard is its child.
    _ = try Binary.run(["pkill", "-TERM", "-P", pid, "-x", "partnerboard"], executable: "/usr/bin/env")
    #expect(t.exitStatus() == 143)
    #expect(t.sttyUnchanged())
  }

  /// Issue 20: a store deleted under the dashboard: `r` no longer says
  /// "reloaded" over old data; the status line says the data is stale until
  /// a store is back at the path and read.
  @Test func aRemovedStoreIsMarkedStale() throws {
    let db = try store(from: Binary.fixtures + "/spec-example")
    let t = try Tmux(["--db", db])
    #expect(try t.wait(for: "Worked example"))
    try FileManager.default.removeItem(atPath: db)
    try? FileManager.default.removeItem(atPath: db + "-wal")
    try? FileManager.default.removeItem(atPath: db + "-shm")
    try t.send("r")
    #expect(try t.wait(for: "stale: the store"), "\((try? t.screen()) ?? "")")
    #expect(try !t.screen().contains("reloaded"))
    // Any key's message passes; the stale line comes back.
    try t.send("j")
    #expect(try t.wait(for: "stale: the store"))
    let r = try Binary.run(["init", "--from", Binary.fixtures + "/spec-example", "--db", db])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try t.wait(seconds: 5) { $0.contains("reloaded") && !$0.contains("stale:") } != nil)
    try t.send("q")
    #expect(t.exitStatus() == 0)
  }

  /// Issue 20: `~` is $HOME; a folder, `adir/`, `/` and `/dev/null` are
  /// refused with a message instead of writing `adir/.csv` or `/dev/null.csv`.
  @Test func exportNamesAreCheckedAndTildeIsHome() throws {
    let db = try store(from: Binary.fixtures + "/spec-example")
    let home = try Binary.tempDir()
    let t = try Tmux(["--db", db], env: ["HOME": home])
    #expect(try t.wait(for: "Worked example"))
    try FileManager.default.createDirectory(atPath: t.dir + "/adir", withIntermediateDirectories: true)
    for (name, said) in [
      ("adir/", "adir/ is a folder"), ("/", "/ is a folder"),
      ("/dev/null", "/dev/null is not a regular file"),
      ("adir", "adir"),
    ] {
      try t.send(":")
      try t.send("-l", "export \(name)")
      try t.send("Enter")
      #expect(try t.wait(for: said), "\(name): \((try? t.screen()) ?? "")")
    }
    #expect(!FileManager.default.fileExists(atPath: t.dir + "/adir/.csv"))
    #expect(!FileManager.default.fileExists(atPath: "/dev/null.csv"))
    // `adir` names no format: adir.csv beside the folder.
    #expect(FileManager.default.fileExists(atPath: t.dir + "/adir.csv"))
    try t.send(":")
    try t.send("-l", "export ~/board")
    try t.send("Enter")
    #expect(try t.wait(for: "exported"), "\((try? t.screen()) ?? "")")
    #expect(FileManager.default.fileExists(atPath: home + "/board.csv"))
    try t.send("q")
    #expect(t.exitStatus() == 0)
  }

  /// Issue 20: every signal whose default action ends the process puts the
  /// terminal back first. The pane's shell is sh (dash on Debian), which,
  /// unlike bash, does not restore the tty itself after a signal death.
  @Test(arguments: [("ALRM", 14), ("USR1", 10), ("USR2", 12), ("XCPU", 24), ("PIPE", 13), ("VTALRM", 26)])
  func everyEndingSignalRestoresTheTerminal(_ signal: (String, Int32)) throws {
    let db = try store(from: Binary.fixtures + "/spec-example")
    let t = try Tmux(["--db", db])
    #expect(try t.wait(for: "Worked example"))
    let pid = try t.run(["display-message", "-p", "#{pane_pid}"]).trimmingCharacters(
      in: .whitespacesAndNewlines)
    _ = try Binary.run(
      ["pkill", "-\(signal.0)", "-P", pid, "-x", "partnerboard"], executable: "/usr/bin/env")
    #expect(t.exitStatus() == 128 + signal.1, "SIG\(signal.0)")
    #expect(t.sttyUnchanged(), "SIG\(signal.0) left the terminal changed")
  }

  @Test func liveReloadAfterAnImportFromAnotherProcess() throws {
    let db = try store(from: Binary.fixtures + "/spec-example")
    let t = try Tmux(["--db", db])
    #expect(try t.wait(for: "Worked example"))
    try t.send("j")  // select the second row (Alpha at 2026Q4)
    #expect(try t.wait { Tmux.selectedLine($0).contains("Alpha") } != nil)
    let next = try Binary.tempDir() + "/metrics-2027Q1.csv"
    try "partner_id,period,kpi,value\nA,2027Q1,rev,200\nA,2027Q1,ttv,20\nB,2027Q1,rev,10\n".write(
      toFile: next, atomically: true, encoding: .utf8)
    let r = try Binary.run(["import", next, "--db", db])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try t.wait(seconds: 4) { $0.contains("reloaded") && $0.contains("2027Q1") } != nil)
    // Alpha is still selected although it moved to the top.
    #expect(Tmux.selectedLine(try t.screen()).contains("Alpha"))
    try t.send("q")
    #expect(t.exitStatus() == 0)
  }
}
