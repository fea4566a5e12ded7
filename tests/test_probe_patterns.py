"""Stage tests for page patterns found by probing plan types new to the corpus (files 85–91).

Every text here is written for these tests.
"""

from __future__ import annotations

import planparse
from planparse.parse.month_labels import match_month_label
from planparse.parse.normalise import normalise

GUIDING = "以习近平新时代中国特色社会主义思想为指导，认真落实上级部署，扎实做好本学期各项工作。"


def label(s: str):
    return match_month_label(normalise(s).text)


def kinds(doc: planparse.Document) -> list[tuple[str, str | None]]:
    return [(getattr(s.kind, "value", s.kind), s.heading) for p in doc.plans for s in p.sections]


def pairs(doc: planparse.Document) -> list[tuple[list[int], str]]:
    return [(list(e.months), e.activity.rstrip("。；")) for p in doc.plans for e in p.schedule]


# ---------------------------------------------------------------- week runs


def test_a_run_of_weeks_labels_its_row_like_one_week() -> None:
    lab = label("第3-4周（3.11—3.24）：团支部工作手册检查")
    assert lab is not None and lab.week and lab.months == [3]
    assert lab.rest.startswith("(3.11")
    lab2 = label("第二周至第三周 9.8—9.21 校园安全隐患排查")
    assert lab2 is not None and lab2.week and lab2.months == [9]
    assert lab2.rest.startswith("9.8")


def test_week_run_rows_give_their_activity_without_the_label() -> None:
    text = (
        "一、指导思想\n" + GUIDING + "\n二、工作进度安排\n"
        "第1周（2.26—3.3）：召开学生干部会议\n第2-3周（3.4—3.17）：团支部材料检查\n"
        "第4周（3.18—3.24）：清明节网上祭英烈活动\n"
    )
    assert pairs(planparse.parse_text(text)) == [
        ([2], "召开学生干部会议"),
        ([3], "团支部材料检查"),
        ([3], "清明节网上祭英烈活动"),
    ]


# ---------------------------------------------------------------- week calendars and signatures


def test_a_heading_naming_a_week_calendar_over_a_week_table_is_a_schedule() -> None:
    text = (
        "XX小学2023年秋季安全工作计划\n\n一、指导思想\n" + GUIDING + "\n\n二、安全工作周历\n周次 日期 工作内容\n"
        "第一周 9.1—9.3 开学安全教育第一课\n第二周 9.4—9.10 校园安全隐患排查\n第三周 9.11—9.17 消防疏散演练\n\n"
        "三、工作要求\n1.各部门按周落实。\n2.发现隐患立即上报。\n"
    )
    got = kinds(planparse.parse_text(text))
    assert got == [("guiding_ideology", "一、指导思想"), ("schedule", "二、安全工作周历"), ("other", "三、工作要求")]


def test_a_signature_holding_a_cue_word_opens_no_section() -> None:
    text = (
        "XX中学安全工作计划\n\n一、指导思想\n" + GUIDING + "\n\n二、工作要求\n1.各部门按周落实。\n2.发现隐患立即上报。\n\n"
        "XX中学安全工作领导小组\n2023年8月28日\n"
    )
    assert kinds(planparse.parse_text(text)) == [("guiding_ideology", "一、指导思想"), ("other", "二、工作要求")]


# ---------------------------------------------------------------- headings of activity and study plans


def test_a_verb_right_before_its_cue_noun_makes_a_heading_not_an_activity() -> None:
    text = (
        "XX支部2024年学习计划\n\n" + GUIDING + "\n\n一、学习目标\n通过学习，进一步坚定理想信念，提高政治站位和履职能力。\n\n"
        "二、学习形式\n1.集中学习。\n2.个人自学。\n\n三、有关要求\n1.按时参加学习。\n"
    )
    assert kinds(planparse.parse_text(text)) == [
        ("guiding_ideology", None),
        ("goals", "一、学习目标"),
        ("other", "二、学习形式"),
        ("other", "三、有关要求"),
    ]


def test_the_parts_of_an_activity_plan_are_headed_sections() -> None:
    text = (
        "XX公司2024年读书月活动方案\n\n为营造书香企业氛围，按照集团公司关于开展读书月活动的通知要求，结合公司实际，制定本方案。\n\n"
        "一、活动主题\n书香润心 阅读致远\n\n二、活动时间\n2024年4月1日至4月30日\n\n"
        "三、活动内容\n1.开展好书推荐活动。\n2.举办读书分享会。\n"
    )
    assert kinds(planparse.parse_text(text)) == [
        ("guiding_ideology", None),
        ("other", "一、活动主题"),
        ("other", "二、活动时间"),
        ("main_work", "三、活动内容"),
    ]


# ---------------------------------------------------------------- phases with their dates


