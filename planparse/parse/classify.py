"""Stage 3b: what each logical line is — numbering marker, month label, heading cue,
title, plan separator, guiding opener, table header, site furniture.

Facts about one line only; decisions that need context (levels, sections, plans)
belong to the later stages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from planparse.parse.lines import RawLine
from planparse.parse.markers import Marker, match_marker
from planparse.parse.month_labels import MonthLabel, match_month_label
from planparse.parse.vocab import bare_labels, furniture, month_vocab, plan_vocab, section_cues

HEADING_MAX_CHARS = 16  # a heading's words before its colon
_HEAD_WINDOW = 24
_SHORT_CUE_HEAD = 8
_CONJUNCTIONS = "及和与、暨"
UNMARKED_HEADING_MAX_CHARS = 15
_COLON = re.compile(r"[:：|]")  # a pasted table cell ends a heading too
_SENTENCE_PUNCT = re.compile(r"[。;；!?！？]")
_TITLE_BAD = re.compile(r"[。;；,，!?！？:：、]")
_TABLE_SPLIT = re.compile(r"\s*[|｜]\s*|\s+")
_TRAILING = " \t。.,，、;；:：!！?？"
_ANNEX = {"附", "附件", "附表", "附录"}


@dataclass(slots=True)
class Line:
    idx: int
    start: int  # working-text offsets
    end: int
    text: str
    marker: Marker | None = None
    month: MonthLabel | None = None
    content_start: int = 0  # after the marker, relative to the line start
    head: str = ""  # the line's words up to its first colon, marker excluded
    after_colon: str = ""
    cue_kind: str | None = None
    cue: str | None = None
    cue_ambiguous: bool = False
    cue_bare_label: bool = False
    heading_like: bool = False
    furniture: bool = False
    separator: bool = False
    title_like: bool = False
    guiding_opener: bool = False
    table_header: bool = False
    signature: bool = False  # XX小学工会 / 2023年2月 closing the plan
    annex: bool = False  # 附：… — the heading is the whole line

    @property
    def content(self) -> str:
        return self.text[self.content_start :]


@cache
def _cue_index() -> tuple[dict[str, tuple[str, bool]], tuple[tuple[str, str], ...], int]:
    """cue word → (kind, ambiguous); (exception phrase, kind it excludes); the longest cue's length."""
    index: dict[str, tuple[str, bool]] = {}
    exceptions: list[tuple[str, str]] = []
    for kc in section_cues():
        for cue in kc.cues:
            index.setdefault(cue, (kc.kind, cue in kc.ambiguous))
        exceptions.extend((x, kc.kind) for x in kc.exceptions)
    return index, tuple(exceptions), max(map(len, index))


@cache
def _any_cue() -> re.Pattern:
    return re.compile("|".join(map(re.escape, _cue_index()[0])))


def find_cue(head: str) -> tuple[str | None, str | None, bool, bool]:
    """The section kind whose cue word in ``head`` is the longest: (kind, cue, ambiguous, bare label).

    In a heading that joins two parts (指导思想及工作目标, 工作目标和主要措施) the first part names it.
    """
    if _any_cue().search(head) is None:
        return None, None, False, False
    whole = _find_cue_in(head)
    if whole[1] is not None and any(ch in _CONJUNCTIONS for ch in whole[1]):
        return whole  # a cue that itself joins two parts: 工作思路和措施 is main work
    first, joined, _ = head.partition(_conjunction(head))
    if joined and first:
        found = _find_cue_in(first)
        if found[0] is not None and _any_cue().search(head[len(first) + 1 :]):
            return found
    return whole


def _conjunction(head: str) -> str:
    for ch in head:
        if ch in _CONJUNCTIONS:
            return ch
    return "\0"


def _find_cue_in(head: str) -> tuple[str | None, str | None, bool, bool]:
    index, exceptions, longest = _cue_index()
    excluded = {kind for phrase, kind in exceptions if phrase in head}
    best: tuple[str, str, bool] | None = None
    n = len(head)
    # the longest cue wins; between cues of one length the later one, since a Chinese heading's
    # head noun comes last (主要工作目标 is about 目标)
    for size in range(min(longest, n), 1, -1):
        for i in range(n - size, -1, -1):
            hit = index.get(head[i : i + size])
            if hit is not None and hit[0] not in excluded:
                best = (hit[0], head[i : i + size], hit[1])
                break
        if best is not None:
            break
    if best is None or (len(best[1]) <= 2 and len(head) > _SHORT_CUE_HEAD):
        # a two-character cue (情况, 目标, 措施) names a part only in a short heading: 一、学校基本情况,
        # not 三、了解教职工思想情况
        return None, None, False, False
    return best[0], best[1], best[2], head.strip(_TRAILING) in bare_labels()


def _is_table_header(text: str) -> bool:
    if len(text) > 40:
        return False
    known = month_vocab().table_headers
    cells = [c for c in _TABLE_SPLIT.split(text) if c]
    return 0 < len(cells) <= 6 and all(c in known for c in cells)


