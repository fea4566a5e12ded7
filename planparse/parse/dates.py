"""Stage (on the built models): the days a schedule entry's text states, and the years they fall in.

Entries come out of the schedule layouts with months only. This stage reads the dates written
around each entry (4月21日, 5/24, 3.12植树节, 12月1日——3日, 3月5日至10日, 2.13-2.17, and 第3周 when
the plan says when its term starts) into :class:`DayRange` values, each with its span into
``Document.text``. The patterns are data (``data/dates.toml``).

Where an entry's dates are looked for: its own line(s), less the words of the other entries on
them (a table row's date cell belongs to every activity of the row; a month line's 3月12日 to the
activity it is written in), and its month label (a label 3月5日—3月10日： dates every entry under it).

Years: the entry's calendar year for that month when the plan's year is known; a plan that only
names its school year (2022—2023学年第二学期) gets its calendar from that school year, a first term
running on from the first year (九月…一月 puts 一月 in the next year), a second term in the second.
"""

from __future__ import annotations

import calendar
import datetime as dt
import tomllib
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

import regex

from planparse.datafiles import data_path
from planparse.models import CalendarMonth, DayRange, Plan, Span
from planparse.parse.charmap import simplify
from planparse.parse.construct import construct
from planparse.parse.numerals import cjk_to_int, roc_to_western, year_digits
from planparse.parse.params import params
from planparse.parse.schedule.calendar import calendar_years
from planparse.parse.vocab import month_vocab

_DATE_CHARS = 24  # room for the longest date a cue may be followed by: 2023年12月31日—2024年1月1日
# what every date has, looked for before the patterns (full-width forms too, as it runs before
# folding): a number right after 月 (4月21日), or digits around a dot or slash (3.12, 5/24)
_DATE_HINT = regex.compile(r"月\s*[0-9０-９一二三四五六七八九十]|[0-9０-９]\s*[./．／]\s*[0-9０-９]")
_WEEK_HINT = "周"  # in every week pattern (第3周)
_LEAP_YEAR = 2024  # a day is checked against the longest month it can be in: 2月29日 is a date


@dataclass(frozen=True)
class DateVocab:
    chinese: regex.Pattern[str]
    numeric: regex.Pattern[str]
    week: regex.Pattern[str]
    school_year: regex.Pattern[str]
    second_term: tuple[str, ...]
    term_start_cues: tuple[str, ...]
    term_start_window: int
    week_days: int
    school_year_chars: int


@cache
def date_vocab() -> DateVocab:
    with data_path("dates.toml").open("rb") as fh:
        data = tomllib.load(fh)

    def compile_(pattern: str) -> regex.Pattern[str]:
        joiner = "|".join(regex.escape(j) for j in data["range_joiners"])
        units = "|".join(regex.escape(u) for u in data["units"])
        times = "|".join(regex.escape(t) for t in data["time_words"])
        return regex.compile(pattern.replace("{number}", data["number"]).replace("{joiner}", joiner)
                             .replace("{roc}", month_vocab().roc_year_number)
                             .replace("{units}", units).replace("{time_words}", times))

    return DateVocab(
        chinese=compile_(data["chinese"]),
        numeric=compile_(data["numeric"]),
        week=compile_(data["week"]),
        school_year=compile_(data["school_year"]),
        second_term=tuple(data["second_term"]),
        term_start_cues=tuple(data["term_start_cues"]),
        term_start_window=int(data["term_start_window"]),
        week_days=int(data["week_days"]),
        school_year_chars=int(data["school_year_chars"]),
    )


# full-width ASCII forms (！ … ～) and the ideographic space, as their ASCII characters
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def fold(text: str) -> str:
    """Full-width digits and punctuation as ASCII, one character for one, so that offsets keep."""
    return text.translate(_FOLD)


def _number(s: str | None) -> int | None:
    if s is None:
        return None
    return int(s) if s.isdigit() else cjk_to_int(s)


def _valid(month: int | None, day: int | None) -> bool:
    return month is not None and day is not None and 1 <= month <= 12 and 1 <= day <= calendar.monthrange(_LEAP_YEAR, month)[1]


def _day_range(m: regex.Match[str], offset: int) -> DayRange | None:
    groups = m.groupdict()
    m1, d1 = _number(groups.get("m1")), _number(groups.get("d1"))
    if not _valid(m1, d1):
        return None
    assert m1 is not None and d1 is not None
    d2 = _number(groups.get("d2") or groups.get("d2b"))
    m2 = _number(groups.get("m2")) or m1
    start, end = m.span()
    if d2 is None or not _valid(m2, d2) or (m2 == m1 and d2 < d1):
        # a single day; or a range that runs backwards inside one month, of which the first day is sure
        m2, d2 = m1, d1
        if groups.get("d2") or groups.get("d2b"):
            end = m.end("d1")
    y = groups.get("y")
    year = None if not y else int(y) if len(y) == 4 else roc_to_western(y)
    return construct(DayRange, start_month=m1, start_day=d1, end_month=m2, end_day=d2, year=year,
                     span=(start + offset, end + offset))


