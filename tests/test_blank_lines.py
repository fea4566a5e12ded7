"""What a blank line no longer decides: the facts that stand in for it, each with and without blank lines.

Real plans reach the parser with blank lines added (Word's paragraph spacing pasted as empty lines)
or removed (web and PDF copies). Each test parses one text as written, with a blank line after every
paragraph (mutations.blank_lines_added) and with none (blank_lines_removed), and expects one reading
of all three: a signer whose unit ends in a body's word or names who wrote the plan (features
signer_before_date), a labelled detail line under a numbered activity and a note on the whole list
(schedule.layouts.month_list, table), a 通知 or 总结 after a plan (plans other_document_title), a
title of two lines (plans title_head).
"""

from __future__ import annotations

import pytest

import planparse
from planparse.mutations import apply_edits, blank_lines_added, blank_lines_removed
from planparse.parse.structure import parse_structure


def _forms(text: str) -> dict[str, str]:
    """The text as written, with a blank line after every paragraph, and with no blank line."""
    return {"as written": text, "blank lines added": apply_edits(text, blank_lines_added(text)),
            "blank lines removed": apply_edits(text, blank_lines_removed(text))}  # fmt: skip


def _entries(text: str, plan: int = 0) -> list[tuple[list[int], str]]:
    doc = planparse.parse_text(text, tag=False)
    return [(e.months, e.activity.rstrip("。；")) for e in doc.plans[plan].schedule]


_ROWS = (
    "清河社区老年大学2025年春季教学计划\n\n一、教学目标\n\n开设声乐、书法、智能手机等课程，学员满意度达到九成。\n\n"
    "二、课程安排\n三月：各班开班，召开班长会议\n四月：书法班外出写生\n五月：声乐班排练合唱曲目\n"
)
_ROW_ENTRIES = [([3], "各班开班，召开班长会议"), ([4], "书法班外出写生"), ([5], "声乐班排练合唱曲目")]


@pytest.mark.parametrize("signer", ["清河社区老年大学", "南湖区青少年宫", "教务组 周丽", "教研组 王芳 李明"])
def test_a_signer_above_the_closing_date_is_no_entry(signer: str) -> None:
    for form, text in _forms(_ROWS + "\n" + signer + "\n2025年2月18日\n").items():
        assert _entries(text) == _ROW_ENTRIES, form
        # the date signs too, or is read as a posting's date (furniture): no entry either way
        sigs = [ln.text.strip() for ln in parse_structure(text).lines if ln.signature or ln.furniture]
        assert sigs == [signer, "2025年2月18日"], form


@pytest.mark.parametrize("signer", ["南湖区青少年宫", "市工人文化宫", "教务组 周丽"])
def test_a_signer_ending_the_text_with_no_date_is_no_entry(signer: str) -> None:
    # features.signer_at_end: plans.toml closing_unit and signer_with_names
    for form, text in _forms(_ROWS + "\n" + signer + "\n").items():
        assert _entries(text) == _ROW_ENTRIES, form


@pytest.mark.parametrize("last", ["举办学员作品展", "期末汇报 展演"])
def test_an_activity_above_the_closing_date_stays_an_activity(last: str) -> None:
    # no unit's ending: 举办… opens with a verb, 期末汇报 is no unit's name before the words after it
    text = _ROWS.replace("五月：声乐班排练合唱曲目\n", "五月：\n" + last + "\n") + "2025年2月18日\n"
    assert _entries(text)[-1] == ([5], last)


@pytest.mark.parametrize("note", ["各班要按照上述安排做好教室和器材准备。", "以上各项活动如有调整，另行通知。"])
def test_a_note_on_the_rows_is_no_activity(note: str) -> None:
    for form, text in _forms(_ROWS + "\n" + note + "\n").items():
        assert _entries(text) == _ROW_ENTRIES, form


_NUMBERED = (
    "柳湾村2025年人居环境整治工作计划\n\n一、月度安排\n\n（一）三月份\n\n1.开展春季村庄清洁行动。\n\n"
    "2.组织党员志愿者清理河道。\n\n各村民小组要认真落实以上各项工作。\n\n（二）四月份\n\n1.推进户厕改造。\n"
)


def test_a_note_after_the_months_numbered_activities_ends_none_of_them() -> None:
    want = [([3], "开展春季村庄清洁行动"), ([3], "组织党员志愿者清理河道"), ([4], "推进户厕改造")]
    for form, text in _forms(_NUMBERED).items():
        assert _entries(text) == want, form


def test_a_sentence_under_a_numbered_activity_still_runs_on_it() -> None:
    # no words on the list as a whole: more of the activity, as GUIDE reads a line under a numbered item
    text = _NUMBERED.replace("\n\n各村民小组要认真落实以上各项工作。", "\n所需工具由村委会统一配发。")
    assert _entries(text)[1] == ([3], "组织党员志愿者清理河道。所需工具由村委会统一配发")


def test_labelled_detail_lines_under_a_numbered_activity_are_no_entries() -> None:
    text = ("城南中学2026年读书节活动方案\n\n一、活动安排\n\n三月：\n\n1. 启动仪式，宣读倡议书。\n\n2. 征文比赛：\n\n"
            "　　参赛对象：初一、初二学生\n\n　　字数要求：一千五百字以内\n\n3. 经典诵读比赛。\n")
    want = [([3], "启动仪式，宣读倡议书"), ([3], "征文比赛"), ([3], "经典诵读比赛")]
    for form, t in _forms(text).items():
        assert _entries(t) == [(m, a.rstrip("：")) for m, a in want], form


