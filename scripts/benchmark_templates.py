"""Benchmark find_templates on a synthetic corpus of N plans (default 10,000). Not a unit test.

    python scripts/benchmark_templates.py [--n 10000] [--workers 2]

The corpus plans (corpus/*.txt, and ../shared/seeds when present) are parsed once;
synthetic documents are copies of them with characters substituted at random:
most copies lightly (1–8 % of characters: a school adapting a 范文), some heavily
(60 %: no longer the same text). Substitution keeps every length, so the parsed
spans stay valid and no re-parsing is needed. Prints the time and what was found.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def perturb(text: str, rate: float, rng: random.Random) -> str:
    chars = list(text)
    for i in rng.sample(range(len(chars)), k=int(len(chars) * rate)):
        if not chars[i].isspace():
            chars[i] = chr(rng.randint(0x4E00, 0x9FA5))
    return "".join(chars)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000, help="number of plans to generate")
    ap.add_argument("--workers", type=int, default=None, help="processes for the MinHash signatures (default: up to 2)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    import planparse
    from planparse.analysis.compare import find_templates

    files = sorted((ROOT / "corpus").glob("*.txt"))
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        files += sorted(seeds.glob("*.txt"))
    t0 = time.perf_counter()
    base = [d for d in (planparse.parse_file(f) for f in files) if d.plans]
    print(f"parsed {len(base)} documents in {time.perf_counter() - t0:.1f} s")

    rng = random.Random(args.seed)
    docs = []
    plans = 0
    while plans < args.n:
        src = rng.choice(base)
        rate = 0.6 if rng.random() < 0.2 else rng.uniform(0.01, 0.08)
        docs.append(src.model_copy(update={"text": perturb(src.text, rate, rng), "source": f"synthetic/{len(docs):05d}.txt"}))
        plans += len(src.plans)
    chars = sum(len(d.text) for d in docs)
    print(f"{len(docs)} synthetic documents, {plans} plans, {chars / 1e6:.1f} M characters")

    t0 = time.perf_counter()
    groups = find_templates(docs, workers=args.workers, progress=True)
    elapsed = time.perf_counter() - t0
    by_level = groups.groupby("level").agg(members=("group", "size"), groups=("group", "nunique"))
    print(by_level.to_string())
    print(f"find_templates: {elapsed:.1f} s for {plans} plans ({elapsed / plans * 1000:.2f} ms per plan)")


if __name__ == "__main__":
    main()
