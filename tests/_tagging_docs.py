"""Hand-made Documents for the tagging, tables and export tests (no parser needed)."""

from __future__ import annotations

from planparse.models import CalendarMonth, Document, Item, Plan, ScheduleEntry, Section, SectionKind

PLAN_TEXT = """2023年红星小学工会工作计划
一、指导思想
以党的精神为指导，维护教职工合法权益，建设模范职工之家。
二、主要工作
（一）推进民主管理
1.坚持教职工代表大会制度，做好校务公开工作。
2.征求教职工的合理化建议。
（二）关心教职工生活
1.开展送温暖活动，走访慰问困难职工。
三、月份工作安排
三月份：庆祝“三·八”妇女节，慰问女教工。
七、八月份：组织会员体检。
九月份：开展师徒结对活动，推进青蓝工程。
十月份：教师趣味运动会。
十二月份：工会工作总结，档案资料整理归档。
红星小学工会
"""


def span_of(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    i = text.index(needle, start)
    return (i, i + len(needle))


def _item(text: str, marker: str, family: str, number: int, level: int, own: str, children: list[Item] | None = None) -> Item:
    line_start = text.index(marker + own)
    return Item(
        span=(line_start, line_start + len(marker + own)),
        marker=marker,
        marker_family=family,
        number=number,
        level=level,
        text=own,
        body=own,
        children=children or [],
    )


def _entry(text: str, label: str, activity: str, months: list[int], year: int | None = 2023) -> ScheduleEntry:
    start = text.index(activity, text.index(label))
    return ScheduleEntry(
        months=months,
        activity=activity.rstrip("。"),
        span=(start, start + len(activity.rstrip("。"))),
        month_label=label,
        calendar=[CalendarMonth(year=year, month=m) for m in months],
        section_index=2,
    )


def make_doc(source: str | None = "plans/red_star.txt") -> Document:
    """One plan: three sections, nested items, five schedule entries (one spanning 七、八月)."""
    t = PLAN_TEXT
    items_a = [
        _item(t, "1.", "arabic_dot", 1, 1, "坚持教职工代表大会制度，做好校务公开工作。"),
        _item(t, "2.", "arabic_dot", 2, 1, "征求教职工的合理化建议。"),
    ]
    head_a = _item(t, "（一）", "paren_cjk", 1, 0, "推进民主管理", items_a)
    head_a.is_heading = True
    items_b = [_item(t, "1.", "arabic_dot", 1, 1, "开展送温暖活动，走访慰问困难职工。")]
    head_b = _item(t, "（二）", "paren_cjk", 2, 0, "关心教职工生活", items_b)
    head_b.is_heading = True
    s1 = span_of(t, "一、指导思想")
    s2 = span_of(t, "二、主要工作")
    s3 = span_of(t, "三、月份工作安排")
    sections = [
        Section(kind=SectionKind.GUIDING_IDEOLOGY, heading="一、指导思想", span=(s1[0], s2[0]), heading_span=s1),
        Section(kind=SectionKind.MAIN_WORK, heading="二、主要工作", span=(s2[0], s3[0]), heading_span=s2, items=[head_a, head_b]),
        Section(kind=SectionKind.SCHEDULE, heading="三、月份工作安排", span=(s3[0], len(t)), heading_span=s3),
    ]
    schedule = [
        _entry(t, "三月份：", "庆祝“三·八”妇女节，慰问女教工。", [3]),
        _entry(t, "七、八月份：", "组织会员体检。", [7, 8]),
        _entry(t, "九月份：", "开展师徒结对活动，推进青蓝工程。", [9]),
        _entry(t, "十月份：", "教师趣味运动会。", [10], year=None),
        _entry(t, "十二月份：", "工会工作总结，档案资料整理归档。", [12]),
    ]
    title = "2023年红星小学工会工作计划"
    plan = Plan(
        span=(0, len(t)),
        title=title,
        title_span=(0, len(title)),
        year=2023,
        sections=sections,
        schedule=schedule,
    )
    return Document(source=source, text=t, plans=[plan])
