"""Gates that skip a line extractor's work on lines it cannot describe (speed, issue 11) change no fact.

Each gate is a cheap necessary condition for the extractor to set anything: with it replaced by
"always", every line of the corpus (and the shared seeds and dev texts, when they are beside the
project) must get exactly the facts it gets with it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from planparse.parse import features
from planparse.parse.features import Line
from planparse.parse.structure import parse_structure

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TEXTS = sorted((ROOT / "corpus").glob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt")) \
    + sorted((SHARED / "eval" / "dev" / "texts").glob("*.txt"))
# (module, name of the gate, what stands for it ungated)
GATES = [
    (features, "_may_name_a_document", lambda text: True),
]


def _facts(line: Line) -> dict[str, object]:
    slots = {name: getattr(line, name) for cls in type(line).__mro__ for name in getattr(cls, "__slots__", ())
             if name != "__dict__"}
    return {**slots, **vars(line)}


def _all_facts() -> list[list[dict[str, object]]]:
    return [[_facts(ln) for ln in parse_structure(p.read_text(encoding="utf-8-sig")).lines] for p in TEXTS]


@pytest.mark.parametrize(("module", "name", "ungated"), GATES, ids=[g[1] for g in GATES])
def test_a_gate_changes_no_fact(monkeypatch: pytest.MonkeyPatch, module, name: str, ungated) -> None:
    gated = _all_facts()
    monkeypatch.setattr(module, name, ungated)
    assert _all_facts() == gated


def test_the_title_gate_skips_short_lines_naming_no_document() -> None:
    """It must do work to be worth its code, and pass every title."""
    doc = parse_structure((ROOT / "corpus" / "01_union_basic.txt").read_text(encoding="utf-8-sig"))
    titles = [ln for ln in doc.lines if ln.title_core is not None]
    assert titles and all(features._may_name_a_document(ln.text) for ln in titles)
    assert not features._may_name_a_document("开展教职工趣味运动会，丰富业余生活")
    assert features._may_name_a_document("二〇二五年度工会工作总结")  # another document's years read as digits
