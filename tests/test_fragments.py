"""Stage tests for damaged and partial plan texts as scraped pages deliver them (corpus files 173–179):
page two of a plan, a table that lost its header row or its rows, a title broken over two lines,
lines holding only a year and a month.

Every text here is written for these tests.
"""

from __future__ import annotations

import planparse
from planparse.parse.month_labels import bare_dated_label, flat_table_header
from planparse.parse.schedule.layouts.table import _names_role


def parse(text: str) -> planparse.Document:
    return planparse.parse_text(text, tag=False)


def kinds(doc: planparse.Document) -> list[tuple[str, str | None]]:
    return [(getattr(s.kind, "value", s.kind), s.heading) for p in doc.plans for s in p.sections]


def rows(doc: planparse.Document) -> list[tuple[list[int], str, str | None]]:
    return [(list(e.months), e.activity, e.responsible) for p in doc.plans for e in p.schedule]


# ---------------------------------------------------------------- a table without its header row


def test_a_column_of_short_names_is_who_does_the_work() -> None:
    assert _names_role(["工会办公室", "工会主席", "工会办公室"]) == "responsible"  # a name repeated
    assert _names_role(["教务处", "各备课组长", "保健室"]) == "responsible"  # ending like units and roles
    assert _names_role(["全体教师", "全体教师", "全校学生"]) == "participants"
    assert _names_role(["学雷锋活动", "植树节宣传", "清明祭扫"]) is None  # activities: no names
    assert _names_role(["组织教职工健步走，增强体质", "工会主席", "工会主席"]) is None  # a sentence is no name


def test_barred_rows_without_a_header_keep_the_names_column_out_of_the_activity() -> None:
    doc = parse(
        "9月 | 新生入学教育 | 德育处\n"
        "| 行为规范达标检查 | 德育处\n"
        "10月 | 国庆主题班会 | 各班主任\n"
        "11月 | 秋季田径运动会 | 体育组\n"
    )
    assert kinds(doc) == [("schedule", None)]
    assert rows(doc) == [
        ([9], "新生入学教育", "德育处"),
        ([9], "行为规范达标检查", "德育处"),  # its month cell merged with the row above
        ([10], "国庆主题班会", "各班主任"),
        ([11], "秋季田径运动会", "体育组"),
    ]


def test_space_rows_without_a_header_end_in_their_units() -> None:
    doc = parse(
        "3月 开展植树护绿志愿活动 团支部\n"
        "4月 清明节网上祭英烈 团支部 少先队\n"
        "5月 五四青年节表彰大会 团委\n"
    )
    assert rows(doc) == [
        ([3], "开展植树护绿志愿活动", "团支部"),
        ([4], "清明节网上祭英烈", "团支部 少先队"),  # two units share the row's last column
        ([5], "五四青年节表彰大会", "团委"),
    ]


def test_rows_without_a_header_may_open_with_their_number_or_their_week_and_dates() -> None:
    numbered = parse(
        "1 | 3月 | 春季传染病防控培训 | 预防保健科\n"
        "2 | 3月 | 手卫生依从性抽查 | 院感科\n"
        "3 | 4月 | 急救技能全员考核 | 医务科\n"
    )
    assert kinds(numbered) == [("schedule", None)]  # 1 | 3月 is a month label behind its row's number
    assert rows(numbered) == [([3], "春季传染病防控培训", "预防保健科"), ([3], "手卫生依从性抽查", "院感科"),
                              ([4], "急救技能全员考核", "医务科")]
    weeks = parse(
        "第1周 | 2.17-2.21 | 开学安全大检查 | 总务处\n"
        "第2周 | 2.24-2.28 | 学雷锋活动启动 | 大队部\n"
        "第3周 | 3.3-3.7 | 三八节感恩教育 | 大队部\n"
    )
    assert rows(weeks) == [([2], "开学安全大检查", "总务处"), ([2], "学雷锋活动启动", "大队部"),
                           ([3], "三八节感恩教育", "大队部")]


def test_one_cell_a_line_without_a_header_makes_rows_of_one_length() -> None:
    doc = parse("3月\n植树护绿志愿服务\n团支部\n4月\n清明祭扫\n少先队大队部\n5月\n五四青年节表彰\n团委\n")
    assert rows(doc) == [([3], "植树护绿志愿服务", "团支部"), ([4], "清明祭扫", "少先队大队部"), ([5], "五四青年节表彰", "团委")]
    # a month list of two activities a month, the second recurring or opening with a verb: no names
    listed = parse("4月\n读书节启动\n主题班会\n5月\n劳动实践周\n主题班会\n6月\n期末复习\n成立兴趣小组\n")
    assert len(listed.plans[0].schedule) == 6


def test_barred_rows_of_two_activities_are_no_table_without_a_header() -> None:
    """No column of names: the rows' cells are all activities, as the month list reads them."""
    doc = parse(
        "3月 | 学雷锋志愿服务 | 植树节宣传\n"
        "4月 | 清明祭扫活动 | 春季运动会\n"
        "5月 | 劳动技能比赛 | 母亲节感恩活动\n"
    )
    assert [a for _, a, _ in rows(doc)] == ["学雷锋志愿服务", "植树节宣传", "清明祭扫活动", "春季运动会",
                                           "劳动技能比赛", "母亲节感恩活动"]
    assert all(e.responsible is None for e in doc.plans[0].schedule)


