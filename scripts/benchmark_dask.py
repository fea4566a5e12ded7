#!/usr/bin/env python3
"""Dask scaling: planparse.dask.read_plans on a LocalCluster of 1 and 2 worker processes.

    python scripts/benchmark_dask.py                 # 2000 synthetic files, structure only
    python scripts/benchmark_dask.py --files 4000 --tag --workers 1 2

For each number of workers (one thread each), a fresh ``distributed.LocalCluster`` computes all
four tables of the same files together (``dask.compute``), and the wall time is printed with the
files/s, the speed-up over one worker and the parallel efficiency. Reference measured in the
same run: the local path (``planparse.parse_file`` + ``tables.document_rows``) over a sample of
the files in this process, on one core, so the cluster's per-worker rate can be read against it
(the difference is the scheduler's and the transfer's cost). The workers' CPU seconds are printed
too: on a machine shared with other jobs the wall time says more about their load than ours.

The last lines extrapolate from the best per-worker rate: the hours for a million plans on this
machine and on clusters of 16 and 64 workers, assuming the efficiency measured at the largest
worker count holds (a parse task shares nothing with the others, so it should as long as the
file store keeps up). Not a test.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_plans import write_plans  # noqa: E402


def _cpu_seconds() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def local_rate(paths: list[Path], tag: bool) -> float:
    import planparse
    from planparse.analysis.tables import document_rows

    planparse.parse_file(paths[0], tag=tag)  # warm-up: imports, dictionaries
    t0 = time.process_time()
    for p in paths:
        document_rows(planparse.parse_file(p, tag=tag), str(p))
    return len(paths) / (time.process_time() - t0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--tag", action="store_true", help="with keyword and category tagging")
    ap.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "planparse-bench")
    args = ap.parse_args()

    import dask
    from distributed import Client, LocalCluster

    from planparse.dask import read_plans

    paths = write_plans(args.files, args.dir / "files")[: args.files]
    mb = sum(p.stat().st_size for p in paths) / 1e6
    reference = local_rate(paths[:200], args.tag)
    print(
        f"{len(paths)} files, {mb:.1f} MB, tag={args.tag}; {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}\n"
        f"reference: local path in this process {reference:.1f} files/s (one core, CPU time, 200 files)"
    )
    rates: dict[int, float] = {}
    cpu_rates: dict[int, float] = {}
    for n in args.workers:
        with LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            with Client(cluster) as client:
                client.run(lambda: __import__("planparse.dask"))  # workers import planparse before timing
                tables = read_plans([str(p) for p in paths], tag=args.tag)
                cpu0 = sum(client.run(_cpu_seconds).values())
                own0 = time.process_time()
                t0 = time.perf_counter()
                results = dask.compute(*tables.values())
                wall = time.perf_counter() - t0
                own = time.process_time() - own0  # this process: the client and the local scheduler
                cpu = sum(client.run(_cpu_seconds).values()) - cpu0
        cpu_rates[n] = len(paths) / cpu
        rows = sum(len(df) for df in results)
        rates[n] = len(paths) / wall
        first = min(rates)
        base = rates[first] / first  # files/s a worker, at the smallest cluster
        print(
            f"  {n} worker{'s' if n > 1 else ' '}  {wall:7.1f} s wall  {rates[n]:7.1f} files/s  {rows} rows"
            f"  speed-up {rates[n] / rates[first]:4.2f}  efficiency {rates[n] / (n * base):4.0%}"
            f"  | workers' CPU {cpu:6.1f} s: {len(paths) / cpu:6.1f} files per CPU-second"
            f" = {len(paths) / cpu / reference:4.2f}× the local path; client + scheduler CPU {own:5.1f} s"
        )
    top, first = max(rates), min(rates)
    efficiency = rates[top] / (top * rates[first] / first)
    per_worker = rates[first] / first
    print(f"extrapolated to 1,000,000 plans (per worker {per_worker:.1f} files/s, efficiency {efficiency:.0%}):")
    per_cpu = min(cpu_rates.values())
    print(f"  (and from the workers' CPU time, {per_cpu:.1f} files per CPU-second: what a core of its own gives)")
    for workers in (os.cpu_count() or 1, 16, 64):
        hours = 1_000_000 / (per_worker * workers * (efficiency if workers > 1 else 1.0)) / 3600
        print(f"  {workers:>3} workers: {hours:6.1f} h by wall time   {1_000_000 / (per_cpu * workers) / 3600:6.2f} h by CPU time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
