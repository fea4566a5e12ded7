"""Many files at once: in order, in parallel processes, one bad file never stopping the others."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import planparse

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.mark.parametrize("jobs", [1, 2])
def test_parse_files_keeps_order_and_reports_bad_files(tmp_path: Path, jobs: int) -> None:
    good = sorted(CORPUS.glob("0*.txt"))[:4]
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    names = [*map(str, good[:2]), str(empty), str(tmp_path / "missing.txt"), *map(str, good[2:])]
    results = list(planparse.parse_files(names, jobs=jobs, tag=False))
    assert [name for name, _ in results] == names
    kinds = [type(r).__name__ for _, r in results]
    assert kinds == ["Document", "Document", "InputError", "InputError", "Document", "Document"]
    assert "empty" in str(results[2][1]) and str(empty) in str(results[2][1])
    serial = [planparse.parse_file(p, tag=False) for p in good]
    parsed = [r for _, r in results if isinstance(r, planparse.Document)]
    assert [d.model_dump() for d in parsed] == [d.model_dump() for d in serial]


def test_export_with_jobs_names_a_bad_file_and_exits_1(tmp_path: Path) -> None:
    files = [str(p) for p in sorted(CORPUS.glob("0*.txt"))[:3]] + [str(tmp_path / "missing.txt")]
    out = tmp_path / "out"
    run = subprocess.run(
        [sys.executable, "-m", "planparse", "export", *files, "--out", str(out), "--jobs", "2", "--no-tag", "-q",
         "--format", "csv"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 1
    assert run.stderr.strip().splitlines() == [f"planparse: {tmp_path / 'missing.txt'}: no such file"]
    assert (out / "schedule.csv").exists()
