#!/usr/bin/env python3
"""Release-build benchmark of the team store (PostgreSQL), side by side with psql.

  python3 bench/team.py [--partners 100000] [--quarters 12] [--runs 7] [--init-runs 3]

Starts a throwaway PostgreSQL cluster (initdb in a temporary folder, as the
postgres user when run as root, a Unix socket only, default settings), then
times whole processes:
  init          partnerboard init --from DATA --db postgres://... (build, keep the
                scores, write every table with COPY) against psql's \\copy of the
                same metrics.csv into a table without index (issue 23: within 2x);
                beside it, the same \\copy with the observations' primary key built
                after (also from the store's rows in COPY's binary format), and
                partnerboard init into a SQLite file (no PostgreSQL); medians
                of --init-runs, with the CPU seconds the machine spent on each
  tier ID, leaderboard --top 20, render leaderboard (the dashboard's first frame)
                on a current local copy, alternating with psql answering an indexed
                point query on the team store's observations (median of --runs;
                issue 23: within 10x, the first frame within 100x)
  cold tier ID  the same lookup when the local copy must be made anew (after
                someone's write): the whole store copied
  manager copy  a manager's login copying its book (a quarter of the partners)
  after import  another user's next lookup: its copy takes the import's changes
  import        one corrected observation imported, in the latest quarter and in the
                first (every quarter rescored) (a write: the copy changed,
                every table written back) against the same import on a SQLite store
Needs PostgreSQL's server programs (apt-get install postgresql) and psql.
"""
import argparse
import glob
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(cmd, env=None):
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def busy():
    """The machine's CPU seconds so far, every process's (client and server), from /proc/stat."""
    try:
        with open("/proc/stat") as f:
            fields = f.readline().split()
        return sum(int(fields[i]) for i in (1, 2, 3, 6, 7)) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return float("nan")


def run_busy(cmd, cpu, env=None):
    """`run`, adding the CPU seconds the machine spent meanwhile to the list `cpu`."""
    before = busy()
    t = run(cmd, env)
    cpu.append(busy() - before)
    return t


