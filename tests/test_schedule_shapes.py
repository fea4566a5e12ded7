"""Stage tests for month schedules written as prose, as records of fields and as item lists,
across plan types (corpus 213–219). Every text here is written for these tests.
"""

from __future__ import annotations

import planparse

GUIDING = "以习近平新时代中国特色社会主义思想为指导，认真落实上级部署，扎实做好全年各项工作。"


def pairs(doc: planparse.Document) -> list[tuple[list[int], str]]:
    return [(list(e.months), e.activity.rstrip("。；")) for p in doc.plans for e in p.schedule]


# ---------------------------------------------------------------- sub-items of a month's activity


def test_sub_items_of_a_months_numbered_activity_are_no_entries() -> None:
    text = (
        "一、指导思想\n" + GUIDING + "\n二、月份安排\n九月：\n1.开学工作\n(1)新生报到注册\n(2)教室布置，\n清洁卫生\n"
        "2.教师节慰问\n十月：\n(1)国庆升旗仪式\n(2)秋游\n"
    )
    assert pairs(planparse.parse_text(text)) == [
        ([9], "开学工作"),
        ([9], "教师节慰问"),
        ([10], "国庆升旗仪式"),  # under its own month the (1)(2) family is the month's activities
        ([10], "秋游"),
    ]


def test_a_numbered_month_label_keeps_its_items_as_entries() -> None:
    text = "一、指导思想\n" + GUIDING + "\n二、月份安排\n1.三月份：\n(1)植树活动\n(2)学雷锋\n2.四月份：\n(1)春游\n"
    assert pairs(planparse.parse_text(text)) == [([3], "植树活动"), ([3], "学雷锋"), ([4], "春游")]


# ---------------------------------------------------------------- a phrase announcing the month's list


def test_a_phrase_announcing_the_months_list_is_part_of_its_label() -> None:
    from planparse.parse.month_labels import match_month_label

    lab = match_month_label("3月份主要做好以下工作：开展春季大扫除")
    assert lab is not None and lab.months == [3] and lab.rest == "开展春季大扫除"
    lab = match_month_label("十月份工作安排如下：")
    assert lab is not None and lab.months == [10] and not lab.rest
    # a clause with its comma is a sentence of the month's work, no announcing phrase
    lab = match_month_label("5月：按照上级要求，做好以下工作：迎检")
    assert lab is not None and lab.rest.startswith("按照上级要求")


def test_the_announcing_phrase_is_no_activity_on_the_label_line_or_over_lines() -> None:
    text = (
        "一、指导思想\n" + GUIDING + "\n二、月份安排\n3月份主要做好以下工作：开展读者调查；更新图书。\n"
        "4月份重点开展以下活动：\n组织读书日活动\n开展图书漂流\n"
    )
    assert pairs(planparse.parse_text(text)) == [
        ([3], "开展读者调查"), ([3], "更新图书"), ([4], "组织读书日活动"), ([4], "开展图书漂流"),
    ]


# ---------------------------------------------------------------- notes and details in a month's line


def test_a_note_or_detail_chunk_in_a_months_line_is_no_activity() -> None:
    text = (
        "一、指导思想\n" + GUIDING + "\n二、月份安排\n三月：学雷锋志愿服务；植树护绿。（注：各中队自定时间）\n"
        "四月：清明祭扫。备注：五年级参加\n五月：\n入队仪式\n时间：5月30日\n地点：操场\n"
    )
    assert pairs(planparse.parse_text(text)) == [
        ([3], "学雷锋志愿服务"), ([3], "植树护绿"), ([4], "清明祭扫"), ([5], "入队仪式"),
    ]


# ---------------------------------------------------------------- records of fields


def test_records_with_bracketed_field_names_give_one_entry_each() -> None:
    text = (
        "一、指导思想\n" + GUIDING + "\n二、活动安排\n【活动名称】科普进社区\n【活动时间】5月下旬\n【活动内容】科普展板巡展。\n"
        "【活动名称】科普日\n【活动时间】9月\n"
    )
    assert pairs(planparse.parse_text(text)) == [([5], "科普进社区"), ([9], "科普日")]


def test_a_projects_record_takes_its_months_from_its_implementation_time() -> None:
    text = (
        "一、工作目标\n完成新产品研发。\n二、项目时间安排\n项目名称：样机研制\n实施时间：2025年3月—4月\n责任人：张工\n"
        "项目名称：可靠性测试\n实施时间：2025年6月\n"
    )
    assert pairs(planparse.parse_text(text)) == [([3, 4], "样机研制"), ([6], "可靠性测试")]


