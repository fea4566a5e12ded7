"""Progress bars are for a person at a terminal: library calls draw none by default, and none off a terminal."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from planparse.analysis.compare import find_templates
from planparse.pipeline import parse_files
from tests._mini_parser import mini_parse

ROOT = Path(__file__).resolve().parent.parent
DIFF = ROOT / "corpus" / "diff"


class _Terminal(io.StringIO):
    """A stderr that says it is a terminal and keeps what is written to it."""

    def isatty(self) -> bool:
        return True


@pytest.fixture(scope="module")
def docs():
    return [mini_parse(p.read_text(encoding="utf-8"), p.name) for p in sorted(DIFF.glob("*.txt"))]


def test_find_templates_is_silent_by_default(docs, capfd) -> None:
    find_templates(docs)
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_find_templates_progress_off_a_terminal_is_silent(docs, capfd) -> None:
    find_templates(docs, progress=True)  # pytest's captured stderr is no terminal
    assert capfd.readouterr().err == ""


def test_find_templates_progress_on_a_terminal_draws_a_bar(docs, monkeypatch) -> None:
    term = _Terminal()
    monkeypatch.setattr(sys, "stderr", term)
    find_templates(docs, progress=True)
    assert "minhash" in term.getvalue()


def test_parse_files_progress_only_on_a_terminal(monkeypatch, capfd) -> None:
    files = sorted(str(p) for p in DIFF.glob("*.txt"))
    list(parse_files(files, jobs=1, tag=False, progress=True))
    assert capfd.readouterr().err == ""
    term = _Terminal()
    monkeypatch.setattr(sys, "stderr", term)
    list(parse_files(files, jobs=1, tag=False, progress=True))
    assert "parsing" in term.getvalue()
