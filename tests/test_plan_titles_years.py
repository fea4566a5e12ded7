"""Stage tests for how plans are found, titled and dated (corpus files 220–226).

Titles in quotation marks, notes in 【】, the date written after a title, ranges of years, a
工作总结 or a 通知 beside a plan (text of no plan), and month plans one after the other. Every text
here is written for these tests.
"""

from __future__ import annotations

import pytest

import planparse
from planparse.parse.features import Line, line_facts, title_core
from planparse.parse.lines import RawLine
from planparse.parse.normalise import normalise

BODY = (
    "一、指导思想\n以立德树人为根本任务，坚持育人为本，全面提升办学品质。\n"
    "二、主要工作\n1、加强教师队伍建设。\n2、开展校园读书节活动。\n"
    "三、月份安排\n三月：召开开学工作会议。\n四月：举办校园读书节。\n"
)
WORK = "1、完成新员工入职手续的办理。\n2、组织办公区消防安全检查。\n"


def line_of(s: str) -> Line:
    t = normalise(s).text
    return line_facts(RawLine(0, len(t)), t)


def plans(text: str) -> list[tuple[str | None, int | None]]:
    return [(p.title, p.year) for p in planparse.parse_text(text, tag=False).plans]


# ---------------------------------------------------------------- titles


def test_a_title_in_quotation_marks_is_the_words_they_enclose() -> None:
    for quoted in ("《实验小学2025年读书节活动方案》", "“实验小学2025年读书节活动方案”", '"实验小学2025年读书节活动方案"'):
        ln = line_of(quoted)
        assert ln.title_like, quoted
        assert plans(quoted + "\n" + BODY) == [("实验小学2025年读书节活动方案", 2025)]


def test_quotation_marks_inside_a_title_stay() -> None:
    words = "红旗小学“书香校园”建设实施方案"
    a, b = title_core(words)
    assert words[a:b] == words
    assert line_of(words).title_like


def test_a_quoted_title_with_a_note_after_it_is_judged_inside_the_quotes() -> None:
    assert plans("《实验小学少先队工作计划》（2025年度）\n" + BODY) == [("《实验小学少先队工作计划》（2025年度）", 2025)]


def test_a_note_in_square_brackets_is_part_of_the_title() -> None:
    assert line_of("实验小学2025年少先队工作计划【修订稿】").title_like
    assert plans("实验小学2025年少先队工作计划【修订稿】\n" + BODY) == [("实验小学2025年少先队工作计划【修订稿】", 2025)]


def test_the_date_after_a_title_is_no_part_of_it_and_gives_the_year() -> None:
    for dated in ("城南社区老年协会工作打算 2025.02", "城南社区老年协会工作打算　2025年2月18日",
                  "城南社区老年协会工作打算 2025-02-18", "城南社区老年协会工作打算 二〇二五年二月"):
        assert plans(dated + "\n" + BODY) == [("城南社区老年协会工作打算", 2025)], dated


def test_a_date_in_brackets_after_a_title_is_its_note() -> None:
    assert plans("城南社区老年协会工作打算（2025年2月）\n" + BODY) == [("城南社区老年协会工作打算（2025年2月）", 2025)]


# ---------------------------------------------------------------- years


def test_a_range_of_years_names_no_year_of_the_plan() -> None:
    assert plans("东湖村人居环境整治三年行动计划（2025—2027年）\n" + BODY) == [
        ("东湖村人居环境整治三年行动计划（2025—2027年）", None)]
    assert plans("东湖村2025年至2027年发展规划\n" + BODY)[0][1] is None
    assert plans("东湖村2025—2027年发展规划\n" + BODY)[0][1] is None


def test_the_first_lines_years_under_a_range_are_its_targets() -> None:
    text = "东湖村人居环境整治三年行动计划（2025—2027年）\n到2027年底，全村垃圾分类覆盖率达到百分之百。\n" + BODY
    assert plans(text)[0][1] is None


def test_a_range_of_months_in_one_year_states_its_year() -> None:
    assert plans("城西中学语文教研组工作计划\n（2025年3月—2025年7月）\n" + BODY)[0][1] == 2025


def test_a_school_year_title_takes_the_year_its_first_lines_state() -> None:
    text = "实验小学2025—2026学年第二学期工作计划\n2026年是学校三年发展规划的收官之年。\n" + BODY
    assert plans(text)[0][1] == 2026


def test_a_year_only_in_the_closing_date_is_none() -> None:
    assert plans("实验小学工作计划\n" + BODY + "\n实验小学\n2025年2月20日\n")[0][1] is None


# ---------------------------------------------------------------- documents that are no plan


