import Dashboard
import Foundation
import Presentation
import Scoring
import Testing

/// The QBR pack: privacy and masking of both exports, for every partner.
@Suite struct QBRExportTests {
  static let book = ScreenSnapshotTests.book
  static let latest = book.periods.count - 1

  func documents(_ p: Int, masked: Bool) -> [String] {
    let d = QBRDocument(model: QBRModel(book: Self.book, partner: p, period: Self.latest)!, masked: masked)
    return [d.markdown(), d.html()]
  }

  @Test func noOtherPartnerInEitherExport() {
    let partners = Self.book.partners
    for p in Self.book.order[Self.latest] {
      let text = documents(p, masked: false).joined(separator: "\n")
      for (q, other) in partners.enumerated() where q != p && !partners[p].name.contains(other.name) {
        let escaped = other.name.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
          of: "\"", with: "&quot;")
        #expect(
          !text.contains(other.name) && !text.contains(escaped),
          "\(partners[p].id)'s pack shows \(other.name)")
        #expect(!text.contains(other.id), "\(partners[p].id)'s pack shows \(other.id)")
      }
    }
  }

  @Test func maskedExportsShowNoAmount() {
    for p in Self.book.order[Self.latest] {
      for doc in documents(p, masked: true) {
        #expect(!doc.contains("USD"), "\(Self.book.partners[p].id)")
      }
    }
  }

  @Test func htmlIsSelfContained() {
    let acme = Self.book.partners.firstIndex { $0.name == "Acme Corporation" }!
    let html = documents(acme, masked: false)[1]
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(!html.contains("<script"))
    #expect(!html.contains("<link"))
    #expect(!html.contains("src="))
    #expect(!html.contains("url("))
    #expect(html.components(separatedBy: "<svg").count - 1 >= 2)
    #expect(html.contains("<h2>Outcomes and payouts</h2>"))
  }
}
