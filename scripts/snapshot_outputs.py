#!/usr/bin/env python3
"""Snapshot what ``planparse parse`` prints for a set of files, and compare two snapshots.

    python scripts/snapshot_outputs.py save /tmp/before            # corpus, seeds, dev texts
    python scripts/snapshot_outputs.py save /tmp/after
    python scripts/snapshot_outputs.py compare /tmp/before /tmp/after

For a change that must not change any output (a speed or memory change): ``save`` runs the
command line in this process (click's runner, so one interpreter for all files) for every file,
as ``parse FILE --format json`` (tagged, the default) and ``parse FILE --explain``, and writes each
output to its own file under the folder; ``compare`` names every file whose output differs and
exits 1 if any does. Not a test: the dev texts and seeds live outside the project.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GLOBS = [
    str(ROOT / "corpus" / "*.txt"),
    str(ROOT.parent / "shared" / "seeds" / "*"),
    str(ROOT.parent / "shared" / "eval" / "dev" / "texts" / "*.txt"),
]
# (suffix of the snapshot file, the command's arguments after FILE)
RUNS = [("json", ["--format", "json"]), ("explain", ["--explain"])]


def _files(globs: list[str]) -> list[Path]:
    out: list[Path] = []
    for pattern in globs:
        p = Path(pattern)
        out.extend(sorted(p.parent.glob(p.name)))
    return [f for f in out if f.is_file()]


def save(folder: Path, globs: list[str]) -> int:
    from click.testing import CliRunner

    from planparse.cli import cli

    runner = CliRunner()
    folder.mkdir(parents=True, exist_ok=True)
    files = _files(globs)
    for f in files:
        for suffix, args in RUNS:
            res = runner.invoke(cli, ["parse", str(f), *args], catch_exceptions=False)
            name = f"{f.parent.name}__{f.name}.{suffix}"
            (folder / name).write_text(f"exit {res.exit_code}\n{res.output}", encoding="utf-8")
    print(f"{len(files)} files, {len(files) * len(RUNS)} outputs in {folder}")
    return 0


def compare(a: Path, b: Path) -> int:
    names = sorted({p.name for p in a.iterdir()} | {p.name for p in b.iterdir()})
    differ = [n for n in names if not (a / n).exists() or not (b / n).exists() or (a / n).read_bytes() != (b / n).read_bytes()]
    for n in differ:
        print(f"differs: {n}")
    print(f"{len(names)} outputs compared, {len(differ)} differ")
    return 1 if differ else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("save")
    s.add_argument("folder", type=Path)
    s.add_argument("globs", nargs="*", default=DEFAULT_GLOBS)
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = ap.parse_args()
    if args.cmd == "save":
        return save(args.folder, args.globs)
    return compare(args.a, args.b)


if __name__ == "__main__":
    sys.exit(main())
