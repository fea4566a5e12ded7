"""Bad input through the command line: one line on stderr naming the file, a non-zero exit, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from plan_inputs import PLAN_TXT, PNG, bad_inputs

REPO = Path(__file__).resolve().parent.parent
BAD_KEYS = [
    "empty", "image_as_txt", "control_bytes", "truncated_docx", "garbage_docx", "encrypted_docx", "old_doc",
    "pdf", "unknown_ext", "undecodable", "zip_bomb", "ratio_bomb", "lying_zip", "entity_docx", "directory",
    "missing",
]


def run(args: list[str], stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "planparse", *args], input=stdin, capture_output=True, cwd=REPO, timeout=60
    )


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, subprocess.CompletedProcess[bytes]]]:
    """Every bad input run through ``planparse parse`` at once (each run starts a Python)."""
    tmp = tmp_path_factory.mktemp("cli")
    bad = bad_inputs(tmp / "bad")
    small = tmp / "small.txt"
    small.write_text(PLAN_TXT * 20, encoding="utf-8")
    jobs: dict[str, tuple[str, list[str], bytes | None]] = {
        key: (str(path), ["parse", str(path)], None) for key, (path, _) in bad.items()
    }
    jobs["over_max_size"] = (str(small), ["parse", str(small), "--max-size", "0.001"], None)
    jobs["bad_encoding_name"] = (str(small), ["parse", str(small), "--encoding", "no-such-codec"], None)
    jobs["stdin_empty"] = ("<stdin>", ["parse", "-"], b"")
    jobs["stdin_png"] = ("<stdin>", ["parse", "-"], PNG)
    jobs["stdin_too_big"] = ("<stdin>", ["parse", "-", "--max-size", "0.001"], PLAN_TXT.encode() * 20)
    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = {key: (name, pool.submit(run, args, stdin)) for key, (name, args, stdin) in jobs.items()}
        return {key: (name, fut.result()) for key, (name, fut) in futures.items()}


@pytest.mark.parametrize(
    "key", [*BAD_KEYS, "over_max_size", "bad_encoding_name", "stdin_empty", "stdin_png", "stdin_too_big"]
)
def test_cli_refuses_with_one_line(runs: dict[str, tuple[str, subprocess.CompletedProcess[bytes]]], key: str) -> None:
    name, proc = runs[key]
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2, err
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("planparse: ") and name in lines[0]
    assert proc.stdout == b""


def test_cli_messages_say_what_to_do(runs: dict[str, tuple[str, subprocess.CompletedProcess[bytes]]]) -> None:
    def err(key: str) -> str:
        return runs[key][1].stderr.decode()

    assert "save it as .docx" in err("old_doc")
    assert "password" in err("encrypted_docx")
    assert ".txt" in err("unknown_ext") and ".docx" in err("unknown_ext")
    assert "limit" in err("over_max_size") and "limit" in err("stdin_too_big")
    assert "zip bomb" in err("zip_bomb")
    assert "unknown encoding" in err("bad_encoding_name")


def test_cli_reads_standard_input(tmp_path: Path) -> None:
    proc = run(["parse", "-", "--format", "json", "--no-tag"], stdin=PLAN_TXT.encode("gb18030"))
    assert proc.returncode == 0, proc.stderr.decode()
    doc = json.loads(proc.stdout)
    assert doc["text"] == PLAN_TXT
    assert doc["encoding"] == "gb18030"
    assert doc["plans"] and doc["plans"][0]["sections"]
