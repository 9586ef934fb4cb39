import Foundation
import Testing

/// `partnerboard qbr --export`, and the HTML pack in a real browser.
@Suite struct QBRCommandTests {
  static let sample: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("sample-data").path
  }()

  @Test func exportsMarkdownAndHTML() throws {
    let dir = try Binary.tempDir()
    let db = dir + "/s.sqlite"
    #expect(try Binary.run(["init", "--from", Self.sample, "--db", db]).status == 0)
    let md = try Binary.run(["qbr", "acme", "--db", db, "--export", dir + "/acme.md"])
    #expect(md.status == 0, "\(md.stderr)")
    #expect(md.stdout == "wrote \(dir)/acme.md\n")
    let text = try String(contentsOfFile: dir + "/acme.md", encoding: .utf8)
    #expect(text.hasPrefix("# Quarterly business review: Acme Corporation"))
    let mode = try FileManager.default.attributesOfItem(atPath: dir + "/acme.md")[.posixPermissions] as? Int
    #expect(mode == 0o600)
    #expect(text.contains("| Progress to Gold | 39 % (12.1 points to go) |"))
    let masked = try Binary.run(["qbr", "acme", "--db", db, "--export", dir + "/acme.html", "--mask"])
    #expect(masked.status == 0)
    let html = try String(contentsOfFile: dir + "/acme.html", encoding: .utf8)
    #expect(html.contains("•••") && !html.contains("USD"))
    let bad = try Binary.run(["qbr", "acme", "--db", db, "--export", dir + "/acme.pdf"])
    #expect(bad.status == 1)
    #expect(bad.stderr.contains("--export: name a .md or .html file"))
    let notty = try Binary.run(["qbr", "acme", "--db", db])
    #expect(notty.status == 2)
  }

  /// Headless Chromium opens the page, lays it out and screenshots it.
  @Test(.needsChromium) func htmlRendersInChromium() throws {
    let browser = Tools.chromium
    let dir = try Binary.tempDir()
    let db = dir + "/s.sqlite"
    #expect(try Binary.run(["init", "--from", Self.sample, "--db", db]).status == 0)
    #expect(try Binary.run(["qbr", "acme", "--db", db, "--export", dir + "/acme.html"]).status == 0)
    let r = try Binary.run(
      [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1100,1500",
        "--enable-logging=stderr", "--v=0", "--screenshot=\(dir)/acme.png", "--dump-dom",
        "file://\(dir)/acme.html",
      ], cwd: dir, executable: browser!)
    let (dom, log) = (r.stdout, r.stderr)
    #expect(r.status == 0, "\(log.suffix(2000))")
    #expect(dom.contains("Where you stand") && dom.contains("<svg"))
    #expect(!log.contains("Uncaught"), "\(log)")
    #expect(!log.contains("Failed to load resource"), "\(log)")
  }
}
