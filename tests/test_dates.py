"""Dates an entry's text states (parse/dates.py): the forms plans write, spans, years, weeks."""

from __future__ import annotations

import pytest

import planparse
from planparse.parse.dates import base_year, find_dates, school_year


def _days(text: str) -> list[tuple[int, int, int, int, str]]:
    return [(d.start_month, d.start_day, d.end_month, d.end_day, text[d.span[0] : d.span[1]]) for d in find_dates(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4月21日召开教代会", [(4, 21, 4, 21, "4月21日")]),
        ("5/24 举行运动会", [(5, 24, 5, 24, "5/24")]),
        ("3.12植树节护绿", [(3, 12, 3, 12, "3.12")]),
        ("12月1日——3日 技能比赛", [(12, 1, 12, 3, "12月1日——3日")]),
        ("3月5日至10日学雷锋", [(3, 5, 3, 10, "3月5日至10日")]),
        ("4月21-23日春游", [(4, 21, 4, 23, "4月21-23日")]),
        ("2.27-3.3  第二单元", [(2, 27, 3, 3, "2.27-3.3")]),
        ("十二月三十一日迎新年", [(12, 31, 12, 31, "十二月三十一日")]),
        ("３月８日妇女节", [(3, 8, 3, 8, "３月８日")]),
        ("12月28日—1月3日寒假值班", [(12, 28, 1, 3, "12月28日—1月3日")]),
    ],
)
def test_written_dates_are_read_with_their_span(text: str, expected: list[tuple[int, int, int, int, str]]) -> None:
    assert _days(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "工会经费1.5万元，用于慰问",
        "出勤率提高2.5个百分点",
        "1.2 组织教职工学习",
        "每月召开一次会议",
        "3月份开展植树活动",
        "2月30日",  # no such day
        "13.5 分",
        "版本3.2.1",
        "每周三下午3.30召开教研会",
        "晚上7.30 观看新闻联播",
    ],
)
def test_amounts_markers_and_bare_months_are_no_dates(text: str) -> None:
    assert find_dates(text) == []


def test_a_written_year_is_kept() -> None:
    (day,) = find_dates("2023年9月1日开学")
    assert (day.year, day.start_month, day.start_day) == (2023, 9, 1)


def test_school_year_and_term() -> None:
    assert school_year("2022—2023学年第二学期四年级数学教学计划") == (2022, True)
    assert school_year("2023学年度第一学期工会工作计划") == (2023, False)
    assert school_year("工会工作计划") is None


AUTUMN_TERM = """2023—2024学年第一学期学校工会工作计划

一、指导思想
以服务教职工为中心，推进学校民主管理。

二、工作安排
九月份：
1、9月10日庆祝教师节，慰问退休教师。
2、召开工会委员会议。
十二月份：
1、12月29日举办迎新年联欢会。
一月份：
1、1月5日—1月8日做好学期工会工作总结。
"""


def test_a_school_year_plan_puts_january_in_the_next_year() -> None:
    doc = planparse.parse_text(AUTUMN_TERM, tag=False)
    (plan,) = doc.plans
    assert plan.year is None
    assert base_year(plan, doc.text) == 2023
    by_activity = {e.activity: e for e in plan.schedule}
    teachers = next(e for a, e in by_activity.items() if "教师节" in a)
    assert [(d.year, d.start_month, d.start_day) for d in teachers.dates] == [(2023, 9, 10)]
    summary = next(e for a, e in by_activity.items() if "总结" in a)
    (day,) = summary.dates
    assert (day.year, day.start_month, day.start_day, day.end_month, day.end_day) == (2024, 1, 5, 1, 8)
    assert doc.text[day.span[0] : day.span[1]] == "1月5日—1月8日"
    assert [(c.year, c.month) for c in summary.calendar] == [(2024, 1)]
    meeting = next(e for a, e in by_activity.items() if "委员会议" in a)
    assert meeting.dates == []  # the date on the line before belongs to the activity it is written in


DATED_LABELS = """2024年春季学期班主任工作计划

一、工作目标
培养学生良好的行为习惯。

二、班级工作行事历
3月4日—3月8日：学雷锋主题班会；整理班级图书角
3月12日：植树节护绿活动
"""


def test_a_dated_label_dates_every_entry_under_it() -> None:
    doc = planparse.parse_text(DATED_LABELS, tag=False)
    (plan,) = doc.plans
    dates = {e.activity: [(d.year, d.start_month, d.start_day, d.end_month, d.end_day) for d in e.dates] for e in plan.schedule}
    assert dates["学雷锋主题班会"] == [(2024, 3, 4, 3, 8)]
    assert dates["整理班级图书角"] == [(2024, 3, 4, 3, 8)]
    assert dates["植树节护绿活动"] == [(2024, 3, 12, 3, 12)]


WEEKS = """2024年春季学期教研组工作计划

一、指导思想
以课堂教学为中心。本学期2月26日开学。

二、月份工作安排
三月份：
1、第3周举行青年教师汇报课。
2、制定教研计划。
四月份：
1、第7—8周期中质量检测。
"""

WEEKS_NO_START = WEEKS.replace("本学期2月26日开学。", "")


