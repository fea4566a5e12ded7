"""Stage tests for the parts of plan types the corpus first met in files 272–280.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

import planparse
from planparse.parse.features import find_cue, title_core
from planparse.parse.normalise import normalise
from planparse.parse.structure import parse_structure

TITLE = "河口镇2026年工作计划\n\n"


def kinds(text: str) -> list[list[tuple[str, str | None]]]:
    """Each plan's sections as (kind, heading)."""
    doc = planparse.parse_text(text, tag=False)
    return [[(getattr(s.kind, "value", s.kind), s.heading) for s in p.sections] for p in doc.plans]


def cue_kind(head: str) -> str | None:
    return find_cue(head)[0]


# ---------------------------------------------------------------- cue words


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        ("基本概况", "situation"), ("村情概况", "situation"),
        ("工作机制", "measures"), ("运行机制", "measures"), ("实施途径", "measures"), ("实施方法", "measures"),
        ("教育内容", "main_work"), ("质控内容", "main_work"),
        ("质控指标", "goals"), ("主要指标", "goals"),
        ("监督检查", "other"), ("质控小组", "other"), ("招生范围", "other"), ("报名时间及地点", "other"),
        ("报名材料", "other"), ("招生计划", "other"),
    ],
)
def test_cues_of_these_plan_types(head: str, kind: str) -> None:
    assert cue_kind(head) == kind


def test_overview_names_a_part_only_in_a_short_heading() -> None:
    # 概况 alone is a two-character cue: a long heading holding it is a work item's words
    assert cue_kind("学校概况") == "situation"
    assert cue_kind("及时更新辖区企业和重点人群的概况信息") is None
    # 范围 and 途径 are no cues alone: 扩大服务范围, 拓宽就业途径 are work
    assert cue_kind("扩大服务范围") is None
    assert cue_kind("拓宽就业途径") is None


def test_fields_content_is_main_work_unless_it_holds_only_a_month_list() -> None:
    text = TITLE + "一、工作目标\n全镇学生国防知识普及率达到100%。\n\n二、教育内容\n（一）国防知识教育。\n（二）国防技能训练。\n\n" \
        "三、实施途径\n1. 课堂渗透。\n2. 专题讲座。\n"
    assert kinds(text) == [[("goals", "一、工作目标"), ("main_work", "二、教育内容"), ("measures", "三、实施途径")]]
    months = TITLE + "一、工作目标\n全镇学生国防知识普及率达到100%。\n\n二、宣传内容\n3月：国防知识讲座。\n9月：国防教育日宣传。\n"
    assert kinds(months)[0][1] == ("schedule", "二、宣传内容")


def test_a_mechanism_part_after_the_tasks_is_a_part_of_its_own() -> None:
    text = TITLE + "一、主要任务\n（一）抓好理论学习。\n（二）加强阵地管理。\n\n二、工作机制\n（一）定期研判机制。\n" \
        "（二）报告通报机制。\n\n三、监督检查\n将此项工作纳入年度考核。\n"
    assert kinds(text) == [[("main_work", "一、主要任务"), ("measures", "二、工作机制"), ("other", "三、监督检查")]]


# ---------------------------------------------------------------- titles


def test_site_praise_in_brackets_alone_is_a_title_add_on() -> None:
    for line in ("中学劳动教育实施方案（精选）", "学校工会工作计划【通用范文】", "社区工作计划(推荐)"):
        text = normalise(line).text
        a, b = title_core(text)
        assert not text[a:b].endswith((")", "】")), line
    # a note of the title's own stays in it
    text = normalise("学校工会工作计划（征求意见稿）").text
    assert title_core(text) == (0, len(text))


def test_the_articles_title_under_a_page_title_with_praise_titles_the_plan() -> None:
    text = "中学劳动教育实施方案（精选）\n发布时间：2026-03-08  浏览：3127次\n\n青石中学2026年劳动教育实施方案\n\n" \
        "一、总体要求\n坚持以学生发展为中心，引导学生树立正确的劳动观念。\n二、主要目标\n每名学生掌握两项生活技能。\n"
    doc = planparse.parse_text(text, tag=False)
    assert [p.title for p in doc.plans] == ["青石中学2026年劳动教育实施方案"]


# ---------------------------------------------------------------- the guiding paragraph


REVIEW = "2025年，在县委、县政府的坚强领导和市残联的精心指导下，县残联各项工作取得新成效，全年新增残疾人就业132人。"
LINE = "2026年全县残联工作的总体思路是：坚持以人民为中心的发展思想，推动残疾人事业高质量发展。"


def test_a_review_of_the_past_year_looks_back() -> None:
    lines = parse_structure(REVIEW + "\n\n" + LINE + "\n").lines
    assert [ln.looks_back for ln in lines] == [True, False]
    # two paragraphs of one year are no review and the year ahead
    same = parse_structure(LINE + "\n\n" + LINE.replace("总体思路是：", "重点是：") + "\n").lines
    assert not any(ln.looks_back for ln in same)
    assert parse_structure("一年来，在镇党委的领导下，我村各项工作稳步推进，村集体经济收入逐年增加。\n").lines[0].looks_back


def test_the_guiding_part_starts_after_the_review() -> None:
    text = "县残疾人联合会2026年工作计划\n\n" + REVIEW + "\n\n" + LINE + "\n\n一、保障基本民生\n落实两项补贴。\n" \
        "二、推进康复服务\n完成康复服务900人次。\n"
    doc = planparse.parse_text(text, tag=False)
    secs = doc.plans[0].sections
    assert [getattr(s.kind, "value", s.kind) for s in secs] == ["guiding_ideology", "main_work"]
    assert doc.text[secs[0].span[0] :].startswith("2026年全县残联工作的总体思路是")


