#!/usr/bin/env python3
"""Generate partnerboard's data folders, deterministically.

  python3 scripts/gen_sample_data.py
      writes sample-data/ (the bundled example: 64 partners, 8 quarters) and
      Sources/SampleData/SampleData.swift, which embeds it in the binary.

  python3 scripts/gen_sample_data.py --bench OUT --partners 10000 --quarters 12
      writes a large folder for benchmarks (partners x 9 KPIs x quarters rows).

The sample's partners follow stories (steady, improving, declining, volatile,
dropping in the last quarter, blocked by a requirement, late joiners) so that
every feature of SPEC.md shows at the latest quarter. After writing, the
generator runs scripts/check_sample_story.py (the Python reference scorer) and
fails if a story is missing; the Swift test SampleDataTests checks them too.
Everything is deterministic: a fixed seed, no clock, no environment.
"""
import argparse
import os
import random
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PROGRAM = """\
# The bundled sample program: an outcome-based partner program.
# Every key is explained in docs/data-formats.md.

[program]
name = "Outcome Partner Program FY2026"
currency = "USD"
window = 2          # trailing quarters aggregated per evaluation
grace_periods = 1   # a partner keeps its tier for one short quarter

[[segment]]
id = "reseller"
name = "Value-added reseller"

[[segment]]
id = "distributor"
name = "Distributor"

[[segment]]
id = "msp"
name = "Managed service provider"

[[segment]]
id = "integrator"
name = "Systems integrator"

[[segment]]
id = "referral"
name = "Referral partner"

[[kpi]]
id = "net_new_arr"
name = "Net new ARR"
category = "performance"
indicator = "lagging"
unit = "currency"
aggregate = "sum"
basis = "absolute"
target = 400000
threshold = 0
weight = 3
weights = { distributor = 4, referral = 2 }
targets = { distributor = 900000, msp = 300000, referral = 150000 }
thresholds = { msp = 50000 }

[[kpi]]
id = "renewal_rate"
name = "Renewal rate"
category = "customer_success"
indicator = "lagging"
unit = "percent"
aggregate = "mean"
basis = "absolute"
target = 95
threshold = 70
weight = 2
weights = { referral = 0 }   # referral partners do not own renewals

[[kpi]]
id = "adoption"
name = "Customer adoption"
category = "customer_success"
indicator = "lagging"
unit = "percent"
aggregate = "mean"
basis = "improvement"
target_improvement = 0.10    # +10 % over the previous window is full credit
direction = "higher"
weight = 2

[[kpi]]
id = "nps"
name = "Net promoter score"
category = "customer_success"
indicator = "lagging"
unit = "score"
aggregate = "mean"
basis = "absolute"
target = 60
threshold = 0
weight = 1.5

[[kpi]]
id = "time_to_value"
name = "Time to value"
category = "customer_success"
indicator = "leading"
unit = "days"
aggregate = "mean"
basis = "absolute"
target = 30                  # threshold above target: lower is better
threshold = 90
weight = 1.5

[[kpi]]
id = "certified_staff"
name = "Certified staff"
category = "capability"
indicator = "leading"
unit = "count"
aggregate = "last"
basis = "absolute"
target = 8
weight = 2
weights = { referral = 0 }   # referral partners are not measured on staff
targets = { distributor = 12, integrator = 10 }

[[kpi]]
id = "deal_registrations"
name = "Deal registrations"
category = "engagement"
indicator = "leading"
unit = "count"
aggregate = "sum"
basis = "absolute"
target = 24
weight = 1
targets = { referral = 12 }

[[kpi]]
id = "training_completions"
name = "Training completions"
category = "engagement"
indicator = "leading"
unit = "count"
aggregate = "sum"
basis = "absolute"
target = 20
weight = 0.5

[[kpi]]
id = "esg_score"
name = "Sustainability score"
category = "esg"
indicator = "lagging"
unit = "score"
aggregate = "last"
basis = "absolute"
target = 80
threshold = 20
weight = 1

[[tier]]
id = "registered"
name = "Registered"
min_score = 0
benefits = ["Partner portal", "Online training", "Deal registration"]

[[tier]]
id = "silver"
name = "Silver"
min_score = 45
require = { certified_staff = 2 }
benefits = ["4 % rebate", "Marketing templates", "Partner locator listing"]

[[tier]]
id = "gold"
name = "Gold"
min_score = 65
require = { certified_staff = 4, nps = 30 }
benefits = ["8 % rebate", "Co-selling support", "MDF 20,000"]

[[tier]]
id = "platinum"
name = "Platinum"
min_score = 82
require = { time_to_value = 35, renewal_rate = 90 }
benefits = ["12 % rebate", "Dedicated partner manager", "MDF 60,000", "Early access"]

[payout]
schedule = [[0.0, 0.0], [0.25, 0.10], [1.0, 1.0], [1.5, 1.25]]

# Recognition (SPEC section 15): shown as marks on the leaderboard, named on
# the partner screen and in the QBR.
[[badge]]
id = "segment_top"
name = "Segment top 10 %"
rule = "top"
percent = 10
scope = "segment"

[[badge]]
id = "adoption_streak"
name = "Adoption up 2 quarters running"
rule = "improving"
kpi = "adoption"
quarters = 2

[[badge]]
id = "promoted"
name = "Promoted"
rule = "promoted"
"""

