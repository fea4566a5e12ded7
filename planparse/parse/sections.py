"""Stage 5b: the sections of one plan.

A section starts at
- a top-level numbered heading with a cue word (二、主要工作：) — any kind;
- a deeper numbered heading with a schedule cue ((五)活动安排:) — schedules nested
  in main work are sections of their own;
- an unnumbered short heading line with a cue word (活动安排:), when no numbered
  work item is open (or for a schedule, always);
- the plan's opening paragraph, when it sets the guiding line and the plan has no
  指导思想 heading (untitled guiding_ideology);
- the first of a run of top-level numbered work headings with no 主要工作 heading
  above them (untitled main_work);
- a month table's header, or a run of month labels, with no schedule heading
  (untitled schedule).
A heading whose words fit several kinds (具体工作, 工作安排) takes the kind of what
it holds: only a month-by-month list makes it a schedule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planparse.parse.classify import Line

_GUIDING_ANYWHERE = re.compile(r"为指导|为指南|为指针|为统领|统领|贯彻.{0,30}精神|指导思想|为主线")
_UNTITLED_KINDS_OPENING = {"guiding_ideology", "goals", "situation"}
_MONTH_RUN = 3  # month labels that make an unheaded schedule


@dataclass
class SectionLines:
    kind: str
    heading: Line | None
    lines: list[Line] = field(default_factory=list)
    ambiguous: bool = False
    has_months: bool = False  # a month label has been met in it

    def add(self, ln: Line) -> None:
        self.lines.append(ln)
        self.has_months |= ln.month is not None

    @property
    def first(self) -> Line:
        return self.heading or self.lines[0]


def _month_run_ahead(lines: list[Line], i: int) -> bool:
    count = 0
    for ln in lines[i : i + 40]:
        if ln.month is not None:
            count += 1
            if count >= _MONTH_RUN:
                return True
        elif ln.cue_kind and ln.heading_like and ln.marker is not None:
            return False
    return False


def _sibling_of_heading(sec: SectionLines, ln: Line) -> bool:
    """Whether numbered ``ln`` stands beside the section's heading rather than under it."""
    if sec.heading is None:
        return True
    mk = sec.heading.marker
    return mk is not None and ln.marker is not None and mk.family == ln.marker.family


def _months_follow(lines: list[Line], i: int) -> bool:
    """A month label or a table header comes next, or a run of month labels soon."""
    nxt = lines[i] if i < len(lines) else None
    return nxt is not None and (nxt.month is not None or nxt.table_header) or _month_run_ahead(lines, i)


def _is_guiding_paragraph(ln: Line) -> bool:
    if ln.marker is not None or ln.month is not None or len(ln.text) < 25:
        return False
    return ln.guiding_opener or _GUIDING_ANYWHERE.search(ln.text) is not None


def split_sections(lines: list[Line], levels: dict[int, tuple[int, int]]) -> tuple[list[SectionLines], list[Line]]:
    """Sections of a plan's lines (title and furniture excluded) and the preamble lines before them."""
    content = [ln for ln in lines if not ln.furniture]
    has_guiding_heading = any(
        ln.cue_kind == "guiding_ideology" and ln.heading_like and (ln.marker is None or levels.get(ln.idx, (0,))[0] == 0)
        for ln in content
    )
    sections: list[SectionLines] = []
    preamble: list[Line] = []
    item_open = False  # a numbered work item (not a heading) is open in the current section

    def open_section(kind: str, heading: Line | None, first: Line | None = None, ambiguous: bool = False) -> None:
        nonlocal item_open
        sec = SectionLines(kind, heading, ambiguous=ambiguous)
        if heading is None and first is not None:
            sec.add(first)
        sections.append(sec)
        item_open = False

    for i, ln in enumerate(content):
        cur = sections[-1] if sections else None
        level = levels.get(ln.idx, (None,))[0] if ln.marker else None
        is_item = level is not None and ln.month is None
        cue = ln.cue_kind if ln.heading_like and not (ln.cue_bare_label and ln.marker is None) else None

        if cue and is_item and level == 0:
            open_section(cue, ln, ambiguous=ln.cue_ambiguous)
            continue
        if cue == "schedule" and is_item and level and level > 0:
            open_section("schedule", ln)
            continue
        in_month_list = cur is not None and cur.kind == "schedule" and cur.has_months
        if cue and cue != "schedule" and ln.marker is None and in_month_list:
            cue = None  # under a month label an unnumbered line is an activity, whatever its words
        # inside an untitled run of numbered work items, an unnumbered 目标 / 措施 labels a paragraph of the item
        label_in_item = item_open and cur is not None and cur.heading is None
        if cue and ln.marker is None and ln.month is None and (cue == "schedule" or not label_in_item):
            if cue != "schedule" or _months_follow(content, i + 1) or ln.text.rstrip().endswith((":", "：")):
                open_section(cue, ln, ambiguous=ln.cue_ambiguous)
                continue
        if (cur is None or cur.kind != "schedule") and (ln.table_header or ln.month is not None) and _month_run_ahead(content, i):
            if cur is not None and cur.heading is not None and not cur.lines and cur.kind != "guiding_ideology":
                # a heading that holds only a month list (三、具体工作) is the schedule's own heading
                cur.kind = "schedule"
                cur.add(ln)
            else:
                open_section("schedule", None, ln)
            continue
        if cur is None:
            if not has_guiding_heading and _is_guiding_paragraph(ln) and not preamble_has_items(preamble):
                open_section("guiding_ideology", None, ln)
                continue
            if is_item and level == 0:
                open_section("main_work", None, ln)
                item_open = True
                continue
            preamble.append(ln)
            continue
        if is_item and level == 0 and cur.kind in _UNTITLED_KINDS_OPENING and _sibling_of_heading(cur, ln):
            # 二、加强师德建设 after 一、指导思想: a work heading beside the guiding part, not under it
            open_section("main_work", None, ln)
            item_open = True
            continue
        cur.add(ln)
        if is_item and not ln.heading_like:
            item_open = True
        elif is_item and level == 0:
            item_open = cur.heading is None

    for sec in sections:
        # 具体工作 / 工作安排 take the kind of what they hold: a month list makes them a schedule
        if sec.kind == "main_work" and sec.heading is not None and sec.ambiguous:
            body = [ln for ln in sec.lines if ln.text.strip()]
            months = sum(ln.month is not None for ln in body)
            opens_with_months = bool(body) and (body[0].month is not None or body[0].table_header)
            if months >= 2 and (opens_with_months or months >= 0.5 * len(body)):
                sec.kind = "schedule"
    return sections, preamble


def preamble_has_items(preamble: list[Line]) -> bool:
    return any(ln.marker is not None for ln in preamble)
