#!/usr/bin/env python3
"""Dev-set scores by plan type, and the generalisation gate's check against the floors.

    python scripts/score_by_type.py            # per-type table and the totals
    python scripts/score_by_type.py --gate     # also compare the totals with tests/dev_floors.toml

Uses the evaluation's own scorer (``../shared/eval/score.py``: its ``score_one`` and ``prf``), so
the figures are the scorer's; groups the documents by the plan type that
``dev/texts/SOURCES.tsv`` gives (the seeds are school-union pages). Exits 2 when the shared
evaluation is not there, 1 when ``--gate`` finds a total below its floor.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import sys
import tomllib
import unicodedata
from collections import defaultdict
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
FLOORS = ROOT / "tests" / "dev_floors.toml"

# SOURCES.tsv describes each page's type in free words; these families group them so that a
# type with one page still lands in a row with its kin.
FAMILIES: list[tuple[str, str]] = [
    ("union", "工会 unions"),
    ("moral", "德育 moral education"),
    ("pioneer", "少先队/团委 pioneers, league"),
    ("league", "少先队/团委 pioneers, league"),
    ("kindergarten", "幼儿园 kindergarten"),
]
OTHER_FAMILY = "其他 teaching, class teacher, safety"


def pad(label: str, width: int) -> str:
    """``label`` padded to ``width`` terminal columns (a CJK character takes two)."""
    cols = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in label)
    return label + " " * max(0, width - cols)


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("planparse_eval_score", EVAL / "score.py")
    if spec is None or spec.loader is None:
        raise FileNotFoundError(EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def family_of(plan_type: str) -> str:
    lowered = plan_type.lower()
    # a kindergarten's union is a union: the first family named wins
    for word, family in FAMILIES:
        if word in lowered:
            return family
    return OTHER_FAMILY


def plan_types(dev: Path) -> dict[str, str]:
    types: dict[str, str] = {}
    sources = dev / "texts" / "SOURCES.tsv"
    if sources.is_file():
        with sources.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                types[row["file"].removesuffix(".txt")] = row["plan_type"]
    return types


def totals(rows: list[dict], prf) -> dict[str, float]:
    gs = sum(r["n"][0] for r in rows)
    ps = sum(r["n"][1] for r in rows)
    ge = sum(r["n"][2] for r in rows)
    pe = sum(r["n"][3] for r in rows)
    hs = sum(r["sec"][0] for r in rows)
    he = sum(r["sch"][0] for r in rows)
    th = sum(r["titles"][0] for r in rows)
    tg = sum(r["titles"][1] for r in rows)
    return {
        "documents": len(rows),
        "section_f1": round(prf(hs, ps, gs)[2], 3),
        "schedule_f1": round(prf(he, pe, ge)[2], 3),
        "plans_exact_share": round(sum(r["plans"][0] == r["plans"][1] for r in rows) / len(rows), 3),
        "titles_share": round(th / tg, 3) if tg else 1.0,
        "errors": sum(bool(r["error"]) for r in rows),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gate", action="store_true", help="fail (exit 1) below the floors in tests/dev_floors.toml")
    args = ap.parse_args()
    dev = EVAL / "dev"
    if not (EVAL / "score.py").is_file() or not dev.is_dir():
        print(f"no shared evaluation at {EVAL}", file=sys.stderr)
        return 2
    scorer = load_scorer()
    rows = [scorer.score_one(p, None) for p in sorted(dev.glob("*.gold.json"))]
    types = plan_types(dev)
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        groups[family_of(types.get(r["name"], "school union (seed)"))].append(r)
    print(f"{'plan type':34} {'docs':>4} {'sections F1':>11} {'schedule F1':>11} {'plans':>6} {'titles':>6}")
    for family in sorted(groups):
        t = totals(groups[family], scorer.prf)
        print(f"{pad(family, 34)} {t['documents']:>4} {t['section_f1']:>11.3f} {t['schedule_f1']:>11.3f}"
              f" {t['plans_exact_share']:>6.2f} {t['titles_share']:>6.2f}")
    overall = totals(rows, scorer.prf)
    print(f"{'all':34} {overall['documents']:>4} {overall['section_f1']:>11.3f} {overall['schedule_f1']:>11.3f}"
          f" {overall['plans_exact_share']:>6.2f} {overall['titles_share']:>6.2f}  errors {overall['errors']}")
    if not args.gate:
        return 0
    floors = tomllib.loads(FLOORS.read_text(encoding="utf-8"))
    below = [
        f"{name} {overall[name]} < floor {floor}" if name != "errors" else f"errors {overall[name]} > {floor}"
        for name, floor in floors["floors"].items()
        if (overall[name] > floor if name == "errors" else overall[name] < floor)
    ]
    for line in below:
        print("below the floor:", line, file=sys.stderr)
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