VOLUME_PROGRAM = PROGRAM.split("[[kpi]]")[0].replace(
    'name = "Outcome Partner Program FY2026"', 'name = "Volume Partner Program FY2025 (legacy)"'
).replace("# The bundled sample program: an outcome-based partner program.",
          "# The old volume-only program over the same KPIs, for comparisons:\n# only revenue and deal registrations count.")

KPI_IDS = ["net_new_arr", "renewal_rate", "adoption", "nps", "time_to_value", "certified_staff",
           "deal_registrations", "training_completions", "esg_score"]


def volume_program():
    kpis = PROGRAM.split("[[tier]]")[0].split("[[kpi]]")[1:]
    out = [VOLUME_PROGRAM.rstrip() + "\n"]
    for block in kpis:
        lines = [l for l in block.strip("\n").split("\n") if not l.startswith("weights")]
        kid = lines[0].split('"')[1]
        lines = [("weight = 3" if kid == "net_new_arr" else "weight = 1" if kid == "deal_registrations" else "weight = 0")
                 if l.startswith("weight =") else l for l in lines]
        out.append("\n[[kpi]]\n" + "\n".join(lines) + "\n")
    out.append("""
[[tier]]
id = "registered"
name = "Registered"
min_score = 0
benefits = ["Partner portal"]

[[tier]]
id = "silver"
name = "Silver"
min_score = 40
benefits = ["3 % rebate"]

[[tier]]
id = "gold"
name = "Gold"
min_score = 70
benefits = ["6 % rebate"]

[[tier]]
id = "platinum"
name = "Platinum"
min_score = 90
benefits = ["9 % rebate"]

[payout]
schedule = [[0.0, 0.0], [1.0, 1.0]]
""")
    return "".join(out)


