"""Stage tests for month-schedule forms read since corpus 258–264: dated lines with no colon,
tables laid across the months with cells joined by spaces, month ranges in items … Every text
here is written for these tests.
"""

from __future__ import annotations

import pytest

import planparse
from planparse.parse.month_labels import match_month_label, month_part_prefix

GUIDING = "以习近平新时代中国特色社会主义思想为指导，认真落实上级部署，扎实做好全年各项工作。"


def pairs(doc: planparse.Document) -> list[tuple[list[int], str]]:
    return [(list(e.months), e.activity.rstrip("。；")) for p in doc.plans for e in p.schedule]


# ---------------------------------------------------------------- dated lines with no colon


@pytest.mark.parametrize(
    ("line", "months", "rest"),
    [
        ("3月5日（周四）学雷锋志愿服务", [3], "学雷锋志愿服务"),
        ("9月10日（星期四）慰问退休教师", [9], "慰问退休教师"),
        ("9月1日—5日（第1周）开学准备", [9], "开学准备"),
        ("4月上旬 春季运动会", [4], "春季运动会"),
        ("10月中旬 重阳节敬老餐", [10], "重阳节敬老餐"),
        ("5月下旬—6月上旬 毕业季系列活动", [5, 6], "毕业季系列活动"),
        ("11月9日、23日 消防疏散演练", [11], "消防疏散演练"),
        ("3月28日、4月2日：春游", [3, 4], "春游"),
    ],
)
def test_a_weekday_bracket_or_a_space_closes_a_dated_label(line: str, months: list[int], rest: str) -> None:
    label = match_month_label(line)
    assert label is not None and label.months == months and label.rest == rest


@pytest.mark.parametrize("line", ["3月上旬召开全体职工大会", "3月5日（上午）召开会议", "3月5日（含）前完成"])
def test_running_text_after_a_date_is_no_label(line: str) -> None:
    # without a space or a colon the month is a date in a sentence; a bracket of another note
    # (上午, 含) does not close the date either
    assert match_month_label(line) is None


def test_a_part_of_the_month_before_a_space_opens_no_words_of_the_activity() -> None:
    assert month_part_prefix("上旬 春游") == len("上旬 ")
    assert month_part_prefix("上旬春游") == 0


def test_dated_lines_without_colons_are_a_month_list() -> None:
    text = (
        "一、指导思想\n" + GUIDING + "\n二、活动安排\n2月下旬 开学典礼\n3月5日（周四）学雷锋志愿服务\n"
        "4月上旬 春季运动会\n5月 劳动技能展示\n"
    )
    assert pairs(planparse.parse_text(text)) == [
        ([2], "开学典礼"),
        ([3], "学雷锋志愿服务"),
        ([4], "春季运动会"),
        ([5], "劳动技能展示"),
    ]


# ---------------------------------------------------------------- months across, cells joined by spaces


def test_a_space_joined_header_across_the_months_names_its_columns() -> None:
    from planparse.parse.month_labels import month_columns

    assert month_columns("项目 10月 11月 12月") == [(), (10,), (11,), (12,)]
    assert month_columns("类别    3月    4月") == [(), (3,), (4,)]
    assert month_columns("月份 活动内容 负责人") is None  # column names, no months: another table
    assert month_columns("10月 11月 12月") is None  # no corner cell naming the rows


def test_rows_of_a_space_joined_table_across_the_months() -> None:
    text = (
        "一、指导思想\n" + GUIDING + "\n二、活动安排\n项目 3月 4月\n班队活动 学雷锋主题班会 读书分享会\n"
        "年级活动 植树护绿 诗词大会 经典诵读\n负责人 大队部 教导处\n各班可结合实际调整。\n"
    )
    # the second row has a word more than the table has columns: nothing tells its months apart
    assert pairs(planparse.parse_text(text)) == [([3], "学雷锋主题班会"), ([4], "读书分享会")]


def test_wide_gaps_set_the_cells_of_a_table_across_the_months_apart() -> None:
    text = (
        "一、指导思想\n" + GUIDING + "\n二、活动安排\n类别    3月    4月    5月\n主题    文明礼仪月    读书月    劳动月\n"
        "班队活动    “学雷锋 树新风”主题班会    读书分享会    劳动技能比赛\n年级活动    植树护绿    诗词大会\n"
    )
    assert pairs(planparse.parse_text(text)) == [
        ([3], "“学雷锋 树新风”主题班会"),  # a space inside quotes is the name's own
        ([4], "读书分享会"),
        ([5], "劳动技能比赛"),
        ([3], "植树护绿"),
        ([4], "诗词大会"),  # the last month left empty
    ]


