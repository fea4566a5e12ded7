#!/usr/bin/env python3
"""Metamorphic testing over corpus/: a rewrite that keeps a plan's meaning must keep its parse.

    python scripts/metamorphic.py                                  # every rewrite, every corpus file
    python scripts/metamorphic.py --transform month-arabic         # one rewrite (repeat for more)
    python scripts/metamorphic.py --files 'corpus/2*.txt' -v       # some files, each break's differences
    python scripts/metamorphic.py --list                           # the rewrites

Real plans say the same thing in many surface forms: 三月： or 3月份： or 【三月】, 1、 or 1. or
（1）, full-width or half-width digits, indented lines, blank lines between paragraphs or none, the
site's furniture around the page, traditional characters. The rewrites (planparse/mutations.py
``REWRITES``) change one form over a whole corpus file:

- ``month-FORM``: every single-month label opening a line of the file's schedule sections (as its
  expected file places them) written as 三月： (cn), 3月： (arabic), 三月份： (cn_fen), 3月份：
  (arabic_fen), 【三月】 (bracket) or 三月—— (dash);
- ``marker-A-to-B``: the numbering family A written as B (1、 → 1., 一、 → 一. …), at line starts
  and where items run on in a line; only in a file that does not use B already;
- ``width-half`` / ``width-full``: full-width forms as ASCII, or ASCII digits and punctuation as
  full-width forms;
- ``indent``: two U+3000 before every line; ``blank-lines-added`` (a blank line after every
  paragraph) / ``blank-lines-removed``;
- ``furniture``: a site name, breadcrumbs and a posting line above the text, 上一篇/下一篇 and a
  copyright line below it;
- ``traditional``: the text in traditional characters (the project's charmap read backwards).

Each rewrite is a list of edits, so the expected file is carried over with it: a section's quote,
heading, the title, an activity and an item's text are found in the original text and replaced by
what the edits make of that span (a string found nowhere, such as an activity joined over a line
break, goes through the rewrite's character map). The rewritten text is parsed, and the table
gives per rewrite how many of the files it changes keep their expected plans, sections, items and
schedule (the comparisons of tests/test_corpus.py), then the files that break. Files that fail
before any rewrite are left out (named on stderr). Exit status 1 when anything breaks.
tests/test_metamorphic.py runs the rewrites that keep every file.
"""

from __future__ import annotations

import argparse
import copy
import glob
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import planparse  # noqa: E402
from planparse.mutations import REWRITES, Edit, Rewrite, apply_edits, map_offset  # noqa: E402
from tests.test_corpus import COMPARISONS, CORPUS, DIFFS, load, quote_offsets  # noqa: E402


def schedule_regions(exp: dict[str, Any], text: str) -> list[tuple[int, int]]:
    """The spans of the expected schedule sections: from a section's start to the next section's."""
    starts = [(at, sec["kind"]) for plan, ats in zip(exp["plans"], quote_offsets(exp, text), strict=True)
              for sec, at in zip(plan["sections"], ats, strict=True)]  # fmt: skip
    bounds = [at for at, _ in starts[1:]] + [len(text)]
    return [(at, end) for (at, kind), end in zip(starts, bounds, strict=True) if kind == "schedule" and at >= 0]


@dataclass
class Carrier:
    """Carries strings of the original text over to the rewritten one."""

    text: str
    new_text: str
    edits: list[Edit]
    rewrite: Rewrite

    def span(self, at: int, length: int) -> str:
        return self.new_text[map_offset(self.edits, at) : map_offset(self.edits, at + length, end=True)]

    def string(self, s: str, start: int = 0) -> str:
        at = self.text.find(s, start)
        if at < 0:
            at = self.text.find(s)
        return self.span(at, len(s)) if at >= 0 else self.rewrite.string(s)


