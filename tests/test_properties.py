"""What must not change the result: hypothesis tests over generated plans.

Each test draws a plan (title, numbered sections of every kind, numbered items, a month schedule),
writes it in one style, rewrites it in another that a careful reader would call the same plan, and
checks that planparse finds the same structure both times: plans, section kinds, item counts, and
every schedule entry's months and activity. Activities are compared after NFKC and the
traditional → simplified map, since the rewrite changes their characters by design.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import planparse
from planparse.mutations import MONTH_FORMS, MONTHS_CN, REWRITES
from planparse.parse.charmap import simplify

CN_NUMBERS = "一二三四五六七八九十"

# Our own phrases, in the styles real plans use: headings per kind, and activity phrases built
# from a verb and an object so that drawn plans differ.
HEADINGS = {
    "guiding_ideology": ["指导思想", "工作思路"],
    "goals": ["工作目标", "总体目标"],
    "main_work": ["主要工作", "工作重点", "重点工作"],
    "measures": ["具体措施", "保障措施"],
}
GUIDING_BODY = "以立德树人为根本任务，坚持服务师生，团结全体成员，推动各项工作稳步发展。"
VERBS = ["组织", "开展", "举办", "召开", "落实", "推进", "完善", "加强"]
OBJECTS = [
    "教职工趣味运动会", "读书分享会", "安全疏散演练", "家长开放日活动", "青年教师座谈会",
    "心理健康讲座", "经典诵读比赛", "文明班级评比", "教研组听课活动", "节日慰问工作",
    "健康体检", "春季植树活动", "法治宣传教育", "师德标兵评选", "社团成果展示",
]


@dataclass(frozen=True)
class Style:
    item_mark: str = "、"        # 1、 or 1.
    month_label: str = "cn"      # 三月份： or 3月：
    half_width: bool = False     # ASCII punctuation
    traditional: bool = False
    blank_lines: bool = False
    furniture: bool = False


@dataclass(frozen=True)
class DrawnPlan:
    year: int
    unit: str
    kinds: tuple[str, ...]
    headings: tuple[str, ...]
    items: tuple[tuple[str, ...], ...]
    schedule: tuple[tuple[int, tuple[str, ...]], ...]


activity = st.builds(lambda v, o: v + o, st.sampled_from(VERBS), st.sampled_from(OBJECTS))


@st.composite
def plans(draw: st.DrawFn) -> DrawnPlan:
    kinds = draw(st.lists(st.sampled_from(list(HEADINGS)), min_size=1, max_size=4, unique=True))
    order = list(HEADINGS)
    kinds.sort(key=order.index)
    headings = tuple(draw(st.sampled_from(HEADINGS[k])) for k in kinds)
    items = tuple(
        () if k == "guiding_ideology" else tuple(draw(st.lists(activity, min_size=1, max_size=3, unique=True)))
        for k in kinds
    )
    months = sorted(draw(st.lists(st.integers(2, 12), min_size=2, max_size=5, unique=True)))
    schedule = tuple((m, tuple(draw(st.lists(activity, min_size=1, max_size=2, unique=True)))) for m in months)
    unit = draw(st.sampled_from(["实验小学", "第二中学", "中心幼儿园", "育才学校"]))
    part = draw(st.sampled_from(["工会", "德育", "少先队", "安全"]))
    return DrawnPlan(draw(st.integers(2019, 2026)), unit + part, tuple(kinds), headings, items, schedule)


def month_label(month: int, style: Style) -> str:
    form = MONTH_FORMS["cn_fen" if style.month_label == "cn" else "arabic"]
    return form.format(cn=MONTHS_CN[month], n=month)


def write_plan(plan: DrawnPlan, style: Style) -> str:
    lines: list[str] = [f"{plan.year}年{plan.unit}工作计划"]
    n = 0
    for kind, heading, items in zip(plan.kinds, plan.headings, plan.items, strict=True):
        lines.append(f"{CN_NUMBERS[n]}、{heading}")
        n += 1
        if kind == "guiding_ideology":
            lines.append(GUIDING_BODY)
        for i, text in enumerate(items, 1):
            lines.append(f"{i}{style.item_mark}{text}。")
    lines.append(f"{CN_NUMBERS[n]}、月份工作安排")
    for month, acts in plan.schedule:
        lines.append(month_label(month, style))
        lines.extend(f"{i}{style.item_mark}{a}。" for i, a in enumerate(acts, 1))
    text = "\n".join(lines) + "\n"
    # the rewrites scripts/metamorphic.py runs over the corpus (planparse/mutations.py)
    for wanted, name in [(style.half_width, "width-half"), (style.traditional, "traditional"),
                         (style.blank_lines, "blank-lines-added"), (style.furniture, "furniture")]:  # fmt: skip
        if wanted:
            text = REWRITES[name].apply(text)
    return text


def fold(s: str) -> str:
    """An activity as a reader compares it: NFKC, simplified, without punctuation or spaces."""
    s = simplify(unicodedata.normalize("NFKC", s))
    return "".join(ch for ch in s if ch.isalnum())


def structure(text: str) -> list[tuple]:
    doc = planparse.parse_text(text, tag=False)
    return [
        (
            plan.year,
            fold(plan.title or ""),
            tuple((s.kind.value, len(s.items)) for s in plan.sections),
            tuple((tuple(e.months), fold(e.activity)) for e in plan.schedule),
        )
        for plan in doc.plans
    ]


PROPERTY_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_same(plan: DrawnPlan, a: Style, b: Style) -> None:
    first, second = structure(write_plan(plan, a)), structure(write_plan(plan, b))
    assert len(first) == 1, write_plan(plan, a)
    assert first == second, write_plan(plan, b)
    # the drawn schedule is what both found: the property is not met by finding nothing twice
    assert [months for months, _ in first[0][3]] == [(m,) for m, acts in plan.schedule for _ in acts]


@PROPERTY_SETTINGS
@given(plans())
def test_full_width_and_half_width_punctuation_read_alike(plan: DrawnPlan) -> None:
    assert_same(plan, Style(), Style(half_width=True))


@PROPERTY_SETTINGS
@given(plans())
def test_item_marks_1_dun_and_1_dot_read_alike(plan: DrawnPlan) -> None:
    assert_same(plan, Style(item_mark="、"), Style(item_mark="."))


@PROPERTY_SETTINGS
@given(plans())
def test_chinese_and_arabic_month_labels_read_alike(plan: DrawnPlan) -> None:
    assert_same(plan, Style(month_label="cn"), Style(month_label="arabic"))


@PROPERTY_SETTINGS
@given(plans())
def test_simplified_and_traditional_characters_read_alike(plan: DrawnPlan) -> None:
    assert_same(plan, Style(), Style(traditional=True))


@PROPERTY_SETTINGS
@given(plans())
def test_blank_lines_between_lines_change_nothing(plan: DrawnPlan) -> None:
    assert_same(plan, Style(), Style(blank_lines=True))


@PROPERTY_SETTINGS
@given(plans())
def test_site_furniture_at_the_edges_changes_nothing(plan: DrawnPlan) -> None:
    assert_same(plan, Style(), Style(furniture=True))


@PROPERTY_SETTINGS
@given(plans(), plans(), st.sampled_from(["篇一", "【篇1】", "第一篇"]), st.sampled_from(["篇二", "【篇2】", "第二篇"]))
def test_two_plans_joined_by_pian_separators_give_both_in_order(
    first: DrawnPlan, second: DrawnPlan, sep1: str, sep2: str
) -> None:
    alone = structure(write_plan(first, Style())) + structure(write_plan(second, Style()))
    joined = f"{sep1}\n{write_plan(first, Style())}{sep2}\n{write_plan(second, Style())}"
    assert structure(joined) == alone, joined