NAMES = {
    "reseller": ["Northwind Solutions", "Müller Systemhaus GmbH", "Société Générale Informatique",
                 "Acme Corporation", "Bluebird IT", "Oakridge Digital", "Árvore Tecnologia",
                 "東京システム株式会社", "Rocket 🚀 Cloud", "Fjällvind Data AB", "Crescent Networks",
                 "Lumen & Co", "Smith, Jones \"and\" Partners", "Pioneer Systems", "Zenith Data",
                 "Kiwi Cloud Ltd", "Aurora Sistemas", "Hanseatic IT", "Redwood Partners", "Nordic Byte"],
    "distributor": ["Ironbridge Alliance", "TeleDist Connect", "上海云智科技", "Global Channel Supply",
                    "Azteca Distribución", "Pacific Rim Distribution", "EuroDisti SA", "Atlas Supply Co"],
    "msp": ["Ironclad Managed Services", "CloudKeeper", "Señor Servicios Gestionados", "ServiceNest",
            "Always-On MSP", "Kōdo Managed IT", "Polar Ops 🐧", "Greenfield Managed IT", "Helios Operations",
            "Citadel MSP", "Maple Leaf Managed", "Outback Ops", "Vértice Cloud", "Delta Managed Services"],
    "integrator": ["Arcadia Digital Works", "Brightpath Integration", "Čapek Integrace s.r.o.",
                   "서울 통합 솔루션", "Keystone Integrators", "Meridian Consulting", "Blue Fjord Integration",
                   "Andes Integra", "Copperline Systems", "Summit Integration", "Tiger Lake Consulting",
                   "Øresund Digital"],
    "referral": ["Advisory Circle", "Cloud Scouts", "Référence Conseil", "Startup Bridge", "TechMatch",
                 "Good Leads Co", "Insight Referrals", "Sakura Partners 🌸", "Bridgeway Advisors", "Lead Lantern"],
}
REGIONS = ["EMEA", "NA", "APAC", "LATAM"]
MANAGERS = ["Dana Whitfield", "Marco Rossi", "Aiko Tanaka", "Lucía Fernández"]
# Channel managers own regions (EMEA has two).
REGION_MANAGERS = {"EMEA": ["Marco Rossi", "Sophie Laurent"], "NA": ["Dana Whitfield"],
                   "APAC": ["Aiko Tanaka"], "LATAM": ["Lucía Fernández"]}
# Names that say where a partner is; the others are spread over the regions.
NAME_REGIONS = {
    "Müller Systemhaus GmbH": "EMEA", "Société Générale Informatique": "EMEA", "Árvore Tecnologia": "LATAM",
    "東京システム株式会社": "APAC", "Fjällvind Data AB": "EMEA", "Kiwi Cloud Ltd": "APAC",
    "Aurora Sistemas": "LATAM", "Hanseatic IT": "EMEA", "Nordic Byte": "EMEA", "上海云智科技": "APAC",
    "Azteca Distribución": "LATAM", "Pacific Rim Distribution": "APAC", "EuroDisti SA": "EMEA",
    "Señor Servicios Gestionados": "LATAM", "Kōdo Managed IT": "APAC", "Maple Leaf Managed": "NA",
    "Outback Ops": "APAC", "Vértice Cloud": "LATAM", "Čapek Integrace s.r.o.": "EMEA",
    "서울 통합 솔루션": "APAC", "Andes Integra": "LATAM", "Øresund Digital": "EMEA",
    "Référence Conseil": "EMEA", "Sakura Partners 🌸": "APAC", "Tiger Lake Consulting": "NA",
    "Smith, Jones \"and\" Partners": "NA", "Redwood Partners": "NA", "Keystone Integrators": "NA",
}
QUARTERS = ["2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1", "2026Q2", "2026Q3", "2026Q4"]

# Stories, by partner index (see the module docstring). Each is a function of
# quarter index 0..7 giving a quality level 0..1.2.
STORIES = {
    "steady_high": lambda q: 1.05,
    "steady_good": lambda q: 0.8,
    "steady_mid": lambda q: 0.6,
    "steady_low": lambda q: 0.3,
    "improving": lambda q: 0.35 + 0.09 * q,
    "declining": lambda q: 1.0 - 0.07 * q,
    "drop_last": lambda q: 1.05 if q < 7 else 0.25,      # in grace at 2026Q4
    "drop_q3": lambda q: 0.95 if q < 6 else 0.3,          # grace at Q3, demoted at Q4
    "surge": lambda q: 0.45 if q < 6 else 1.0,            # promoted at Q4
    "volatile": lambda q: 0.6 + (0.25 if q % 2 else -0.2),
}


