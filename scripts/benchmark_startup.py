#!/usr/bin/env python3
"""Startup: ``import planparse`` and ``planparse parse small.txt`` end to end, in fresh interpreters.

    python scripts/benchmark_startup.py            # 7 runs of each, best and median wall time
    python scripts/benchmark_startup.py --runs 15

Each figure is printed beside a bare ``python -c pass`` measured in the same rounds (the
interpreter's own start, the floor no package can go under), so that a loaded machine can be
told from a slow import. Targets of issue 13: ``import planparse`` under 0.3 s,
``planparse parse small.txt`` under 1 s. The tagged rows show what a JSON parse (keywords: jieba
loads its dictionaries from planparse's cache) costs. The last lines list the slowest imports of
``planparse parse`` (``python -X importtime``). Not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "corpus" / "01_union_basic.txt"
CLI = "from planparse.cli import main; main()"


def wall(argv: list[str]) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, cwd=ROOT)
    dt = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(f"{argv} failed: {proc.stderr.decode(errors='replace')[-500:]}")
    return dt


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    py = sys.executable
    cases = {
        "python -c pass": [py, "-c", "pass"],
        "import planparse": [py, "-c", "import planparse"],
        "planparse parse small.txt": [py, "-c", CLI, "parse", str(SMALL)],
        "... --format schedule": [py, "-c", CLI, "parse", str(SMALL), "--format", "schedule"],
        "... --format json (tagged)": [py, "-c", CLI, "parse", str(SMALL), "--format", "json"],
    }
    wall(cases["... --format json (tagged)"])  # builds planparse's tagging cache if it is not there yet
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.runs):
        for name, argv in cases.items():  # interleaved: a slow spell hits every case alike
            times[name].append(wall(argv))
    floor = min(times["python -c pass"])
    print(f"{args.runs} runs each, wall seconds; {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    for name, ts in times.items():
        best, med = min(ts), statistics.median(ts)
        print(f"  {name:30} best {best:6.3f} s  median {med:6.3f} s   best - python start {best - floor:6.3f} s")
    proc = subprocess.run([py, "-X", "importtime", "-c", CLI, "parse", str(SMALL)], capture_output=True, text=True, cwd=ROOT)
    rows = []
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = line.split("|")
            if cumulative.strip().isdigit():
                rows.append((int(cumulative), name.rstrip()))
    print("slowest top-level imports of planparse parse (cumulative µs):")
    for us, name in sorted((r for r in rows if not r[1].startswith("   ")), reverse=True)[:8]:
        print(f"  {us:>9}  {name.strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
