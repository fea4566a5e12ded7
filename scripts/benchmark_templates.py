"""Benchmark find_templates at 1k, 4k and 10k synthetic plans: time, peak memory, growth, agreement. Not a unit test.

    python scripts/benchmark_templates.py [--sizes 1000 4000 10000] [--workers 2] [--no-compare] [--no-tracemalloc]

The source plans are corpus/*.txt and, when present, ../shared/eval/dev/texts/*.txt, parsed once
(nothing of them is written anywhere). Synthetic documents are edited copies made here, in memory:
most lightly (1–8 % of characters replaced: a school adapting a 范文), a fifth heavily (60 %: no
longer the same text). Replacing keeps every length, so the parsed spans stay valid and nothing is
re-parsed. Each size's corpus is the first N plans of one random stream, so 1k ⊂ 4k ⊂ 10k.

For each size it prints the wall time, the exact Jaccard checks made, the peak RSS summed over the
process and its workers (sampled every 20 ms with psutil) and, in a second run of the same call, the
peak of Python allocations in the main process (tracemalloc, which slows the run; its time is not
reported). Then the growth exponent of time (and of checks) between sizes, from log-log fits:
1.0 is linear, 2.0 quadratic. Last, on the largest corpus, the method planparse used before
(``method="pairs"``: every candidate pair from the LSH) runs too, and the groups of the two are
compared: adjusted Rand index (scikit-learn) over the units either method grouped, and the share
of the old method's groups found identical (same members).
"""

from __future__ import annotations

import argparse
import math
import random
import threading
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def edited(text: str, rate: float, rng: random.Random) -> str:
    chars = list(text)
    for i in rng.sample(range(len(chars)), k=int(len(chars) * rate)):
        if not chars[i].isspace():
            chars[i] = chr(rng.randint(0x4E00, 0x9FA5))
    return "".join(chars)


def source_documents() -> list:
    import planparse

    files = sorted((ROOT / "corpus").glob("*.txt"))
    dev = ROOT.parent / "shared" / "eval" / "dev" / "texts"
    if dev.is_dir():
        files += sorted(dev.glob("*.txt"))
    docs = [planparse.parse_file(f, tag=False) for f in files]
    return [d for d in docs if d.plans]


def synthetic(base: list, n_plans: int, seed: int) -> list:
    rng = random.Random(seed)
    docs = []
    plans = 0
    while plans < n_plans:
        src = rng.choice(base)
        rate = 0.6 if rng.random() < 0.2 else rng.uniform(0.01, 0.08)
        docs.append(src.model_copy(update={"text": edited(src.text, rate, rng), "source": f"synthetic/{len(docs):06d}.txt"}))
        plans += len(src.plans)
    return docs


class PeakRSS:
    """Peak of the RSS summed over this process and all its children, sampled in a thread."""

    def __init__(self, every: float = 0.02) -> None:
        import psutil

        self.proc = psutil.Process()
        self.every = every
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> int:
        total = self.proc.memory_info().rss
        for child in self.proc.children(recursive=True):
            try:
                total += child.memory_info().rss
            except Exception:  # a worker that just exited
                pass
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            self._stop.wait(self.every)

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._sample())


def measured(call: Callable[[], Any]) -> tuple[Any, float, int]:
    with PeakRSS() as rss:
        t0 = time.perf_counter()
        out = call()
        elapsed = time.perf_counter() - t0
    return out, elapsed, rss.peak


def traced_peak(call: Callable[[], Any]) -> int:
    tracemalloc.start()
    try:
        call()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def slope(xs: list[float], ys: list[float]) -> float:
    lx, ly = [math.log(x) for x in xs], [math.log(max(y, 1e-9)) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly, strict=True)) / sum((a - mx) ** 2 for a in lx)


def unit_keys(df) -> list[str]:
    return list(df.level + ":" + df.doc_id + ":" + df.plan_index.astype(str) + ":" + df.section_index.astype("string").fillna("-"))


