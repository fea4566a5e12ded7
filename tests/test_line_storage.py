"""How a line keeps its facts (issue 11: memory of a long plan of short lines).

The facts most lines never set live as class-level defaults (features._RareFacts) and go into a
line's own dict only once an extractor sets them; so an extractor must write one of them only
when it differs from its default, or every line grows a dict and the saving is gone.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from planparse.parse.features import Line, _RareFacts
from planparse.parse.structure import parse_structure

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
RARE = [name for name in vars(_RareFacts) if not name.startswith("_")]
# files of many shapes: tables, titles, furniture, signatures, outline numbers, month labels
FILES = sorted(CORPUS.glob("*.txt"))[::9]


def test_rare_facts_are_no_slots() -> None:
    assert RARE, "no rare facts declared"
    assert not set(RARE) & set(Line.__slots__)
    assert all(hasattr(Line, name) for name in RARE)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_a_line_holds_only_the_rare_facts_it_has(path: Path) -> None:
    doc = parse_structure(path.read_text(encoding="utf-8-sig"))
    for ln in doc.lines:
        for name, value in vars(ln).items():
            assert name in RARE, f"{name} is no rare fact"
            assert value != getattr(_RareFacts, name), f"line {ln.idx} {ln.text!r}: {name} written with its default"


def test_a_plain_numbered_item_line_has_no_dict_of_facts() -> None:
    doc = parse_structure("XX小学2025年工会工作计划\n一、主要工作\n1、开展职工趣味运动会。\n2、组织教职工体检。\n")
    item_lines = [ln for ln in doc.lines if ln.marker is not None and ln.marker.family != "cjk"]
    assert len(item_lines) == 2
    for ln in item_lines:
        assert vars(ln) == {}
    # a slot per fact was some 400 bytes a line
    assert sys.getsizeof(item_lines[0]) < 250
