"""Focused rules of plan splitting, section kinds and schedules, each on a small inline plan.

Every plan text here is written for these tests.  The expectations follow
../shared/eval/GUIDE.md (the annotation rules), not the parser's output:

* an unnumbered 月工作计划 / 工会活动计划 line right above month labels heads the schedule
  (one plan, the schedule section starts at that line);
* months mentioned in main-work items (3月底前…, 今年5月…) are no schedule;
* numbering restarting at 一、基本情况 / 一、工作目标 after a schedule starts a new plan;
* a 相关推荐： list of links after the last plan is furniture;
* a numbered work-area part after the schedule (五、加强安全工作) is no section and gives no entries;
* sentences ending in counts (不少于3篇, 撰写教学随笔2篇) are content, not furniture;
* 二、主要工作目标 is goals, 三、具体工作与措施 main_work, 九月（适应月）： a month label whose note is
  no activity.
"""

from __future__ import annotations

from typing import Any

import pytest

import planparse

# ---------------------------------------------------------------- helpers


def parse(text: str) -> Any:
    return planparse.parse_text(text, tag=False)


def kinds(plan: Any) -> list[str]:
    return [getattr(s.kind, "value", s.kind) for s in plan.sections]


def entries(plan: Any) -> list[tuple[list[int], str]]:
    return [(list(e.months), e.activity.rstrip("。；;，, ")) for e in plan.schedule]


def section_at(plan: Any, kind: str) -> Any:
    found = [s for s in plan.sections if getattr(s.kind, "value", s.kind) == kind]
    assert len(found) == 1, f"{len(found)} {kind} sections: {kinds(plan)}"
    return found[0]


def in_furniture(doc: Any, start: int, end: int) -> bool:
    return any(f[0] <= start and end <= f[1] for f in doc.furniture)


def lines(*rows: str) -> str:
    return "\n\n".join(rows) + "\n"


GUIDING = "以新时代党的教育方针为指导，紧紧围绕学校中心工作，坚持服务师生的宗旨，切实履行各项职能，推动学校各项工作再上新台阶。"


# ---------------------------------------------------------------- unnumbered schedule headings


def _union_with(heading: str) -> str:
    return lines(
        "2025年桃源小学工会工作计划",
        "一、指导思想",
        GUIDING,
        "二、主要工作",
        "1、健全工会小组，定期召开工会委员会议。",
        "2、办好教职工之家，丰富教职工业余生活。",
        heading,
        "三月份：",
        "1、组织女教职工趣味运动会。",
        "四月份：",
        "1、召开教职工代表大会。",
        "五月份：",
        "1、评选优秀工会会员。",
    )


def test_month_plan_line_heads_the_schedule_in_one_plan() -> None:
    text = _union_with("月工作计划")
    doc = parse(text)
    assert len(doc.plans) == 1
    plan = doc.plans[0]
    assert plan.title == "2025年桃源小学工会工作计划"
    assert kinds(plan) == ["guiding_ideology", "main_work", "schedule"]
    sched = section_at(plan, "schedule")
    assert sched.span[0] == text.index("月工作计划")
    assert sched.heading == "月工作计划"
    assert entries(plan) == [([3], "组织女教职工趣味运动会"), ([4], "召开教职工代表大会"), ([5], "评选优秀工会会员")]


def test_union_activity_plan_line_heads_the_schedule_in_one_plan() -> None:
    text = _union_with("工会活动计划")
    doc = parse(text)
    assert len(doc.plans) == 1
    plan = doc.plans[0]
    assert kinds(plan) == ["guiding_ideology", "main_work", "schedule"]
    sched = section_at(plan, "schedule")
    assert sched.span[0] == text.index("工会活动计划")
    assert len(plan.schedule) == 3


def test_months_in_main_work_items_are_no_schedule() -> None:
    text = lines(
        "2025年桃源小学工会工作计划",
        "一、指导思想",
        GUIDING,
        "二、主要工作",
        "（一）完善工会组织，做好新教师入会工作。",
        "（二）3月底前完成各工会小组长的调整，年度经费预算同时提交教代会审议。",
        "（三）今年5月，组织全体教职工到市职工疗休养基地疗休养。",
        "（四）办好教工之家，延长活动室开放时间。",
        "三、工作要求",
        "各工会小组要按照本计划抓好落实，做到有布置、有检查、有总结。",
    )
    plan = parse(text).plans[0]
    assert kinds(plan) == ["guiding_ideology", "main_work", "other"]
    assert plan.schedule == []
    main = section_at(plan, "main_work")
    assert [it.number for it in main.items] == [1, 2, 3, 4]


