"""How much of the real plans' schedules the activity codebook categorises, per plan type.

    python scripts/codebook_coverage.py                 # the dev set in ../shared/eval/dev
    python scripts/codebook_coverage.py --shared DIR    # a shared folder elsewhere (or PLANPARSE_SHARED=DIR)
    python scripts/codebook_coverage.py --codebook my.toml --show 20

Parses every text of ``<shared>/eval/dev/texts`` (SOURCES.tsv there gives each one's plan type),
classifies each schedule entry with the codebook and prints the share of entries with no
category, overall and per plan type. ``--show N`` also lists up to N uncategorised entries per
plan type, to see what the codebook misses (for reading at the terminal, not for copying).
Exits 1 when the uncategorised share is above ``--max-uncategorised`` (default 0.10).
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def shared_dir(given: str | None) -> Path:
    """The shared folder: --shared, else $PLANPARSE_SHARED, else ../shared beside the checkout
    (a git worktree one level deeper looks one more level up)."""
    if given or os.environ.get("PLANPARSE_SHARED"):
        return Path(given or os.environ["PLANPARSE_SHARED"])
    candidates = [ROOT.parent / "shared", ROOT.parent.parent / "shared"]
    return next((c for c in candidates if c.is_dir()), candidates[0])


def plan_types(texts: Path) -> dict[str, str]:
    with open(texts / "SOURCES.tsv", encoding="utf-8", newline="") as fh:
        return {row["file"]: row["plan_type"] for row in csv.DictReader(fh, delimiter="\t")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=None, help="the shared folder (default: $PLANPARSE_SHARED or ../shared)")
    ap.add_argument("--codebook", default=None, help="a codebook TOML (default: planparse's own)")
    ap.add_argument("--show", type=int, default=0, help="list up to N uncategorised entries per plan type")
    ap.add_argument("--max-uncategorised", type=float, default=0.10)
    args = ap.parse_args()

    sys.path.insert(0, str(ROOT))
    import planparse
    from planparse.analysis.tagging import load_codebook

    texts = shared_dir(args.shared) / "eval" / "dev" / "texts"
    if not texts.is_dir():
        print(f"codebook_coverage: no dev texts at {texts}", file=sys.stderr)
        return 2
    book = load_codebook(args.codebook)
    types = plan_types(texts)
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # plan type -> [entries, uncategorised]
    missed: dict[str, list[str]] = defaultdict(list)
    categories: dict[str, int] = defaultdict(int)
    for path in sorted(texts.glob("*.txt")):
        doc = planparse.parse_file(path, tag=True, codebook=book)
        kind = types.get(path.name, "unknown")
        for plan in doc.plans:
            for entry in plan.schedule:
                totals[kind][0] += 1
                for hit in entry.categories:
                    categories[hit.category] += 1
                if not entry.categories:
                    totals[kind][1] += 1
                    missed[kind].append(entry.activity)
    n = sum(t[0] for t in totals.values())
    bare = sum(t[1] for t in totals.values())
    share = bare / n if n else 0.0
    width = max((len(k) for k in totals), default=10)
    print(f"{'plan type':<{width}}  entries  uncategorised")
    for kind in sorted(totals):
        total, none = totals[kind]
        print(f"{kind:<{width}}  {total:7d}  {none:5d} ({none / total:6.1%})")
        for text in missed[kind][: args.show]:
            print(f"{'':<{width}}      · {text[:60]}")
    print(f"{'all':<{width}}  {n:7d}  {bare:5d} ({share:6.1%})")
    print("entries per category: " + ", ".join(f"{c} {k}" for c, k in sorted(categories.items(), key=lambda x: -x[1])))
    return 0 if share <= args.max_uncategorised else 1


if __name__ == "__main__":
    sys.exit(main())
