#!/usr/bin/env python3
"""What a person waits for: the wall time of the people's commands, start to exit, on one file.

    python scripts/benchmark_cli.py                       # corpus/01_union_basic.txt, 5 runs each
    python scripts/benchmark_cli.py --file plan.docx --runs 9

Each command runs as she runs it (``python -m planparse …`` in a fresh process, so the
interpreter start and the imports count); the figure is the best and the median of the runs,
with the CPU time (user + sys) of the child beside it, since this machine is shared and the wall
time swings with the neighbours' load while the CPU time does not. Rows: the outline
(``parse``), the calendar (``calendar``, no tagging), the people's workbook (``export --for
people``, no tagging) and, for comparison, the JSON (``parse --format json``, full tagging).
Not a test.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run(args: list[str]) -> tuple[float, float]:
    """Wall seconds and child CPU seconds of one ``python -m planparse ARGS``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "planparse", *args], capture_output=True, cwd=REPO)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed: {done.stderr.decode(errors='replace').strip()}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--file", default=str(REPO / "corpus" / "01_union_basic.txt"))
    ap.add_argument("--runs", type=int, default=5)
    ns = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        commands = {
            "parse (outline)": ["parse", ns.file],
            "calendar": ["calendar", ns.file, "-o", os.path.join(tmp, "plan.ics"), "--force", "--year", "2024"],
            "export --for people": ["export", ns.file, "--for", "people", "--out", tmp, "--force", "-q"],
            "parse --format json": ["parse", ns.file, "--format", "json"],
        }
        print(f"{Path(ns.file).name}, {os.path.getsize(ns.file)} bytes, {ns.runs} runs; load {os.getloadavg()[0]:.1f}")
        print(f"{'command':<22} {'wall best':>9} {'median':>7} {'cpu best':>9} {'median':>7}")
        for name, args in commands.items():
            runs = [run(args) for _ in range(ns.runs)]
            walls, cpus = [w for w, _ in runs], [c for _, c in runs]
            print(f"{name:<22} {min(walls):>8.2f}s {statistics.median(walls):>6.2f}s "
                  f"{min(cpus):>8.2f}s {statistics.median(cpus):>6.2f}s")


if __name__ == "__main__":
    main()
