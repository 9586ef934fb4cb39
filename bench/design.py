#!/usr/bin/env python3
"""Release-build benchmark of program design: compare and fairness against
score on the same store, and sqlite3 reading the same rows.

  python3 bench/design.py [--partners 10000] [--quarters 12] [--runs 5]

Generates the data (scripts/gen_sample_data.py --bench) unless it exists,
builds the release binary and the store (partnerboard init) unless it
exists, then times whole processes, alternating them so the machine's noise
falls on all (median of --runs):
  score          partnerboard score --format json              (one scoring pass)
  compare        partnerboard compare volume-program.toml --format json
  fairness       partnerboard fairness --format json
  sqlite3        SELECT partner_id, kpi, SUM(value) FROM observations GROUP BY 1, 2
compare should cost about one scoring pass more than score (issue 13).
"""
import argparse
import os
import statistics
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(cmd):
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--partners", type=int, default=10000)
    ap.add_argument("--quarters", type=int, default=12)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    data = os.path.join(ROOT, "bench", "data", "%dx%d" % (a.partners, a.quarters))
    if not os.path.exists(os.path.join(data, "metrics.csv")):
        subprocess.run(["python3", os.path.join(ROOT, "scripts", "gen_sample_data.py"), "--bench", data,
                        "--partners", str(a.partners), "--quarters", str(a.quarters)], check=True)
    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "partnerboard"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    exe = os.path.join(ROOT, ".build", "release", "partnerboard")
    store = data + ".sqlite"
    if not os.path.exists(store):
        print("init %s: %.1f s" % (store, run([exe, "init", "--from", data, "--db", store])))
    volume = os.path.join(ROOT, "sample-data", "volume-program.toml")
    cmds = {
        "score": [exe, "score", "--db", store, "--format", "json"],
        "compare": [exe, "compare", volume, "--db", store, "--format", "json"],
        "fairness": [exe, "fairness", "--db", store, "--format", "json"],
        "sqlite3": ["sqlite3", store,
                    "SELECT partner_id, kpi, SUM(value) FROM observations GROUP BY 1, 2"],
    }
    times = {k: [] for k in cmds}
    for _ in range(a.runs):
        for k, c in cmds.items():
            times[k].append(run(c))
    med = {k: statistics.median(v) for k, v in times.items()}
    print("%d partners x %d quarters, median of %d runs (release build)" % (a.partners, a.quarters, a.runs))
    for k in cmds:
        print("  %-9s %7.2f s   %.2fx score   %.2fx sqlite3" % (k, med[k], med[k] / med["score"], med[k] / med["sqlite3"]))


if __name__ == "__main__":
    main()