def test_a_phase_with_its_dates_in_brackets_labels_the_months_they_span() -> None:
    lab = label("宣传发动阶段（5月27日—6月5日）")
    assert lab is not None and lab.months == [5, 6] and lab.rest == "" and lab.theme == "宣传发动阶段"
    lab2 = label("第二阶段：集中整治（6月6日—25日）：开展隐患排查")
    assert lab2 is not None and lab2.months == [6] and lab2.rest == "开展隐患排查"
    assert label("这一阶段（主要是）打基础") is None


def test_a_lecture_is_a_phase_only_with_its_ordinal() -> None:
    lab = label("第一讲（9月15日）：好习惯成就好人生")
    assert lab is not None and lab.months == [9] and lab.rest == "好习惯成就好人生"
    assert label("家长学校第3讲（11月17日）：合理使用电子产品") is not None
    # an activity whose words end in 讲 (宣讲, 开讲) with its date: an activity, no label
    assert label("学雷锋志愿服务宣讲（3月5日）：邀请老党员讲雷锋故事") is None
    assert label("红色故事开讲（4月）：各中队推荐一名讲解员") is None


def test_phase_items_are_entries_of_the_phase_months() -> None:
    text = (
        "XX公司2024年安全生产月活动方案\n\n一、指导思想\n" + GUIDING + "\n\n二、活动安排\n"
        "（一）宣传发动阶段（5月27日—6月5日）\n1.召开活动动员会。\n2.悬挂宣传横幅。\n"
        "（二）集中开展阶段（6月6日—6月25日）\n1.开展隐患大排查。\n"
    )
    assert pairs(planparse.parse_text(text)) == [
        ([5, 6], "召开活动动员会"),
        ([5, 6], "悬挂宣传横幅"),
        ([6], "开展隐患大排查"),
    ]


# ---------------------------------------------------------------- details of a month


def test_a_field_line_under_a_month_is_a_detail_not_an_activity() -> None:
    text = (
        "XX支部2024年学习计划\n\n一、指导思想\n" + GUIDING + "\n\n二、学习内容安排\n"
        "1月份\n（1）学习中央经济工作会议精神；\n（2）学习党纪处分条例。\n学习形式：集中学习\n"
        "2月份\n（1）学习党章。\n负责人：支部书记\n3月份\n（1）观看警示教育片。\n"
    )
    assert pairs(planparse.parse_text(text)) == [
        ([1], "学习中央经济工作会议精神"),
        ([1], "学习党纪处分条例"),
        ([2], "学习党章"),
        ([3], "观看警示教育片"),
    ]


# ---------------------------------------------------------------- titles of web pages (files 92 on)


def test_the_page_title_above_its_metadata_yields_to_the_fuller_article_title() -> None:
    text = (
        "首页 > 工作计划 > 学校工作计划\n小学总务处工作计划\n发布时间：2023-08-28  浏览次数：512\n\n"
        "XX区实验小学2023年秋季总务处工作计划\n\n一、指导思想\n" + GUIDING + "\n二、主要工作\n1.做好开学准备。\n"
    )
    doc = planparse.parse_text(text)
    assert [(p.title, p.year) for p in doc.plans] == [("XX区实验小学2023年秋季总务处工作计划", 2023)]


def test_a_repeated_or_different_second_title_keeps_the_first() -> None:
    same = "小学总务处工作计划\n发布时间：2023-08-28\n小学总务处工作计划\n\n一、指导思想\n" + GUIDING + "\n"
    other = "小学总务处工作计划\n发布时间：2023-08-28\n小学德育工作计划\n\n一、指导思想\n" + GUIDING + "\n"
    assert [p.title for p in planparse.parse_text(same).plans] == ["小学总务处工作计划"]
    assert [p.title for p in planparse.parse_text(other).plans][0] == "小学总务处工作计划"


# ---------------------------------------------------------------- a note after a list of one-line rows


def test_a_note_after_one_line_week_rows_is_no_entry_of_the_last_week() -> None:
    rows = "第一周（9.1—9.7）：开学安全检查\n第二周（9.8—9.14）：食品安全检查\n第三周（9.15—9.21）：疏散演练\n"
    text = "一、指导思想\n" + GUIDING + "\n\n二、安全工作周历\n" + rows + "\n各部门要按周落实，做好记录。\n"
    assert pairs(planparse.parse_text(text)) == [([9], "开学安全检查"), ([9], "食品安全检查"), ([9], "疏散演练")]
    # without the blank line, or with lines under the labels, the line is the last week's
    close = "一、指导思想\n" + GUIDING + "\n\n二、安全工作周历\n" + rows + "各部门要按周落实，做好记录。\n"
    assert pairs(planparse.parse_text(close))[-1] == ([9], "各部门要按周落实，做好记录")