def find_dates(text: str, start: int = 0, end: int | None = None, *, words_at: int | None = None) -> list[DayRange]:
    """The dates written in ``text[start:end]``, in text order; spans are offsets into ``text``.

    ``year`` is set only where the date writes its year (2023年9月1日). A dotted number opening
    its line before a space is taken for a numbering marker (1.2 组织…), except at ``words_at``:
    where an entry's own words begin, the schedule has read no marker there (3.12 植树节活动).
    """
    end = len(text) if end is None else end
    piece = text[start:end]
    if _DATE_HINT.search(piece) is None:  # most lines state no date: skip the patterns
        return []
    piece = fold(piece)
    vocab = date_vocab()
    found: list[DayRange] = []
    taken: list[Span] = []
    for pattern in (vocab.chinese, vocab.numeric):
        for m in pattern.finditer(piece):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if pattern is vocab.numeric and m.start() + start != words_at and _numbering_marker(piece, m):
                continue
            day = _day_range(m, start)
            if day is None:
                continue
            taken.append(m.span())
            found.append(day)
    found.sort(key=lambda d: d.span)
    return found


def _numbering_marker(piece: str, m: regex.Match[str]) -> bool:
    """A single numeric date opening its line and followed by a space or 、 is a numbering marker (1.2 组织…)."""
    if m.group("d2") is not None or m.group("y") is not None or "/" in m.group():
        return False
    line_start = piece.rfind("\n", 0, m.start()) + 1
    before = piece[line_start : m.start()].strip(" \t|")
    after = piece[m.end() : m.end() + 1]
    return not before and (after in ("", " ", "\t", "、", "\n") or after.isspace())


def find_term_start(text: str, span: Span) -> tuple[int, int] | None:
    """(month, day) the plan's term starts on: a date next to a cue (开学时间：2月26日, 2月26日开学)."""
    vocab = date_vocab()
    reach = vocab.term_start_window + _DATE_CHARS
    best: tuple[int, tuple[int, int]] | None = None
    for cue in vocab.term_start_cues:
        at = text.find(cue, span[0], span[1])
        while at >= 0:
            after = at + len(cue)
            for day in find_dates(text, max(span[0], at - reach), min(span[1], after + reach)):
                gap = day.span[0] - after if day.span[0] >= after else at - day.span[1]
                if 0 <= gap <= vocab.term_start_window and (best is None or at < best[0]):
                    best = (at, (day.start_month, day.start_day))
                    break
            at = text.find(cue, after, span[1])
    return None if best is None else best[1]


def school_year(head: str) -> tuple[int, bool] | None:
    """(the year a school year starts in, whether the plan is for its second term), from a plan's first words."""
    vocab = date_vocab()
    head = year_digits(simplify(fold(head)))  # 114學年度第二學期 as 2025学年度第二学期: the words are read simplified
    m = vocab.school_year.search(head)
    if m is None:
        return None
    return int(m.group("y1")), any(word in head for word in vocab.second_term)


def base_year(plan: Plan, text: str) -> int | None:
    """The calendar year a plan's schedule starts in: its year, else the year its school year gives it."""
    if plan.year is not None:
        return plan.year
    head = "\n".join(part for part in (plan.title or "", text[plan.span[0] : plan.span[0] + date_vocab().school_year_chars]))
    found = school_year(head)
    if found is None:
        return None
    first, second_term = found
    return first + 1 if second_term else first


def nearest_year(month: int, years: Mapping[int, int | None]) -> int | None:
    """The year of ``month`` beside an entry's months (month → year, in the entry's order): the
    year of that month when it is one of them, else of its first month, unless half a year away."""
    if month in years:
        return years[month]
    known = [(m, y) for m, y in years.items() if y is not None]
    if not known:
        return None
    first_month, first_year = known[0]
    wrap = params().schedule.year_wrap_months
    if first_month - month > wrap:
        return first_year + 1
    if month - first_month > wrap:
        return first_year - 1
    return first_year


