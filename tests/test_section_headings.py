"""Stage tests for less common section headings and heading shapes (corpus files 200–206).

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

import planparse
from planparse.parse.features import find_cue, line_facts
from planparse.parse.lines import RawLine
from planparse.parse.markers import match_marker
from planparse.parse.normalise import normalise

TITLE = "城西街道2025年工作计划\n\n"


def kinds(text: str) -> list[list[tuple[str, str | None]]]:
    """Each plan's sections as (kind, heading)."""
    doc = planparse.parse_text(text)
    return [[(getattr(s.kind, "value", s.kind), s.heading) for s in p.sections] for p in doc.plans]


def head_of(s: str) -> str:
    t = normalise(s).text
    return line_facts(RawLine(0, len(t)), t).head


# ---------------------------------------------------------------- an unnumbered guiding heading


def test_an_unnumbered_guiding_heading_after_another_part_is_the_same_plans_next_part() -> None:
    text = TITLE + "基本情况\n街道辖区有居民两万余人，社区六个。\n\n总体思路\n以服务群众为主线，推动各项工作落实。\n\n" \
        "主要工作\n1.开展邻里互助活动。\n2.做好困难群众帮扶。\n"
    assert kinds(text) == [[("situation", "基本情况"), ("guiding_ideology", "总体思路"), ("main_work", "主要工作")]]
    text2 = TITLE + "指导思想\n以新时代思想为指导，扎实推进各项工作。\n\n总体要求\n坚持问题导向，坚持统筹推进。\n\n" \
        "主要工作\n1.开展邻里互助活动。\n2.做好困难群众帮扶。\n"
    assert kinds(text2) == [[("guiding_ideology", "指导思想"), ("guiding_ideology", "总体要求"), ("main_work", "主要工作")]]


def test_an_unnumbered_guiding_heading_after_finished_work_still_starts_the_next_plan() -> None:
    one = "指导思想\n以新时代思想为指导，扎实推进各项工作。\n主要工作\n1.开展邻里互助活动。\n2.做好困难群众帮扶。\n"
    got = kinds(TITLE + one + "\n" + one)
    assert len(got) == 2 and got[1][0] == ("guiding_ideology", "指导思想")


# ---------------------------------------------------------------- items under an unnumbered heading


def test_items_under_an_unnumbered_heading_are_items_whatever_their_words() -> None:
    text = TITLE + "主要工作\n一、常规工作\n1.做好居民走访。\n二、重点工作\n1.开展邻里互助活动。\n\n" \
        "保障措施\n一、加强组织领导。\n二、落实经费保障。\n\n工作要求\n为确保落实，提出以下要求：\n" \
        "1.加强组织领导，明确分工。\n2.做好宣传报道。\n"
    assert kinds(text) == [[("main_work", "主要工作"), ("measures", "保障措施"), ("other", "工作要求")]]


def test_numbered_parts_after_an_unnumbered_first_part_are_parts() -> None:
    text = TITLE + "指导思想\n以新时代思想为指导，扎实推进各项工作。\n一、工作目标\n居民满意度达到95%。\n" \
        "二、主要工作\n1.开展邻里互助活动。\n2.做好困难群众帮扶。\n三、保障措施\n1.加强组织领导。\n"
    assert kinds(text) == [[("guiding_ideology", "指导思想"), ("goals", "一、工作目标"), ("main_work", "二、主要工作"),
                            ("measures", "三、保障措施")]]


def test_a_schedule_heading_numbered_under_an_unnumbered_part_is_its_own_section() -> None:
    text = TITLE + "主要工作\n1.开展邻里互助活动。\n2.活动安排\n3月：学雷锋志愿服务。\n5月：邻里节。\n9月：重阳敬老活动。\n"
    assert kinds(text) == [[("main_work", "主要工作"), ("schedule", "2.活动安排")]]


def test_sub_parts_of_the_headings_own_kind_are_items() -> None:
    text = TITLE + "保障措施\n1.加强组织领导。\n2.加强经费保障。\n3.加强制度保障。\n\n" \
        "主要工作\n1.开展邻里互助活动。\n2.做好困难群众帮扶。\n"
    assert kinds(text) == [[("measures", "保障措施"), ("main_work", "主要工作")]]


def test_numbered_parts_right_under_a_subtitle_heading_are_parts_of_the_same_plan() -> None:
    text = "城南小学2025年工作计划\n工作要点\n一、指导思想\n以新时代思想为指导，办好人民满意的教育。\n" \
        "二、工作目标\n教学质量稳步提升。\n三、主要工作\n1.加强师德建设。\n2.深化课堂改革。\n"
    doc = planparse.parse_text(text)
    assert [p.title for p in doc.plans] == ["城南小学2025年工作计划"]
    assert kinds(text)[0][1:] == [("guiding_ideology", "一、指导思想"), ("goals", "二、工作目标"), ("main_work", "三、主要工作")]



# ---------------------------------------------------------------- cue words of less common parts


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        ("工作原则", "guiding_ideology"),
        ("基本原则", "guiding_ideology"),
        ("活动目的", "goals"),
        ("活动目的及意义", "goals"),  # the first part of a joined heading names it
        ("预期目标", "goals"),
        ("活动背景", "situation"),
        ("上学期工作回顾", "situation"),
        ("资金保障", "measures"),
        ("考核评比", "other"),
        ("考核与奖励", "other"),
        ("表彰奖励", "other"),
        ("督查考核", "other"),
        ("预期成效", "other"),
        ("其他要求", "other"),
        ("活动流程", "other"),
        ("实施步骤", "other"),
    ],
)
def test_find_cue_kinds_of_less_common_parts(head: str, kind: str) -> None:
    assert find_cue(head)[0] == kind


