"""Stage tests for plans written in traditional script by Taiwan's, Hong Kong's and Macau's schools
and bodies (corpus 227–232): the Republic's years, their headings, closing provisions, 计画, 学年 with
a slash, quoted month themes.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

import planparse
from planparse.parse.dates import find_dates, school_year
from planparse.parse.features import find_cue
from planparse.parse.month_labels import match_month_label
from planparse.parse.normalise import normalise
from planparse.parse.numerals import roc_to_western, western_years
from planparse.parse.vocab import month_vocab


def kinds(doc: planparse.Document) -> list[tuple[str, str | None]]:
    return [(getattr(s.kind, "value", s.kind), s.heading) for p in doc.plans for s in p.sections]


def cue(heading: str) -> str | None:
    return find_cue(normalise(heading).text)[0]


# ---------------------------------------------------------------- the Republic's years


@pytest.mark.parametrize(("number", "year"), [("114", 2025), ("99", 2010), ("一一四", 2025), ("一百一十四", 2025)])
def test_a_year_of_the_republic_is_its_number_plus_1911(number: str, year: int) -> None:
    assert roc_to_western(number) == year


@pytest.mark.parametrize(("text", "read"), [
    ("中华民国114年度工作计划", "2025年度工作计划"),
    ("民国一一四年", "2025年"),
    ("114学年度第一学期", "2025学年度第一学期"),
    ("114年9月至115年1月", "2025年9月至2026年1月"),
    ("114.03.05", "2025.03.05"),
])
def test_years_of_the_republic_read_as_western_years(text: str, read: str) -> None:
    assert western_years(text) == read


@pytest.mark.parametrize("text", ["建校120周年", "第114届运动会", "共114人参加", "114年", "2025年"])
def test_a_three_digit_number_is_no_year_where_it_can_be_something_else(text: str) -> None:
    assert western_years(text) == text


def test_the_offset_is_data() -> None:
    assert month_vocab().roc_year_offset == 1911


def test_a_month_label_with_the_republics_year_keeps_it_as_a_western_year() -> None:
    lab = match_month_label(normalise("114年12月：辦理年終餐敘").text)
    assert lab is not None and lab.months == [12] and lab.years == {12: 2025} and lab.rest == "办理年终餐叙"
    across = match_month_label(normalise("114年9月至115年1月：勞動教育研習").text)
    assert across is not None and across.months == [1, 9, 10, 11, 12]
    assert across.years[9] == 2025 and across.years[1] == 2026


def test_dates_with_the_republics_year_give_the_western_year() -> None:
    (chinese,) = find_dates("於114年3月5日召開")
    assert (chinese.year, chinese.start_month, chinese.start_day) == (2025, 3, 5)
    (dotted,) = find_dates("說明會（114.03.12）")
    assert (dotted.year, dotted.start_month, dotted.start_day) == (2025, 3, 12)


def test_a_school_year_in_traditional_script_or_with_a_slash_is_read() -> None:
    assert school_year("臺中市某國小114學年度第二學期輔導工作計畫") == (2025, True)
    assert school_year("某中學2025/26學年度周年計劃") == (2025, False)


@pytest.mark.parametrize(("title", "year"), [
    ("某社區發展協會民國114年度工作計畫", 2025),
    ("某醫院護理部114年度工作計畫", 2025),
    ("某國小114學年度學務處工作計畫", None),  # a school year: GUIDE's 学年 rule
    ("某中學2025/26學年度周年計劃", None),  # a school year written with a slash
])
def test_plan_year_from_a_title_of_taiwan_or_hong_kong(title: str, year: int | None) -> None:
    doc = planparse.parse_text(f"{title}\n\n一、工作目標\n提升服務品質，落實各項工作，讓成員都能參與。\n")
    assert doc.plans[0].year == year


def test_the_date_of_a_cited_order_is_no_year_of_the_plan() -> None:
    text = ("某國小學務處工作計畫\n\n壹、依據\n一、某市教育局114年8月12日某教學字第1140001234號函辦理。\n"
            "二、本校校務發展計畫。\n\n貳、目的\n營造友善校園，保障學生安全。\n")
    assert planparse.parse_text(text).plans[0].year is None


# ---------------------------------------------------------------- headings


@pytest.mark.parametrize(("heading", "kind"), [
    ("依據", "guiding_ideology"), ("計畫依據", "guiding_ideology"), ("課程理念", "guiding_ideology"),
    ("目的", "goals"), ("計畫緣起", "situation"),
    ("實施對象", "other"), ("實施期程", "other"), ("經費", "other"), ("經費來源", "other"), ("預期效益", "other"),
    ("評量方式", "other"), ("評估", "other"), ("前言", "other"), ("宗旨", "other"),
    ("實施內容", "main_work"), ("實施內容及期程", "main_work"),
    ("月工作計畫", "schedule"), ("活動計畫", "schedule"),
])
def test_the_headings_of_taiwans_plans_name_their_kinds(heading: str, kind: str) -> None:
    assert cue(heading) == kind


@pytest.mark.parametrize("heading", ["加強工會經費管理", "加強安全風險評估", "落實經費審核"])
def test_a_work_heading_naming_funds_or_assessment_is_no_part_of_those_kinds(heading: str) -> None:
    assert cue(heading) != "other"


def test_a_cue_that_opens_with_a_verb_opens_a_heading_not_an_activity() -> None:
    text = ("某社區發展協會114年度工作計畫\n\n一、計畫目標\n1. 辦理長者共餐。\n2. 培訓志工。\n\n"
            "二、實施內容及期程\n1月：召開會員大會。\n2月：元宵提燈活動。\n3月：志工訓練。\n")
    assert kinds(planparse.parse_text(text)) == [("goals", "一、計畫目標"), ("schedule", "二、實施內容及期程")]


def test_jihua_spelled_the_taiwan_way_folds_to_the_vocabularies_spelling_keeping_offsets() -> None:
    src = "活動計畫與規畫"
    work = normalise(src)
    assert work.text == "活动计划与规划" and len(work.text) == len(src)


# ---------------------------------------------------------------- closing provisions


def test_a_numbered_closing_provision_opens_no_part() -> None:
    text = ("某國小輔導室工作計畫\n\n一、依據\n學生輔導法。\n\n二、目標\n（一）落實三級輔導。\n（二）強化親師溝通。\n\n"
            "三、經費來源\n由相關經費支應。\n\n四、本計畫陳校長核可後實施，修正時亦同。\n")
    assert kinds(planparse.parse_text(text)) == [
        ("guiding_ideology", "一、依據"), ("goals", "二、目標"), ("other", "三、經費來源")]


@pytest.mark.parametrize("line", ["本計畫經校務會議通過，陳校長核定後實施。", "本计划经教代会审议通过后执行。"])
def test_the_clause_that_puts_a_plan_in_force_is_its_closing(line: str) -> None:
    from planparse.parse.vocab import plan_vocab

    assert plan_vocab().closing_opener.match(normalise(line).text)


# ---------------------------------------------------------------- month themes


def test_a_quoted_month_theme_before_a_colon_leaves_the_rest_as_the_activity() -> None:
    lab = match_month_label(normalise("九月份：主題「我的好朋友」：分享玩具、合作遊戲。").text)
    assert lab is not None and lab.months == [9] and lab.theme == "我的好朋友" and lab.rest == "分享玩具、合作游戏。"
    plain = match_month_label("二月：主题：新起点、新打算")
    assert plain is not None and plain.theme == "新起点、新打算" and not plain.rest
