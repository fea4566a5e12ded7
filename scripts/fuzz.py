#!/usr/bin/env python3
"""Fuzz planparse for N minutes over mutations of the files of any folder; print counts by outcome.

    python scripts/fuzz.py                          # corpus/, 5 minutes
    python scripts/fuzz.py ../shared/seeds --minutes 30 --save /tmp/fuzz-failures
    python scripts/fuzz.py corpus --seed 7 --minutes 1 --generated 0.3

Each case takes a file of the folder (.txt and other text files are decoded and mutated as text;
.docx and other binary files are damaged byte by byte) or, with probability ``--generated``, a
generated plan-like text; applies random mutations (planparse/mutations.py); hands the result to
planparse either as text (``parse_text``) or as bytes in some encoding or as an HTML page
(``parse_bytes``); and checks the Document with planparse.check, the same checks the test suite's
fuzz test makes: spans in range and nested, every non-space character covered, the JSON round trip.

Outcomes: ``ok``; ``refused`` (an InputError: fine for damaged bytes); ``exception: <type>`` (a
crash: always a bug); ``violation: <kind>``; ``slow`` (one case above ``--slow`` seconds: a possible
hang or blow-up). Failing cases are saved under ``--save`` with the seed that reproduces them
(``--replay SEED`` runs one case again and prints its problems).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXT_SUFFIXES = {".txt", ".text", ".md", ".csv", ".html", ".htm", ""}


def load_folder(folder: Path) -> list[tuple[str, str | bytes]]:
    """(name, text) for text files (decoded as planparse decodes them), (name, bytes) for the others."""
    import planparse
    from planparse.io.readers import read_path

    out: list[tuple[str, str | bytes]] = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.name.endswith(".json"):
            continue  # expectations and annotations, not plans
        if path.suffix.lower() in TEXT_SUFFIXES:
            try:
                out.append((path.name, read_path(path).text))
            except planparse.PlanparseError:
                out.append((path.name, path.read_bytes()))
        else:
            out.append((path.name, path.read_bytes()))
    return out


def run_case(seed: int, files: list[tuple[str, str | bytes]], generated: float) -> tuple[str, list[str], str, bytes | str]:
    """One case: (outcome, problems, what was parsed, the input)."""
    import planparse
    from planparse.check import problems
    from planparse.mutations import as_input, mutate, mutate_bytes, plan_like

    rng = random.Random(seed)
    if not files or rng.random() < generated:
        name, original = "generated", plan_like(rng)
    else:
        name, original = rng.choice(files)
    try:
        if isinstance(original, bytes):
            data = mutate_bytes(rng, original)
            given: bytes | str = data
            doc = planparse.parse_bytes(data, source=name, tag=False)
        else:
            text = mutate(rng, original)
            if rng.random() < 0.5:
                given = text
                doc = planparse.parse_text(text, source=name, tag=False)
            else:
                data, source = as_input(rng, text)
                given = data
                doc = planparse.parse_bytes(data, source=source, tag=False)
    except planparse.InputError:
        return "refused", [], name, given
    except Exception as exc:  # the finding: a crash
        return f"exception: {type(exc).__name__}", [traceback.format_exc(limit=-3)], name, given
    found = problems(doc)
    if found:
        from planparse.check import kind

        return f"violation: {kind(found[0])}", found, name, given
    return "ok", [], name, given


def save_case(folder: Path, seed: int, outcome: str, found: list[str], name: str, given: bytes | str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{seed}_{outcome.replace(': ', '_').replace(' ', '_')}"
    if isinstance(given, str):
        (folder / f"{stem}.txt").write_bytes(given.encode("utf-8", "surrogatepass"))
    else:
        (folder / f"{stem}.bin").write_bytes(given)
    (folder / f"{stem}.problems").write_text(f"from {name}, seed {seed}\n" + "\n".join(found) + "\n", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", default=str(ROOT / "corpus"), type=Path)
    ap.add_argument("--minutes", type=float, default=5.0)
    ap.add_argument("--seed", type=int, default=None, help="first case's seed (default: from the clock)")
    ap.add_argument("--generated", type=float, default=0.2, help="share of generated plan-like texts (0..1)")
    ap.add_argument("--slow", type=float, default=10.0, help="seconds above which a case counts as slow")
    ap.add_argument("--save", type=Path, default=None, help="folder to save failing cases in")
    ap.add_argument("--replay", type=int, default=None, help="run the case of this seed and print its problems")
    args = ap.parse_args()

    if not args.folder.is_dir():
        print(f"fuzz.py: {args.folder}: not a folder", file=sys.stderr)
        return 2
    files = load_folder(args.folder)
    if args.replay is not None:
        outcome, found, name, _ = run_case(args.replay, files, args.generated)
        print(f"seed {args.replay} ({name}): {outcome}")
        print("\n".join(found))
        return 0 if outcome in ("ok", "refused") else 1
    seed = args.seed if args.seed is not None else int(time.time())
    print(f"{len(files)} files from {args.folder}, {args.minutes:g} minutes, seeds from {seed}")
    counts: Counter[str] = Counter()
    first_seed: dict[str, int] = {}
    slowest = (0.0, seed)
    end = time.monotonic() + args.minutes * 60
    report_at = time.monotonic() + 60
    while time.monotonic() < end:
        t0 = time.monotonic()
        outcome, found, name, given = run_case(seed, files, args.generated)
        took = time.monotonic() - t0
        slowest = max(slowest, (took, seed))
        if took > args.slow:
            counts["slow"] += 1
            first_seed.setdefault("slow", seed)
            if args.save is not None:
                save_case(args.save, seed, "slow", [f"{took:.2f} s"], name, given)
        counts[outcome] += 1
        if outcome not in ("ok", "refused"):
            first_seed.setdefault(outcome, seed)
            if args.save is not None:
                save_case(args.save, seed, outcome, found, name, given)
        seed += 1
        if time.monotonic() > report_at:
            print(f"  {sum(counts.values())} cases: " + ", ".join(f"{k} {v}" for k, v in counts.most_common()), flush=True)
            report_at += 60
    total = sum(counts.values())
    print(f"\n{total} cases in {args.minutes:g} minutes; slowest {slowest[0]:.2f} s (seed {slowest[1]})")
    for outcome, n in sorted(counts.items(), key=lambda kv: (kv[0] not in ("ok", "refused"), kv[0])):
        hint = f"   first seed {first_seed[outcome]} (--replay)" if outcome in first_seed else ""
        print(f"  {outcome:32} {n:7}  {n / total:7.2%}{hint}")
    bad = sum(n for k, n in counts.items() if k not in ("ok", "refused"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
