"""Stage 4: split a page into plans.

A new plan starts at
- a separator line (篇一, 【篇2】, 第一篇 …), which is also its title;
- a title line once the current plan has content (a repeated title, or another plan's);
- a 指导思想 heading once the current plan already has headed parts or numbered work
  (numbering restarting at 一、 with a new guiding part);
- an opening paragraph that sets the guiding line, after the current plan's
  schedule or numbered work, when a new list starts right after it.
A stretch that holds no content (a page header, a title before furniture) is no plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planparse.parse.classify import Line
from planparse.parse.vocab import plan_vocab

_CONTENT_MIN_CHARS = 20
_OUTER = {"cjk", "part", "ordinal"}
_OPENING_KINDS = {"goals", "situation"}
# what makes an opening paragraph guiding, beyond its first words
_GUIDING_LINE = re.compile(r"为指导|为指南|为指针|统领|贯彻.{0,30}精神|为主线|指导思想")


@dataclass
class PlanLines:
    lines: list[Line] = field(default_factory=list)
    title: Line | None = None
    title_lead: Line | None = None  # "XX计划" standing just before a bare "【篇一】": the title's first part

    def has_content(self) -> bool:
        body = [ln for ln in self.lines if not ln.furniture and ln is not self.title]
        return sum(len(ln.text) for ln in body) >= _CONTENT_MIN_CHARS and any(
            ln.marker or ln.month or len(ln.text) >= _CONTENT_MIN_CHARS for ln in body
        )


@dataclass
class _State:
    headed: int = 0  # section headings seen (marked cue headings)
    guiding: bool = False
    months: int = 0  # month labels seen
    schedule: bool = False
    top_family: str | None = None
    top_items: int = 0
    content: bool = False
    closed: bool = False  # a closing paragraph (总之……) has been met


def _next_content(lines: list[Line], i: int) -> Line | None:
    for j in range(i + 1, len(lines)):  # by index: a slice would copy the rest of the page each time
        if not lines[j].furniture:
            return lines[j]
    return None


def _heads_a_month_list(lines: list[Line], i: int) -> bool:
    nxt = _next_content(lines, i)
    return nxt is not None and (nxt.month is not None or nxt.table_header)


def _title_lead(cur: PlanLines, sep: Line) -> Line | None:
    """The title line right before a bare separator (小学德育工作计划 / 【篇一】), if there is one."""
    if len(sep.text) > 8 or not cur.lines:
        return None
    last = cur.lines[-1]
    return last if last.title_like and not last.separator else None


def split_plans(lines: list[Line]) -> list[PlanLines]:
    plans: list[PlanLines] = [PlanLines()]
    st = _State()

    def start(title: Line | None) -> None:
        nonlocal st
        plans.append(PlanLines(title=title))
        st = _State()

    prev: Line | None = None
    for i, ln in enumerate(lines):
        cur = plans[-1]
        if ln.furniture and not ln.separator:
            cur.lines.append(ln)
            continue
        if ln.separator:
            lead = _title_lead(cur, ln)
            if lead is not None:
                cur.lines.remove(lead)
                if cur.title is lead:
                    cur.title = None
            start(ln)
            plans[-1].title_lead = lead
            if lead is not None:
                plans[-1].lines.append(lead)
            plans[-1].lines.append(ln)
            continue
        if ln.title_like and _heads_a_month_list(lines, i):
            ln.title_like = False  # 月工作计划 over a month list is the schedule's heading, not a new plan
        if ln.title_like:
            if st.content or (cur.title is not None and cur.title.text.strip() == ln.text.strip()):
                start(ln)
            elif cur.title is None:
                cur.title = ln
            cur = plans[-1]
            cur.lines.append(ln)
            continue
        new_plan = False
        # a 指导思想 under a work heading ((一)总体要求 below 二、) is no restart: only the outer families
        restart_marker = ln.marker is None or (
            ln.marker.number in (1, None)
            and (ln.marker.family in _OUTER or ln.marker.family == st.top_family or st.top_family is None)
        )
        if ln.cue_kind == "guiding_ideology" and ln.heading_like and restart_marker:
            if st.guiding or st.headed >= 1 or st.top_items >= 2 or st.schedule:
                new_plan = True
        elif (
            ln.cue_kind in _OPENING_KINDS
            and ln.heading_like
            and ln.marker is not None
            and ln.marker.number == 1
            and ln.marker.family in _OUTER
            and (st.schedule or st.closed)
            and st.headed >= 2
        ):
            # 一、基本情况 / 一、工作目标 after a finished schedule or closing: the numbering restarts a new plan
            new_plan = True
        elif (
            ln.guiding_opener
            and ln.marker is None
            and (st.schedule or st.top_items >= 2)
            and _GUIDING_LINE.search(ln.text)
            and not (prev is not None and prev.heading_like)
        ):
            # a guiding paragraph after finished work, and a new list right after it
            nxt = _next_content(lines, i)
            if nxt is not None and nxt.marker is not None and nxt.marker.number == 1:
                new_plan = True
        if new_plan:
            start(None)
            cur = plans[-1]
        cur.lines.append(ln)
        prev = ln
        # update what this plan has seen
        if ln.cue_kind and ln.heading_like:
            st.headed += 1
            st.guiding |= ln.cue_kind == "guiding_ideology"
            st.schedule |= ln.cue_kind == "schedule"
            st.content = True
        if ln.marker is None and plan_vocab().closing_opener.match(ln.text):
            st.closed = True
        if ln.month is not None:
            st.months += 1
            st.schedule |= st.months >= 2
        if ln.marker is not None and ln.month is None:
            if st.top_family is None:
                st.top_family = ln.marker.family
            if ln.marker.family == st.top_family:
                st.top_items += 1
        if ln.marker is not None or ln.month is not None or len(ln.text) >= _CONTENT_MIN_CHARS:
            st.content = True
    return plans