def test_numbered_activities_each_with_a_time_field_under_them_are_records() -> None:
    text = (
        "一、工作目标\n全年开展志愿服务。\n二、活动安排\n1.学雷锋志愿服务\n时间：3月5日\n地点：社区广场\n"
        "2.清明文明祭扫宣传\n(1)发放倡议书\n(2)设立咨询点\n时间：4月初\n3.防溺水宣传\n参加人员：网格员\n时间：6月中旬\n"
    )
    doc = planparse.parse_text(text)
    assert pairs(doc) == [([3], "学雷锋志愿服务"), ([4], "清明文明祭扫宣传"), ([6], "防溺水宣传")]
    ex = planparse.explain_text(text)
    assert {d.rule for d in ex.decisions if d.what == "entry"} == {"field_records"}


# ---------------------------------------------------------------- months trailing the activity


def test_an_activitys_month_after_a_dash_or_as_a_closing_time_field_is_its_label() -> None:
    text = (
        "一、工作思路\n围绕中心工作开展活动。\n二、活动安排\n1.义诊进社区（3月）\n2.青年节表彰大会——5月\n"
        "3.岗位能手评选，时间：6月。\n4.岗前培训——7月—8月\n"
    )
    assert pairs(planparse.parse_text(text)) == [
        ([3], "义诊进社区"), ([5], "青年节表彰大会"), ([6], "岗位能手评选"), ([7, 8], "岗前培训"),
    ]


def test_a_dash_before_words_that_name_no_period_leaves_the_line_no_label() -> None:
    from planparse.parse.schedule.layouts.month_trailed import _trail

    m = _trail().search("开展学雷锋活动——弘扬雷锋精神")
    assert m is not None and m.group("dashed") == "弘扬雷锋精神"  # read, and then no months (cell_label)
    assert _trail().search("开展健步走 3—4月") is None  # the dash after a numeral joins a range


def test_a_heading_ending_in_a_period_noun_over_dated_records_is_a_schedule() -> None:
    text = (
        "XX公司研发部2025年工作计划\n一、工作目标\n完成新产品研发。\n二、重点项目安排\n项目名称：样机研制\n"
        "实施时间：2025年3月—4月\n责任人：张工\n项目名称：可靠性测试\n实施时间：2025年6月\n三、保障措施\n加强协调。\n"
    )
    doc = planparse.parse_text(text)
    assert [(getattr(s.kind, "value", s.kind), s.heading) for s in doc.plans[0].sections] == [
        ("goals", "一、工作目标"), ("schedule", "二、重点项目安排"), ("measures", "三、保障措施"),
    ]
    assert pairs(doc) == [([3, 4], "样机研制"), ([6], "可靠性测试")]


# ---------------------------------------------------------------- a sentence broken after a comma


def test_a_months_line_broken_after_a_comma_runs_on_in_the_next_line() -> None:
    text = (
        "一、指导思想\n" + GUIDING + "\n二、月份安排\n三月份：召开质量分析会。开展技能比武，评选能手并给予表彰，\n"
        "择优推荐参加市级比赛\n四月份：\n病历质量检查；\n护理查房\n"
    )
    assert pairs(planparse.parse_text(text)) == [
        ([3], "召开质量分析会"), ([3], "开展技能比武，评选能手并给予表彰，择优推荐参加市级比赛"),
        ([4], "病历质量检查"), ([4], "护理查房"),
    ]


# ---------------------------------------------------------------- several months in one paragraph


def test_months_in_a_row_in_one_paragraph_led_by_a_word_or_set_apart_by_a_space() -> None:
    text = (
        "一、工作目标\n全年举办少儿阅读活动。\n二、活动安排\n在3月，举办绘本共读；在4月，组织亲子诵读。\n"
        "6月份 举办暑期阅读启动仪式；7月份 开展阅读打卡。\n"
    )
    assert pairs(planparse.parse_text(text)) == [
        ([3], "举办绘本共读"), ([4], "组织亲子诵读"), ([6], "举办暑期阅读启动仪式"), ([7], "开展阅读打卡"),
    ]


def test_a_month_inside_a_sentence_of_a_paragraph_stays_in_it() -> None:
    from planparse.parse.lines import _run_on_cuts

    line = "6月份 举办启动仪式；7月份的打卡活动另行通知。"
    assert _run_on_cuts(line, 0, len(line)) == []  # 7月份的…: no label set apart as the first was
    line = "在3月，举办共读；在4月底前完成上报。"
    assert _run_on_cuts(line, 0, len(line)) == []


