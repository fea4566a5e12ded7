#!/usr/bin/env python3
"""Synthetic plan files for the scale benchmarks: corpus/ plans copied with edits, as a corpus of 范文 copies looks.

    python scripts/synthetic_plans.py 10000 /tmp/plans     # writes /tmp/plans/plan_00000.txt …

Each file is one of corpus/'s sample plans (in turn) with edits, so that no two files are the
same text: the years shifted, the organisation's place name changed, one line of the body left
out and two neighbouring lines swapped. Deterministic (seeded). Not a test.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
PLACES = ["青石镇", "红星", "实验", "城关", "东湖", "南山", "柳河", "西城", "新华", "北关", "长安", "翠屏"]
_YEAR = re.compile(r"20[0-3]\d")
_PLACE = re.compile(r"(青石镇|红星|实验|城关|XX|某某)")


def variant(text: str, k: int, rng: random.Random) -> str:
    shift = k % 7 - 3
    text = _YEAR.sub(lambda m: str(int(m.group()) + shift), text)
    text = _PLACE.sub(PLACES[k % len(PLACES)], text, count=2)
    lines = text.split("\n")
    body = [i for i in range(3, len(lines) - 1) if lines[i].strip()]
    if len(body) > 6:
        drop = rng.choice(body)
        del lines[drop]
        i = rng.randrange(3, len(lines) - 2)
        lines[i], lines[i + 1] = lines[i + 1], lines[i]
    return "\n".join(lines)


def write_plans(n: int, out: Path, seed: int = 13) -> list[Path]:
    """``n`` synthetic plan files under ``out`` (made once; reused when they are there)."""
    bases = [p.read_text(encoding="utf-8-sig") for p in sorted(CORPUS.glob("*.txt"))]
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for k in range(n):
        path = out / f"plan_{k:05d}.txt"
        text = variant(bases[k % len(bases)], k, rng)
        if not path.exists():
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    args = ap.parse_args()
    paths = write_plans(args.n, args.out)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} files, {size / 1e6:.1f} MB in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