def server_bin():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise SystemExit("PostgreSQL's initdb not found: apt-get install postgresql")
    return os.path.dirname(found[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--partners", type=int, default=100000)
    ap.add_argument("--quarters", type=int, default=12)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--init-runs", type=int, default=3)
    a = ap.parse_args()
    data = os.path.join(ROOT, "bench", "data", "%dx%d" % (a.partners, a.quarters))
    if not os.path.exists(os.path.join(data, "metrics.csv")):
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "gen_sample_data.py"), "--bench", data,
                        "--partners", str(a.partners), "--quarters", str(a.quarters)], check=True)
    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "partnerboard"],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    binary = os.path.join(ROOT, ".build", "release", "partnerboard")
    pg = server_bin()
    psql = shutil.which("psql") or os.path.join(pg, "psql")

    tmp = tempfile.mkdtemp(prefix="pb-team-bench-")
    os.chmod(tmp, 0o755)
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_postgres:
        shutil.chown(tmp, "postgres")
    subprocess.run(as_postgres + [pg + "/initdb", "-D", tmp + "/data", "-A", "trust", "-U", "postgres"],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run(as_postgres + [pg + "/pg_ctl", "-D", tmp + "/data", "-l", tmp + "/log", "-w", "-o",
                                  "-k %s -c listen_addresses=''" % tmp, "start"], check=True,
                   stdout=subprocess.DEVNULL)
    try:
        url = "postgresql://postgres@localhost/%s?host=" + tmp
        for db in ["team", "plain"]:
            subprocess.run([psql, url % "postgres", "-qc", "CREATE DATABASE %s" % db], check=True)
        team = url % "team"
        env = dict(os.environ, XDG_CACHE_HOME=os.path.join(tmp, "cache"))

        # init alternating with psql's \copy of metrics.csv into a table without
        # index (the bar), with the same \copy and the observations' primary key
        # built after the rows as init builds it (what PostgreSQL alone needs to
        # hold the same rows), and with init into a SQLite file (the build a team
        # init includes, without PostgreSQL); medians of --init-runs.
        metrics = os.path.join(data, "metrics.csv")
        scripts = {
            "plain": "DROP TABLE IF EXISTS metrics;\n"
                     "CREATE TABLE metrics (partner_id text, period text, kpi text, value double precision);\n"
                     "\\copy metrics FROM '%s' WITH (FORMAT csv, HEADER true)\n" % metrics,
            "keyed": "DROP TABLE IF EXISTS keyed;\n"
                     "CREATE TABLE keyed (partner_id text COLLATE \"C\", period text COLLATE \"C\", "
                     "kpi text COLLATE \"C\", value double precision);\n"
                     "\\copy keyed FROM '%s' WITH (FORMAT csv, HEADER true)\n"
                     "ALTER TABLE keyed ADD PRIMARY KEY (partner_id, period, kpi);\n" % metrics,
        }
        # The same, from the store's own observations in COPY's binary format
        # (what init sends), exported from the team store once it is made.
        binary_rows = os.path.join(tmp, "observations.bin")
        scripts["binary"] = ("DROP TABLE IF EXISTS kb;\n"
                             "CREATE TABLE kb (partner_id text COLLATE \"C\", period bigint, kpi text COLLATE \"C\", "
                             "value double precision, import_id bigint);\n"
                             "\\copy kb FROM '%s' WITH (FORMAT binary)\n"
                             "ALTER TABLE kb ADD PRIMARY KEY (partner_id, period, kpi);\n" % binary_rows)
        for name, sql in scripts.items():
            with open(os.path.join(tmp, name + ".sql"), "w") as f:
                f.write(sql)
        alone = os.path.join(tmp, "alone.sqlite")
        inits = {"init": [], "plain": [], "keyed": [], "binary": [], "sqlite": []}
        cpu = {k: [] for k in inits}
        for i in range(a.init_runs):
            inits["init"].append(run_busy([binary, "init", "--from", data, "--db", team] + (["--force"] if i else []),
                                          cpu["init"], env=env))
            if not os.path.exists(binary_rows):
                run([psql, team, "-qc", "\\copy (SELECT * FROM partnerboard.observations) TO '%s' WITH (FORMAT binary)"
                     % binary_rows])
            for name in scripts:
                inits[name].append(run_busy([psql, url % "plain", "-q", "-f", os.path.join(tmp, name + ".sql")],
                                            cpu[name]))
            for f in glob.glob(alone + "*"):
                os.remove(f)
            inits["sqlite"].append(run_busy([binary, "init", "--from", data, "--db", alone], cpu["sqlite"], env=env))
            print("init %.2f s, \\copy %.2f s" % (inits["init"][-1], inits["plain"][-1]), flush=True)
        t_init, t_copy, t_keyed, t_sqlite_init = (statistics.median(inits[k]) for k in
                                                  ("init", "plain", "keyed", "sqlite"))
        c_init, c_copy, c_keyed, c_sqlite = (statistics.median(cpu[k]) for k in ("init", "plain", "keyed", "sqlite"))
        t_binary, c_binary = statistics.median(inits["binary"]), statistics.median(cpu["binary"])

        pid = "b%06d" % min(4242, a.partners - 1)
        point = "SELECT period, kpi, value FROM partnerboard.observations WHERE partner_id = '%s'" % pid
        cases = {
            "tier ID": [binary, "tier", pid, "--db", team],
            "leaderboard --top 20": [binary, "leaderboard", "--top", "20", "--db", team],
            "render leaderboard (first frame)": [binary, "render", "leaderboard", "--size", "120x40", "--db", team],
            "psql point query": [psql, team, "-Atc", point],
        }
        times = {k: [] for k in cases}
        for _ in range(a.runs):
            for k, cmd in cases.items():
                times[k].append(run(cmd, env=env))
        med = {k: statistics.median(v) for k, v in times.items()}
        q = med["psql point query"]

        cache = os.path.join(tmp, "cache")
        shutil.rmtree(cache)
        t_cold = run([binary, "tier", pid, "--db", team], env=env)

        manager = None
        with open(os.path.join(data, "partners.csv")) as f:
            header = f.readline().strip().split(",")
            for line in f:
                row = line.strip().split(",")
                if row[0] == pid and "manager" in header:
                    manager = row[header.index("manager")]
                    break
        t_manager = None
        if manager:
            subprocess.run([binary, "access", "grant", "bench_manager", "--manager", manager, "--db", team],
                           check=True, stdout=subprocess.DEVNULL, env=env)
            t_manager = run([binary, "tier", pid, "--db", url.replace("postgres@", "bench_manager@") % "team"],
                            env=env)

        # Two corrections of one row: in the latest quarter (the usual case: the
        # open quarter's data arriving), then in the first (every quarter rescored).
        with open(os.path.join(data, "metrics.csv")) as f:
            f.readline()
            first = f.readline().strip().split(",")
            last = first
            for line in f:
                last = line
            last = last.strip().split(",")
        reader = dict(env, XDG_CACHE_HOME=os.path.join(tmp, "reader-cache"))
        fixes = {}
        for label, row in (("latest", last), ("first", first)):
            fix = os.path.join(tmp, "metrics-%s.csv" % label)
            with open(fix, "w") as f:
                f.write("partner_id,period,kpi,value\n%s,%s,%s,%s\n" % (row[0], row[1], row[2], float(row[3]) + 1))
            run([binary, "tier", pid, "--db", team], env=env)  # the owner's copy current
            run([binary, "tier", pid, "--db", team], env=reader)  # another user's copy, before the import
            t_import = run([binary, "import", fix, "--db", team], env=env)
            t_changes = run([binary, "tier", pid, "--db", team], env=reader)
            fixes[label] = (fix, t_import, t_changes)
        local = os.path.join(tmp, "local.sqlite")
        run([binary, "init", "--from", data, "--db", local], env=env)
        t_local = {label: run([binary, "import", fixes[label][0], "--db", local], env=env) for label in fixes}

        print("| %d partners x %d quarters, median of %d | ms | x psql point query |"
              % (a.partners, a.quarters, a.runs))
        print("|---|---|---|")
        for k in cases:
            print("| `%s` | %.1f | %.1fx |" % (k, med[k] * 1000, med[k] / q))
        print("| `tier ID`, the local copy made anew | %.0f | %.0fx |" % (t_cold * 1000, t_cold / q))
        if t_manager is not None:
            print("| `tier ID` on a manager's login, its book copied | %.0f | %.0fx |" % (t_manager * 1000,
                                                                                      t_manager / q))
        for label in fixes:
            t = fixes[label][2]
            print("| `tier ID` after someone's import of one row in the %s quarter, the copy brought up to date "
                  "| %.0f | %.0fx |" % (label, t * 1000, t / q))
        print()
        print("init %.2f s against psql \\copy %.2f s: %.2fx" % (t_init, t_copy, t_init / t_copy))
        print("  psql \\copy and the primary key %.2f s (%.2fx \\copy); init into a SQLite file %.2f s (%.2fx)"
              % (t_keyed, t_keyed / t_copy, t_sqlite_init, t_sqlite_init / t_copy))
        print("  the same rows in COPY's binary format with the primary key %.2f s (%.2fx)" % (t_binary, t_binary / t_copy))
        print("  CPU seconds, client and server: init %.1f, \\copy %.1f, \\copy and the primary key %.1f, "
              "binary and the primary key %.1f, init into a SQLite file %.1f (%d cores)"
              % (c_init, c_copy, c_keyed, c_binary, c_sqlite, os.cpu_count()))
        for label in fixes:
            print("import of one row in the %s quarter: team store %.2f s, SQLite store %.2f s"
                  % (label, fixes[label][1], t_local[label]))
    finally:
        subprocess.run(as_postgres + [pg + "/pg_ctl", "-D", tmp + "/data", "-m", "immediate", "stop"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