def test_weeks_become_days_only_when_the_term_start_is_stated() -> None:
    doc = planparse.parse_text(WEEKS, tag=False)
    dates = {e.activity: [(d.year, d.start_month, d.start_day, d.end_month, d.end_day) for d in e.dates]
             for e in doc.plans[0].schedule}
    # 2024-02-26 is a Monday: week 1 is its Monday to Friday, week 3 two weeks on
    assert dates["第3周举行青年教师汇报课"] == [(2024, 3, 11, 3, 15)]
    assert dates["第7—8周期中质量检测"] == [(2024, 4, 8, 4, 19)]
    assert dates["制定教研计划"] == []
    doc = planparse.parse_text(WEEKS_NO_START, tag=False)
    assert doc.plans[0].schedule and all(e.dates == [] for e in doc.plans[0].schedule)


def test_dated_corpus_rows_carry_their_dates() -> None:
    doc = planparse.parse_file("corpus/29_class_teacher_dated_rows.txt", tag=False)
    entries = doc.plans[0].schedule
    assert all(e.dates for e in entries)
    for e in entries:
        for d in e.dates:
            assert d.year == 2023
            written = doc.text[d.span[0] : d.span[1]]
            assert str(d.start_day) in written
    doc = planparse.parse_file("corpus/26_teaching_week_table.txt", tag=False)
    first = doc.plans[0].schedule[0]  # 2022—2023学年第二学期: the spring term is in 2023
    assert [(d.year, d.start_month, d.start_day, d.end_month, d.end_day) for d in first.dates] == [(2023, 2, 13, 2, 17)]


def test_the_schedule_table_carries_dates_responsible_and_participants() -> None:
    from planparse.analysis.tables import schedule_table

    df = schedule_table(planparse.parse_file("corpus/29_class_teacher_dated_rows.txt", tag=False))
    first = df.iloc[0]
    assert first.dates == ["2023-02-13/2023-02-17"]
    assert df[df.activity == "选举新一届班委会"].iloc[0].dates == ["2023-02-20"]
    df = schedule_table(planparse.parse_file("corpus/20_kindergarten_table_owner.txt", tag=False))
    assert df.iloc[0].responsible == "陈老师"
    assert df.responsible.notna().all()


def test_numbering_across_lines_is_no_date() -> None:
    assert find_dates("1、\n2.\n4.各中队上好主题队课") == []
    assert _days("2024.3.15前报德育处") == [(3, 15, 3, 15, "2024.3.15")]


def test_exports_carry_dates_and_responsible(tmp_path) -> None:
    import pandas as pd

    from planparse.io.export import export_documents

    docs = [planparse.parse_file("corpus/29_class_teacher_dated_rows.txt", tag=False),
            planparse.parse_file("corpus/20_kindergarten_table_owner.txt", tag=False)]
    export_documents(docs, tmp_path, ["csv", "parquet"])
    csv = pd.read_csv(tmp_path / "schedule.csv", encoding="utf-8-sig")
    assert csv.dates.iloc[0] == "2023-02-13/2023-02-17"
    assert "陈老师" in set(csv.responsible.dropna())
    parquet = pd.read_parquet(tmp_path / "schedule.parquet")
    assert list(parquet.dates.iloc[0]) == ["2023-02-13/2023-02-17"]
    kh = pd.read_csv(tmp_path / "schedule_khcoder.csv", encoding="utf-8-sig")
    assert kh.dates.iloc[0] == "2023-02-13/2023-02-17" and "陈老师" in set(kh.responsible.dropna())


def test_a_dotted_day_opening_an_entry_is_its_date() -> None:
    # 3.12 植树节… under 三月份：: the schedule read no marker there, so the dotted number is a date,
    # with or without a bullet before it; a plain line has none
    doc = planparse.parse_file("corpus/129_kindergarten_dotted_days_under_months.txt", tag=False)
    dates = {e.activity: [(d.year, d.start_month, d.start_day, doc.text[d.span[0] : d.span[1]]) for d in e.dates]
             for e in doc.plans[0].schedule}
    assert dates["3.12 植树节“我和小树一起长”种植活动"] == [(2026, 3, 12, "3.12")]
    assert dates["3.8 “我爱妈妈”亲子手工制作"] == [(2026, 3, 8, "3.8")]
    assert dates["3.22 世界水日节水小实验"] == [(2026, 3, 22, "3.22")]
    assert dates["6.1 “快乐六一”游园会"] == [(2026, 6, 1, "6.1")]
    assert dates["春游踏青活动"] == []
    # a schedule of such rows without month labels (corpus 72): the row's date is its label and its date
    doc = planparse.parse_file("corpus/72_festival_and_part_month_labels.txt", tag=False)
    checks = [e for e in doc.plans[0].schedule if e.activity.startswith("3.15")]
    assert [(d.start_month, d.start_day) for d in checks[0].dates] == [(3, 15)]
    # elsewhere a dotted number before a space still opens no date (1.2 组织…)
    assert find_dates("1.2 组织教职工学习") == []


def test_a_unit_after_a_space_is_the_next_cells_word() -> None:
    """2.21 分数乘法 (a week's dates, then the lesson): 分 is no unit after the space; 1.5万元 is an amount."""
    from planparse.parse.dates import find_dates

    (day,) = find_dates("2.17-2.21 分数乘法的意义")
    assert (day.start_month, day.start_day, day.end_month, day.end_day) == (2, 17, 2, 21)
    assert find_dates("经费1.5万元") == []
