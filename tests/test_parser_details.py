"""Parser details met in real plans that the stage and corpus tests do not pin down elsewhere."""

from __future__ import annotations

import planparse
from planparse.parse.markers import match_marker
from planparse.parse.month_labels import match_month_label
from planparse.parse.normalise import normalise


def _plan(text: str) -> planparse.Plan:
    doc = planparse.parse_text(text, tag=False)
    assert len(doc.plans) == 1, [p.title for p in doc.plans]
    return doc.plans[0]


def test_one_character_dotted_numbers_are_items() -> None:
    mk = match_marker("⒉开展读书活动")
    assert mk is not None and (mk.family, mk.number) == ("arabic", 2)


def test_a_digit_may_follow_the_enumeration_comma() -> None:
    mk = match_marker("2、3月底前完成换届选举")
    assert mk is not None and mk.number == 2
    assert match_marker("1.5万元用于慰问") is None


def test_a_digit_may_follow_the_dot_after_a_space() -> None:
    # a number has no space after its dot: "2. 15名青年教师…" is item 2, "1.5万元" stays a number
    mk = match_marker("2. 15名青年教师参加区级培训")
    assert mk is not None and mk.number == 2 and mk.end == 3
    assert match_marker("2.15名青年教师参加区级培训") is None


def test_numbered_note_after_a_month_is_no_theme() -> None:
    label = match_month_label("二月份：（1）走访慰问（2）制定计划")
    assert label is not None and label.theme is None and label.rest.startswith("（1）")


def test_schedule_ends_at_a_sibling_of_its_heading() -> None:
    plan = _plan(
        "2023年学校工会工作计划\n一、指导思想\n以服务教职工为宗旨，团结全体教职工。\n"
        "二、月份工作安排\n三月：庆祝三八节\n四月：春季运动会\n"
        "三、加强安全工作\n1、开展消防演练\n2、检查校园设施\n"
    )
    assert [(e.months, e.activity) for e in plan.schedule] == [([3], "庆祝三八节"), ([4], "春季运动会")]


def test_title_like_line_over_months_heads_the_schedule() -> None:
    plan = _plan(
        "2023年学校工会工作计划\n一、指导思想\n以服务教职工为宗旨，团结全体教职工。\n"
        "二、主要工作\n1、加强民主管理，开好教代会，推进校务公开工作。\n2、关心教职工生活，做好送温暖工作。\n"
        "月工作计划\n二月：制定计划\n三月：三八节活动\n"
    )
    kinds = [(s.kind.value, s.heading) for s in plan.sections]
    assert kinds == [("guiding_ideology", "一、指导思想"), ("main_work", "二、主要工作"), ("schedule", "月工作计划")]


def test_html_left_in_text_keeps_offsets() -> None:
    text = "<p>一、指导思想</p><p>以服务为宗旨&nbsp;团结教职工。</p>"
    wt = normalise(text)
    assert len(wt.text) == len(text) and "<" not in wt.text and "&" not in wt.text
    plan = _plan(text)
    start = plan.sections[0].span[0]
    assert text[start:].startswith("一、指导思想")


def test_tight_paren_markers_after_a_label_split_into_entries() -> None:
    plan = _plan(
        "2023年学校工会工作计划\n一、活动安排\n二月份：（1）开学慰问（2）制定计划\n三月份：①庆祝三八节②植树活动\n"
        "备注：活动如有调整另行通知。\nXX小学工会\n2023年2月\n"
    )
    assert [(e.months, e.activity) for e in plan.schedule] == [
        ([2], "开学慰问"),
        ([2], "制定计划"),
        ([3], "庆祝三八节"),
        ([3], "植树活动"),
    ]


