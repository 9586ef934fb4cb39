#!/usr/bin/env python3
"""Release-build benchmark of partnerboard against sqlite3, side by side.

  python3 bench/run.py [--partners 10000] [--quarters 12] [--runs 5]

Generates the data (scripts/gen_sample_data.py --bench), builds the release
binary, then times, each --runs times (median reported):
  init      partnerboard init --from DATA (parse, check, write the store)
  .import   sqlite3 importing the same metrics.csv into an empty database
  score     partnerboard score --format json (load the store, score every
            partner at every period, print the latest period's JSON)
  GROUP BY  sqlite3 aggregating that imported table by partner and KPI
Bars (issue 11): init within 1.5x of .import (never above 2x) and under
500 MB of memory; score within 3x of GROUP BY.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(cmd, runs, setup=None, **kw):
    times = []
    for _ in range(runs):
        if setup:
            setup()
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, **kw)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_once(cmd, **kw):
    """Seconds and peak resident memory (kB) of one whole process."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        raise SystemExit("%s failed (%d)" % (cmd[:2], p.returncode))
    return time.perf_counter() - start, usage.ru_maxrss


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--partners", type=int, default=10000)
    ap.add_argument("--quarters", type=int, default=12)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()

    data = os.path.join(ROOT, "bench", "data", "%dx%d" % (a.partners, a.quarters))
    if not os.path.exists(os.path.join(data, "metrics.csv")):
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "gen_sample_data.py"), "--bench", data,
                        "--partners", str(a.partners), "--quarters", str(a.quarters)], check=True)
    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "partnerboard"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    binary = os.path.join(ROOT, ".build", "release", "partnerboard")
    rows = sum(1 for _ in open(os.path.join(data, "metrics.csv"))) - 1

    tmp = tempfile.mkdtemp(prefix="pb-bench-")
    store = os.path.join(tmp, "store.sqlite")
    plain = os.path.join(tmp, "plain.sqlite")

    def clean(*paths):
        def f():
            for p in paths:
                for suffix in ("", "-wal", "-shm"):
                    if os.path.exists(p + suffix):
                        os.remove(p + suffix)
        return f

    env = dict(os.environ, PARTNERBOARD_DB=store)
    # init and .import alternate, so that both see the same machine; init's
    # peak memory (maximum resident set) comes from wait4.
    inits, imports, peaks = [], [], []
    for _ in range(a.runs):
        clean(store)()
        t, peak = run_once([binary, "init", "--from", data, "--force"], env=env)
        inits.append(t)
        peaks.append(peak)
        clean(plain)()
        t, _ = run_once(["sqlite3", plain, "-cmd", ".mode csv", ".import %s metrics" % os.path.join(data, "metrics.csv")])
        imports.append(t)
    t_init, t_import, peak = statistics.median(inits), statistics.median(imports), max(peaks)
    t_score = timed([binary, "score", "--format", "json"], a.runs, env=env)
    group_by = "SELECT partner_id, kpi, COUNT(*), SUM(value), AVG(value) FROM metrics GROUP BY partner_id, kpi;"
    t_group = timed(["sqlite3", plain, group_by], a.runs)

    print("| %d partners x 9 KPIs x %d quarters (%d rows), median of %d | seconds |" % (a.partners, a.quarters, rows, a.runs))
    print("|---|---|")
    print("| `partnerboard init` (peak memory %d MB) | %.2f |" % (peak // 1024, t_init))
    print("| `sqlite3 .import` of the same metrics.csv | %.2f |" % t_import)
    print("| `partnerboard score --format json` | %.2f |" % t_score)
    print("| `sqlite3` GROUP BY partner, KPI over it | %.2f |" % t_group)
    print()
    print("init / .import = %.2fx (bar 1.5x); score / GROUP BY = %.2fx (bar 3x)" % (t_init / t_import, t_score / t_group))


if __name__ == "__main__":
    main()
