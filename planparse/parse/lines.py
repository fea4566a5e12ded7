"""Stage 3a: cut the working text into logical lines.

A logical line is usually a physical line, stripped. Two cases cut further:
- a flattened line (a PDF or web page copied whole) is cut at its white-space runs,
  which stood for line breaks before the copy;
- numbered items and headings that run on in one line: a marker after a sentence
  end ("…职工之家”。二、主要工作："), or a run of markers in sequence
  ("二月: 1、制定… 2、召开…").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from planparse.parse.chars import BULLETS
from planparse.parse.gate import GatedSearch
from planparse.parse.markers import HEADING_FAMILIES, OUTER_FAMILIES, match_marker
from planparse.parse.month_labels import MonthLabel, is_period_cell, match_month_label
from planparse.parse.normalise import WorkingText
from planparse.parse.params import params
from planparse.parse.vocab import furniture, month_vocab, plan_vocab

_WORD = re.compile(r"\S+")
_WS_RUN = re.compile(r"(?<=[^\s,，、])[ ]+(?=\S)")
# where a run-on marker may start: after a sentence end, a colon, or white space; a month label
# may have a word before it (在4月，…: months.toml label_lead_words)
_CANDIDATE = re.compile(
    r"[。;；!?！？:：\s”\"」』),，]\s*(?=[一二三四五六七八九十百元正第(（0-9.、\-•·*①-⑳⑴-⒇⒈-⒛]"
    rf"|(?:{'|'.join(map(re.escape, month_vocab().label_lead_words))})[一二三四五六七八九十元正0-9])"
)
_COMMA = ",，"
# (（1）, ①, 1、): written as one class and then what must come after it, so that re scans for
# the class at C speed instead of trying three branches at every position
_TIGHT = re.compile(r"[(（①-⑳⑴-⒇\d](?:(?<=[(（])[一二三四五六七八九十\d]{1,2}[)）]|(?<=[①-⑳⑴-⒇])|(?<=\d)\d?、)")
_NUMERAL_CHARS = "一二三四五六七八九十元0123456789"
_TIGHT_LABEL = re.compile(r"(?:[一二三四五六七八九十元]{1,3}|\d{1,2})月份?\s*[:：]")
_SENTENCE_END = re.compile(r"[。;；!?！？][”\"」』]?\s*$")


@dataclass(slots=True)
class RawLine:
    start: int  # working-text offsets
    end: int
    blank_before: bool = False  # an empty physical line stands right before it
    starts_physical: bool = True  # it begins a physical line


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    # white space, and commas a scrape leaves at a line's start (",一月,"): no line begins with one
    while start < end and (text[start].isspace() or text[start] in _COMMA):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def is_flattened(line: str) -> bool:
    p = params().lines
    return len(line) >= p.flat_min_chars and len(_WS_RUN.findall(line)) >= p.flat_min_breaks


def _tight_before(ch: str) -> bool:
    """A marker written tight against a Chinese character or a closing quote/bracket."""
    return "\u4e00" <= ch <= "\u9fff" or ch in "”\"」』)）"


def _label_separator(label: MonthLabel, line: str) -> str | None:
    """What sets a month label at ``line``'s start apart from its words when no colon does: a comma
    (三月份，开展……) or a space (6月份 举办……); None for a label closed otherwise."""
    if label.rest[:1] in _COMMA:
        return ","
    if not label.closed and label.rest and line[: label.end][-1:].isspace():
        return " "
    return None


def _run_on_cuts(text: str, start: int, end: int) -> list[int]:
    """Offsets inside [start, end) where a run-on marker or month label starts a new line."""
    if _CANDIDATE.search(text, start + 1, end) is None and _TIGHT.search(text, start + 1, end) is None:
        return []  # most lines: no place a marker or label could start (searched in place, not sliced)
    line = text[start:end]
    first = match_marker(line)
    last_of_family: dict[str, int] = {}
    opening_label = match_month_label(line)
    labels_seen = opening_label is not None
    # a line that opens with its month and a comma (三月份，开展……；四月份，……) or a space (6月份 举办……；
    # 7月份 开展……): the months after a sentence's end written the same way are labels too, one line each
    led_by = _label_separator(opening_label, line) if opening_label is not None else None
    if first and first.number is not None and not labels_seen:
        last_of_family[first.family] = first.number
    # the month label opening the line closes as its colon would, also in brackets or with a dash
    # (【三月】1.…；2.…, 三月——（1）…（2）…): a list starts afresh right after it
    label_end = opening_label.end if opening_label is not None and opening_label.closed and opening_label.rest else None
    ahead, behind = params().lines.run_on_ahead, params().lines.run_on_behind
    cuts: list[int] = []
    candidates = list(_CANDIDATE.finditer(line, 1))
    loose = [(m.end(), False) for m in candidates]
    if label_end is not None and 0 < label_end < len(line):
        loose.append((label_end, False))
    after_comma = {m.end() for m in candidates if m.group()[0] in _COMMA}
    # markers written tight against the text before them ("（1）开学工作（2）制定计划"): taken
    # only when they continue a sequence begun in this line
    tight = [(m.start(), True) for m in _TIGHT.finditer(line, 1) if _tight_before(line[m.start() - 1])]
    # and month labels run together with the last month's activity ("…小组会三月:1、…"): taken
    # once this line has had a month label of its own
    tight_labels = [
        (m.start(), False)
        for m in _TIGHT_LABEL.finditer(line, 1)
        if _tight_before(line[m.start() - 1]) and line[m.start() - 1] not in _NUMERAL_CHARS  # not 二月 of 十二月
    ]
    # where the line's content starts, past bars, spaces and a list bullet (- 3月：…, * 11月：…: the
    # bullet leads the label, no line of its own)
    opening = len(line) - len(line.lstrip(" |｜" + BULLETS))
    bars = "|" in line
    for pos, is_tight in sorted(set(loose + tight + tight_labels)):
        if pos <= opening:
            continue  # "| 1、…": a table cell's opening bar and its content are one line
        if first is not None and pos <= first.end:
            continue  # "1. 3月上旬：…": the line's own marker before its words, a numbered month label
        # short windows: a marker or label shows in its first characters, and what precedes it in
        # the last few; slicing the whole line at every candidate would be quadratic on a long line
        rest = line[pos : pos + ahead]
        before = line[max(0, pos - behind) : pos]
        if before.rstrip().endswith(("|", "｜")):
            # 第1周 | 2.6-2.10 | …: the dates are the next cell of the week's row; 二月 | 1.开学第一课
            # 2.…: numbered activities in a cell are the cell's (the table layout reads them), and
            # cutting them off would leave the row without its activities
            continue
        if bars and line.rfind("|", 0, pos) > opening and line.find("|", pos) > 0:
            # 9月|第一章 有理数；第二章 整式的加减|18: inside a table row's cell, between its bars, the
            # words are the cell's (the table layout splits them); cutting would end the row there
            continue
        label = None if is_tight else match_month_label(rest)
        if label and led_by is not None and _label_separator(label, rest) == led_by and _SENTENCE_END.search(before):
            cuts.append(start + pos)
            last_of_family.clear()
            continue
        if label and (label.end > 0 and rest[: label.end].rstrip().endswith((":", "：", "|")) or label.theme):
            if _SENTENCE_END.search(before) or before.endswith((" ", ":", "：")) or labels_seen:
                cuts.append(start + pos)
                last_of_family.clear()
                labels_seen = True
                continue
        mk = match_marker(rest)
        if mk is None or mk.number is None or mk.end >= len(rest):
            continue
        if rest[mk.end : mk.end + 1].isdigit():
            continue  # 时限：1、4季度 lists numbers; only a line may start "2、3月底前…"
        prev = last_of_family.get(mk.family)
        in_sequence = prev is not None and mk.number == prev + 1
        # a list starts at 1 after a colon (学习安排：1、…) even when an earlier list ran in this line
        fresh = mk.number == 1 and (before.rstrip().endswith((":", "：")) or pos == label_end) or (
            prev is None and mk.number == 1 and (before.rstrip().endswith(("。", ";", "；")) or before.endswith(" "))
        )
        heading_run_on = mk.family in HEADING_FAMILIES and _SENTENCE_END.search(before) is not None and prev in (None, mk.number - 1)
        if (is_tight or pos in after_comma) and not in_sequence:
            continue  # tight against the text, or after a comma: only a marker that continues a sequence
        if in_sequence or fresh or heading_run_on:
            cuts.append(start + pos)
            if mk.family in HEADING_FAMILIES:
                # a heading opens a new part: the lists below it count afresh (（一）… 1.召开…)
                for family in [f for f in last_of_family if f not in OUTER_FAMILIES]:
                    del last_of_family[family]
            last_of_family[mk.family] = mk.number
    return cuts


@cache
def _glued_title() -> re.Pattern:
    """A title run together with its first heading: 学校德育年度工作计划1一、指导思想.

    The heading's words must follow its marker: a title ending in its number in brackets
    (小学体育工作计划（一）, the first of a page's plans) is a title whole."""
    endings = "|".join(re.escape(w) for w in sorted(plan_vocab().title_endings, key=len, reverse=True))
    return re.compile(rf"(?:{endings})\d{{0,2}}(?=(?:(?:一|第一部分|第一)\s*[、.,:]|[(（]一[)）])\s*[^\s\d])")


@cache
def _trailing_title() -> re.Pattern:
    """A plan's title run on after the last sentence of the plan before: …毕业典礼。XX园务计划2."""
    endings = "|".join(re.escape(w) for w in sorted(plan_vocab().title_endings, key=len, reverse=True))
    limit = params().title.max_chars
    # the sentence end consumed rather than looked behind at: a pattern that opens with a class is
    # scanned for at C speed, one that opens with a look-behind is tried at every position (the cut
    # is the match's end either way)
    return re.compile(rf"[。;；!?！？]\s*(?=[^。;；!?！？:：,，、\s]{{2,{limit}}}(?:{endings})\d{{0,2}}$)")


@cache
def _inline_break() -> GatedSearch:
    return GatedSearch(furniture().inline_break)


def _glued_table_cuts(text: str, start: int, end: int) -> list[int]:
    """A schedule table glued into one line (月份 活动内容 负责人 一月 新春联欢会 办公室 三月 …).

    When the line opens with header words joined by spaces, naming a period column and an
    activity column, it is cut after the header and before every word that is a period cell.
    """
    mv = month_vocab()
    first = _WORD.match(text, start, end)
    if first is None or mv.column_roles(first.group()) is None:
        return []  # most lines with a space: their first word is no header word
    words = _WORD.finditer(text, start, end)
    roles: set[str] = set()
    k = 0
    first_cell = None  # the first word after the header
    for w in words:  # lazily: most lines with a space open with no header word at all
        r = mv.column_roles(w.group())
        if r is None:
            first_cell = w
            break
        roles.update(r)
        k += 1
    if k < 2 or first_cell is None or not roles & {"month", "week", "dates"} or "activity" not in roles:
        return []
    cuts = [first_cell.start()]
    cuts += [w.start() for w in words if is_period_cell(w.group())]
    return cuts


@dataclass(frozen=True, slots=True)
class _Cutters:
    """What :func:`_inner_cuts` reads for every piece, read once per text: its patterns and limits."""

    trailing_title: re.Pattern[str]
    inline_break: GatedSearch
    glued_title: re.Pattern[str]
    glued_title_max: int  # a piece longer has no title glued on (twice a title's length)
    header_max: int  # where a glued table's header has its first space at the latest
    flat_min: int  # a physical line shorter is never flattened

    @classmethod
    def read(cls) -> _Cutters:
        p = params()
        return cls(_trailing_title(), _inline_break(), _glued_title(), p.title.max_chars * 2, p.table.header_max_chars,
                   p.lines.flat_min_chars)


def _inner_cuts(text: str, start: int, end: int, cut: _Cutters) -> list[int]:
    """Cuts inside a piece that no marker announces: a site's hidden-text notice, a title glued on."""
    cuts: list[int] = []
    m = cut.trailing_title.search(text, start, end)
    if m is not None and not text.startswith(plan_vocab().title_not_opening, m.end()):
        cuts.append(m.end())  # (制定下学期工作计划 after a full stop is an activity's last clause)
    if cut.inline_break.search(text, start, end) is not None:
        for m in furniture().inline_break.finditer(text, start, end):
            cuts.extend((m.start(), m.end()))
    if end - start <= cut.glued_title_max:
        m = cut.glued_title.search(text, start, end)
        if m is not None and m.end() > start:
            cuts.append(m.end())
    if text.find(" ", start, start + cut.header_max) >= 0:
        cuts.extend(_glued_table_cuts(text, start, end))
    return [c for c in cuts if start < c < end] if cuts else cuts


def split_lines(wt: WorkingText) -> list[RawLine]:
    text = wt.text
    cut_by = _Cutters.read()
    out: list[RawLine] = []
    pos = 0
    blank = False
    for phys in text.split("\n"):
        s, e = _strip(text, pos, pos + len(phys))
        if s >= e:
            pos += len(phys) + 1
            blank = True
            continue
        trimmed = False  # the piece is stripped already, unless trimmed of commas or cut below
        if s > pos and not text[pos:s].isspace():
            # ",一月," — a scrape that wraps every line in commas (the line opened with one, past
            # its spaces): the trailing one goes too
            while e > s and text[e - 1] in _COMMA:
                e -= 1
            trimmed = True
        pos += len(phys) + 1
        pieces: list[tuple[int, int]] = []
        if e - s >= cut_by.flat_min and is_flattened(text[s:e]):  # sliced only when long enough to be flattened
            trimmed = True
            cut = s
            for m in _WS_RUN.finditer(text, s, e):
                pieces.append((cut, m.start()))
                cut = m.end()
            pieces.append((cut, e))
        else:
            pieces.append((s, e))
        for ps, pe in pieces:
            cuts = _inner_cuts(text, ps, pe, cut_by) + _run_on_cuts(text, ps, pe)
            if not cuts:  # most lines: the piece is one logical line
                a, b = _strip(text, ps, pe) if trimmed else (ps, pe)
                if a < b:
                    out.append(RawLine(a, b, blank_before=blank, starts_physical=a == s))
                    blank = False
                continue
            bounds = sorted({ps, *cuts, pe})
            for a, b in zip(bounds, bounds[1:], strict=False):
                a, b = _strip(text, a, b)
                if a < b:
                    out.append(RawLine(a, b, blank_before=blank, starts_physical=a == s))
                    blank = False
    return out
