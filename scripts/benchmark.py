#!/usr/bin/env python3
"""Throughput benchmark: planparse against jieba.lcut on the same texts, in the same run, on one core.

    python scripts/benchmark.py                  # seeds and dev texts of ../shared (corpus/ without it)
    python scripts/benchmark.py --files corpus   # or: seeds, dev, real (seeds + dev), all
    python scripts/benchmark.py --seconds 20     # longer measurement per group (default 8 s)
    python scripts/benchmark.py --no-tag         # structure only
    PLANPARSE_SHARED=/path/to/shared python scripts/benchmark.py

Why a ratio: this machine is shared, and its speed swings by ±30 % with the neighbours' load,
so an MB/s figure alone cannot be compared between runs. jieba's precise-mode segmentation
(``jieba.lcut``, HMM on, the global tokenizer, dictionary loaded before timing) is measured on the
same texts in the same rounds, and every figure is printed as a multiple of it. The passes are
interleaved (one jieba pass, one structure pass, one tagging pass, again …) so that a slow spell
hits all of them alike; the ratio is taken of the best passes (as timeit takes the minimum) and of
the medians.

Rows, per group of files:
- ``jieba.lcut``: the reference, every text cut whole.
- ``structure``: ``parse_text(text, tag=False)``: the parser alone (issue 13 item 1: ≥ 10×).
- ``tagging``: ``tag_document`` on the parsed Documents, the tagging cost alone (item 2: ≥ 1×).
- ``tag rjieba``: the same tagging with the optional rjieba segmenter (when installed), and its
  agreement with jieba: the share of keyword lists (plans, items, entries) that are identical, and
  the mean Jaccard overlap of the keyword sets.
- ``parse+tag``: ``parse_text(text, tag=True)``, what ``planparse export`` pays per file.
- ``parse_file``: read + decode + structure parse, from disk.
Then the peak memory of one structure pass (tracemalloc) and the process's max RSS.

Texts are read once up front; MB are of UTF-8 input bytes; time is CPU time of this process
(parsing is single-threaded). Not a test.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import os
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def find_shared() -> Path:
    """../shared beside the repository (a git worktree one level deeper looks one more level up)."""
    env = os.environ.get("PLANPARSE_SHARED")
    candidates = [Path(env)] if env else []
    candidates += [ROOT.parent / "shared", ROOT.parent.parent / "shared"]
    return next((c for c in candidates if c.is_dir()), candidates[0])


SHARED = find_shared()
SEEDS = SHARED / "seeds"
DEV_TEXTS = SHARED / "eval" / "dev" / "texts"
CORPUS = ROOT / "corpus"
GROUPS = {"seeds": [SEEDS], "dev": [DEV_TEXTS], "corpus": [CORPUS]}
SELECTIONS = {
    "default": ["seeds", "dev"],
    "seeds": ["seeds"],
    "dev": ["dev"],
    "real": ["seeds", "dev"],
    "corpus": ["corpus"],
    "all": ["seeds", "dev", "corpus"],
}


def collect(dirs: list[Path]) -> list[Path]:
    files: list[Path] = []
    for d in dirs:
        if d.is_dir():
            files.extend(sorted(d.glob("*.txt")))
    return files


@dataclass
class Run:
    label: str
    work: Callable[[], None]
    times: list[float] = field(default_factory=list)


def interleaved(runs: list[Run], seconds: float, repeat: int | None) -> None:
    """Run every ``work`` once per round, in turn, until ``seconds`` of CPU time or ``repeat`` rounds."""
    for run in runs:
        run.work()  # warm-up: lazy imports, regex compilation, dictionaries, caches
    spent = 0.0
    while True:
        for run in runs:
            gc.collect()
            t0 = time.process_time()
            run.work()
            dt = time.process_time() - t0
            run.times.append(dt)
            spent += dt
        rounds = len(runs[0].times)
        if (repeat is not None and rounds >= repeat) or (repeat is None and spent >= seconds and rounds >= 3):
            return


def peak_of_one_pass(work: Callable[[], None]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def report(runs: list[Run], nbytes: int, nfiles: int) -> None:
    reference = runs[0]
    ref_best, ref_median = min(reference.times), statistics.median(reference.times)
    for run in runs:
        best, median = min(run.times), statistics.median(run.times)
        print(
            f"  {run.label:12} best {nbytes / 1e6 / best:7.3f} MB/s  median {nbytes / 1e6 / median:7.3f} MB/s"
            f"  {median / nfiles * 1000:7.2f} ms/file   × jieba.lcut: best {ref_best / best:6.2f}"
            f"  median {ref_median / median:6.2f}"
        )


def keyword_lists(doc: object) -> list[list[str]]:
    lists: list[list[str]] = []
    for plan in doc.plans:  # type: ignore[attr-defined]
        lists.append(list(plan.keywords))
        lists += [list(item.keywords) for item in plan.walk_items()]
        lists += [list(entry.keywords) for entry in plan.schedule]
    return lists


def agreement(parsed: list) -> tuple[int, int, float]:
    """How far rjieba's keywords match jieba's: identical lists, their count, mean Jaccard of the sets."""
    from planparse.analysis.tagging import tag_document

    same = total = 0
    overlap = 0.0
    for doc in parsed:
        by_jieba = keyword_lists(tag_document(doc, segmenter="jieba"))
        by_rjieba = keyword_lists(tag_document(doc, segmenter="rjieba"))
        for a, b in zip(by_jieba, by_rjieba, strict=True):
            total += 1
            same += a == b
            union = set(a) | set(b)
            overlap += len(set(a) & set(b)) / len(union) if union else 1.0
    return same, total, overlap / total if total else 1.0


def measure_group(name: str, files: list[Path], args: argparse.Namespace) -> None:
    import jieba

    import planparse

    texts = [(str(p), p.read_bytes().decode("utf-8-sig")) for p in files]
    nbytes = sum(len(t.encode("utf-8")) for _, t in texts)
    print(f"{name}: {len(files)} files, {nbytes / 1e6:.3f} MB ({', '.join(sorted({str(p.parent) for p in files}))})")
    parsed = [planparse.parse_text(text, source=source, tag=False) for source, text in texts]

    def segment() -> None:
        for _, text in texts:
            jieba.lcut(text)

    def structure() -> None:
        for source, text in texts:
            planparse.parse_text(text, source=source, tag=False)

    def tagging() -> None:
        from planparse.analysis.tagging import tag_document

        for doc in parsed:
            tag_document(doc)

    def parse_and_tag() -> None:
        for source, text in texts:
            planparse.parse_text(text, source=source, tag=True)

    def from_disk() -> None:
        for p in files:
            planparse.parse_file(p, tag=False)

    def tagging_rjieba() -> None:
        from planparse.analysis.tagging import tag_document

        for doc in parsed:
            tag_document(doc, segmenter="rjieba")

    runs = [Run("jieba.lcut", segment), Run("structure", structure)]
    has_rjieba = importlib.util.find_spec("rjieba") is not None
    if not args.no_tag:
        runs.append(Run("tagging", tagging))
        if has_rjieba:
            runs.append(Run("tag rjieba", tagging_rjieba))
        runs.append(Run("parse+tag", parse_and_tag))
    runs.append(Run("parse_file", from_disk))
    interleaved(runs, args.seconds, args.repeat)
    report(runs, nbytes, len(files))
    if has_rjieba and not args.no_tag:
        same, total, jaccard = agreement(parsed)
        print(
            f"  rjieba keywords agree with jieba's: {same}/{total} lists identical ({same / total:.1%}),"
            f" mean Jaccard {jaccard:.3f}"
        )
    if not args.no_memory:
        peak = peak_of_one_pass(structure)
        print(f"  structure pass peak {peak / 2**20:.1f} MiB (tracemalloc)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", choices=sorted(SELECTIONS), default="default", help="which plans (default: seeds, dev)")
    ap.add_argument("--seconds", type=float, default=8.0, help="CPU seconds of measurement per group (default 8)")
    ap.add_argument("--repeat", type=int, default=None, help="a fixed number of rounds instead of --seconds")
    ap.add_argument("--no-tag", action="store_true", help="skip the tagging rows")
    ap.add_argument("--no-memory", action="store_true", help="skip the tracemalloc pass")
    args = ap.parse_args()

    import logging

    import jieba

    logging.getLogger("jieba").setLevel(logging.WARNING)
    jieba.initialize()  # the reference's dictionary load is not part of its throughput

    groups = {g: collect(GROUPS[g]) for g in SELECTIONS[args.files]}
    groups = {g: files for g, files in groups.items() if files}
    if not groups:
        if args.files != "default":
            print(f"no .txt files for --files {args.files}", file=sys.stderr)
            return 2
        print(f"no texts under {SHARED}: measuring corpus/ instead")
        groups = {"corpus": collect(GROUPS["corpus"])}
    print(f"python {sys.version.split()[0]}, jieba {jieba.__version__}, one core, CPU time, interleaved rounds")
    for name, files in groups.items():
        measure_group(name, files, args)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(f"max RSS of this process: {rss / 1024:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
