"""Script does not change tagging: a plan written in traditional characters gets the keywords and categories
of its simplified copy (tagging reads the simplified working text), and spans still point into the original."""

from __future__ import annotations

import random
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import planparse
from planparse.models import Document
from planparse.parse.charmap import simplify, simplify_char_map

# activities written for this test in the styles of 工会, 德育, 少先队, 幼儿园 and 教研 plans
ACTIVITIES = [
    "召开教职工代表大会，审议学校发展规划",
    "开展重阳节慰问退休教师活动",
    "组织教职工趣味运动会",
    "举行开学典礼和国旗下讲话",
    "开展交通安全教育和消防疏散演练",
    "少先队建队日主题队会，发展新队员",
    "召开新生家长会，做好家园联系工作",
    "做好春季传染病预防和晨检工作",
    "组织青年教师听课评课活动",
    "开展读书节活动，评选书香班级",
    "庆祝三八妇女节，组织女教工参观学习",
    "期末工作总结，资料整理归档",
    "开展心理健康教育专题讲座",
    "组织社区志愿者开展环境卫生整治",
    "党员过组织生活，学习党章党规",
    "开展师徒结对，举办青年教师基本功比赛",
]
MONTHS = ["三月份", "四月份", "五月份", "六月份", "九月份", "十月份", "十一月份", "十二月份"]


@cache
def _traditional_forms() -> dict[str, list[str]]:
    """Each simplified character with the traditional characters the charmap folds into it."""
    forms: dict[str, list[str]] = {}
    for trad, simp in sorted(simplify_char_map().items()):
        if trad != simp:
            forms.setdefault(simp, []).append(trad)
    return forms


def traditional(text: str, rng: random.Random, share: float) -> str:
    """``text`` with about ``share`` of its convertible characters written in a traditional form."""
    forms = _traditional_forms()
    return "".join(rng.choice(forms[c]) if c in forms and rng.random() < share else c for c in text)


def plan_text(activities: list[str]) -> str:
    lines = ["2024年实验学校工作计划", "一、指导思想", "以立德树人为根本任务，全面提高育人质量。", "二、月份工作安排"]
    for month, activity in zip(MONTHS, activities, strict=False):
        lines += [f"{month}：", f"1.{activity}。"]
    return "\n".join(lines) + "\n"


def tags(doc: Document) -> list[object]:
    out: list[object] = []
    for plan in doc.plans:
        out.append(plan.keywords)
        out += [(item.keywords, item.categories) for item in plan.walk_items()]
        out += [(entry.months, entry.keywords, entry.categories) for entry in plan.schedule]
    return out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    activities=st.lists(st.sampled_from(ACTIVITIES), min_size=2, max_size=len(MONTHS), unique=True),
    seed=st.integers(0, 2**32 - 1),
    share=st.sampled_from([0.3, 0.7, 1.0]),
)
def test_traditional_script_keeps_keywords_and_categories(activities: list[str], seed: int, share: float) -> None:
    text = simplify(plan_text(activities))
    trad = traditional(text, random.Random(seed), share)
    assert simplify(trad) == text  # the conversion is one the working text undoes
    simplified_doc = planparse.parse_text(text)
    traditional_doc = planparse.parse_text(trad)
    assert tags(traditional_doc) == tags(simplified_doc)
    # the tags are there to compare: every entry of these activities has a category
    assert all(entry.categories for plan in simplified_doc.plans for entry in plan.schedule)
    for plan in traditional_doc.plans:
        for entry in plan.schedule:
            start, end = entry.span
            assert simplify(traditional_doc.text[start:end]).find(simplify(entry.activity)) >= 0


def test_traditional_keywords_are_simplified_words() -> None:
    doc = planparse.parse_text("2024年學校工會工作計劃\n一、月份安排\n十月份：\n1.開展重陽節慰問退休教師活動。\n")
    entry = doc.plans[0].schedule[0]
    assert "重阳节" in entry.keywords and "重陽節" not in entry.keywords
    assert entry.activity.startswith("開展")  # the entry's own words are the original's
    assert doc.text[entry.span[0] : entry.span[1]].startswith("開展")