_PLAN = ("金桥幼儿园2025年秋季保健工作计划\n\n一、工作目标\n\n幼儿健康检查率达到100%。\n\n二、每月安排\n\n"
         "九月：新生入园体检\n十月：视力、口腔筛查\n")


@pytest.mark.parametrize("other", [
    "关于开展秋季幼儿健康体检的通知\n各班级、各位家长：\n我园定于10月15日开展幼儿体检，现将有关事项通知如下：\n"
    "一、体检安排：15日上午小班。\n二、注意事项：体检当日早餐照常进食。\n",
    "金桥幼儿园2024年秋季保健工作总结\n一、主要工作回顾\n2024年秋季，我园保健工作稳步推进。\n",
    "金桥幼儿园2024年保健工作总结\n一年来，我园在区妇幼保健院的指导下，保健工作稳步推进。\n",
])  # fmt: skip
def test_a_notice_or_summary_after_the_plan_is_no_part_of_it(other: str) -> None:
    for form, text in _forms(_PLAN + "\n" + other).items():
        doc = planparse.parse_text(text, tag=False)
        assert len(doc.plans) == 1, form
        assert [s.heading for s in doc.plans[0].sections] == ["一、工作目标", "二、每月安排"], form
        assert _entries(text) == [([9], "新生入园体检"), ([10], "视力、口腔筛查")], form


def test_explain_names_the_opening_that_set_the_notice_apart() -> None:
    text = _PLAN + "关于开展秋季幼儿健康体检的通知\n各班级、各位家长：\n我园定于10月15日开展幼儿体检。\n"
    aside = [d for d in planparse.explain_text(text).decisions if d.what == "unassigned"]
    assert [d.rule for d in aside] == ["other_document_title"]
    assert "a document's opening follows" in aside[0].evidence


def test_a_summary_title_followed_by_a_plain_line_stays_the_months() -> None:
    # nothing opens a document under it (no addressee, heading, guiding paragraph): the month's work
    text = _PLAN + "2025年度保健工作总结\n整理归档幼儿健康档案\n"
    doc = planparse.parse_text(text, tag=False)
    assert len(doc.plans) == 1
    assert [a for _, a in _entries(text)][-2:] == ["2025年度保健工作总结", "整理归档幼儿健康档案"]


_TITLE_BODY = "一、工作目标\n\n疫苗接种率保持在95%以上。\n\n二、时间安排\n\n第一季度：完成接种门诊年度考核。\n"


def test_a_title_of_two_word_paragraphs_is_one_title() -> None:
    text = "城西区疾病预防控制中心2025年度\n免疫规划工作计划\n\n" + _TITLE_BODY
    for form, t in _forms(text).items():
        assert [p.title for p in planparse.parse_text(t, tag=False).plans] == ["城西区疾病预防控制中心2025年度免疫规划工作计划"], form


def test_the_next_plans_title_of_two_paragraphs_after_the_last_signature() -> None:
    one = "城西区疾病预防控制中心2025年度\n\n免疫规划工作计划\n\n" + _TITLE_BODY + "\n城西区疾病预防控制中心\n2025年1月10日\n\n"
    two = one.replace("免疫规划", "健康教育")
    titles = [p.title for p in planparse.parse_text(one + two, tag=False).plans]
    assert titles == ["城西区疾病预防控制中心2025年度免疫规划工作计划", "城西区疾病预防控制中心2025年度健康教育工作计划"]


_UNION = ("人民医院工会2025年工作计划\n\n一、工作目标\n\n全年开展职工活动不少于20次。\n\n二、活动安排\n\n"
          "三月：三八节女职工活动\n四月：春季健步走\n五月：劳模报告会\n")


def test_the_next_plans_cued_title_after_the_last_row_opens_it() -> None:
    # plans cued_title_after_content: the opening under it (一、指导思想) shows it, a blank line or none
    nxt = "人民医院工会2026年工作要点\n\n一、指导思想\n\n以习近平新时代中国特色社会主义思想为指导，团结动员广大职工。\n"
    for form, text in _forms(_UNION + "\n" + nxt).items():
        doc = planparse.parse_text(text, tag=False)
        assert [p.title for p in doc.plans] == ["人民医院工会2025年工作计划", "人民医院工会2026年工作要点"], form
        assert _entries(text) == [([3], "三八节女职工活动"), ([4], "春季健步走"), ([5], "劳模报告会")], form


def test_a_departments_part_numbered_below_the_plans_top_is_no_plan() -> None:
    # 1. under 教务处工作要点 is deeper than the plan's 一、: no count started again at the top
    text = ("光明小学2025年春季工作计划\n一、指导思想\n以立德树人为根本任务，全面提高教育质量。\n二、部门工作\n"
            "教务处工作要点\n1.加强教学常规管理。\n2.开展校本教研。\n德育处2025年工作要点\n1.开展养成教育。\n")
    for form, t in _forms(text).items():
        assert [p.title for p in planparse.parse_text(t, tag=False).plans] == ["光明小学2025年春季工作计划"], form
