"""Stage tests for less common section headings and heading shapes (corpus files 200–206).

Every text here is written for these tests.
"""

from __future__ import annotations

import planparse

TITLE = "城西街道2025年工作计划\n\n"


def kinds(text: str) -> list[list[tuple[str, str | None]]]:
    """Each plan's sections as (kind, heading)."""
    doc = planparse.parse_text(text)
    return [[(getattr(s.kind, "value", s.kind), s.heading) for s in p.sections] for p in doc.plans]


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