def agreement(new, old) -> dict[str, float]:
    from sklearn.metrics import adjusted_rand_score

    new_of = dict(zip(unit_keys(new), new.group, strict=True))
    old_of = dict(zip(unit_keys(old), old.group, strict=True))
    units = sorted(set(new_of) | set(old_of))
    # a unit one method left alone is a group of its own there
    a = [f"g{new_of[u]}" if u in new_of else f"alone:{u}" for u in units]
    b = [f"g{old_of[u]}" if u in old_of else f"alone:{u}" for u in units]

    def groups(of: dict[str, int]) -> set[frozenset[str]]:
        out: dict[int, set[str]] = {}
        for u, g in of.items():
            out.setdefault(g, set()).add(u)
        return {frozenset(s) for s in out.values()}

    gn, go = groups(new_of), groups(old_of)
    return {
        "ari": adjusted_rand_score(b, a),
        "identical_groups": len(gn & go) / max(1, len(go)),
        "old_groups": len(go),
        "new_groups": len(gn),
        "grouped_units": len(units),
        "same_grouped": len(set(new_of) & set(old_of)) / max(1, len(units)),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000, 10_000], help="numbers of plans")
    ap.add_argument("--workers", type=int, default=None, help="processes for the MinHash signatures (default: up to 2)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-compare", action="store_true", help="skip the all-pairs run on the largest corpus")
    ap.add_argument("--no-tracemalloc", action="store_true", help="skip the second, traced run of each size")
    args = ap.parse_args()

    from planparse.analysis.compare import find_templates

    t0 = time.perf_counter()
    base = source_documents()
    print(f"parsed {len(base)} source documents ({sum(len(d.plans) for d in base)} plans) in {time.perf_counter() - t0:.1f} s")

    rows = []
    docs: list = []
    for n in sorted(args.sizes):
        docs = synthetic(base, n, args.seed)
        chars = sum(len(d.text) for d in docs)
        df, elapsed, rss = measured(lambda docs=docs: find_templates(docs, workers=args.workers))
        traced = None if args.no_tracemalloc else traced_peak(lambda docs=docs: find_templates(docs, workers=args.workers))
        rows.append((n, elapsed, df.attrs["checks"], rss, traced))
        groups = df.groupby("level").group.nunique().to_dict()
        print(
            f"{n:>7} plans ({len(docs)} docs, {chars / 1e6:.1f} M chars): {elapsed:6.1f} s, "
            f"{df.attrs['checks']:>9,} exact checks, peak RSS {rss / 2**20:7.0f} MiB (all processes)"
            + ("" if traced is None else f", tracemalloc peak {traced / 2**20:6.0f} MiB")
            + f"; groups {groups}, members {len(df)}"
        )  # fmt: skip
        last = df

    if len(rows) > 1:
        ns = [r[0] for r in rows]
        print(f"growth exponent of time over {ns}: {slope(ns, [r[1] for r in rows]):.2f} (target ≤ 1.15)")
        print(f"growth exponent of exact checks: {slope(ns, [r[2] for r in rows]):.2f}")
        for (n1, t1, *_), (n2, t2, *_) in zip(rows, rows[1:], strict=False):
            print(f"  {n1} → {n2}: time exponent {math.log(t2 / t1) / math.log(n2 / n1):.2f}")

    if not args.no_compare:
        n = rows[-1][0]
        old, elapsed, rss = measured(lambda: find_templates(docs, workers=args.workers, method="pairs"))
        print(f"all pairs (method='pairs') at {n} plans: {elapsed:.1f} s, {old.attrs['candidates']:,} candidate pairs walked, {old.attrs['checks']:,} exact checks, peak RSS {rss / 2**20:.0f} MiB")
        for level in ("plan", "section", None):
            a = last if level is None else last[last.level == level]
            b = old if level is None else old[old.level == level]
            ag = agreement(a, b)
            print(
                f"  agreement ({level or 'all levels'}): adjusted Rand {ag['ari']:.4f}, identical groups "
                f"{ag['identical_groups']:.1%} of {ag['old_groups']} (new: {ag['new_groups']}), "
                f"units grouped by both {ag['same_grouped']:.1%} of {ag['grouped_units']}"
            )


if __name__ == "__main__":
    main()