def test_item_two_opening_with_a_march_deadline_stays_item_two() -> None:
    # 1、… 2、3月底前… 3、…: the 2、 is the item's number (numbers run 1, 2, 3), not 二、三月
    text = lines(
        "2025年桃源小学工会工作计划",
        "一、指导思想",
        GUIDING,
        "二、主要工作",
        "1、完善工会组织，做好新教师入会工作。",
        "2、3月底前完成教代会代表的增补选举。",
        "3、今年5月，组织教职工健康体检。",
    )
    plan = parse(text).plans[0]
    assert kinds(plan) == ["guiding_ideology", "main_work"]
    assert plan.schedule == []
    main = section_at(plan, "main_work")
    assert [(it.number, it.text[:6]) for it in main.items] == [
        (1, "完善工会组织"),
        (2, "3月底前完成"),
        (3, "今年5月，组"),
    ]


# ---------------------------------------------------------------- plans restarting after a schedule


def _first_plan() -> list[str]:
    return [
        "2024年青禾中学团委工作计划",
        "一、指导思想",
        GUIDING,
        "二、主要工作",
        "（一）加强团员教育，每月开展一次团课。",
        "（二）做好推优入党工作。",
        "三、活动安排",
        "三月：学雷锋志愿服务活动。",
        "五月：“五四”表彰大会。",
    ]


def test_restart_at_situation_after_a_schedule_starts_a_plan() -> None:
    text = lines(
        *_first_plan(),
        "一、基本情况",
        "本学期全校共有二十四个教学班，学生一千一百余人，寄宿生约占三分之一，学生课余生活较为单调。",
        "二、主要工作",
        "1.组建文学社、篮球社等学生社团。",
        "2.每周三下午开展社团活动。",
        "三、工作安排",
        "九月：社团招新。",
        "十二月：社团成果展示。",
    )
    doc = parse(text)
    assert len(doc.plans) == 2
    first, second = doc.plans
    assert kinds(first) == ["guiding_ideology", "main_work", "schedule"]
    assert entries(first) == [([3], "学雷锋志愿服务活动"), ([5], "“五四”表彰大会")]
    assert second.title is None
    assert kinds(second) == ["situation", "main_work", "schedule"]
    assert second.sections[0].span[0] == text.index("一、基本情况")
    assert entries(second) == [([9], "社团招新"), ([12], "社团成果展示")]


def test_restart_at_goals_after_a_schedule_starts_a_plan() -> None:
    text = lines(
        *_first_plan(),
        "一、工作目标",
        "1.学生社团参与率达到百分之八十。",
        "2.建成三个校级精品社团。",
        "二、主要工作",
        "1.每周三下午开展社团活动。",
        "三、工作安排",
        "十月：社团招新。",
        "十一月：社团活动展示。",
    )
    doc = parse(text)
    assert len(doc.plans) == 2
    second = doc.plans[1]
    assert kinds(second) == ["goals", "main_work", "schedule"]
    assert second.sections[0].span[0] == text.index("一、工作目标")
    assert entries(second) == [([10], "社团招新"), ([11], "社团活动展示")]


def test_related_links_after_the_last_plan_are_furniture() -> None:
    links = ["中学团委工作计划范文", "2025年学生会工作计划", "校园社团活动方案", "团支部年度工作总结"]
    text = lines(*_first_plan()) + "\n相关推荐：\n" + "\n".join(links) + "\n"
    doc = parse(text)
    assert len(doc.plans) == 1
    plan = doc.plans[0]
    assert kinds(plan) == ["guiding_ideology", "main_work", "schedule"]
    assert entries(plan) == [([3], "学雷锋志愿服务活动"), ([5], "“五四”表彰大会")]
    for link in ["相关推荐", *links]:
        at = text.index(link)
        assert in_furniture(doc, at, at + len(link)), f"{link!r} is not furniture"


# ---------------------------------------------------------------- a work-area part after the schedule


def test_work_area_part_after_the_schedule_is_no_section_and_no_schedule() -> None:
    text = lines(
        "2024年石门小学德育工作计划",
        "一、指导思想",
        GUIDING,
        "二、主要工作",
        "1.抓好学生行为习惯养成教育。",
        "2.加强班主任队伍建设。",
        "三、月份工作安排",
        "三月份：",
        "1.学雷锋主题班会。",
        "四月份：",
        "1.清明节祭扫烈士墓。",
        "四、加强安全工作",
        "1.每月组织一次应急疏散演练。",
        "2.放学时段安排教师在校门口值守。",
        "五、工作要求",
        "各班要结合实际认真落实本计划。",
    )
    plan = parse(text).plans[0]
    assert kinds(plan) == ["guiding_ideology", "main_work", "schedule", "other"]
    assert [s.heading for s in plan.sections][-1] == "五、工作要求"
    assert entries(plan) == [([3], "学雷锋主题班会"), ([4], "清明节祭扫烈士墓")]