def test_unnumbered_headings_hold_their_numbered_items() -> None:
    plan = _plan(
        "学校工会工作计划\n指导思想\n以服务教职工为宗旨，团结带领全体教职工为学校发展建功立业，建设职工之家。\n"
        "工作目标\n一、教代会提案办理率达到百分之百，确保每一件提案都有回音有落实。\n"
        "二、教职工参加文体活动的比例达到九成以上，身心更加健康。\n"
        "主要工作\n一、加强民主管理\n二、关心教职工生活\n工作安排\n二月：制定计划\n三月：三八节活动\n"
    )
    assert [(s.kind.value, s.heading) for s in plan.sections] == [
        ("guiding_ideology", "指导思想"),
        ("goals", "工作目标"),
        ("main_work", "主要工作"),
        ("schedule", "工作安排"),
    ]
    assert [len(s.items) for s in plan.sections[:3]] == [0, 2, 2]


def test_a_hard_wrapped_numbered_activity_is_one_entry() -> None:
    plan = _plan(
        "2023年学校工会工作计划\n一、活动安排\n二月份：\n"
        "1、召开工会委员会议，讨论制定本学期工会工作计划，明确各\n项工作任务和责任人\n"
        "2、开展新学期教职工慰问活动。\n三月份：\n帮困送温暖工作\n办理教职工的各类保险\n"
    )
    assert [(e.months, e.activity) for e in plan.schedule] == [
        ([2], "召开工会委员会议，讨论制定本学期工会工作计划，明确各项工作任务和责任人"),
        ([2], "开展新学期教职工慰问活动"),
        ([3], "帮困送温暖工作"),
        ([3], "办理教职工的各类保险"),
    ]
    first = plan.schedule[0]
    assert first.span[1] > first.span[0] + len("召开工会委员会议，讨论制定本学期工会工作计划，明确各")


def test_tab_separated_table_pasted_from_word() -> None:
    plan = _plan(
        "2023年学校工会工作计划\n一、指导思想\t以服务教职工为宗旨，团结全体教职工。\n二、活动安排\n"
        "月份\t主要活动\t负责人\n二月\t制定计划；召开委员会\t王老师\n三月\t三八节活动\t李老师\n四月\t春游\t张老师\n"
    )
    assert [(s.kind.value, s.heading) for s in plan.sections] == [
        ("guiding_ideology", "一、指导思想"),
        ("schedule", "二、活动安排"),
    ]
    assert [(e.months, e.activity) for e in plan.schedule] == [
        ([2], "制定计划"),
        ([2], "召开委员会"),
        ([3], "三八节活动"),
        ([4], "春游"),
    ]


def test_a_list_of_numbers_after_a_colon_is_no_item() -> None:
    plan = _plan(
        "2023年医院工会女工工作计划\n一、健全女工组织，规范女职工工作制度\n"
        "1、定期召开女工工作会议，每半年一次，布置工作任务。\n时限：1、4季度\n"
        "2、完善女职工档案，及时更新女工信息。\n"
    )
    numbers = [(i.level, i.number) for i in plan.walk_items()]
    assert numbers == [(0, 1), (1, 1), (1, 2)]


def test_a_page_introduction_in_prose_is_no_plan() -> None:
    text = (
        "工会工作计划（通用3篇）\n"
        "时间流逝得如此之快，前方等待着我们的是新的机遇和挑战，是时候开始写计划了，这样可以让工作更有条理。\n"
        "工会工作计划篇一\n一、指导思想\n以服务教职工为宗旨。\n二、主要工作\n1、开好教代会。\n"
    )
    doc = planparse.parse_text(text, tag=False)
    assert [p.title for p in doc.plans] == ["工会工作计划篇一"]
    intro = text.index("时间流逝")
    assert any(s <= intro < e for s, e in doc.unassigned)


def test_numbering_restarting_at_goals_after_a_closing_starts_a_plan() -> None:
    text = (
        "学校工会工作计划\n一、工作目标\n提高教职工素质，建设职工之家。\n二、主要工作\n1、开好教代会，推进校务公开。\n"
        "2、关心教职工生活，做好送温暖。\n总之，我们将继续努力，把工会工作做得更好。\n"
        "一、工作目标\n做好女工工作，维护女职工权益。\n二、主要措施\n1、健全女工组织。\n"
    )
    doc = planparse.parse_text(text, tag=False)
    assert [[s.kind.value for s in p.sections] for p in doc.plans] == [["goals", "main_work"], ["goals", "measures"]]