def sample_partners(rng):
    partners = []
    seen = {}
    n = 0
    for segment, names in NAMES.items():
        for name in names:
            n += 1
            region = NAME_REGIONS.get(name, REGIONS[(n * 7) % 4])
            managers = REGION_MANAGERS[region]
            seen[region] = seen.get(region, 0) + 1
            partners.append({
                "id": "p%03d" % n, "name": name, "segment": segment,
                "region": region, "manager": managers[seen[region] % len(managers)],
            })
    return partners


def story_for(i, p):
    """The story of partner index i: a fixed assignment so the sample is stable."""
    fixed = {
        0: "steady_high", 1: "drop_last", 2: "improving", 3: "declining", 4: "surge", 5: "drop_q3",
        20: "steady_high", 21: "declining", 22: "improving", 28: "steady_high", 29: "drop_last",
        30: "improving", 31: "declining", 42: "steady_high", 43: "surge", 44: "declining",
        54: "steady_high", 55: "improving", 56: "declining", 57: "drop_last",
    }
    if i in fixed:
        return fixed[i]
    return ["steady_mid", "steady_low", "volatile", "improving", "steady_mid", "steady_good"][i % 6]


def kpi_values(rng, p, level, q, story):
    seg = p["segment"]
    noise = lambda s: 1 + rng.uniform(-s, s)
    arr_target = {"distributor": 900000, "msp": 300000, "referral": 150000}.get(seg, 400000)
    staff_target = {"distributor": 12, "integrator": 10}.get(seg, 8)
    v = {}
    v["net_new_arr"] = round(arr_target / 2 * level * noise(0.15) / 100) * 100
    v["renewal_rate"] = round(min(99.5, max(55, 66 + 28 * level * noise(0.03))), 1)
    v["adoption"] = round(min(98, max(5, 30 + 20 * level + (3.5 * q if story == "improving" else 1.2 * q) * noise(0.2))), 1)
    v["nps"] = round(min(90, max(-40, 62 * level - 4 + rng.uniform(-6, 6))))
    v["time_to_value"] = round(min(150, max(12, 92 - 58 * level * noise(0.06))), 1)
    v["certified_staff"] = max(0, round(staff_target * level * noise(0.1)))
    v["deal_registrations"] = max(0, round((6 if seg == "referral" else 12) * level * noise(0.25)))
    v["training_completions"] = max(0, round(10 * level * noise(0.3)))
    v["esg_score"] = round(min(100, max(5, 22 + 60 * level * noise(0.05))))
    return v


def sample(rng):
    partners = sample_partners(rng)
    metrics = []
    first_quarter = {}
    for i, p in enumerate(partners):
        if i == len(partners) - 1:
            continue  # the last partner has signed but reported nothing yet: "no data"
        story = story_for(i, p)
        start = 0
        if i in (11, 37):
            start = 3          # joined 2025Q4
        if i in (17, 49):
            start = 5          # joined 2026Q2
        if i == 62:
            start = 7          # joined 2026Q4: shows as new
        first_quarter[p["id"]] = start
        offset = rng.uniform(-0.1, 0.1)   # partners of one story differ
        for q in range(start, 8):
            level = max(0.05, STORIES[story](q) + offset)
            values = kpi_values(rng, p, level, q, story)
            if i == 6 or i == 33:
                values["certified_staff"] = 1   # a high scorer held back by a requirement
            if i == 0:
                values["certified_staff"] = 9
            for kpi in KPI_IDS:
                if rng.random() < 0.025 and q < 7:
                    continue   # a value not reported
                if kpi == "nps" and i % 13 == 5 and i != 5 and q % 3 == 1:
                    continue   # survey skipped
                metrics.append((p["id"], QUARTERS[q], kpi, values[kpi]))
            if i in (8, 24, 40) and q >= 5:
                metrics.append((p["id"], QUARTERS[q], "marketing_events", rng.randint(1, 6)))
    return partners, metrics