def test_a_summary_title_with_its_year_names_no_plan() -> None:
    ln = line_of("仁和医院团委2024年工作总结")
    assert ln.other_title and not ln.title_like
    assert line_of("关于开展2025年秋季幼儿健康体检的通知").other_title
    assert not line_of("学期工作总结").other_title  # a month's activity as often
    assert not line_of("做好2025年度工作总结").other_title


def test_a_summary_before_a_plan_belongs_to_no_plan() -> None:
    summary = ("光华老年大学2024年工作总结\n\n2024年，我校各项工作稳步推进，学员人数稳定增长。\n"
               "一、教学工作有序开展。全年开设书法、摄影等十二个班级。\n二、存在的问题。教室场地偏紧。\n\n")
    doc = planparse.parse_text(summary + "光华老年大学2025年工作计划\n" + BODY, tag=False)
    assert [(p.title, p.year) for p in doc.plans] == [("光华老年大学2025年工作计划", 2025)]
    unassigned = "".join(doc.text[a:b] for a, b in doc.unassigned)
    assert "教学工作有序开展" in unassigned and "2024年工作总结" in unassigned


def test_a_notice_after_a_plan_adds_no_section_to_it() -> None:
    notice = ("\n关于开展春季体检的通知\n各班级：\n根据上级统一安排，我园定于4月15日开展幼儿体检，现将有关事项通知如下：\n"
              "一、体检安排：15日上午小班。\n二、注意事项：体检当日早餐照常进食。\n")
    doc = planparse.parse_text("实验幼儿园2025年保健工作计划\n" + BODY + notice, tag=False)
    assert [s.heading for s in doc.plans[0].sections] == ["一、指导思想", "二、主要工作", "三、月份安排"]
    assert [e.months for e in doc.plans[0].schedule] == [[3], [4]]


def test_a_summary_line_under_a_month_label_is_its_activity() -> None:
    text = "实验幼儿园2025年保健工作计划\n" + BODY + "十二月：\n\n2025年秋季学期保健工作总结\n\n实验幼儿园保健室\n"
    doc = planparse.parse_text(text, tag=False)
    assert (doc.plans[0].schedule[-1].months, doc.plans[0].schedule[-1].activity) == ([12], "2025年秋季学期保健工作总结")


def test_explain_names_the_rule_that_set_the_summary_aside() -> None:
    text = "实验幼儿园2025年保健工作计划\n" + BODY + "\n实验幼儿园2024年保健工作总结\n2024年，我园保健工作稳步推进，幼儿健康水平提高。\n"
    ex = planparse.explain_text(text)
    aside = [d for d in ex.decisions if d.what == "unassigned"]
    assert [d.rule for d in aside] == ["other_document_title"]
    assert "unassigned (no plan)" in ex.to_text()


# ---------------------------------------------------------------- month plans in a row


def test_month_plans_one_after_the_other_are_plans_of_their_own() -> None:
    text = "三月份工作计划\n" + WORK + "\n四月份工作计划\n" + WORK + "\n五月份工作计划\n" + WORK
    assert plans(text) == [("三月份工作计划", None), ("四月份工作计划", None), ("五月份工作计划", None)]


def test_quarter_plans_one_after_the_other_are_plans_of_their_own() -> None:
    text = "第一季度工作计划\n" + WORK + "\n第二季度工作计划\n" + WORK
    assert plans(text) == [("第一季度工作计划", None), ("第二季度工作计划", None)]


def test_month_plans_under_a_quarter_or_a_plan_title_head_its_months() -> None:
    quarter = "第一季度工作计划\n" + WORK + "一月份工作计划\n" + WORK + "二月份工作计划\n" + WORK
    assert plans(quarter) == [("第一季度工作计划", None)]
    own = "行政部2025年上半年工作计划\n" + WORK + "三月份工作计划\n" + WORK + "四月份工作计划\n" + WORK
    assert plans(own) == [("行政部2025年上半年工作计划", 2025)]


# ---------------------------------------------------------------- years in Chinese numerals, a lookalike zero too


@pytest.mark.parametrize("year", ["2025", "二〇二五", "二○二五", "二零二五", "二O二五"])
def test_the_date_after_a_title_is_cut_whichever_zero_its_year_is_written_with(year: str) -> None:
    assert plans(f"XX中学德育工作计划 {year}年二月\n" + BODY) == [("XX中学德育工作计划", 2025)]


@pytest.mark.parametrize("year", ["2024", "二〇二四", "二O二四"])
def test_a_summary_of_a_year_in_chinese_numerals_is_no_plan(year: str) -> None:
    text = f"XX社区{year}年工作总结\n一、主要成绩\n完成了各项工作，居民满意度提高。\n\nXX社区2025年工作计划\n" + BODY
    doc = planparse.parse_text(text, tag=False)
    assert [(p.title, p.year) for p in doc.plans] == [("XX社区2025年工作计划", 2025)]
    assert doc.unassigned and doc.unassigned[0][0] == 0
