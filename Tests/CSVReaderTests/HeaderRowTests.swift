import CSVReader
import Testing

/// The header: names, trimming, column lookup.
@Suite struct HeaderRowTests {
  @Test func columnsInAnyOrder() throws {
    let document = try parsed("value,kpi,period,partner_id\n5,nps,2026Q1,p1\n")
    #expect(document.columnIndex(named: "partner_id") == 3)
    #expect(document.columnIndex(named: "period") == 2)
    #expect(document.columnIndex(named: "kpi") == 1)
    #expect(document.columnIndex(named: "value") == 0)
    #expect(document.string(row: 0, column: document.columnIndex(named: "kpi")!) == "nps")
  }

  @Test func extraColumnsAreExposed() throws {
    let document = try parsed("partner_id,notes,value,extra\np1,hello,3,x\n")
    #expect(document.header == ["partner_id", "notes", "value", "extra"])
    #expect(document.columnCount == 4)
    #expect(document.columnIndex(named: "missing") == nil)
    #expect(document.string(row: 0, column: 3) == "x")
  }

  @Test func headerNamesAreTrimmed() throws {
    let document = try parsed(" id ,\tname\t,\" quoted \"\n1,2,3\n")
    #expect(document.header == ["id", "name", "quoted"])
    #expect(document.columnIndex(named: "name") == 1)
    #expect(document.columnIndex(named: " id ") == nil)
  }

  @Test func headerNamesAreCaseSensitive() throws {
    let document = try parsed("Value,value\n1,2\n")
    #expect(document.columnIndex(named: "Value") == 0)
    #expect(document.columnIndex(named: "value") == 1)
  }

  @Test func requireColumnNamesTheHeaderLine() throws {
    let document = try parsed("\nid,v\n1,2\n")
    #expect(try document.requireColumn(named: "v") == 1)
    do {
      _ = try document.requireColumn(named: "kpi")
      Issue.record("expected an error")
    } catch {
      #expect(error.description == "m.csv:2: missing column \"kpi\": expected it in the header")
    }
  }
}