def _week_days(text: str, region: Span, term_start: dt.date) -> list[DayRange]:
    vocab = date_vocab()
    monday = term_start - dt.timedelta(days=term_start.weekday())
    out: list[DayRange] = []
    piece = fold(text[region[0] : region[1]])
    for m in vocab.week.finditer(piece):
        first = _number(m.group("w1"))
        last = _number(m.group("w2")) or first
        if first is None or last is None or first < 1 or last < first:
            continue
        start = monday + dt.timedelta(weeks=first - 1)
        end = monday + dt.timedelta(weeks=last - 1, days=vocab.week_days - 1)
        out.append(construct(DayRange, start_month=start.month, start_day=start.day, end_month=end.month,
                                            end_day=end.day, year=start.year,
                                            span=(region[0] + m.start(), region[0] + m.end())))
    return out


def _regions(text: str, ordered: Sequence[tuple[Span, int]], starts: Sequence[int], k: int, own: Span,
             label: Span | None, plan: Span) -> list[Span]:
    """Where entry ``k``'s dates are written: its lines less the other entries' words, and its label;
    never beyond its plan (in a text flattened into one line, the next plan's words share the line).

    ``ordered``: (span, entry index) of every entry sorted by span, ``starts`` their starts. Only
    the entries starting from the last one before entry ``k``'s lines to the end of those lines are
    looked at, so that the entries of a long schedule are not all compared with each other.
    """
    s, e = own
    line_start = max(text.rfind("\n", 0, s) + 1, plan[0])
    line_end = text.find("\n", e)
    line_end = min(len(text) if line_end < 0 else line_end, plan[1])
    if line_end - line_start > params().schedule.date_line_max_chars:
        # a flattened text is one long line: its far words are no row of this entry; look from
        # the entry before to the entry after (searching the whole line for each entry was quadratic)
        at = bisect_left(starts, s)
        before = ordered[at - 1][0][1] if at > 0 else line_start
        after = ordered[at + 1][0][0] if at + 1 < len(ordered) else line_end
        line_start, line_end = max(line_start, min(before, s)), min(line_end, max(after, e))
    lo = max(0, bisect_left(starts, line_start) - 1)
    hi = bisect_left(starts, line_end)
    others = [o for o, j in ordered[lo:hi] if j != k and o[0] < line_end and line_start < o[1]]
    regions: list[Span] = []
    pos = line_start
    for a, b in others:
        if a > pos:
            regions.append((pos, min(a, line_end)))
        pos = max(pos, b)
    if pos < line_end:
        regions.append((pos, line_end))
    if label is not None and not any(a <= label[0] and label[1] <= b for a, b in regions):
        regions.append(label)
    return regions


def add_dates(text: str, plan: Plan, labels: Sequence[Span | None]) -> None:
    """Fill ``dates`` of each of ``plan``'s schedule entries (``labels``: each entry's month label span, or None).

    A plan without a calendar year but with a school year gets its entries' calendar years here too.
    """
    entries = plan.schedule
    if not entries:
        return
    year = base_year(plan, text)
    if plan.year is None and year is not None:
        groups = [(e.month_label, tuple(e.months)) for e in entries]
        for entry, cal in zip(entries, calendar_years(groups, year), strict=True):
            entry.calendar = [construct(CalendarMonth, year=cal[m], month=m) for m in entry.months]
    lo = min([e.span[0] for e in entries] + [label[0] for label in labels if label is not None])
    hi = max([e.span[1] for e in entries] + [label[1] for label in labels if label is not None])
    hi = len(text) if text.find("\n", hi) < 0 else text.find("\n", hi)
    if _DATE_HINT.search(text, text.rfind("\n", 0, lo) + 1, hi) is None and _WEEK_HINT not in text[lo:hi]:
        return  # the schedule's lines state no day: nothing to look for, entry by entry
    start = find_term_start(text, plan.span)
    term_start: dt.date | None = None
    if start is not None and year is not None:
        term_start = dt.date(year, *start) if _valid(*start) and not (start == (2, 29) and not calendar.isleap(year)) else None
    ordered = sorted((tuple(entry.span), k) for k, entry in enumerate(entries))
    starts = [span[0] for span, _ in ordered]
    for k, entry in enumerate(entries):
        seen: set[Span] = set()
        dates: list[DayRange] = []
        regions = _regions(text, ordered, starts, k, entry.span, labels[k], plan.span)
        # an entry without a marker whose words open with a dotted date (3.12 植树节活动): a date
        words_at = entry.span[0] if entry.marker is None else None
        found = [day for region in regions for day in find_dates(text, *region, words_at=words_at)]
        if not found and term_start is not None:  # a week is read only where no day is written
            found = [day for region in regions for day in _week_days(text, region, term_start)]
        for day in found:
            if day.span in seen:
                continue
            seen.add(day.span)
            if day.year is None:
                day.year = nearest_year(day.start_month, {c.month: c.year for c in entry.calendar})
            dates.append(day)
        dates.sort(key=lambda d: d.span)
        entry.dates = dates