@pytest.mark.parametrize("numbered", [False, True])
def test_parts_named_by_less_common_cues_are_sections(numbered: bool) -> None:
    heads = ["工作原则", "活动目的", "主要工作", "考核评比", "预期成效"]
    bodies = ["坚持以人为本，坚持统筹兼顾。", "通过活动增强居民的参与意识。", "1.开展邻里互助活动。\n2.做好困难群众帮扶。",
              "年终评选先进个人若干名。", "居民参与率达到80%以上。"]
    numerals = "一二三四五"
    marks = [numerals[i] + "、" if numbered else "" for i in range(len(heads))]
    text = TITLE + "".join(f"{m}{h}\n{b}\n\n" for m, h, b in zip(marks, heads, bodies, strict=True))
    want = ["guiding_ideology", "goals", "main_work", "other", "other"]
    assert kinds(text) == [[(k, m + h) for k, m, h in zip(want, marks, heads, strict=True)]]


def test_steps_take_the_kind_of_what_they_hold() -> None:
    steps = TITLE + "一、主要工作\n1.开展读书节活动。\n2.做好借阅管理。\n二、实施步骤\n第一步，调查阅读需求；第二步，组织借阅推广。\n"
    assert kinds(steps)[0][-1] == ("other", "二、实施步骤")
    months = TITLE + "一、主要工作\n1.开展读书节活动。\n2.做好借阅管理。\n二、实施步骤\n3月：宣传发动。\n4月：组织实施。\n6月：总结表彰。\n"
    assert kinds(months)[0][-1] == ("schedule", "二、实施步骤")


def test_one_line_stating_a_period_is_no_month_list() -> None:
    text = TITLE + "一、活动目的\n通过志愿服务增强社会责任感。\n二、活动时间\n2025年3月至6月，每周六上午。\n三、活动地点\n社区活动中心。\n"
    doc = planparse.parse_text(text)
    assert kinds(text) == [[("goals", "一、活动目的"), ("other", "二、活动时间"), ("other", "三、活动地点")]]
    assert not doc.plans[0].schedule


# ---------------------------------------------------------------- guiding parts beside the guiding line


def test_principles_beside_the_guiding_line_leave_the_guiding_paragraph_a_section() -> None:
    text = TITLE + "为深入落实上级部署，按照区委关于基层治理的要求，结合街道实际，制定本计划。\n\n" \
        "一、基本原则\n1.坚持以人为本。\n2.坚持统筹兼顾。\n二、主要工作\n1.开展邻里互助活动。\n2.做好困难群众帮扶。\n"
    assert kinds(text) == [[("guiding_ideology", None), ("guiding_ideology", "一、基本原则"), ("main_work", "二、主要工作")]]


def test_principles_after_the_guiding_heading_open_no_plan() -> None:
    text = TITLE + "指导思想\n以新时代思想为指导，扎实推进各项工作。\n\n主要工作\n1.开展邻里互助活动。\n2.做好困难群众帮扶。\n\n" \
        "基本原则\n坚持以人为本，坚持统筹兼顾。\n"
    assert kinds(text) == [[("guiding_ideology", "指导思想"), ("main_work", "主要工作"), ("guiding_ideology", "基本原则")]]


# ---------------------------------------------------------------- heading shapes


@pytest.mark.parametrize("line", ["★工作目标★", "☆ 工作目标 ☆", "◆工作目标◆", "【工作目标】"])
def test_a_heading_set_off_by_ornaments_is_its_words(line: str) -> None:
    assert head_of(line) == "工作目标"
    text = TITLE + "一、指导思想\n以新时代思想为指导。\n\n" + line + "\n1.居民满意度达到95%。\n2.建成示范社区。\n"
    assert kinds(text)[0][1] == ("goals", line)


def test_a_time_of_day_after_an_items_marker_is_no_decimal() -> None:
    for line, number in (("2.9:00至10:30分组开展服务", 2), ("3.10:30至11:00填写服务记录", 3)):
        mk = match_marker(line)
        assert mk is not None and mk.family == "arabic" and mk.number == number
    assert match_marker("1.5万元用于购书") is None


def test_the_formal_numeral_three_in_traditional_script_numbers_a_part() -> None:
    # 參 is simplified to 参 in the working text: both are 叁, the formal 三
    for line in ("参、主要工作", "參、主要工作", "叁、主要工作"):
        mk = match_marker(normalise(line).text)
        assert mk is not None and mk.family == "formal" and mk.number == 3
    text = "城南小學2025年工作計劃\n\n壹、指導思想\n以新時代思想為指導。\n貳、工作目標\n質量穩步提升。\n參、主要工作\n" \
        "一、加強師德建設\n二、深化課堂改革\n肆、工作安排\n9月：開學典禮。\n10月：運動會。\n11月：期中考試。\n"
    assert [k for k, _ in kinds(text)[0]] == ["guiding_ideology", "goals", "main_work", "schedule"]
    assert kinds(text)[0][3] == ("schedule", "肆、工作安排")
