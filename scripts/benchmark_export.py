#!/usr/bin/env python3
"""Export at corpus scale: wall time and peak memory of ``planparse export`` on 1,000 and 10,000 files.

    python scripts/benchmark_export.py                    # 1k and 10k files, tagging off and on
    python scripts/benchmark_export.py --sizes 1000 --no-tag-only
    python scripts/benchmark_export.py --xlsx              # also 1k files with --format xlsx

The files are synthetic (scripts/synthetic_plans.py: corpus/ plans copied with edits), made once
under --dir. Each run is ``planparse export FILES --out DIR --format csv --format parquet
--quiet [--no-tag]`` in a fresh interpreter (all cores: one worker process per core), timed
end to end; peak RSS is the largest of the exporting process (which holds the writer) and of
its worker processes. Memory is flat when the 10k figure is about the 1k one. CPU seconds (all
processes) are printed beside the wall time: on a machine shared with other jobs the wall time
grows with their load, the CPU time much less.

Reference, measured in the same run: ``jieba.lcut`` over a sample of the same files on one core,
so every throughput is also printed as a multiple of it (the machine's speed varies with its
load). The issue's targets on this 2-core machine: 10k files to Parquet and CSV in under 60 s
with tagging off, 180 s with tagging on. Not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_plans import write_plans  # noqa: E402

# runs the command line in this interpreter and reports its own and its workers' peak RSS
_RUN = """
import json, resource, sys
from planparse.cli import main
sys.argv = ["planparse", *json.load(open(sys.argv[1], encoding="utf-8"))]
code = 0
try:
    main()
except SystemExit as exc:
    code = exc.code or 0
me = resource.getrusage(resource.RUSAGE_SELF)
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
print(json.dumps({"code": code, "self_kib": me.ru_maxrss, "children_kib": kids.ru_maxrss, "cpu": cpu}), file=sys.stderr)
"""


def lcut_mb_per_s(paths: list[Path]) -> float:
    import logging

    import jieba

    logging.getLogger("jieba").setLevel(logging.WARNING)
    jieba.initialize()
    texts = [p.read_text(encoding="utf-8") for p in paths]
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        for t in texts:
            jieba.lcut(t)
        best = min(best, time.process_time() - t0)
    return nbytes / 1e6 / best


def pickle_sizes(paths: list[Path]) -> tuple[float, float]:
    """What a worker sends back per byte of text: a pickled Document, and the table rows sent instead."""
    import pickle

    import planparse
    from planparse.io.export import export_rows

    text = doc_bytes = row_bytes = 0
    for p in paths:
        doc = planparse.parse_file(p, tag=False)
        text += len(doc.text.encode("utf-8"))
        doc_bytes += len(pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL))
        row_bytes += len(pickle.dumps(export_rows(doc), protocol=pickle.HIGHEST_PROTOCOL))
    return doc_bytes / text, row_bytes / text


def run_export(paths: list[Path], out: Path, extra: list[str]) -> dict:
    args = ["export", *map(str, paths), "--out", str(out), "--quiet", "--force", *extra]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump(args, fh)
    try:
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", _RUN, fh.name], capture_output=True, text=True)
        wall = time.perf_counter() - t0
    finally:
        os.unlink(fh.name)
    stats = json.loads(proc.stderr.strip().splitlines()[-1])
    if stats["code"]:
        raise SystemExit(f"planparse export failed:\n{proc.stderr}")
    stats["wall"] = wall
    return stats


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "planparse-bench")
    ap.add_argument("--no-tag-only", action="store_true", help="skip the runs with tagging")
    ap.add_argument("--xlsx", action="store_true", help="also time --format xlsx on the smallest size")
    ap.add_argument("--segmenter", choices=["jieba", "rjieba"], default=None, help="segmenter of the tagged runs")
    args = ap.parse_args()

    files = write_plans(max(args.sizes), args.dir / "files")
    reference = lcut_mb_per_s(files[:300])
    print(f"{os.cpu_count()} cores; reference jieba.lcut {reference:.3f} MB/s (one core, {min(300, len(files))} of the files)")
    doc_ratio, row_ratio = pickle_sizes(files[:100])
    print(f"a worker's answer per byte of text: pickled Document {doc_ratio:.1f}×, table rows {row_ratio:.1f}× (sent instead)")
    runs: list[tuple[str, list[str]]] = [("csv+parquet, no tag", ["--format", "csv", "--format", "parquet", "--no-tag"])]
    if not args.no_tag_only:
        seg = ["--segmenter", args.segmenter] if args.segmenter else []
        runs.append((f"csv+parquet, tagged{' (' + args.segmenter + ')' if seg else ''}", ["--format", "csv", "--format", "parquet", *seg]))
    for n in sorted(args.sizes):
        paths = files[:n]
        mb = sum(p.stat().st_size for p in paths) / 1e6
        todo = list(runs)
        if args.xlsx and n == min(args.sizes):
            todo.append(("xlsx only, no tag", ["--format", "xlsx", "--no-tag", "--no-khcoder"]))
        for label, extra in todo:
            stats = run_export(paths, args.dir / f"out_{n}", extra)
            peak = max(stats["self_kib"], stats["children_kib"]) / 1024
            rate = mb / stats["wall"]
            print(
                f"{n:>6} files {mb:6.1f} MB  {label:28} {stats['wall']:7.1f} s wall ({stats['cpu']:6.1f} s CPU)"
                f"  {n / stats['wall']:7.1f} files/s"
                f"  {rate:6.3f} MB/s = {rate / reference:5.2f}× jieba.lcut   peak RSS {peak:6.0f} MiB"
                f" (writer {stats['self_kib'] / 1024:.0f}, largest worker {stats['children_kib'] / 1024:.0f})"
                + ("" if stats["code"] == 0 else f"  exit {stats['code']}")
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