AGREEMENTS = """\
id,partner_id,kpi,baseline,target,period,max_payout,attribution,floor_share
OA-2026-001,p001,net_new_arr,300000,450000,2026Q2,25000,,
OA-2026-002,p003,adoption,45,60,2026Q4,15000,0.8,
OA-2026-003,p004,renewal_rate,85,95,2026Q3,12000,,0.1
OA-2026-004,p021,net_new_arr,700000,1000000,2026Q4,40000,0.6,
OA-2026-005,p023,time_to_value,70,40,2026Q4,10000,,
OA-2026-006,p029,nps,30,55,2026Q3,8000,,0.25
OA-2026-007,p031,certified_staff,4,8,2026Q4,6000,,
OA-2026-008,p043,renewal_rate,80,92,2026Q4,9000,0.5,
OA-2026-009,p044,deal_registrations,10,24,2026Q4,5000,,
OA-2026-010,p055,net_new_arr,100000,150000,2026Q4,7500,,0.2
OA-2027-001,p002,net_new_arr,350000,500000,2027Q1,30000,,0.1
OA-2027-002,p030,time_to_value,50,35,2027Q1,12000,,
OA-2027-003,p056,adoption,50,65,2027Q2,9000,0.75,
OA-2027-004,p013,esg_score,50,75,2027Q2,4000,,0.15
OA-2027-005,p022,net_new_arr,800000,1100000,2027Q1,45000,0.5,0.05
"""

ADJUSTMENTS = """\
partner_id,period,kpi,value,reason,approved_by
p004,2026Q4,net_new_arr,168000,"Deal booked on Jan 2, closed Dec 30: moved into Q4",Dana Whitfield
p010,2026Q3,nps,41,Survey vendor double-counted one detractor batch,Marco Rossi
p021,2026Q4,renewal_rate,93.5,"Renewal of ""Globex"" recorded late by the CRM sync",Aiko Tanaka
p030,2025Q4,time_to_value,44,Onboarding start date corrected from project plan,Lucía Fernández
p045,2026Q2,certified_staff,6,Two certifications missing from the vendor portal export,Dana Whitfield
"""


def csv_field(s):
    s = str(s)
    if any(c in s for c in ',"\n\r'):
        return '"' + s.replace('"', '""') + '"'
    return s


def number(v):
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v)


def next_quarter(partners):
    """2027Q1 for the README's tour (`import sample-data/next-quarter/...`):
    every story one quarter on, with its own random stream so that the
    bundled eight quarters stay exactly as they are. The partner that had
    reported nothing yet (Lead Lantern) reports its first quarter."""
    rng = random.Random(20270101)
    rows = []
    for i, p in enumerate(partners):
        story = "steady_mid" if i == len(partners) - 1 else story_for(i, p)
        level = max(0.05, STORIES[story](8) + rng.uniform(-0.1, 0.1))
        values = kpi_values(rng, p, level, 8, story)
        if i == 6:
            values["certified_staff"] = 1   # still held back; Kōdo (33) has certified its staff
        if i == 0:
            values["certified_staff"] = 9
        for kpi in KPI_IDS:
            rows.append((p["id"], "2027Q1", kpi, values[kpi]))
    return "partner_id,period,kpi,value\n" + "".join(
        "%s,%s,%s,%s\n" % (pid, q, k, number(v)) for pid, q, k, v in rows)


