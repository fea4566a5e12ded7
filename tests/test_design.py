"""The parser's design as promises: one parse document with layers written once, decisions as
rule tables configured from data, an explanation for every decided span, and a schedule
layout added the documented way (one module with a detector and an extractor, one weight)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

import planparse
from planparse.parse.document import Annotation, LayerError
from planparse.parse.explain import rule_tables
from planparse.parse.rules import RuleError, RuleTable, Vote
from planparse.parse.schedule import ScheduleBlock, add_layout, remove_layout
from planparse.parse.schedule.entries import EntryWriter, Period
from planparse.parse.structure import STAGES, parse_structure

PLAN = (
    "2025年东湖小学工会工作计划\n"
    "一、指导思想\n以服务教职工为宗旨，团结带领全体教职工立足岗位作贡献。\n"
    "二、主要工作\n1.开展“书香工会”读书活动。\n2.举办教职工趣味运动会。\n"
    "三、活动安排\n三月份：\n1.庆祝三八妇女节。\n2.召开教代会。\n四月份：春季踏青活动\n"
)


def test_every_stage_adds_layers_and_none_is_written_twice() -> None:
    doc = parse_structure(PLAN)
    assert {"plans", "sections", "headings", "items", "entries", "numbering", "titles"} <= set(doc.layer_names)
    with pytest.raises(LayerError):
        doc.add_layer("sections", [])
    # annotations are immutable: a later stage cannot edit an earlier one's spans
    with pytest.raises(AttributeError):
        doc.layer("sections")[0].label = "other"  # type: ignore[misc]
    assert [name for name, _ in STAGES] == ["features", "plans", "numbering", "sections", "items", "schedule"]


def test_spans_are_working_offsets_mapped_once_to_the_original() -> None:
    text = "２０２５年计划\n一、指导思想\n以人为本，服务教职工，团结奋进。"  # full-width digits fold in the working text
    doc = parse_structure(text)
    sec = doc.layer("sections")[0]
    assert doc.text[sec.start : sec.start + 6] == "一、指导思想"
    s, e = doc.orig_span(sec.start, sec.end)
    assert text[s:e].startswith("一、指导思想")


def test_rule_tables_load_from_data_and_every_rule_has_a_pattern() -> None:
    for table in rule_tables():
        assert table.rules, table.name
        for rule in table.rules:
            assert rule.pattern, f"{table.name}.{rule.name} needs a docstring naming its pattern"


def test_code_and_rules_toml_must_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    import planparse.parse.rules as rules

    data = {"toy": {"rules": [{"name": "listed", "weight": 2}, {"name": "off", "enabled": False}]}}
    monkeypatch.setattr(rules, "_rules_data", lambda: data)
    table: RuleTable[int] = RuleTable("toy", default="none")
    table.rule("listed")(lambda ctx: Vote("yes"))
    with pytest.raises(RuleError, match="which no code defines"):
        _ = table.rules  # the data lists "off", which this table has not got
    table.rule("off")(lambda ctx: Vote("no"))
    assert [(r.name, r.weight) for r in table.rules] == [("listed", 2.0)]  # "off" is switched off
    table.rule("not_in_the_data_file")(lambda ctx: None)
    with pytest.raises(RuleError, match="does not list"):
        _ = table.rules


def test_votes_add_up_and_the_heaviest_decision_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    import planparse.parse.rules as rules

    monkeypatch.setattr(rules, "_rules_data", lambda: {"toy": {"rules": [{"name": "month_list", "weight": 1}]}})
    table: RuleTable[str] = RuleTable("toy", default="month_list")
    table.rule("month_list")(lambda ctx: Vote("month_list"))
    table.add("a", lambda ctx: Vote("x", ("fa",)), weight=0.6)
    table.add("b", lambda ctx: Vote("x", ("fb",)), weight=0.6)
    d = table.decide("anything")
    assert d.label == "x"  # 1.2 against month_list's 1
    assert set(d.evidence) == {"fa", "fb"}
    table.remove("b")
    assert table.decide("anything").label == "month_list"


def test_explain_names_the_rule_behind_each_plan_section_and_entry() -> None:
    ex = planparse.explain_text(PLAN)
    sections = [d for d in ex.decisions if d.what == "section"]
    assert [(d.label, d.rule) for d in sections] == [
        ("guiding_ideology", "top_level_heading"),
        ("main_work", "top_level_heading"),
        ("schedule", "top_level_heading"),
    ]
    assert "cue_kind=schedule" in sections[2].evidence
    entries = [d for d in ex.decisions if d.what == "entry"]
    assert len(entries) == 3 and all(d.rule == "month_list" for d in entries)
    assert [ex.document.text[slice(*d.span)] for d in entries] == ["庆祝三八妇女节", "召开教代会", "春季踏青活动"]
    assert "top_level_heading" in ex.to_text()


def test_cli_explain(tmp_path) -> None:
    f = tmp_path / "plan.txt"
    f.write_text(PLAN, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "planparse", "parse", str(f), "--explain"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert re.search(r"section schedule .*\n\s+← top_level_heading", out.stdout)
    rules = subprocess.run([sys.executable, "-m", "planparse", "rules"], capture_output=True, text=True)
    assert "[section_start]" in rules.stdout and "untitled_month_list" in rules.stdout


# seasons as schedule periods: a layout planparse does not have (the months of a season vary by region)
QUARTERS = {"春季:": (3, 4, 5), "夏季:": (6, 7, 8), "秋季:": (9, 10, 11), "冬季:": (12, 1, 2)}  # working text: colons folded


def _detect_quarters(block: ScheduleBlock) -> Vote | None:
    """Season headings (春季：, 春季: in the working text) with the season's activities after them."""
    n = sum(any(ln.text.startswith(q) for q in QUARTERS) for ln in block.lines)
    return Vote("quarter_test_layout", (f"{n} quarter labels",)) if n >= 2 else None


def _extract_quarters(block: ScheduleBlock, out: EntryWriter) -> None:
    period = None
    for ln in block.lines:
        q = next((q for q in QUARTERS if ln.text.startswith(q)), None)
        if q is not None:
            period = Period(QUARTERS[q])
            rest = ln.start + len(q)
            if rest < ln.end:
                out.emit(rest, ln.end, period)
        elif period is not None:
            out.emit(ln.start + ln.content_start, ln.end, period)


def test_a_schedule_layout_is_added_as_one_detector_and_extractor_with_a_weight() -> None:
    text = "三、活动安排\n春季：迎春联欢会\n夏季：\n1.夏季运动会\n2.读书分享会\n"
    before = planparse.parse_text(text, tag=False)
    assert [e.activity for e in before.plans[0].schedule] == []  # the month list finds no months here
    add_layout("quarter_test_layout", _detect_quarters, _extract_quarters, weight=2)
    try:
        doc = planparse.parse_text(text, tag=False)
        got = [(e.months, e.activity) for e in doc.plans[0].schedule]
        assert got == [([3, 4, 5], "迎春联欢会"), ([6, 7, 8], "夏季运动会"), ([6, 7, 8], "读书分享会")]
        ex = planparse.explain_text(text)
        assert {d.rule for d in ex.decisions if d.what == "entry"} == {"quarter_test_layout"}
    finally:
        remove_layout("quarter_test_layout")
    assert planparse.parse_text(text, tag=False).plans[0].schedule == []


def test_annotation_is_a_value() -> None:
    a = Annotation(1, 5, "plan", "separator_line", ("separator",))
    assert a == Annotation(1, 5, "plan", "separator_line", ("separator",))
