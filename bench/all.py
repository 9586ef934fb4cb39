#!/usr/bin/env python3
"""Every benchmark at one size, in one command (release build).

  python3 bench/all.py [--partners 100000] [--quarters 12]

Generates the data unless it exists (scripts/gen_sample_data.py --bench), then
runs, one after the other so that they do not share the two cores:
  bench/run.py      init against sqlite3 .import (with peak memory), score
                    against a GROUP BY
  bench/lookup.py   tier, explain, tier by name, leaderboard against an
                    indexed sqlite3 point query
  bench/design.py   compare and fairness against score and a GROUP BY
  bench/quarter.py  one more quarter imported, against sqlite3
  pbbench           the dashboard: first frame, every kind of key
  bench/team.py     the team store on PostgreSQL against psql (when installed)
Each prints its own table; docs/performance.md quotes them.
"""
import argparse
import glob
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--partners", type=int, default=100000)
    ap.add_argument("--quarters", type=int, default=12)
    a = ap.parse_args()
    size = ["--partners", str(a.partners), "--quarters", str(a.quarters)]
    base = os.path.join(ROOT, "bench", "data", "%dx%d" % (a.partners, a.quarters))
    if not os.path.exists(os.path.join(base, "metrics.csv")):
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "gen_sample_data.py"), "--bench", base] + size,
                       check=True)
    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "partnerboard"], cwd=ROOT, check=True)
    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "pbbench"], cwd=ROOT, check=True)
    store = base + ".sqlite"
    if not os.path.exists(store):
        subprocess.run([os.path.join(ROOT, ".build", "release", "partnerboard"), "init", "--from", base, "--db", store],
                       check=True)
    for script in ("run.py", "lookup.py", "design.py", "quarter.py"):
        print("\n## bench/%s\n" % script, flush=True)
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", script)] + size, check=True)
    print("\n## pbbench\n", flush=True)
    subprocess.run([os.path.join(ROOT, ".build", "release", "pbbench"), store], check=True)
    if glob.glob("/usr/lib/postgresql/*/bin/initdb"):
        print("\n## bench/team.py\n", flush=True)
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "team.py")] + size, check=True)
    else:
        print("\n(bench/team.py skipped: PostgreSQL's server programs are not installed)")


if __name__ == "__main__":
    main()
