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
