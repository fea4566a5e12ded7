"""Hostile and odd input (issue 11): each defect found by fuzzing, with its reproducer as a regression test.

The invariants themselves (spans in range and nested, every non-space character covered, the JSON
round trip) are planparse.check's; tests/test_fuzz.py runs them on generated and mutated texts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import planparse
from planparse.check import coverage_problems, problems, span_problems

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


# ---- item 6: the item tree agrees with the spans -----------------------------------------------------------


def test_items_after_a_month_label_are_not_children_of_the_closed_items() -> None:
    doc = planparse.parse_text("二、主要工作\n1、开展活动\n三月：\n（1）召开教代会", tag=False)
    assert span_problems(doc) == []
    items = [item for plan in doc.plans for sec in plan.sections for top in sec.items for item in top.walk()]
    first = next(i for i in items if i.marker == "1、")
    assert first.children == [] or all(first.span[0] <= c.span[0] and c.span[1] <= first.span[1] for c in first.children)
    later = next(i for i in items if i.marker == "（1）")
    assert later not in first.children


# ---- item 7: every non-space character lies in a plan, furniture or unassigned span --------------------------


def test_page_number_at_the_very_start_of_a_flattened_text_is_unassigned() -> None:
    # corpus/04 without its title line: the text now starts with the first page's number "1、"
    text = (CORPUS / "04_flattened_pdf.txt").read_text(encoding="utf-8").split("\n", 1)[1]
    assert text.startswith("1、一、")
    doc = planparse.parse_text(text, tag=False)
    assert coverage_problems(doc) == []
    assert any(start == 0 for start, _ in doc.unassigned)


def test_html_tags_and_entities_left_in_a_txt_are_covered() -> None:
    doc = planparse.parse_file(CORPUS / "24_html_scraped_pian.txt", tag=False)
    assert coverage_problems(doc) == []
    first_tag = doc.text.index("<div")
    assert any(s <= first_tag < e for s, e in doc.unassigned)


@pytest.mark.parametrize("invisible", ["\ufeff", "\u200b"])
def test_invisible_characters_at_a_plans_edge_are_covered(invisible: str) -> None:
    text = f"{invisible}XX小学工会工作计划\n一、指导思想\n服务教职工。{invisible}\n二、主要工作\n1、开展活动{invisible}"
    doc = planparse.parse_text(text, tag=False)
    assert coverage_problems(doc) == []
    assert problems(doc) == []


def test_entities_in_a_plan_text_are_covered() -> None:
    doc = planparse.parse_text("XX计划\n一、指导思想\n&#8220;服务&#8221;。&amp;好\n二、主要工作\n1、开展活动\ufeff", tag=False)
    assert problems(doc) == []


def test_corpus_files_satisfy_every_invariant() -> None:
    files = sorted(CORPUS.glob("*.txt"))
    assert files
    found = {f.name: problems(planparse.parse_file(f, tag=False)) for f in files}
    assert {name: p for name, p in found.items() if p} == {}