# ---------------------------------------------------------------- months an item mentions


@pytest.mark.parametrize(
    ("words", "months"),
    [
        ("3月至6月开展安全大检查", [3, 4, 5, 6]),
        ("3—6月完成", [3, 4, 5, 6]),
        ("三月到六月", [3, 4, 5, 6]),
        ("9月份到11月份", [9, 10, 11]),
        ("9月1日至11月30日集中整治", [9, 10, 11]),
        ("4月中旬至5月上旬", [4, 5]),
        ("11月—次年1月做好冬季防火", [1, 11, 12]),
        ("2025年9月至2026年1月", [1, 9, 10, 11, 12]),
        ("时限：3月25日前", [3]),
        ("3月、5月各一次", [3, 5]),
        ("七、八月份", [7, 8]),
        ("一月一次", []),  # once a month
        ("正月十五闹元宵", []),  # a lunar month
        ("2月到校报到", [2]),
    ],
)
def test_months_mentioned_in_running_text_span_their_ranges(words: str, months: list[int]) -> None:
    from planparse.parse.month_labels import mentioned_months

    assert mentioned_months(words) == months


def test_an_items_months_span_a_range() -> None:
    text = (
        "一、指导思想\n" + GUIDING + "\n二、主要工作\n（一）开展专项整治。3月至6月，对辖区企业开展安全大检查。\n"
        "（二）做好冬季防火。时限：11月—次年1月。\n"
    )
    items = [i for s in planparse.parse_text(text).plans[0].sections for i in s.walk_items()]
    assert [i.months for i in items] == [[3, 4, 5, 6], [1, 11, 12]]


# ---------------------------------------------------------------- a table's date ranges


@pytest.mark.parametrize(
    ("cell", "months"),
    [
        ("3月1日—5月31日", [3, 4, 5]),
        ("10.15-12.15", [10, 11, 12]),
        ("2月27日—3月3日", [2]),  # a calendar's week: its first date's month
        ("6月1日—6月30日", [6]),
        ("11月18日", [11]),
        ("开学初", None),
    ],
)
def test_a_date_cell_spans_the_months_of_a_long_range(cell: str, months: list[int] | None) -> None:
    from planparse.parse.month_labels import date_cell_months

    assert date_cell_months(cell) == months


def test_a_tables_date_range_puts_its_row_in_every_month_unless_the_table_has_weeks() -> None:
    ranged = "一、指导思想\n" + GUIDING + "\n二、活动安排\n序号 | 活动内容 | 起止时间 | 负责部门\n1 | 隐患大排查 | 3月1日—4月30日 | 安保处\n"
    assert pairs(planparse.parse_text(ranged)) == [([3, 4], "隐患大排查")]
    weekly = "一、指导思想\n" + GUIDING + "\n二、活动安排\n周次 | 日期 | 工作内容\n第4-5周 | 9.18-10.8 | 国庆放假\n"
    assert pairs(planparse.parse_text(weekly)) == [([9], "国庆放假")]  # a week row: its first date's month


# ---------------------------------------------------------------- numbered items led by their months


def test_a_number_counting_on_before_a_month_is_the_items_marker() -> None:
    text = (
        "一、指导思想\n" + GUIDING + "\n二、工作安排\n1、2月至3月组织春耕备耕。\n2、4月开展项目申报。\n"
        "3、5月中旬至6月上旬做好机收工作。\n4、全年做好农技服务。\n"
    )
    assert pairs(planparse.parse_text(text)) == [([2, 3], "组织春耕备耕"), ([4], "开展项目申报"), ([5, 6], "做好机收工作")]


def test_a_lone_pair_of_months_after_a_number_is_still_two_months() -> None:
    # no numbered line before or after counts on with the 1: 1、2月 is January and February
    text = "一、指导思想\n" + GUIDING + "\n二、活动安排\n12月：元旦文艺汇演\n1、2月：寒假社会实践\n3月：学雷锋活动\n"
    assert pairs(planparse.parse_text(text)) == [([12], "元旦文艺汇演"), ([1, 2], "寒假社会实践"), ([3], "学雷锋活动")]


def test_month_led_items_are_the_entries_of_a_schedule_part() -> None:
    text = (
        "一、指导思想\n" + GUIDING + "\n二、工作安排\n1、一月份举办迎新春联欢会。\n2、三月份开展健康讲座。\n"
        "3、四月份组织春季健步走。\n4、加强财务管理。\n"
    )
    doc = planparse.parse_text(text)
    assert [s.kind.value for s in doc.plans[0].sections] == ["guiding_ideology", "schedule"]
    assert pairs(doc) == [([1], "举办迎新春联欢会"), ([3], "开展健康讲座"), ([4], "组织春季健步走")]