def test_a_note_after_a_space_joined_table_joins_no_row() -> None:
    text = (
        "一、指导思想\n" + GUIDING + "\n\n二、工作安排\n月份 工作内容 负责部门\n"
        "九月 开学安全检查 总务处\n十月 食品安全检查 后勤处\n十一月 疏散演练 政教处\n\n各部门要按月落实，做好记录。\n"
    )
    doc = planparse.parse_text(text)
    assert pairs(doc) == [([9], "开学安全检查"), ([10], "食品安全检查"), ([11], "疏散演练")]
    assert [e.responsible for e in doc.plans[0].schedule][-1] == "政教处"


# ---------------------------------------------------------------- parts of months


def test_parts_of_months_named_together_or_as_a_run_still_label_the_month() -> None:
    for text, months, rest in [
        ("4月上、中旬：期中复习研讨", [4], "期中复习研讨"),
        ("3月中旬至下旬：组内公开课", [3], "组内公开课"),
        ("5月下旬—6月上旬：中考复习研讨会", [5, 6], "中考复习研讨会"),
        ("12月下旬至1月上旬：期末复习", [1, 12], "期末复习"),
    ]:
        lab = label(text)
        assert lab is not None and lab.months == months and lab.rest == rest, text
    assert label("5月下旬—6月上旬召开中考复习研讨会") is None  # no colon: a date in running text


def test_a_part_range_label_after_numbered_items_starts_its_months() -> None:
    text = (
        "一、指导思想\n" + GUIDING + "\n二、教研活动安排\n5月：\n1.英语手抄报评比\n2.青年教师优质课评选\n"
        "5月下旬—6月上旬：九年级中考复习研讨会\n"
    )
    assert pairs(planparse.parse_text(text)) == [
        ([5], "英语手抄报评比"), ([5], "青年教师优质课评选"), ([5, 6], "九年级中考复习研讨会"),
    ]


# ---------------------------------------------------------------- lectures of a series


def test_a_dated_lecture_labels_its_month_and_its_speaker_is_a_detail() -> None:
    lab = label("第二讲（10月20日）：如何与孩子沟通")
    assert lab is not None and lab.months == [10] and lab.rest == "如何与孩子沟通"
    text = (
        "一、指导思想\n" + GUIDING + "\n二、授课安排\n第一讲（9月15日）：好习惯成就好人生\n主讲人：王校长\n"
        "第二讲（10月20日）：如何与孩子沟通\n主讲人：李老师\n"
    )
    assert pairs(planparse.parse_text(text)) == [([9], "好习惯成就好人生"), ([10], "如何与孩子沟通")]


def test_a_row_opening_with_its_date_is_labelled_by_the_dates_month() -> None:
    lab = label("2026年4月15日：全民国家安全教育日宣传")
    assert lab is not None and lab.months == [4] and lab.years == {4: 2026} and lab.rest == "全民国家安全教育日宣传"
    for row, month in (("6月26日前后：国际禁毒日宣传", 6), ("6月底前：青年职工技能比武", 6), ("5月前：完成资料上报", 5)):
        lab = label(row)
        assert lab is not None and lab.months == [month] and lab.rest == row.split("：", 1)[1]
    # without the colon the words of nearness make a date in running text, no label
    for prose in ("3月前完成资料上报", "3月中旬以前完成", "6月底，组织青年职工", "4月15日，学校召开"):
        assert label(prose) is None
    assert label("2026年2月20日") is None  # a signature's date


def test_a_barred_header_row_may_hold_columns_no_word_names() -> None:
    from planparse.parse.vocab import month_vocab

    mv = month_vocab()
    roles = mv.header_roles(["月份", "工作项目", "经费预算", "责任人"], barred=True)
    assert roles == [("month",), ("activity",), (), ("responsible",)]
    # without bars (cells split at spaces) every cell must name a column: a sentence is no header
    assert mv.header_roles(["月份", "工作项目", "经费预算", "责任人"], barred=False) is None
    # the named cells must give a period and an activity, and the unknown ones stay a minority
    assert mv.header_roles(["经费预算", "工作项目", "责任人"], barred=True) is None
    assert mv.header_roles(["月份", "工作项目", "经费", "预算", "说明人"], barred=True) is None


def test_a_word_saying_what_the_label_heads_is_part_of_it() -> None:
    lab = label("一月份工作：召开职工代表大会")
    assert lab is not None and lab.months == [1] and lab.rest == "召开职工代表大会"
    lab = label("七、八月份工作安排：送清凉慰问")
    assert lab is not None and lab.months == [7, 8] and lab.rest == "送清凉慰问"
    # a focus word names the month's theme, as on a line of its own (月重点：…): not swallowed here
    lab = label("三月份工作重点：安全教育")
    assert lab is not None and lab.rest.startswith("工作重点")
    assert label("三月工作") is not None and label("三月工作").rest == ""