def write_sample():
    rng = random.Random(20261123)
    partners, metrics = sample(rng)
    out = os.path.join(ROOT, "sample-data")
    os.makedirs(out, exist_ok=True)
    files = {}
    files["program.toml"] = PROGRAM
    files["volume-program.toml"] = volume_program()
    files["partners.csv"] = "id,name,segment,region,manager\n" + "".join(
        ",".join(csv_field(p[k]) for k in ("id", "name", "segment", "region", "manager")) + "\n" for p in partners)
    files["metrics.csv"] = "partner_id,period,kpi,value\n" + "".join(
        "%s,%s,%s,%s\n" % (pid, q, k, number(v)) for pid, q, k, v in metrics)
    files["agreements.csv"] = AGREEMENTS
    files["adjustments.csv"] = ADJUSTMENTS
    # SPEC section 13: a pilot of the outcome program on 8 of the 64 partners
    # (12.5 %, within the 10-15 % advice) from 2026Q2; the tour asks whether
    # it worked (`partnerboard pilot outcomes_pilot`).
    files["cohorts.csv"] = "partner_id,cohort,start\n" + "".join(
        "%s,outcomes_pilot,2026Q2\n" % pid for pid in ("p005", "p010", "p023", "p028", "p034", "p044", "p046", "p052"))
    for name, text in files.items():
        with open(os.path.join(out, name), "w", encoding="utf-8", newline="") as f:
            f.write(text)
    # Not bundled in the binary: the tour imports it as a later quarter.
    os.makedirs(os.path.join(out, "next-quarter"), exist_ok=True)
    with open(os.path.join(out, "next-quarter", "metrics-2027Q1.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(next_quarter(partners))
    path = os.path.join(ROOT, "Sources", "SampleData", "SampleData.swift")
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(swift_source(files))
    print("wrote sample-data/ (%d partners, %d metric rows) and %s" % (len(partners), len(metrics), os.path.relpath(path, ROOT)))
    check = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "check_sample_story.py"), out])
    if check.returncode != 0:
        sys.exit("sample-data/ is missing a story: tune the generator")


def swift_source(files):
    r"""SampleData.swift: every file as one Swift string literal on one line.

    One line per file, escaped (\\, \", \n, \t, \r and \u{...} for other
    control characters), so the generated file holds no repeated lines of
    data for a duplicate finder to report; sample-data/ is the readable copy.
    The first line keeps swift-format away from the generated file.
    """
    def escape(text):
        out = []
        for ch in text:
            if ch == "\\": out.append("\\\\")
            elif ch == '"': out.append('\\"')
            elif ch == "\n": out.append("\\n")
            elif ch == "\t": out.append("\\t")
            elif ch == "\r": out.append("\\r")
            elif ord(ch) < 0x20 or ord(ch) == 0x7f: out.append("\\u{%x}" % ord(ch))
            else: out.append(ch)
        return "".join(out)
    out = ["// swift-format-ignore-file",
           "// Generated by scripts/gen_sample_data.py from sample-data/. Do not edit.",
           "public enum SampleData {",
           "  /// File name -> contents of the bundled sample data folder.",
           "  public static let files: [String: String] = ["]
    for name in sorted(files):
        out.append('    "%s": "%s",' % (name, escape(files[name])))
    out.append("  ]")
    out.append("}")
    return "\n".join(out) + "\n"