def classify_line(idx: int, raw: RawLine, wtext: str) -> Line:
    text = wtext[raw.start : raw.end]
    line = Line(idx, raw.start, raw.end, text)
    pv = plan_vocab()
    if len(text) <= 60 and ("篇" in text or text[:1] in "【[第范例模样" or text[-1:] in ")）一二三四五六七八九十0123456789") and pv.separator.search(text):
        line.separator = True

    line.month = match_month_label(text)
    marker = None if line.month else match_marker(text)
    if marker is not None:
        line.marker = marker
        line.content_start = marker.end
        numbered_month = match_month_label(text[marker.end :])
        if numbered_month is not None:
            line.month = replace(numbered_month, end=numbered_month.end + marker.end)

    # a numbered line or a month label is content: only the others can be site furniture
    if line.marker is None and line.month is None and furniture().is_furniture(text):
        line.furniture = True
    content = line.content
    # only a colon near the start ends a heading's words; a long line without one is no heading
    colon = _COLON.search(content, 0, _HEAD_WINDOW)
    if colon:
        line.head, line.after_colon = content[: colon.start()].strip(), content[colon.end() :].strip()
    elif len(content) <= _HEAD_WINDOW * 2:
        line.head = content.strip().rstrip(_TRAILING)
    else:
        line.head = content
    if line.head in _ANNEX and line.after_colon:
        # 附：月工作安排 — the heading is what the annex holds
        line.head, line.after_colon = line.after_colon.rstrip(_TRAILING), ""
        line.annex = True
    head_ok = 0 < len(line.head) <= HEADING_MAX_CHARS and not _SENTENCE_PUNCT.search(line.head)
    if line.month is None and head_ok and len(line.head) <= HEADING_MAX_CHARS:
        line.cue_kind, line.cue, line.cue_ambiguous, line.cue_bare_label = find_cue(line.head)
        if marker is None and line.cue and line.head != line.cue and (
            line.head.startswith(plan_vocab().title_not_opening) or not line.head.endswith(line.cue)
        ):
            # an unnumbered heading ends with its cue noun (活动安排, 工作目标); a line opening with a
            # verb (研究本学期工会工作重点) or going on past the cue (期中质量分析会) is an activity
            line.cue_kind = line.cue = None
    limit = HEADING_MAX_CHARS if marker else UNMARKED_HEADING_MAX_CHARS
    line.heading_like = head_ok and len(line.head) <= limit and (marker is not None or not line.after_colon)

    if marker is None and line.month is None and not line.furniture:
        bare = text.strip()
        ends_title = bare.endswith(pv.title_endings) or line.separator
        if len(bare) <= pv.title_max_chars and ends_title and not _TITLE_BAD.search(bare):
            has_year = pv.title_year.search(bare) is not None
            names_subject = has_year or line.separator or any(w in bare[:-2] for w in pv.title_subjects)
            names_subject = names_subject and (line.separator or not bare.startswith(pv.title_not_opening))
            # a line with a section cue (2023年工会活动安排) is a heading unless it names a whole plan
            line.title_like = names_subject and (line.cue_kind is None or bare.endswith(("计划", "方案", "计划书")))
        if len(text) >= 30 and pv.guiding_opener.search(text[: pv.guiding_window]):
            line.guiding_opener = True
        line.table_header = _is_table_header(bare)
        line.signature = len(bare) <= 24 and pv.signature.match(bare) is not None
    return line


def classify(raw_lines: list[RawLine], wtext: str) -> list[Line]:
    lines = [classify_line(i, raw, wtext) for i, raw in enumerate(raw_lines)]
    _confirm_table_headers(lines)
    _mark_link_lists(lines)
    return lines


def _mark_link_lists(lines: list[Line]) -> None:
    """The short lines under 相关文章 / 猜你喜欢 are links to other pages: furniture too."""
    fv = furniture()
    in_list = False
    for ln in lines:
        if fv.link_list_heading.match(ln.text):
            ln.furniture = in_list = True
        elif in_list:
            if ln.separator or len(ln.text) > fv.link_max_chars:
                in_list = False
            else:
                ln.furniture = True


def _confirm_table_headers(lines: list[Line]) -> None:
    """A header row is a table's only when it has several cells or its neighbour is a header cell too.

    A lone "活动安排" line is a heading; "时间" then "重点工作", one cell a line, is a table's header.
    """
    for i, ln in enumerate(lines):
        if not ln.table_header:
            continue
        cells = len(_TABLE_SPLIT.split(ln.text.strip()))
        near = (i > 0 and lines[i - 1].table_header) or (i + 1 < len(lines) and lines[i + 1].table_header)
        if cells >= 2 or near:
            ln.cue_kind = ln.cue = None
            ln.heading_like = False
        else:
            ln.table_header = False
