#!/usr/bin/env python3
"""Release-build benchmark: one more quarter into a big store.

  python3 bench/quarter.py [--partners 100000] [--quarters 12] [--runs 3]

Needs the store of bench/design.py or bench/lookup.py (bench/data/NxQ.sqlite).
Writes the next quarter (scripts/gen_sample_data.py --next-quarter: N x 9 rows),
then, on fresh copies of the store, times `partnerboard import` of that file
(parse, check, write, rescore from that quarter only) against `sqlite3 .import`
of the same file into a plain table, and into the store's own observations
table (same primary key: a fair upsert) by sqlite3 itself (median of --runs).
"""
import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(cmd, **kw):
    start = time.perf_counter()
    r = subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)
    return time.perf_counter() - start, r.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--partners", type=int, default=100000)
    ap.add_argument("--quarters", type=int, default=12)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    base = os.path.join(ROOT, "bench", "data", "%dx%d" % (a.partners, a.quarters))
    store = base + ".sqlite"
    if not os.path.exists(store):
        raise SystemExit("%s missing: run python3 bench/design.py --partners %d first" % (store, a.partners))
    quarter = base + "-next.csv"
    if not os.path.exists(quarter):
        subprocess.run(["python3", os.path.join(ROOT, "scripts", "gen_sample_data.py"), "--next-quarter", quarter,
                        "--partners", str(a.partners), "--quarters", str(a.quarters)], check=True)
    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "partnerboard"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    exe = os.path.join(ROOT, ".build", "release", "partnerboard")
    ours, theirs, indexed, summary = [], [], [], ""
    tmp = tempfile.mkdtemp()
    for _ in range(a.runs):
        copy = os.path.join(tmp, "s.sqlite")
        shutil.copyfile(store, copy)
        # The file is named as a metrics file.
        named = os.path.join(tmp, "metrics-next.csv")
        shutil.copyfile(quarter, named)
        t, summary = timed([exe, "import", named, "--db", copy])
        ours.append(t)
        plain = os.path.join(tmp, "plain.sqlite")
        if os.path.exists(plain):
            os.remove(plain)
        t, _ = timed(["sqlite3", plain, ".mode csv", ".import %s obs" % named])
        theirs.append(t)
        os.remove(copy)
        shutil.copyfile(store, copy)
        t, _ = timed(["sqlite3", copy, ".mode csv", ".import %s stage" % named,
                      "INSERT OR REPLACE INTO observations SELECT partner_id, CAST(substr(period, 1, 4) AS INTEGER) * 4 + "
                      "CAST(substr(period, 6, 1) AS INTEGER) - 1, kpi, value, 0 FROM stage"])
        indexed.append(t)
        os.remove(copy)
    print("one more quarter (%d rows) into %d partners x %d quarters, median of %d (release build)" % (
        a.partners * 9, a.partners, a.quarters, a.runs))
    print(summary.strip())
    print("  partnerboard import  %6.2f s" % statistics.median(ours))
    print("  sqlite3 .import      %6.2f s   (%.1fx)" % (statistics.median(theirs),
                                                        statistics.median(ours) / statistics.median(theirs)))
    print("  sqlite3 into the store's observations (same key)  %6.2f s   (%.1fx)" % (
        statistics.median(indexed), statistics.median(ours) / statistics.median(indexed)))


if __name__ == "__main__":
    main()