def write_bench(out, n_partners, n_quarters):
    rng = random.Random(7)
    os.makedirs(out, exist_ok=True)
    segments = ["reseller", "distributor", "msp", "integrator", "referral"]
    with open(os.path.join(out, "program.toml"), "w", encoding="utf-8", newline="") as f:
        f.write(PROGRAM)
    rows = ["id,name,segment,region,manager\n"]
    levels = []
    for i in range(n_partners):
        rows.append("b%06d,Partner %d,%s,%s,%s\n" % (i, i, segments[i % 5], REGIONS[i % 4], MANAGERS[i % 4]))
        levels.append((rng.uniform(0.2, 1.1), rng.uniform(-0.05, 0.05)))
    with open(os.path.join(out, "partners.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("".join(rows))
    quarters = []
    y, q = 2024, 1
    for _ in range(n_quarters):
        quarters.append("%dQ%d" % (y, q))
        q += 1
        if q == 5:
            y, q = y + 1, 1
    # Rows end in CRLF (RFC 4180's own line break) to exercise the reader;
    # the whole file is built as one list and written with a single join.
    p = {"segment": "reseller"}
    lines = ["partner_id,period,kpi,value\r\n"]
    for i in range(n_partners):
        base, trend = levels[i]
        p["segment"] = segments[i % 5]
        pid = "b%06d" % i
        for qi, quarter in enumerate(quarters):
            v = kpi_values(rng, p, max(0.05, base + trend * qi), qi, "steady")
            lines.extend("%s,%s,%s,%s\r\n" % (pid, quarter, k, number(v[k])) for k in KPI_IDS)
    with open(os.path.join(out, "metrics.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("".join(lines))
    with open(os.path.join(out, "agreements.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("id,partner_id,kpi,baseline,target,period,max_payout\n")
        for i in range(0, n_partners, 10):
            f.write("A%06d,b%06d,net_new_arr,100000,300000,%s,10000\n" % (i, i, quarters[-1]))
    write_bench_cohorts(out, n_partners, n_quarters)
    print("wrote %s: %d partners x %d KPIs x %d quarters" % (out, n_partners, len(KPI_IDS), n_quarters))


def write_bench_cohorts(out, n_partners, n_quarters):
    """A pilot of one partner in eight (12.5 %) from the middle quarter: what
    `pilot bench_pilot` reviews."""
    y, q = 2024, 1
    for _ in range(n_quarters // 2):
        q += 1
        if q == 5:
            y, q = y + 1, 1
    with open(os.path.join(out, "cohorts.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("partner_id,cohort,start\n")
        f.writelines("b%06d,bench_pilot,%dQ%d\n" % (i, y, q) for i in range(0, n_partners, 8))


def write_bench_next(out, n_partners, n_quarters):
    """The quarter after a --bench folder's last one, for the same partners
    (their levels drawn as write_bench draws them), as one metrics file."""
    rng = random.Random(7)
    levels = [(rng.uniform(0.2, 1.1), rng.uniform(-0.05, 0.05)) for _ in range(n_partners)]
    y, q = 2024, 1
    for _ in range(n_quarters):
        q += 1
        if q == 5:
            y, q = y + 1, 1
    quarter = "%dQ%d" % (y, q)
    segments = ["reseller", "distributor", "msp", "integrator", "referral"]
    values_rng = random.Random(8)
    lines = ["partner_id,period,kpi,value\r\n"]
    p = {"segment": "reseller"}
    for i in range(n_partners):
        base, trend = levels[i]
        p["segment"] = segments[i % 5]
        v = kpi_values(values_rng, p, max(0.05, base + trend * n_quarters), n_quarters, "steady")
        lines.extend("b%06d,%s,%s,%s\r\n" % (i, quarter, k, number(v[k])) for k in KPI_IDS)
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("".join(lines))
    print("wrote %s: %d partners x %d KPIs in %s" % (out, n_partners, len(KPI_IDS), quarter))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", metavar="OUT", help="write a large benchmark folder instead of sample-data/")
    ap.add_argument("--partners", type=int, default=10000)
    ap.add_argument("--quarters", type=int, default=12)
    ap.add_argument("--cohorts", metavar="OUT",
                    help="with --partners and --quarters: write only the cohorts.csv of a --bench folder")
    ap.add_argument("--next-quarter", metavar="FILE",
                    help="with --partners and --quarters: write the quarter after a --bench folder's last")
    a = ap.parse_args()
    if a.cohorts:
        write_bench_cohorts(a.cohorts, a.partners, a.quarters)
    elif a.next_quarter:
        write_bench_next(a.next_quarter, a.partners, a.quarters)
    elif a.bench:
        write_bench(a.bench, a.partners, a.quarters)
    else:
        write_sample()


if __name__ == "__main__":
    main()
