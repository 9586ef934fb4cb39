import ArgumentParser
import Foundation

/// `partnerboard new DIR`: a starter folder to fill in, that `validate`
/// accepts as it is.
struct NewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "Write a starter data folder: a commented program and CSV files with their headers.",
    discussion: """
      DIR must not exist yet. Fill in partners.csv and metrics.csv (and, if you
      pay for outcomes, agreements.csv), change program.toml to your rules, then
      check and load the folder. docs/data-formats.md explains every key and column.

      Examples:
        partnerboard new ./fy2027
        partnerboard validate ./fy2027
        partnerboard init --from ./fy2027 --db ./fy2027.sqlite
      """)

  @Argument(help: "The folder to create.") var dir: String

  func run() throws {
    try reportingErrors {
      guard !FileManager.default.fileExists(atPath: dir) else {
        throw CLIError("\(dir) exists already: name a new folder")
      }
      do {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in Self.files {
          try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
        }
      } catch {
        throw CLIError("cannot write \(dir): \(error.localizedDescription)")
      }
      Output.out(
        """
        wrote \(dir): program.toml, partners.csv, metrics.csv, agreements.csv, adjustments.csv
        next: fill in the CSV files, then
          partnerboard validate \(dir)
          partnerboard init --from \(dir) --db \(dir).sqlite
        """)
    }
  }

  static let files: [(String, String)] = [
    ("program.toml", program),
    ("partners.csv", "id,name,segment,region,manager\n"),
    ("metrics.csv", "partner_id,period,kpi,value\n"),
    ("agreements.csv", "id,partner_id,kpi,baseline,target,period,max_payout,attribution,floor_share\n"),
    ("adjustments.csv", "partner_id,period,kpi,value,reason,approved_by\n"),
    // Pilot cohorts: a row per partner in a pilot (`partnerboard pilot COHORT`).
    ("cohorts.csv", "partner_id,cohort,start\n"),
  ]

  static let program = """
    # Your partner program: the rules partnerboard scores your partners by.
    # Every key is explained in docs/data-formats.md; change the values to yours.

    [program]
    name = "My partner program"
    currency = "USD"
    window = 4          # quarters aggregated per evaluation (1 to 12)
    grace_periods = 1   # quarters a partner keeps a tier it falls short of (0 to 8)

    # Every partner in partners.csv belongs to one segment.
    [[segment]]
    id = "reseller"
    name = "Reseller"

    [[segment]]
    id = "msp"
    name = "Managed service provider"

    # One [[kpi]] per measure in metrics.csv (its id is the kpi column).
    [[kpi]]
    id = "revenue"
    name = "Revenue"
    category = "performance"      # performance | customer_success | capability | engagement | esg
    indicator = "lagging"         # leading | lagging
    unit = "currency"             # currency | percent | count | score | days
    aggregate = "sum"             # sum | mean | last, over the window
    basis = "absolute"            # absolute | improvement
    target = 400000               # worth full credit
    threshold = 0                 # worth no credit
    weight = 2
    targets = { msp = 250000 }    # a segment's own target, if it differs

    [[kpi]]
    id = "renewal_rate"
    name = "Renewal rate"
    category = "customer_success"
    indicator = "lagging"
    unit = "percent"              # percentage points: 91.5 means 91.5 %
    aggregate = "mean"
    basis = "absolute"
    target = 95
    threshold = 70
    weight = 2

    [[kpi]]
    id = "time_to_value"
    name = "Time to value"
    category = "customer_success"
    indicator = "leading"
    unit = "days"
    aggregate = "mean"
    basis = "absolute"
    target = 30                   # a threshold above the target: lower is better
    threshold = 90
    weight = 1

    [[kpi]]
    id = "certified_staff"
    name = "Certified staff"
    category = "capability"
    indicator = "leading"
    unit = "count"
    aggregate = "last"
    basis = "absolute"
    target = 8
    weight = 1

    # Tiers, lowest first: the first has min_score 0 and no requirements.
    [[tier]]
    id = "registered"
    name = "Registered"
    min_score = 0
    benefits = ["Partner portal"]

    [[tier]]
    id = "silver"
    name = "Silver"
    min_score = 50
    benefits = ["4 % rebate"]

    [[tier]]
    id = "gold"
    name = "Gold"
    min_score = 75
    require = { certified_staff = 4 }   # raw values a Gold partner must also reach
    benefits = ["8 % rebate", "Co-selling support"]

    [payout]
    # The share of an agreement's max payout at attainment r, as [r, share]
    # points joined by straight lines (agreements.csv).
    schedule = [[0.0, 0.0], [0.5, 0.25], [1.0, 1.0], [1.5, 1.25]]

    # Badges, optional: recognition partners earn each quarter. Remove the #
    # to use them.
    # [[badge]]
    # id = "top_decile"
    # name = "Top 10 %"
    # rule = "top"               # top | improving | promoted
    # percent = 10
    # scope = "segment"          # program (default) or segment
    #
    # [[badge]]
    # id = "promoted"
    # name = "Promoted"
    # rule = "promoted"

    """
}
