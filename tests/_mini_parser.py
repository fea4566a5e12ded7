"""A tiny stand-in parser for the tests of compare, diff and months.

It reads only the plain layout of corpus/diff (title line, 一、 headings, （一）
sub-headings, 1. items, "三月份：" month lines) and builds real Documents, so
these tests check the comparison code whatever state the real parser is in.
"""

from __future__ import annotations

import re

from planparse.models import Document, Item, Plan, ScheduleEntry, Section, SectionKind

_CN = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}
_KINDS = {"指导思想": SectionKind.GUIDING_IDEOLOGY, "工作目标": SectionKind.GOALS, "主要工作": SectionKind.MAIN_WORK,
          "月份工作安排": SectionKind.SCHEDULE, "措施": SectionKind.MEASURES}  # fmt: skip
_H1 = re.compile(r"^([一二三四五六七八九十]+)、(.*)$")
_H2 = re.compile(r"^（([一二三四五六七八九十]+)）(.*)$")
_IT = re.compile(r"^(\d+)\.(.*)$")
_MONTH = re.compile(r"^([一二三四五六七八九十]+)月份：$")


def mini_parse(text: str, source: str | None = None) -> Document:
    lines = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    end = len(text.rstrip("\n"))
    title = lines[0][1]
    year = int(m.group(1)) if (m := re.match(r"(\d{4})年", title)) else None
    plan = Plan(span=(0, end), title=title, title_span=(0, len(title)), year=year)
    month: int | None = None
    parent: Item | None = None
    for start, line in lines[1:]:
        if not line:
            continue
        stop = start + len(line)
        if m := _H1.match(line):
            kind = next((k for w, k in _KINDS.items() if w in m.group(2)), SectionKind.OTHER)
            if plan.sections:
                plan.sections[-1].span = (plan.sections[-1].span[0], start - 1)
            plan.sections.append(Section(kind=kind, heading=line, span=(start, end), heading_span=(start, stop)))
            parent = None
            month = None
        elif m := _MONTH.match(line):
            month = _CN[m.group(1)]
        elif m := _H2.match(line):
            parent = Item(span=(start, stop), marker=f"（{m.group(1)}）", marker_family="paren_cjk",
                          number=_CN[m.group(1)], level=0, text=m.group(2), body=m.group(2), is_heading=True)  # fmt: skip
            plan.sections[-1].items.append(parent)
        elif m := _IT.match(line):
            body = m.group(2)
            if month is not None:
                plan.schedule.append(ScheduleEntry(months=[month], activity=body.rstrip("。；;"), span=(start + len(m.group(1)) + 1, stop),
                                                   section_index=len(plan.sections) - 1, marker=f"{m.group(1)}."))  # fmt: skip
                continue
            item = Item(span=(start, stop), marker=f"{m.group(1)}.", marker_family="arabic_dot", number=int(m.group(1)),
                        level=1 if parent else 0, text=body, body=body)  # fmt: skip
            if parent is not None:
                parent.children.append(item)
                parent.span = (parent.span[0], stop)
            else:
                plan.sections[-1].items.append(item)
    return Document(source=source, text=text, plans=[plan])