# ---------------------------------------------------------------- counts at the end of a line


def test_count_endings_in_main_work_are_content_not_furniture() -> None:
    count_lines = ["每位教师每学期撰写教学反思不少于3篇。", "每学期听课不少于15节。", "撰写读书笔记不少于2篇"]
    text = lines(
        "2024年实验小学语文教研组工作计划",
        "一、指导思想",
        GUIDING,
        "二、主要工作",
        "（一）加强业务学习",
        *count_lines,
        "（二）开展课堂教学研究",
        "每位教师每学期上一节研讨课。",
    )
    doc = parse(text)
    assert len(doc.plans) == 1
    plan = doc.plans[0]
    assert kinds(plan) == ["guiding_ideology", "main_work"]
    main = section_at(plan, "main_work")
    for ln in count_lines:
        at = text.index(ln)
        assert not in_furniture(doc, at, at + len(ln)), f"{ln!r} taken for furniture"
        assert main.span[0] <= at and at + len(ln) <= main.span[1], f"{ln!r} outside the main-work section"
    assert [it.number for it in main.items] == [1, 2]


def test_unnumbered_activity_ending_in_a_count_is_an_entry() -> None:
    text = lines(
        "2024年实验小学语文教研组工作计划",
        "一、指导思想",
        GUIDING,
        "二、月份工作安排",
        "九月：",
        "制定教研组计划",
        "撰写教学随笔2篇",
        "十月：",
        "撰写教学随笔2篇",
        "青年教师汇报课",
    )
    plan = parse(text).plans[0]
    assert kinds(plan) == ["guiding_ideology", "schedule"]
    assert sorted(entries(plan)) == sorted(
        [([9], "制定教研组计划"), ([9], "撰写教学随笔2篇"), ([10], "撰写教学随笔2篇"), ([10], "青年教师汇报课")]
    )


def test_page_header_counted_in_pian_is_still_furniture() -> None:
    header = "语文教研组工作计划(精选3篇)"
    text = (
        header
        + "\n\n"
        + lines(
            "语文教研组工作计划篇一",
            "一、指导思想",
            GUIDING,
            "二、主要工作",
            "1.每学期撰写教学反思不少于3篇。",
        )
    )
    doc = parse(text)
    assert len(doc.plans) == 1
    assert in_furniture(doc, 0, len(header))
    assert kinds(doc.plans[0]) == ["guiding_ideology", "main_work"]


def test_analysis_meeting_under_a_month_is_an_activity() -> None:
    # 期中质量分析会 is an activity of 十一月, not a 情况分析 heading
    text = lines(
        "2024年实验小学数学教研组工作计划",
        "一、指导思想",
        GUIDING,
        "二、月份工作安排",
        "十月：",
        "青年教师汇报课",
        "十一月：",
        "期中质量分析会",
        "开展说题比赛",
    )
    plan = parse(text).plans[0]
    assert kinds(plan) == ["guiding_ideology", "schedule"]
    assert entries(plan) == [([10], "青年教师汇报课"), ([11], "期中质量分析会"), ([11], "开展说题比赛")]


# ---------------------------------------------------------------- kindergarten headings and month notes


def _kindergarten() -> str:
    return lines(
        "2024年晨光幼儿园保教工作计划",
        "一、指导思想",
        "以《3-6岁儿童学习与发展指南》为指导，坚持以游戏为基本活动，促进幼儿身心全面和谐发展。",
        "二、主要工作目标：",
        "1.新生一个月内适应幼儿园生活。",
        "2.幼儿体检合格率达到百分之百。",
        "三、具体工作与措施",
        "（一）抓好一日常规",
        "1.各班每周进行一次常规检查。",
        "（二）密切家园联系",
        "1.每学期召开两次家长会。",
        "四、各月工作安排",
        "九月（适应月）：",
        "1.新生入园适应工作。",
        "2.召开新学期家长会。",
        "十月（常规月）：",
        "1.班级常规评比。",
    )


