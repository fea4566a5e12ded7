"""Stage 7: the month-by-month schedule of a schedule section.

Under each month label, one entry per numbered item (never split); unnumbered text
one entry per line, or per chunk between ；/;/。 (never split at 、 or ，). Text on
the label's own line is an activity — unless numbered items follow, when it is the
month's theme (2月新学期新面貌). Table rows ("二月 | …") give one entry per cell chunk.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from planparse.models import CalendarMonth, ScheduleEntry, Span
from planparse.parse.classify import Line
from planparse.parse.vocab import month_vocab, plan_vocab

_URL = re.compile(r"(https?://)?[\w.-]+\.(com|cn|net|org)(/\S*)?")
_WORDS = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbfA-Za-z]")
_CHUNK = re.compile(r"[^;；。]+")
_CELL = re.compile(r"[^|｜]+")
_HEADER_SPLIT = re.compile(r"\s*[|｜]\s*|\s+")
_WEEK_DATES = re.compile(r"^[\d\s月日号./\-—–~～至到()（）]+")
_STRIP = " \t\u3000。.,，、;；:：!！?？|｜"
_LEAD_STRIP = _STRIP + "★☆◆◇●○■□▲△▪•·-*>》→"
_WRAP_WIDTH = 24  # a line at least this long that stops mid-sentence was wrapped by the copy
_ENDS_SENTENCE = re.compile(r"[。；;！!？?…)）”\"』」:：]\s*$")
_WRAP = 6  # a label this many months before the previous one starts the next calendar year


class _Builder:
    def __init__(
        self,
        to_span: Callable[[int, int], Span],
        orig_text: str,
        section_index: int,
        original: Callable[[int, int], str] | None = None,
    ) -> None:
        self.to_span = to_span
        self.original = original
        self.orig = orig_text
        self.section_index = section_index
        self.entries: list[ScheduleEntry] = []

    def emit(self, start: int, end: int, months: list[int], label: str | None, theme: str | None, marker: str | None) -> None:
        s, e = self.to_span(start, end)
        raw = self.orig[s:e]
        lead = len(raw) - len(raw.lstrip(_LEAD_STRIP))
        activity = raw.lstrip(_LEAD_STRIP).rstrip(_STRIP)
        if not activity or not _WORDS.search(activity) or _URL.fullmatch(activity):
            return
        if self.original is not None and e - s != end - start:
            # the span crosses a cut page number ("组\n8、织教师…"): the words are the text without it
            activity = self.original(start, end).lstrip(_LEAD_STRIP).rstrip(_STRIP)
        s += lead
        self.entries.append(
            ScheduleEntry(
                months=months,
                activity=activity,
                span=(s, s + len(raw.lstrip(_LEAD_STRIP).rstrip(_STRIP))),
                month_label=label,
                theme=theme,
                section_index=self.section_index,
                marker=marker,
            )
        )

    def extend_last(self, start: int, end: int) -> bool:
        """Add a wrapped line to the last entry: its span grows, its words are joined without the break.

        Only across a plain line break (nothing but white space between): False otherwise.
        """
        last = self.entries[-1]
        s, e = self.to_span(start, end)
        gap = self.orig[last.span[1] : s]
        more = self.orig[s:e].strip().rstrip(_STRIP)
        if not more or "\n" not in gap or gap.strip().strip(_STRIP):
            return False
        lead = len(self.orig[s:e]) - len(self.orig[s:e].lstrip())
        last.activity = last.activity + more
        last.span = (last.span[0], s + lead + len(more))
        return True

    def emit_chunks(
        self,
        start: int,
        text: str,
        months: list[int],
        label: str | None,
        theme: str | None,
        week: bool,
        skip_cells: frozenset[int] = frozenset(),
    ) -> None:
        if week:
            m = _WEEK_DATES.match(text)
            if m:
                start, text = start + m.end(), text[m.end() :]
        piped = "|" in text or "｜" in text
        for k, cell in enumerate(_CELL.finditer(text)):
            if piped and k in skip_cells:
                continue
            for chunk in _CHUNK.finditer(cell.group()):
                a = start + cell.start() + chunk.start()
                self.emit(a, a + len(chunk.group()), months, label, theme, None)


def extract_schedule(
    lines: list[Line],
    levels: dict[int, tuple[int, int]],
    to_span: Callable[[int, int], Span],
    orig_text: str,
    section_index: int,
    heading_family: str | None = None,
    original: Callable[[int, int], str] | None = None,
) -> list[ScheduleEntry]:
    """Entries of a schedule section's lines. ``heading_family``: the marker family of the section's own
    heading; a numbered line of that family (五、 after 四、月份安排) is a sibling part, and ends the months."""
    b = _Builder(to_span, orig_text, section_index, original)
    months: list[int] | None = None
    label_text: str | None = None
    theme: str | None = None
    week = False
    pending: tuple[int, str] | None = None  # text on the label's own line, not yet known to be theme or activity

    def flush_pending_as_activity() -> None:
        nonlocal pending
        if pending is not None and months:
            b.emit_chunks(pending[0], pending[1], months, label_text, theme, week, skip_cells)
        pending = None

    skip_cells: frozenset[int] = frozenset()  # table columns after the month one that hold no activities
    wrapped_from: Line | None = None  # the last numbered activity's line, when it stops mid-sentence
    for ln in lines:
        if ln.table_header:
            cells = [c for c in _HEADER_SPLIT.split(ln.text.strip()) if c]
            if len(cells) >= 2:
                skip = month_vocab().table_skip_headers
                skip_cells = frozenset(k - 1 for k, c in enumerate(cells) if k > 0 and c in skip)
            continue
        if ln.furniture or ln.signature:
            continue
        if ln.month is not None:
            flush_pending_as_activity()
            months = ln.month.months
            ls, le = to_span(ln.start, ln.start + ln.month.end)
            label_text = orig_text[ls:le].strip() or None
            theme = ln.month.theme
            week = ln.month.week
            rest = ln.text[ln.month.end :]
            if rest.strip():
                pending = (ln.start + ln.month.end, rest)
            continue
        if months is None:
            continue
        if month_vocab().period_header.match(ln.content.strip()):
            flush_pending_as_activity()
            months = None  # 下学期: wait for its first month
            continue
        if ln.marker is None and plan_vocab().closing_opener.match(ln.text):
            flush_pending_as_activity()
            months = None  # closing remarks: the month list is over
            continue
        numbered = ln.marker is not None and ln.idx in levels
        if numbered and heading_family is not None and ln.marker.family == heading_family:
            flush_pending_as_activity()
            months = None
            continue
        if pending is not None:
            if numbered and theme is None:
                theme = orig_text[slice(*to_span(pending[0], pending[0] + len(pending[1])))].strip(_STRIP) or None
                pending = None
            else:
                flush_pending_as_activity()
        if numbered:
            ms, me = to_span(ln.start, ln.start + ln.marker.raw_end)
            b.emit(ln.start + ln.content_start, ln.end, months, label_text, theme, orig_text[ms:me])
            wrapped_from = ln if _looks_wrapped(ln) else None
            continue
        if wrapped_from is not None and b.entries and b.entries[-1].marker is not None and b.extend_last(ln.start, ln.end):
            # a numbered activity hard-wrapped onto this line (a PDF copy): never split it
            wrapped_from = ln if _looks_wrapped(ln) else None
            continue
        wrapped_from = None
        b.emit_chunks(ln.start, ln.text, months, label_text, theme, week)
    flush_pending_as_activity()
    return b.entries


def _looks_wrapped(ln: Line) -> bool:
    """A long line that stops mid-sentence: its text goes on in the next line."""
    return len(ln.text) >= _WRAP_WIDTH and not _ENDS_SENTENCE.search(ln.text)


def assign_calendar(entries: list[ScheduleEntry], plan_year: int | None) -> None:
    """Calendar years: a plan's months run on from its year; January after December is the next year.

    A label that itself spans the turn of the year (十二月份、XX年元月) puts its early months in
    the next year; a label that starts well before the previous one (一月 after 十二月) moves on a year.
    """
    offset = 0
    prev_end: int | None = None
    k = 0
    while k < len(entries):
        label, months = entries[k].month_label, entries[k].months
        group_end = k
        while group_end < len(entries) and entries[group_end].month_label == label and entries[group_end].months == months:
            group_end += 1
        wraps_inside = 12 in months and min(months) <= 3
        early = {m for m in months if wraps_inside and m <= 3}
        late = [m for m in months if m not in early]
        if prev_end is not None and min(late) < prev_end - _WRAP:
            offset += 1
        for e in entries[k:group_end]:
            e.calendar = [
                CalendarMonth(year=None if plan_year is None else plan_year + offset + (m in early), month=m)
                for m in e.months
            ]
        if early:
            offset += 1
            prev_end = max(early)
        else:
            prev_end = max(months)
        k = group_end