def test_a_superiors_arrangement_is_the_basis_the_plan_follows() -> None:
    opening = "为增强学生国防观念，依据《中华人民共和国国防教育法》和县国防教育委员会年度工作安排，制定本计划。"
    text = "镇中学2026年国防教育工作计划\n\n" + opening + "\n\n一、工作目标\n使学生了解基本国防知识。\n"
    assert kinds(text)[0][0] == ("guiding_ideology", None)


# ---------------------------------------------------------------- a work verb before a cue in a run of work headings


def _run(middle: str, last: str = "三、做好宣传工作\n利用公众号宣传。\n") -> list[tuple[str, str | None]]:
    text = TITLE + "一、加强队伍建设\n调整充实领导小组。\n" + middle + "\n建立例会制度，定期通报。\n" + last
    return kinds(text)[0]


@pytest.mark.parametrize("heading", ["二、健全工作机制", "二、完善长效机制", "二、拓宽教育途径", "二、强化监督检查", "二、加强组织领导"])
def test_a_work_verb_before_a_cue_inside_a_run_is_a_work_heading_of_the_run(heading: str) -> None:
    assert _run(heading) == [("main_work", None)]


def test_a_cue_alone_or_first_inside_a_run_is_a_part() -> None:
    assert _run("二、工作机制")[1] == ("measures", "二、工作机制")


def test_a_work_verb_before_a_cue_after_the_run_keeps_its_kind() -> None:
    # the plan's last heading, or one right before another part: a part after the run, as safeguards follow the work
    assert _run("二、做好宣传工作", "三、强化监督检查\n纳入年度考核。\n")[-1] == ("other", "三、强化监督检查")
    assert _run("二、健全工作机制", "三、工作要求\n及时报送。\n") == [
        ("main_work", None), ("measures", "二、健全工作机制"), ("other", "三、工作要求")]



@pytest.mark.parametrize("first", ["一、健全工作机制", "一、强化组织领导", "一、完善长效机制"])
def test_a_work_verb_before_a_cue_first_in_a_run_opens_the_run(first: str) -> None:
    text = TITLE + first + "\n建立例会制度。\n二、做好宣传工作\n利用公众号宣传。\n三、开展志愿服务\n组织结对帮扶。\n"
    assert kinds(text)[0] == [("main_work", None)]


def test_a_work_verb_before_a_cue_first_after_the_guiding_part_opens_the_run() -> None:
    text = TITLE + "一、指导思想\n坚持以人民为中心，扎实推进各项工作。\n二、健全工作机制\n建立例会制度。\n三、做好宣传工作\n利用公众号宣传。\n"
    assert kinds(text)[0] == [("guiding_ideology", "一、指导思想"), ("main_work", None)]


def test_a_work_verb_before_a_cue_first_before_another_part_keeps_its_kind() -> None:
    # 一、加强组织领导 right before 二、工作目标: the plan's opening part, no run goes on after it
    text = TITLE + "一、加强组织领导\n由镇长任组长，分管领导具体负责。\n二、工作目标\n群众满意率达到95%。\n三、做好宣传工作\n利用公众号宣传。\n"
    assert kinds(text)[0][:2] == [("other", "一、加强组织领导"), ("goals", "二、工作目标")]


def test_a_work_verb_before_a_cue_after_a_safeguard_part_keeps_its_kind() -> None:
    # past the plan's opening parts (三、保障措施 came first): 四、加强组织领导 is a safeguard, not a run's first
    text = TITLE + "一、主要工作\n1.做好宣传。\n二、保障措施\n落实经费。\n三、加强组织领导\n由镇长任组长，分管领导具体负责。\n" \
        "四、做好总结工作\n年底总结。\n"
    assert kinds(text)[0][2] == ("other", "三、加强组织领导")


@pytest.mark.parametrize("heading", ["检查重点", "整治重点", "宣传重点", "工作重心"])
def test_a_fields_focus_heads_main_work(heading: str) -> None:
    text = TITLE + "一、指导思想\n坚持以人民为中心，扎实推进各项工作。\n二、" + heading + "\n（一）重点场所。\n（二）重点人群。\n"
    assert kinds(text)[0][1] == ("main_work", "二、" + heading)


@pytest.mark.parametrize("heading", ["工作纪律", "考核细则", "评价办法", "工作流程"])
def test_rules_assessment_and_procedure_head_other_parts(heading: str) -> None:
    text = TITLE + "一、指导思想\n坚持以人民为中心，扎实推进各项工作。\n二、主要工作\n1.做好宣传。\n三、" + heading + "\n（一）按月通报。\n"
    assert kinds(text)[0][2] == ("other", "三、" + heading)


@pytest.mark.parametrize("sentence", ["成立领导小组。", "落实保障措施。", "明确工作目标！"])
def test_a_line_ending_a_sentence_is_no_unnumbered_heading(sentence: str) -> None:
    # else 二、工作目标 and 三、做好宣传工作 after it pass for its items (item_under_unnumbered_heading)
    text = TITLE + "一、组织领导\n" + sentence + "\n由镇长任组长。\n二、工作目标\n群众满意率达到95%。\n三、主要工作\n1.做好宣传。\n"
    assert kinds(text)[0] == [("other", "一、组织领导"), ("goals", "二、工作目标"), ("main_work", "三、主要工作")]