def test_month_labels_run_together_with_the_last_activity() -> None:
    plan = _plan(
        "2023年学校工会工作计划\n一、指导思想\n以服务教职工为宗旨，团结全体教职工为学校发展贡献力量。\n二、活动安排\n"
        "活动安排:二月:1、制定工会工作计划2、召开工会小组会三月:1、开展三八节庆祝活动。2、学雷锋活动。"
        "十二月:1、工会工作总结\n"
    )
    assert [(e.months, e.activity) for e in plan.schedule] == [
        ([2], "制定工会工作计划"),
        ([2], "召开工会小组会"),
        ([3], "开展三八节庆祝活动"),
        ([3], "学雷锋活动"),
        ([12], "工会工作总结"),
    ]


def test_an_activity_cut_by_a_page_number_reads_whole() -> None:
    body = "，".join(["全体教职工认真学习工会法和教师法并结合实际撰写心得体会"] * 6)
    text = (
        "1、学校工会工作计划 一、指导思想 以服务教职工为宗旨，" + body + "。 二、活动安排 二月: 1、制定计划 2、组\n"
        "2、织教师参加全区教职工乒乓球赛 三月: 1、庆祝三八节。" + body + "\n"
        "3、" + body + "。 四月: 1、春游\n"
    )
    doc = planparse.parse_text(text, tag=False)
    acts = [e.activity for p in doc.plans for e in p.schedule]
    assert "组织教师参加全区教职工乒乓球赛" in acts
    entry = next(e for p in doc.plans for e in p.schedule if e.activity.startswith("组织"))
    assert text[entry.span[0] : entry.span[1]] == "组\n2、织教师参加全区教职工乒乓球赛"


def test_a_tagging_failure_keeps_the_structure(monkeypatch) -> None:
    import planparse.analysis.tagging

    def broken(doc, codebook=None):
        raise RuntimeError("boom")

    monkeypatch.setattr(planparse.analysis.tagging, "tag_document", broken)
    doc = planparse.parse_text("2023年学校工会工作计划\n一、指导思想\n以服务为宗旨。\n二、活动安排\n三月：三八节活动\n", tag=True)
    assert [e.activity for e in doc.plans[0].schedule] == ["三八节活动"]
    assert doc.warnings and "tagging failed" in doc.warnings[0]


def test_a_heading_joining_two_parts_is_named_by_the_first() -> None:
    from planparse.parse.features import find_cue

    assert find_cue("指导思想及工作目标")[0] == "guiding_ideology"
    assert find_cue("工作目标和主要措施")[0] == "goals"
    assert find_cue("工作思路和措施")[0] == "main_work"  # a cue of its own (CONTRACT.md)
    assert find_cue("主要工作目标")[0] == "goals"  # one compound: its head noun is last


def test_one_very_long_line_is_cut_at_its_run_on_items() -> None:
    # a page pasted as one line with no spaces: items 1 … 99 run on after one another, 40 times over
    # under numbered headings (the windows around each candidate keep this linear, not quadratic)
    parts = []
    for h in range(1, 41):
        parts.append(f"第{h}部分 学习安排：" + "".join(f"{n}、组织教职工学习第{n}项内容；" for n in range(1, 100)))
    text = "学校工会工作计划\n" + "".join(parts)
    doc = planparse.parse_text(text, tag=False)
    items = [i for p in doc.plans for i in p.walk_items() if i.marker_family == "arabic"]
    assert len(items) == 40 * 99
    assert [i.number for i in items[:3]] == [1, 2, 3] and items[-1].text.startswith("组织教职工学习第99项内容")


def test_a_pinyin_gloss_is_no_part_of_a_title_or_an_activity() -> None:
    """社區(qū): a site's pinyin gloss after a traditional character is cut from the words, kept in the text."""
    import planparse

    text = "社區(qū)2024年工作計劃\n一、活動安排\n三月份：\n1、清掃社區(qū)環境。\n四月份：\n1、舉辦鄰里節。\n"
    doc = planparse.parse_text(text, tag=False)
    plan = doc.plans[0]
    assert plan.title == "社區2024年工作計劃"
    assert plan.title_span is not None and "(qū)" in doc.text[slice(*plan.title_span)]
    assert [e.activity for e in plan.schedule] == ["清掃社區環境", "舉辦鄰里節"]
    assert doc.text == text