def test_an_item_led_by_a_date_in_running_words() -> None:
    from planparse.parse.month_labels import leading_mention

    label = leading_mention("5月中旬至6月上旬做好机收工作")
    assert label is not None and label.months == [5, 6] and label.rest == "做好机收工作" and not label.closed
    assert leading_mention("加强5月的工作") is None  # only a month the words open with
    near = leading_mention("4月底前完成验收")  # words of nearness after the date are the label's
    assert near is not None and near.months == [4] and near.rest == "完成验收"


def test_the_next_work_item_above_numbered_months_ends_them() -> None:
    text = (
        "一、指导思想\n" + GUIDING + "\n二、主要工作\n（一）加强队伍建设\n1、定期开展培训。\n（二）开展主题活动\n"
        "1、三月：学雷锋主题队日。\n2、四月：清明祭英烈。\n3、六月：新队员入队仪式。\n（三）抓好阵地建设\n充分利用广播站宣传优秀事迹。\n"
    )
    assert pairs(planparse.parse_text(text)) == [([3], "学雷锋主题队日"), ([4], "清明祭英烈"), ([6], "新队员入队仪式")]


# ---------------------------------------------------------------- detail fields and records


def test_detail_fields_after_an_activity_give_its_months_and_are_no_part_of_it() -> None:
    text = (
        "一、指导思想\n" + GUIDING + "\n二、活动安排\n1.新春团拜会（时间：1月下旬；地点：活动中心）\n"
        "2.重阳节文艺汇演 时间：10月 负责：文体协会\n3.书画作品展（时间：5月—6月）\n4.年度评选表彰\n"
    )
    assert pairs(planparse.parse_text(text)) == [([1], "新春团拜会"), ([10], "重阳节文艺汇演"), ([5, 6], "书画作品展")]


def test_a_time_field_in_running_words_is_no_detail_run() -> None:
    from planparse.parse.schedule.layouts.month_trailed import _detail_run

    field, rest = _detail_run()
    line = "组织开展 时间：3月5日 要求全体党员参加学习"
    f = field.search(line)
    assert f is not None and rest.match(line, f.end()) is None  # words, no field, after the time


def test_records_opening_with_their_time_field() -> None:
    text = (
        "一、指导思想\n" + GUIDING + "\n二、活动安排\n时间：3月\n内容：妇女维权法律咨询\n负责人：李红\n"
        "时间：4月15日\n内容：国家安全教育日宣传\n负责人：王强\n"
    )
    assert pairs(planparse.parse_text(text)) == [([3], "妇女维权法律咨询"), ([4], "国家安全教育日宣传")]


def test_activities_numbered_above_their_month_labels_stay_the_months() -> None:
    # 1、 is shallower than the labels' （1） (it was the work items' family above), but it counts
    # on from no work item before the list: the month's activities, not the next work item
    text = (
        "一、指导思想\n" + GUIDING + "\n二、主要工作\n1、加强队伍建设\n（1）定期培训\n（2）规范管理\n三、活动安排\n"
        "（1）三月：\n1、学雷锋活动\n2、植树节活动\n（2）四月：\n1、清明祭扫\n"
    )
    assert pairs(planparse.parse_text(text)) == [([3], "学雷锋活动"), ([3], "植树节活动"), ([4], "清明祭扫")]


def test_records_whose_time_fields_name_no_month_are_no_schedule() -> None:
    text = (
        "一、指导思想\n" + GUIDING + "\n二、活动形式\n内容：读书分享会\n时间：每周五下午\n内容：好书推荐\n时间：每月最后一周\n"
        "三、工作要求\n各班认真组织。\n"
    )
    doc = planparse.parse_text(text)
    assert "schedule" not in [s.kind.value for s in doc.plans[0].sections] and not pairs(doc)


def test_a_dated_row_running_into_its_words_among_one_line_rows() -> None:
    text = (
        "一、指导思想\n" + GUIDING + "\n二、活动安排\n3月12日 植树节护绿\n4月初清明祭扫烈士墓\n5月中旬召开春季运动会\n"
        "6月1日 六一文艺汇演\n"
    )
    assert pairs(planparse.parse_text(text)) == [
        ([3], "植树节护绿"), ([4], "清明祭扫烈士墓"), ([5], "召开春季运动会"), ([6], "六一文艺汇演"),
    ]
