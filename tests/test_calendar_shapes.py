"""Schedules in the calendar shapes school and kindergarten plans use (行事历, 周次安排, 各月工作安排):
weeks and term phases dated by their brackets, festival and vacation rows, year-and-month labels,
tables laid across the months and week rows whose dates come after the activity. Every text here
is written for these tests; corpus files 193–199 show the same patterns in whole plans.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from plan_inputs import table_plan

import planparse
from planparse.models import Document
from planparse.parse.month_labels import MonthLabel, match_month_label, month_columns, undated_period_end
from planparse.parse.normalise import normalise

GUIDING = "以立德树人为根本任务，坚持五育并举，结合学校实际，制定本学期工作计划。"


def label(s: str) -> MonthLabel | None:
    return match_month_label(normalise(s).text)


def pairs(text: str) -> list[tuple[list[int], str]]:
    doc: Document = planparse.parse_text(text, tag=False)
    return [(e.months, e.activity) for e in doc.plans[0].schedule]


def plan(schedule: str, heading: str = "二、活动安排") -> str:
    return f"XX小学工作计划\n\n一、指导思想\n{GUIDING}\n\n{heading}\n{schedule}"


# ---------------------------------------------------------------- labels


@pytest.mark.parametrize(("text", "months", "rest"), [
    ("第一、二周（9.1-9.12）：新生入学适应", [9], "(9.1-9.12):新生入学适应"),  # two weeks named together
    ("第18—20周（1月）：期末复习", [1], "期末复习"),  # weeks dated by the month in brackets
    ("第三周（十月上旬）：运动会", [10], "运动会"),
])
def test_weeks_take_the_month_of_their_dates_or_bracketed_month(text: str, months: list[int], rest: str) -> None:
    lab = label(text)
    assert lab is not None and lab.week and lab.months == months and lab.rest == rest


def test_a_week_without_dates_or_month_has_no_label() -> None:
    assert label("第3周：图书整理") is None
    assert label("第一、二周：入学教育") is None


@pytest.mark.parametrize(("text", "months", "rest"), [
    ("寒假（1月下旬—2月）：社会实践", [1, 2], "社会实践"),  # parts of months in the bracket
    ("开学初（8月底—9月初）：布置环境", [8, 9], "布置环境"),
    ("学期初（9月）：建立档案", [9], "建立档案"),
])
def test_a_term_phase_takes_the_months_in_its_brackets(text: str, months: list[int], rest: str) -> None:
    lab = label(text)
    assert lab is not None and lab.months == months and lab.rest == rest


def test_a_week_of_a_month_is_part_of_its_label() -> None:
    lab = label("9月第一周：开学典礼")
    assert lab is not None and lab.months == [9] and lab.rest == "开学典礼"
    assert label("9月第一周开学").rest == "第一周开学"  # no colon, no space: running text


def test_a_dash_before_a_festival_is_the_labels_colon() -> None:
    lab = label("十二月——元旦文艺汇演")
    assert lab is not None and lab.months == [12] and lab.rest == "元旦文艺汇演"
    assert label("十二月——元月：").months == [1, 12]  # before a month the dash joins a range


@pytest.mark.parametrize(("text", "months", "years", "rest"), [
    ("2026.3.2-3.6 整理新书", [3], {3: 2026}, "整理新书"),  # the year before dotted dates
    ("3.16—3.20（第三周）：读书节启动", [3], {}, "读书节启动"),  # the week in brackets after the dates
    ("9月1日—5日（第1周）：图书清点", [9], {}, "图书清点"),
])
def test_dated_rows_with_a_year_or_a_bracketed_week(text: str, months: list[int], years: dict, rest: str) -> None:
    lab = label(text)
    assert lab is not None and lab.months == months and lab.years == years and lab.rest == rest


def test_festival_labels_with_words_of_nearness() -> None:
    lab = label("国庆节前后：开展爱国主义教育")
    assert lab is not None and lab.weak and lab.months == [10]


@pytest.mark.parametrize(("text", "length"), [
    ("春节：开展照片征集", 3), ("中秋节前后：书信活动", 6), ("暑期：校队集训", 3), ("寒假：", 0), ("春节联欢会", 0),
])
def test_periods_with_no_month_of_their_own(text: str, length: int) -> None:
    assert undated_period_end(text) == length


# ---------------------------------------------------------------- festival and vacation rows


def test_lunar_festival_rows_are_no_part_of_the_festival_row_above() -> None:
    text = plan("元旦：迎新年游园会\n春节：年味照片征集\n清明节：缅怀先烈\n端午节：包粽子\n六一儿童节：文艺展演\n")
    assert pairs(text) == [([1], "元旦：迎新年游园会"), ([4], "清明节：缅怀先烈"), ([6], "六一儿童节：文艺展演")]


def test_rows_after_one_line_month_rows() -> None:
    text = plan("五月：跳绳比赛\n六一儿童节：亲子运动会\n六月：体质测试\n暑期：校队集训\n")
    assert pairs(text) == [([5], "跳绳比赛"), ([6], "六一儿童节：亲子运动会"), ([6], "体质测试")]


def test_under_a_month_label_standing_alone_a_vacation_line_is_that_months() -> None:
    text = plan("一月：\n期末复习动员\n寒假：布置寒假实践作业\n")
    assert pairs(text) == [([1], "期末复习动员"), ([1], "寒假：布置寒假实践作业")]


# ---------------------------------------------------------------- year-and-month labels


def test_a_year_and_month_alone_between_month_labels_is_a_label() -> None:
    text = plan("十二月：\n1. 迎新年书画展\n二〇二六年一月\n1. 期末考试安全教育\n2. 评选三好学生\n")
    assert pairs(text) == [([12], "迎新年书画展"), ([1], "期末考试安全教育"), ([1], "评选三好学生")]


def test_a_run_of_year_and_month_labels_is_a_month_list() -> None:
    text = plan("2025年9月\n1. 召开家长会\n2025年11月\n1. 家庭教育讲座\n")
    assert pairs(text) == [([9], "召开家长会"), ([11], "家庭教育讲座")]


def test_a_date_of_signing_after_the_list_stays_a_signature() -> None:
    doc = planparse.parse_text(plan("十二月：\n1. 迎新年书画展\n\nXX小学德育处\n2025年8月\n"), tag=False)
    assert [(e.months, e.activity) for e in doc.plans[0].schedule] == [([12], "迎新年书画展")]


# ---------------------------------------------------------------- tables


@pytest.mark.parametrize(("line", "months"), [
    ("项目 | 9月 | 10月 | 11月", [(), (9,), (10,), (11,)]),
    ("| 九月 | 十月 | 十一月 |", [(), (9,), (10,), (11,)]),  # an empty corner cell
    ("工作项目/月份 | 3月份 | 4—5月", [(), (3,), (4, 5)]),
    ("项目 9月 10月 11月", [(), (9,), (10,), (11,)]),  # cells joined by spaces (corpus 259)
])
def test_a_header_row_laid_across_the_months(line: str, months: list[tuple[int, ...]]) -> None:
    assert month_columns(line) == months


@pytest.mark.parametrize("line", ["负责人 | 9月 | 10月", "项目 | 9月", "月份 | 活动内容", "项目 | 9月 | 9月", "负责人 9月 10月"])
def test_rows_that_are_no_header_across_the_months(line: str) -> None:
    assert month_columns(line) is None


def test_a_table_laid_across_the_months_gives_each_cell_its_columns_month() -> None:
    text = plan("项目 | 3月 | 4月\n主题 | 强身月 | 竞赛月\n常规训练 | 组建田径队 | 田径队集训\n"
                "竞赛活动 | 1.冬季长跑总结 2.拔河比赛 | 春季运动会\n负责人 | 王老师 | 李老师\n", "二、工作安排")
    assert pairs(text) == [([3], "组建田径队"), ([4], "田径队集训"), ([3], "冬季长跑总结"), ([3], "拔河比赛"),
                           ([4], "春季运动会")]


def test_a_tab_separated_table_across_the_months() -> None:
    text = plan("\t9月\t10月\n健康教育\t开学第一课\t传染病预防讲座\n", "二、工作安排")
    assert pairs(text) == [([9], "开学第一课"), ([10], "传染病预防讲座")]


def test_a_week_rows_date_cell_after_its_activity_is_no_activity() -> None:
    text = plan("第1周 | 开学准备 | 9.1-9.5\n第2周 | 教学计划检查 | 9.8-9.12\n第3周 学科组教研 9月15日—19日\n",
                "二、周次安排")
    assert pairs(text) == [([9], "开学准备"), ([9], "教学计划检查"), ([9], "学科组教研")]


def test_a_space_table_with_the_dates_last() -> None:
    text = plan("周次 工作内容 日期\n1 开学典礼 2.23-2.27\n2 教学常规检查 3.2-3.6\n", "二、工作日程")
    assert pairs(text) == [([2], "开学典礼"), ([3], "教学常规检查")]


def test_a_word_table_laid_across_the_months(tmp_path: Path) -> None:
    rows = [["项目", "9月", "10月", "11月"], ["健康教育", "开学第一课", "传染病预防讲座", "近视防控宣传"],
            ["负责人", "校医室", "校医室", "总务处"]]
    path = tmp_path / "health.docx"
    table_plan("2025年秋季学期学校卫生工作计划", "各月工作安排", rows).save(path)
    doc = planparse.parse_file(path, tag=False)
    assert [(e.months, e.activity) for e in doc.plans[0].schedule] == [
        ([9], "开学第一课"), ([10], "传染病预防讲座"), ([11], "近视防控宣传")]


@pytest.mark.parametrize(("text", "months", "theme"), [
    ("心理健康活动月（5月）：", [5], "心理健康活动月"),
    ("读书节（4月）：好书推荐", [4], "读书节"),
    ("安全教育周（9月第二周）：疏散演练", [9], "安全教育周"),
    ("校园艺术节（5月20日—6月1日）：文艺汇演", [5, 6], "校园艺术节"),  # its dates span two months
])
def test_an_event_named_with_its_period_in_brackets_labels_it(text: str, months: list[int], theme: str) -> None:
    lab = label(text)
    assert lab is not None and lab.months == months and lab.theme == theme


def test_the_activities_under_an_event_month_are_its_own() -> None:
    text = plan("学期初（2—3月）：\n1. 新学期心理适应辅导\n心理健康活动月（5月）：\n1. 心理剧展演\n")
    assert pairs(text) == [([2, 3], "新学期心理适应辅导"), ([5], "心理剧展演")]