def test_a_quarter_label_may_restate_its_months_in_brackets() -> None:
    label = match_month_label("第二季度（4-6月）：举办技能培训班；开展助残日活动")
    assert label is not None and label.months == [4, 5, 6]
    assert label.rest == "举办技能培训班；开展助残日活动"


def test_a_bare_cue_line_after_the_last_month_is_the_next_unnumbered_part() -> None:
    # a Word paste with no blank lines whose parts are headed by bare lines: 工作要求 after the
    # month list is the next part, not an activity of 十二月份
    plan = _plan(
        "社区关工委工作计划\n工作目标\n建立健全社区关工委组织。\n活动安排\n十月份 国庆主题教育活动\n"
        "十一月份 青少年心理健康讲座\n十二月份 年度工作总结表彰\n工作要求\n各社区要明确专人负责，确保活动落到实处。\n"
    )
    assert [s.heading for s in plan.sections] == ["工作目标", "活动安排", "工作要求"]
    assert [e.activity for e in plan.schedule] == ["国庆主题教育活动", "青少年心理健康讲座", "年度工作总结表彰"]


def test_once_a_month_is_no_month_mention() -> None:
    """一月一主题 / 一月一次 say how often, not January; 一月一日 and 三月份 are months."""
    doc = planparse.parse_text("二、主要工作\n1、开展一月一主题习惯养成教育，一月一次评比。\n2、一月一日前完成登记，三月份开展检查。\n", tag=False)
    first, second = doc.plans[0].sections[0].items
    assert first.months == []
    assert second.months == [1, 3]


def test_a_dash_is_the_label_colon_before_numeral_words_and_markers() -> None:
    # 二月——四则运算: 四 opens the month's words, no month of a range (三月——五月 stays one)
    for line, rest in [("二月——四则运算", "四则运算"), ("五月——五四青年表彰大会", "五四青年表彰大会"),
                       ("三月——1.学雷锋；2.植树", "1.学雷锋；2.植树"), ("十二月——元旦文艺汇演", "元旦文艺汇演")]:  # fmt: skip
        label = match_month_label(line)
        assert label is not None and label.rest == rest, line
    label = match_month_label("三月——五月：春季运动会")
    assert label is not None and label.months == [3, 4, 5]
    label = match_month_label("十二月——元月：寒假安全教育")
    assert label is not None and label.months == [1, 12]


def test_a_list_runs_on_after_a_label_in_brackets_or_with_a_dash() -> None:
    for label in ["【三月】", "三月——", "三月："]:
        plan = _plan(f"2025年工作计划\n一、月份安排\n二月：开学典礼\n{label}（1）植树（2）学雷锋\n{label.replace('三', '四')}1.春游；2.诵读\n")
        assert [(e.months, e.activity) for e in plan.schedule] == [
            ([2], "开学典礼"), ([3], "植树"), ([3], "学雷锋"), ([4], "春游"), ([4], "诵读")], label


def test_breadcrumbs_title_a_page_by_their_last_crumb_unless_a_category() -> None:
    fragment = "（三）开展主题教育\n1.结合传统节日开展主题班会，每月一次。\n2.组织学生参观本地革命纪念馆。\n"
    assert _plan("首页 > 工作计划 > 学校工作计划\n" + fragment).title is None
    plan = _plan("首页 > 工作计划 > 2025年育英小学德育工作计划\n" + fragment)
    assert (plan.title, plan.year) == ("2025年育英小学德育工作计划", 2025)


def test_a_closing_date_whose_zero_is_a_letter_signs_the_plan() -> None:
    # 二O二五年二月 (the letter O for 〇) right under the last row, no blank line between: a signature
    plan = _plan("2025年工作计划\n一、月份安排\n三月：植树节活动\n四月：春季运动会\n育才小学\n二O二五年二月\n")
    assert [(e.months, e.activity) for e in plan.schedule] == [([3], "植树节活动"), ([4], "春季运动会")]