def rewritten(exp: dict[str, Any], text: str, rewrite: Rewrite) -> tuple[dict[str, Any], str] | None:
    """The expected file and the text after ``rewrite``; None when it changes nothing in the file."""
    edits = rewrite.edits(text, schedule_regions(exp, text) if rewrite.schedule_only else None)
    if not edits:
        return None
    c = Carrier(text, apply_edits(text, edits), edits, rewrite)
    new = copy.deepcopy(exp)
    for plan, ats in zip(new["plans"], quote_offsets(exp, text), strict=True):
        if plan["title"] is not None:
            plan["title"] = c.string(plan["title"])
        for sec, at in zip(plan["sections"], ats, strict=True):
            if sec["heading"] is not None:
                sec["heading"] = c.span(at, len(sec["heading"]))
            sec["quote"] = c.span(at, len(sec["quote"]))
        for item in plan["items"]:
            item["text"] = c.string(item["text"], ats[item["section"]])
        first_schedule = min((at for sec, at in zip(plan["sections"], ats, strict=True) if sec["kind"] == "schedule"),
                             default=0)  # fmt: skip
        for entry in plan["schedule"]:
            entry["activity"] = c.string(entry["activity"], first_schedule)
    return new, c.new_text


def breaks(exp: dict[str, Any], text: str) -> dict[str, list[str]]:
    """The comparisons the parse of ``text`` fails against ``exp``, with their differences."""
    doc = planparse.parse_text(text, tag=False)
    return {name: d for name in COMPARISONS if (d := DIFFS[name](exp, text, doc))}


@dataclass
class Result:
    rewrite: str
    changed: list[str] = field(default_factory=list)  # the files the rewrite changes
    broken: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # file -> comparison -> differences

    def kept(self, comparison: str) -> int:
        return sum(1 for f in self.changed if comparison not in self.broken.get(f, {}))


def corpus_files(pattern: str | None = None) -> list[Path]:
    """The expected files of the corpus (of the .txt files ``pattern`` names)."""
    if pattern is None:
        return sorted(CORPUS.glob("*.expected.json"))
    txts = sorted(Path(p).resolve() for p in glob.glob(pattern, recursive=True))
    return [t.with_name(t.name.removesuffix(".txt") + ".expected.json") for t in txts if t.suffix == ".txt"]


def baseline_failures(paths: list[Path]) -> list[str]:
    """The files whose parse fails their expected file before any rewrite."""
    failing = []
    for path in paths:
        exp, text = load(path)
        if breaks(exp, text):
            failing.append(exp["file"])
    return failing


def run(names: list[str], paths: list[Path], skip: frozenset[str] = frozenset()) -> list[Result]:
    """Every rewrite of ``names`` over the corpus files ``paths`` (those named in ``skip`` left out)."""
    results = []
    for name in names:
        result = Result(name)
        for path in paths:
            exp, text = load(path)
            if exp["file"] in skip or (pair := rewritten(exp, text, REWRITES[name])) is None:
                continue
            result.changed.append(exp["file"])
            if broken := breaks(*pair):
                result.broken[exp["file"]] = broken
        results.append(result)
    return results


def table(results: list[Result]) -> str:
    head = f"{'rewrite':24} {'files':>5}  " + "  ".join(f"{c:>9}" for c in COMPARISONS) + "  all"
    rows = [head]
    for r in results:
        n = len(r.changed)
        cells = "  ".join(f"{r.kept(c):>9}" for c in COMPARISONS)
        rows.append(f"{r.rewrite:24} {n:>5}  {cells}  {n - len(r.broken):>3}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--transform", action="append", choices=sorted(REWRITES), metavar="NAME",
                    help="a rewrite to run (repeatable; default: all; --list names them)")  # fmt: skip
    ap.add_argument("--files", metavar="GLOB", help="corpus .txt files to rewrite (default: corpus/*.txt)")
    ap.add_argument("--list", action="store_true", help="list the rewrites and exit")
    ap.add_argument("-v", "--verbose", action="store_true", help="show each broken file's differences")
    args = ap.parse_args(argv)
    if args.list:
        print("\n".join(REWRITES))
        return 0
    paths = corpus_files(args.files)
    failing = baseline_failures(paths)
    if failing:
        print(f"left out, failing before any rewrite: {', '.join(failing)}", file=sys.stderr)
    results = run(args.transform or list(REWRITES), paths, frozenset(failing))
    print(table(results))
    for r in results:
        for comparison in COMPARISONS:
            files = [f for f, b in r.broken.items() if comparison in b]
            if files:
                print(f"\n{r.rewrite} breaks {comparison} in {len(files)}: " + ", ".join(f.removesuffix(".txt") for f in files))
                if args.verbose:
                    for f in files:
                        print(f"  {f}:\n    " + "\n".join(r.broken[f][comparison]).replace("\n", "\n    "))
    return 1 if any(r.broken for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