def test_a_records_fields_may_be_numbered_under_its_numbered_name() -> None:
    text = (
        "一、活动目标\n普及家庭教育知识。\n二、活动安排\n（一）书香家庭评选\n1.活动时间：4月\n2.活动对象：全市家庭\n"
        "（二）公益讲座\n1.活动地点：活动中心\n2.活动时间：5月15日\n"
    )
    assert pairs(planparse.parse_text(text)) == [([4], "书香家庭评选"), ([5], "公益讲座")]


# ---------------------------------------------------------------- a name given to the month


def test_a_name_given_to_the_month_before_a_colon_is_its_theme() -> None:
    from planparse.parse.month_labels import match_month_label

    lab = match_month_label("9月·开学季：新生入园适应；教师节庆祝")
    assert lab is not None and lab.months == [9] and lab.theme == "开学季" and lab.rest.startswith("新生入园")
    lab = match_month_label("十月 国庆 感恩月：国庆主题绘画")
    assert lab is not None and lab.theme == "国庆 感恩月" and lab.rest == "国庆主题绘画"
    # an activity's words before a colon end in no word of a stretch of time: they stay the activity's
    lab = match_month_label("3月 召开职代会：审议工作报告")
    assert lab is not None and lab.theme is None and lab.rest.startswith("召开职代会")


def test_the_months_name_on_its_label_line_leaves_only_activities() -> None:
    text = "一、指导思想\n" + GUIDING + "\n二、每月工作安排\n9月·开学季：新生入园适应；教师节庆祝活动\n十月 国庆 感恩月：重阳节敬老活动\n"
    assert pairs(planparse.parse_text(text)) == [([9], "新生入园适应"), ([9], "教师节庆祝活动"), ([10], "重阳节敬老活动")]


def test_a_counted_name_field_before_a_trailing_period_is_no_part_of_the_activity() -> None:
    text = (
        "一、活动目的\n推动全民阅读。\n二、活动安排\n活动一：读书沙龙（4月）\n活动二：绘本剧展演（6月1日）\n"
        "活动三：经典诵读（9月下旬）\n"
    )
    assert pairs(planparse.parse_text(text)) == [([4], "读书沙龙"), ([6], "绘本剧展演"), ([9], "经典诵读")]


def test_a_months_name_alone_after_its_label_over_its_work_is_its_theme() -> None:
    text = (
        "一、指导思想\n" + GUIDING + "\n二、每月活动\n五月份 劳动教育月\n开展劳动小能手评比\n"
        "六月份 毕业季\n1.毕业典礼\n七月份 暑期生活\n"
    )
    assert pairs(planparse.parse_text(text)) == [
        ([5], "开展劳动小能手评比"), ([6], "毕业典礼"), ([7], "暑期生活"),  # a month's only words are its activity
    ]


def test_a_records_time_field_spans_every_month_of_its_range() -> None:
    text = (
        "一、工作目标\n完成体系建设。\n二、项目时间安排\n项目名称：体系内审\n实施时间：2025年9月至11月\n"
        "项目名称：客户回访\n实施时间：3月1日—5月31日\n项目名称：年度总结\n实施时间：12月、次年1月\n"
    )
    assert pairs(planparse.parse_text(text)) == [([9, 10, 11], "体系内审"), ([3, 4, 5], "客户回访"), ([1, 12], "年度总结")]


def test_a_short_row_of_a_headerless_table_with_more_cells_than_columns_left_is_read_not_a_crash() -> None:
    # columns from the rows' shapes (index | month | activity | responsible); the last row opens with
    # no period and holds three cells: moved past the period columns it would reach a fifth column
    # (found by scripts/fuzz.py: IndexError in table.extract)
    rows = ["1 | 三月 | 植树节活动 | 少先队", "2 | 四月 | 读书节启动仪式 | 教务处", "3 | 五月 | 红五月歌咏比赛 | 音乐组",
            "4 | 六月 | 庆六一文艺汇演 | 大队部", "期末工作总结 | 各班 | 六月底"]
    text = ("XX小学2025年少先队工作计划\n一、指导思想\n以红领巾奖章争章活动为抓手，培养少先队员良好习惯。\n二、活动安排\n"
            + "\n".join(rows) + "\n")
    doc = planparse.parse_text(text, tag=False)
    entries = [(e.months, e.activity, e.responsible) for e in doc.plans[0].schedule]
    assert entries[:4] == [([3], "植树节活动", "少先队"), ([4], "读书节启动仪式", "教务处"),
                           ([5], "红五月歌咏比赛", "音乐组"), ([6], "庆六一文艺汇演", "大队部")]
    assert [a for _, a, _ in entries[4:]] == ["期末工作总结"]
