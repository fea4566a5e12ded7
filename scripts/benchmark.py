#!/usr/bin/env python3
"""Throughput benchmark: how fast planparse parses real-looking plans, on one core.

    python scripts/benchmark.py              # repeat count chosen so each run takes ~10 s
    python scripts/benchmark.py --repeat 20  # fixed number of passes over the files

Parses every .txt of ../shared/seeds (when present) and corpus/. Texts are read
once up front, so the parse_text lines exclude I/O; a separate line times
parse_file end-to-end (read + decode + parse). Reports MB/s of UTF-8 input bytes
and the peak memory (tracemalloc peak of a single pass, and the process's max RSS).
Not a test.
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIRS = [ROOT.parent / "shared" / "seeds", ROOT / "corpus"]
TARGET_SECONDS = 10.0


def collect(dirs: list[Path]) -> list[Path]:
    files: list[Path] = []
    for d in dirs:
        if d.is_dir():
            files.extend(sorted(d.glob("*.txt")))
    return files


def timed_passes(work: Callable[[], None], repeat: int | None) -> tuple[int, float]:
    """Run ``work`` (one pass over all files) ``repeat`` times, or until TARGET_SECONDS when repeat is None."""
    work()  # warm-up: lazy imports, regex compilation, jieba dictionaries
    # CPU time of this process: parsing is single-threaded, so this is one core's time,
    # and other work on the machine does not count against it
    n, t0 = 0, time.process_time()
    while True:
        work()
        n += 1
        elapsed = time.process_time() - t0
        if (repeat is not None and n >= repeat) or (repeat is None and elapsed >= TARGET_SECONDS):
            return n, elapsed


def peak_of_one_pass(work: Callable[[], None]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def report(label: str, n: int, elapsed: float, nbytes: int, nfiles: int, peak: int | None) -> None:
    mb = nbytes * n / 1e6
    per_file = elapsed / (n * nfiles) * 1000 if n and nfiles else float("nan")
    peak_s = f"  peak {peak / 2**20:7.1f} MiB (tracemalloc, one pass)" if peak is not None else ""
    print(f"{label:34} {n:>4} passes {elapsed:7.2f} s  {mb / elapsed:7.3f} MB/s  {per_file:7.2f} ms/file{peak_s}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=None, help="passes over all files (default: as many as fit in ~10 s)")
    ap.add_argument("--no-memory", action="store_true", help="skip the tracemalloc pass (it slows parsing down)")
    args = ap.parse_args()

    import planparse

    files = collect(DIRS)
    if not files:
        print("no .txt files found in " + ", ".join(map(str, DIRS)), file=sys.stderr)
        return 2
    texts = [(str(p), p.read_bytes().decode("utf-8-sig")) for p in files]
    nbytes = sum(len(t.encode("utf-8")) for _, t in texts)
    print(f"{len(files)} files, {nbytes / 1e6:.3f} MB of UTF-8 text, python {sys.version.split()[0]}, one core")

    def structure() -> None:
        for name, text in texts:
            planparse.parse_text(text, source=name, tag=False)

    def tagged() -> None:
        for name, text in texts:
            planparse.parse_text(text, source=name, tag=True)

    def end_to_end() -> None:
        for p in files:
            planparse.parse_file(p, tag=False)

    try:
        planparse.parse_text(texts[0][1], source=texts[0][0], tag=False)
    except Exception as exc:
        print(f"planparse cannot parse yet: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    runs: list[tuple[str, Callable[[], None]]] = [("parse_text(tag=False)  structure", structure)]
    try:
        planparse.parse_text(texts[0][1], tag=True)
        runs.append(("parse_text(tag=True)   + tagging", tagged))
    except Exception as exc:  # tagging is optional: report why it cannot be measured
        print(f"parse_text(tag=True) not measured: {type(exc).__name__}: {exc}")
    runs.append(("parse_file end-to-end (tag=False)", end_to_end))

    for label, work in runs:
        n, elapsed = timed_passes(work, args.repeat)
        peak = None if args.no_memory else peak_of_one_pass(work)
        report(label, n, elapsed, nbytes, len(files), peak)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(f"max RSS of this process: {rss / 1024:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