def test_kindergarten_goals_and_specific_work_headings() -> None:
    text = _kindergarten()
    plan = parse(text).plans[0]
    assert kinds(plan) == ["guiding_ideology", "goals", "main_work", "schedule"]
    goals = section_at(plan, "goals")
    assert goals.heading == "二、主要工作目标："
    assert goals.span[0] == text.index("二、主要工作目标")
    assert section_at(plan, "main_work").heading == "三、具体工作与措施"
    assert section_at(plan, "schedule").heading == "四、各月工作安排"


def test_month_label_note_is_no_activity() -> None:
    plan = parse(_kindergarten()).plans[0]
    assert entries(plan) == [([9], "新生入园适应工作"), ([9], "召开新学期家长会"), ([10], "班级常规评比")]
    for e in plan.schedule:
        assert "适应月" not in e.activity and "常规月" not in e.activity


def _paginated(*after_header: str) -> str:
    title = "南岭中学2025年团委工作计划"
    return lines(
        title,
        "一、指导思想",
        GUIDING,
        "二、主要工作",
        "1、开展团员先进性教育。",
        "2、做好新团员发展工作。",
        title + "（2）",
        *after_header,
    )


def test_title_again_with_a_page_number_mid_list_is_a_page_header() -> None:
    text = _paginated("3、组织五四青年节表彰。", "4、组织团干部培训。")
    doc = parse(text)
    assert len(doc.plans) == 1
    header = text.index("南岭中学2025年团委工作计划（2）")
    assert in_furniture(doc, header, header + len("南岭中学2025年团委工作计划（2）"))
    work = doc.plans[0].sections[1]
    assert [i.number for i in work.items] == [1, 2, 3, 4]


def test_title_again_over_a_plan_of_its_own_starts_a_plan() -> None:
    # the words after the title open a plan (its guiding heading), not a page's next words
    doc = parse(_paginated("一、指导思想", GUIDING, "二、主要工作", "1、组织团干部培训。"))
    assert len(doc.plans) == 2
    assert [len(p.sections) for p in doc.plans] == [2, 2]


def test_readers_comments_without_a_heading_are_furniture() -> None:
    comment = "三月份的活动可以再多一些，支持！"
    text = lines(
        "南岭中学2025年团委工作计划",
        "admin 2025-02-10 09:30",
        GUIDING,
        "二、月份安排",
        "三月：开展学雷锋志愿服务。",
        "四月：组织清明祭扫。",
        "团团粉 2025-02-18 15:06",
        comment,
        "回复 点赞(5)",
    )
    doc = parse(text)
    assert [(e.months, e.activity) for e in doc.plans[0].schedule] == [([3], "开展学雷锋志愿服务"), ([4], "组织清明祭扫")]
    at = text.index(comment)
    assert in_furniture(doc, at, at + len(comment))
    # the page's own stamp under the title has no actions under it: it opens no box
    stamp = text.index("admin")
    assert in_furniture(doc, stamp, stamp + len("admin 2025-02-10 09:30"))
    assert not in_furniture(doc, text.index(GUIDING), text.index(GUIDING) + len(GUIDING))


@pytest.mark.parametrize(
    "furniture_line",
    ["关注微信公众号，获取更多范文", "免费下载本文档", "阅读(1234)", "TAG标签：工作计划", "本站所有文章均来自网络",
     "热门搜索：工作计划 总结", "上传时间：2025-02-20", "附件下载：德育工作计划.doc", "(来源：学校办公室)", "字数：2356"],
)
def test_site_prompts_after_the_schedule_are_furniture_not_entries(furniture_line: str) -> None:
    text = lines("南岭中学2025年团委工作计划", "一、指导思想", GUIDING, "二、月份安排",
                 "三月：开展学雷锋志愿服务。", "四月：组织清明祭扫。", furniture_line)
    doc = parse(text)
    assert [e.activity for e in doc.plans[0].schedule] == ["开展学雷锋志愿服务", "组织清明祭扫"]
    at = text.index(furniture_line)
    assert in_furniture(doc, at, at + len(furniture_line))


@pytest.mark.parametrize("bullet", ["●", ""])
def test_unnumbered_activities_ending_with_their_months_are_entries(bullet: str) -> None:
    text = lines("南岭中学2025年团委工作计划", "一、指导思想", GUIDING, "二、活动安排",
                 f"{bullet}开展学雷锋志愿服务活动（3月）", f"{bullet}组织清明祭扫（时间：4月上旬）", f"{bullet}五四青年节表彰大会（5月）")
    doc = parse(text)
    assert [(e.months, e.activity) for e in doc.plans[0].schedule] == [
        ([3], "开展学雷锋志愿服务活动"), ([4], "组织清明祭扫"), ([5], "五四青年节表彰大会")]