# ---------------------------------------------------------------- a table flattened into one line


def test_a_flattened_header_gives_the_rows_their_width() -> None:
    cells = ["月份", "活动内容", "负责人", "9月", "开学典礼", "德育处", "10月", "国庆汇演", "大队部"]
    assert flat_table_header(cells) == [("month",), ("activity",), ("responsible",)]
    # a row whose month is not where the header's width puts it: no such table
    assert flat_table_header(["月份", "活动内容", "负责人", "9月", "开学典礼", "10月", "国庆汇演", "大队部"]) is None
    assert flat_table_header(["月份", "活动内容", "9月", "开学典礼"]) is None  # one row: too little to count on


def test_a_table_flattened_into_one_line_heads_an_untitled_schedule() -> None:
    doc = parse(
        "2、做好班级文化建设。\n"
        "3、加强家校沟通，每学期召开两次家长会，及时反馈学生在校表现。\n"
        "时间 | 活动内容 | 负责人 | 9月 | 开学第一课 | 班主任 | 10月 | 国庆手抄报评比 | 宣传委员 | 11月 | 期中家长会 | 班主任\n"
    )
    assert kinds(doc) == [("main_work", None), ("schedule", None)]
    assert rows(doc) == [([9], "开学第一课", "班主任"), ([10], "国庆手抄报评比", "宣传委员"), ([11], "期中家长会", "班主任")]
    assert not any(item.months for item in doc.plans[0].walk_items())  # the table's months are no item's


# ---------------------------------------------------------------- 2025年3月 on a line of its own


def test_a_year_and_month_alone_reads_as_a_label_only_when_asked() -> None:
    lab = bare_dated_label("2025年3月")
    assert lab is not None and lab.months == [3] and lab.years == {3: 2025} and not lab.rest
    assert bare_dated_label("2025年3月15日") is None
    assert bare_dated_label("2025年3月：植树") is None  # a label of its own already


def test_year_month_lines_heading_work_are_month_labels() -> None:
    doc = parse(
        "四、活动安排\n"
        "2025年9月\n"
        "1、敬老院慰问演出。\n"
        "2025年10月\n"
        "重阳节登高活动\n"
        "\n"
        "滨江街道团工委\n"
        "2025年8月\n"
    )
    assert rows(doc) == [([9], "敬老院慰问演出", None), ([10], "重阳节登高活动", None)]
    assert [c.year for e in doc.plans[0].schedule for c in e.calendar] == [2025, 2025]


def test_a_lone_year_month_line_is_the_date_of_signing() -> None:
    doc = parse(
        "三、活动安排\n"
        "九月：开学安全教育。\n"
        "十月：消防疏散演练。\n"
        "滨江小学\n"
        "2025年8月\n"
    )
    assert rows(doc) == [([9], "开学安全教育", None), ([10], "消防疏散演练", None)]
    under_title = parse("滨江小学2025年安全工作计划\n2025年2月\n一、指导思想\n坚持安全第一、预防为主的方针。\n")
    assert kinds(under_title) == [("guiding_ideology", "一、指导思想")]


# ---------------------------------------------------------------- a title broken over two lines


def test_a_title_broken_over_two_lines_is_one_title() -> None:
    doc = parse("滨江实验小学2025年春季\n体育工作计划\n一、工作目标\n学生体质健康测试合格率达到95%。\n")
    plan = doc.plans[0]
    assert plan.title == "滨江实验小学2025年春季体育工作计划" and plan.year == 2025
    assert plan.title_span is not None and "\n" in doc.span_text(plan.title_span)
    assert plan.preamble == []


def test_a_letterhead_above_a_title_is_no_part_of_it() -> None:
    """The line above names the school alone, or the title line states its own year: two lines."""
    assert parse("滨江实验小学\n体育工作计划\n一、工作目标\n学生体质健康测试合格率达到95%。\n").plans[0].title == "体育工作计划"
    doc = parse("滨江实验小学2024年\n2025年春季体育工作计划\n一、工作目标\n学生体质健康测试合格率达到95%。\n")
    assert doc.plans[0].title == "2025年春季体育工作计划"


# ---------------------------------------------------------------- a text that begins mid-plan


def test_a_text_opening_mid_sentence_opens_an_untitled_part() -> None:
    doc = parse("的精神，结合社区实际，把为民服务落到实处。\n二、重点工作\n1、做好困难群众帮扶。\n")
    assert kinds(doc) == [("main_work", None), ("main_work", "二、重点工作")]
    assert doc.plans[0].preamble == []
    # going on into a month list: the rest of a month's activities, the schedule
    doc = parse("的体验活动。\n十一月：消防安全演练。\n十二月：元旦游园会。\n")
    assert kinds(doc)[0] == ("schedule", None)


def test_prose_before_a_part_numbered_past_the_first_opens_an_untitled_part() -> None:
    doc = parse("多数学生已能独立完成值日，但书写习惯仍需加强，个别学生上课注意力不集中。\n二、主要措施\n1、每天十分钟练字。\n")
    assert kinds(doc) == [("main_work", None), ("measures", "二、主要措施")]
    # under the plan's own title the paragraph is its introduction, as before
    titled = parse("三年级班主任工作计划\n多数学生已能独立完成值日，但书写习惯仍需加强，个别学生上课注意力不集中。\n"
                   "二、主要措施\n1、每天十分钟练字。\n")
    assert kinds(titled) == [("measures", "二、主要措施")]
