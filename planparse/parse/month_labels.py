"""Month labels of a schedule: 二月份： / 3月 / 元月 / 七、八月份 / 一二月份 / 3-4月 / 十二月份、XX年元月 /
20xx年一月： / 第一周 3月1日—3月7日. Each gives calendar months and, where written, their years.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from planparse.parse.chars import BULLETS
from planparse.parse.gate import first_chars
from planparse.parse.numerals import cjk_to_int, cjk_years_to_digits, roc_to_western
from planparse.parse.params import params
from planparse.parse.vocab import month_vocab

_MV = month_vocab()  # the numerals and joining words of months.toml


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# a year of four digits, or of the Republic's calendar before its 年 or its dot (114年3月, 114.3.2: numerals.roc_*)
_ROC = _MV.roc_year_number
_YEAR_NUM = rf"(?:(?:19|20)\d\d|{_ROC}(?=\s*年))"
_DOTTED_YEAR = rf"(?:(?:19|20)\d\d|{_ROC}(?=[./]))"
_YEAR = rf"(?:(?P<y>{_YEAR_NUM}|20xx|20XX|XX|xx|{_alternation(list(_MV.next_year_words))})\s*(?:年度?|年)?\s*)"
_MNUM = rf"(?:{_alternation(list(_MV.numerals))}|1[0-2]|0?[1-9])"
_LIST_JOIN = _alternation([j for j in _MV.list_joiners if j.strip()])
_RANGE_JOIN = _alternation(list(_MV.range_joiners))
_JOIN = rf"(?:\s*(?:{_LIST_JOIN})\s*|\s*(?:{_RANGE_JOIN})+\s*|\s+|)"
_TOKEN = rf"(?:{_YEAR}?{_MNUM}\s*(?:月\s*份?)?)"
_LABEL = re.compile(rf"^(?P<label>{_TOKEN}(?:{_JOIN}{_TOKEN})*)".replace("(?P<y>", "(?:"))
_TOKEN_RE = re.compile(rf"(?P<year>{_YEAR})?(?P<m>{_MNUM})\s*(?P<yue>月\s*份?)?")
_RANGE_RE = re.compile(_RANGE_JOIN)
# a table row's running number in a cell of its own, joined by a bar (1 | 4月 | …)
_BARRED_ROW_NUMBER = re.compile(r"\d{1,3}[^\S\n]*[|｜][^\S\n]*(?=\S)")
# a bare running number, spaces, then a month in digits: a space-joined row's number before its month
_ROW_NUMBER = re.compile(rf"^\d{{1,3}}[^\S\n]+(?=(?:1[0-2]|0?[1-9])\s*(?:月|(?:{_RANGE_JOIN})))")
# a week, or a run of weeks (第3-4周, 第二周至第三周) or two named together (第一、二周): a row for
# several weeks is labelled like one
_WEEK_NUM = r"[一二三四五六七八九十\d]{1,3}"
_WEEK = re.compile(
    rf"^第\s*{_WEEK_NUM}\s*(?:周\s*)?(?:(?:(?:{_RANGE_JOIN})+|{_LIST_JOIN})\s*第?\s*{_WEEK_NUM}\s*)?周(?:次)?"
)
# a day of the month, in digits or Chinese numerals (15, 十五, 二十八)
_DAY = r"(?:[0-3]?\d|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
# a weekday (周四, 星期五, 礼拜天) or a week of the term (第3周), as a dated row's bracket gives it
_WEEKDAY = r"(?:周|星期|礼拜)[一二三四五六日天1-7]|第[一二三四五六七八九十\d]{1,3}周"
# a row that opens with its date, the year before it at times, words of nearness after it at
# times (2026年4月15日：…, 三月十二日：…, 6月26日前后：…; months.toml date_row_suffixes)
_DATED_ROW = re.compile(
    rf"^(?:(?P<y>{_YEAR_NUM})\s*年\s*)?(?P<m>{_MNUM})\s*月\s*(?P<d>{_DAY})\s*[日号]"
    rf"(?:\s*[-—–~～至到－]+\s*(?:(?P<m2>{_MNUM})\s*月\s*)?(?P<d2>{_DAY})\s*[日号]?)?"
    # more days listed after it (3月5日、12日：…, 11月9日和11月23日 …): the row is in each one's month
    rf"(?:\s*[、,，和及]\s*(?:(?P<m3>{_MNUM})\s*月\s*)?{_DAY}\s*[日号])*"
    rf"(?:{_alternation(list(_MV.date_row_suffixes))})?"
    # the week or weekday it is, in brackets (9月1日—5日（第1周）：, 3月5日（周四）)
    rf"(?:\s*[(（](?:(?P<wd>{_WEEKDAY})|[^()（）\n]{{1,12}})[)）])?"
    # its words after it, or, with its colon, on the lines below (1月24日—1月30日： over a list);
    # a weekday's or a week's bracket closes the date as a space does (3月5日（周四）学雷锋志愿服务)
    r"(?:(?:\s*[:：|｜]\s*|\s+)(?=\S)|\s*[:：]\s*$|(?(wd)(?=\S)|(?!)))"
)
# a numbered week row with dotted dates: "1  2.20-2.24 …" or "2.20—2.24 …" (a range, so 3.5万元 is none)
# (its year before it at times, 2026.3.2-3.6 …; its week in brackets after it, 3.16—3.20（第三周）：)
_DOTTED_ROW = re.compile(
    rf"^(?:(?P<wk>\d{{1,2}})\s+)?(?:(?P<y>{_DOTTED_YEAR})[./])?"
    r"(?P<m>1[0-2]|0?[1-9])[./][0-3]?\d\s*[-—–~～至到]+\s*(?:(?P<m2>1[0-2]|0?[1-9])[./])?[0-3]?\d(?!\d)"
    r"(?:\s*[(（][^()（）\n]{1,12}[)）])?(?:\s*[:：|｜]\s*|\s+)(?=\S)"
)
# one dotted date opening a row (3.5 学雷锋活动, 3.12：植树节): a weak label (see MonthLabel.weak)
_DOTTED_DAY = re.compile(r"^(?P<m>1[0-2]|0?[1-9])[./](?P<d>[0-3]?\d)(?!\d)(?:\s*[:：]\s*|\s+)(?=\S)")
_BRACKET_GLOSS = re.compile(r"\s*[(（](?P<inner>[^()（）]{1,16})[)）]")
# a quarter, its year before it at times (2026年第一季度, 二〇二六年第二季度: Chinese years are digits here)
_QUARTER_YEAR = rf"^(?:(?P<y>{_YEAR_NUM})\s*年\s*)?"
_QUARTER_NUM = "|".join(map(re.escape, _MV.quarter_numerals))
_QUARTER = re.compile(_QUARTER_YEAR + rf"第?\s*(?P<q>{_QUARTER_NUM})\s*季度")
# a half of the year, its year before it at times (上半年, 2025年下半年)
_HALF_NAMES = _alternation(list(_MV.half_years))
_HALF_YEAR = re.compile(_QUARTER_YEAR + rf"(?P<h>{_HALF_NAMES})")
_QUARTER_JOIN = "|".join(map(re.escape, [j for j in _MV.list_joiners + _MV.range_joiners if j.strip()]))
# two quarters in one label: 第三、四季度 / 二至三季度 / 第三季度、第四季度 (the later one after the first;
# 三、第四季度工作 is a marker before one quarter)
_QUARTER_PAIR = re.compile(
    _QUARTER_YEAR + rf"第?\s*(?P<q>{_QUARTER_NUM})\s*(?:季度\s*(?P<j>{_QUARTER_JOIN})\s*第?|(?P<j2>{_QUARTER_JOIN}))"
    rf"\s*(?P<q2>{_QUARTER_NUM})\s*季度"
)


_COMMON_YEAR = 2001  # any year that is no leap year: only the lengths of its months matter


def _dated_range_months(dated: re.Match) -> list[int]:
    """The months of a dated row: its first date's, or every month a range longer than a calendar
    row's week or two spans (params month_labels.week_row_max_days)."""
    first = _numeral(dated.group("m")) or 0  # _MNUM matches only months
    last = _numeral(dated.group("m2")) if dated.group("m2") else None
    return _range_months(first, _day(dated.group("d")), last, _day(dated.group("d2")) if dated.group("d2") else None)


def _range_months(first: int, first_day: int | None, last: int | None, last_day: int | None) -> list[int]:
    """The months of a range of dates from ``first``/``first_day`` to ``last``/``last_day``: the first
    date's month for a range of a week or two (a calendar's row: 2月27日—3月3日), every month it
    spans for a longer one (3月11日—4月30日：集中整治)."""
    if last is None or last == first:
        return [first]
    # the length of the range on any common year's calendar (one that ends in the next year wraps)
    try:
        start = date(_COMMON_YEAR, first, first_day or 0)
        end = date(_COMMON_YEAR + (last < first), last, last_day or 0)
    except (ValueError, TypeError):  # no such day (2月30日): read the row as dated by its first month
        return [first]
    if (end - start).days <= params().month_labels.week_row_max_days:
        return [first]
    return list(_through(first, str(last))) or [first]


# a date in digits (3月15日, 3.15, 3·15): its month, and its day in one of two groups
DAY_DATE = re.compile(r"(?<!\d)(1[0-2]|0?[1-9])\s*(?:月\s*([0-3]?\d)|[./·]\s*([0-3]?\d)(?!\d))")


def date_cell_months(cell: str) -> list[int] | None:
    """The months of a table cell holding only a date or a range of dates (11月9日, 3月1日—4月30日,
    7.10-8.20), read as a dated row's are (see :func:`_range_months`), or None for any other cell."""
    cell = cell.strip()
    if _DATE_CELL.fullmatch(cell) is None:
        return None
    dates = [(int(m.group(1)), int(m.group(2) or m.group(3))) for m in DAY_DATE.finditer(cell)]
    if not dates:
        return None
    (first, first_day), (last, last_day) = dates[0], dates[-1]
    return _range_months(first, first_day, last if len(dates) > 1 else None, last_day)


def _day(tok: str) -> int | None:
    """A day of the month written in digits or Chinese numerals (15, 十五)."""
    return int(tok) if tok.isdigit() else cjk_to_int(tok)


@lru_cache(maxsize=1)
def _month_part() -> re.Pattern:
    """A part of a month right after its label, and the colon that closes the label (上旬：), or a
    run of parts of the month (中旬至下旬：); words of nearness may stand before the colon (底前：).
    A space closes the label as the colon does (4月上旬 春季运动会), as it closes a dated row's date
    (3月12日 植树节): running text goes on without one (3月上旬召开…)."""
    parts = _alternation(list(_MV.month_parts))
    near = _alternation(list(_MV.date_row_suffixes))
    return re.compile(
        rf"\s*(?:{parts})(?:\s*(?:{_RANGE_JOIN})+\s*(?:{parts}))?(?=\s*(?:{near})?\s*[:：|｜]|[^\S\n]+\S)"
    )


@lru_cache(maxsize=1)
def _part_range() -> re.Pattern:
    """A range from a part of one month to a part of a later one, after the first month's label, and
    the colon that closes it (5月下旬—6月上旬：, 2月底至3月初：): ``to`` is the second month."""
    parts = _alternation(list(_MV.month_parts))
    to = rf"{_YEAR}?{_MNUM}\s*月".replace("(?P<y>", "(?:")
    return re.compile(rf"\s*(?:{parts})\s*(?:{_RANGE_JOIN})+\s*(?P<to>{to})\s*(?:{parts})?(?=\s*[:：|｜]|[^\S\n]+\S)")


@lru_cache(maxsize=1)
def _term_phase() -> re.Pattern:
    """A phase of the term with its months in brackets and a colon: 学期初（9月）："""
    return re.compile(r"(?:" + _alternation(list(_MV.term_phases)) + r")\s*[(（](?P<inner>[^()（）]{1,16})[)）]\s*[:：]\s*")


@lru_cache(maxsize=1)
def _may_open_label() -> re.Pattern:
    """What every kind of label below needs near the line's start: a bullet first (it may lead a label
    of any kind, ◆三月份：), a number first with what may follow
    it in a label (see :func:`_after_leading_number`), or, on a line not opening with a digit, 月, 周
    or 季度 within the first 24 characters (the ``head`` that the checks look at), a phase of the
    term before its bracket first (学期初（9月）：), a half of the year first (上半年; with its year,
    a digit first), or a phase's name as an activity's phase opens with it (on any line: a phase's
    name may open with digits, 2026年春季读书节（…）), or a festival's name first (五四青年节：…).
    Numbered items (1、加强…, 2.做好…, （1）…) are most lines that open with a digit or a bracket, and
    go no further."""
    phase = _phase_name_opening()
    term = rf"(?:{_alternation(list(_MV.term_phases))})\s*[(（]"
    festival = _alternation(list(_MV.festivals))
    return re.compile(
        rf"[{re.escape(BULLETS)}]|{_after_leading_number()}|(?!\d){_head_label_start()}.{{0,23}}?[月周季]|{term}|(?:{_HALF_NAMES})|{phase}|(?:{festival})",
        re.DOTALL,
    )


def _head_label_start() -> str:
    """A look-ahead for the characters a label read off the line's head can open with, as the
    patterns of those labels (a quarter, a week, a dated row, a month label, behind a bracket or a
    lead) can start (gate.first_chars): a line of running words that holds 月 or 周 early (每周…,
    开展“消防安全月”…) goes no further. Empty where a pattern may start with any character."""
    starts = [first_chars(p) for p in (_QUARTER, _QUARTER_PAIR, _BRACKET_LEAD, _LEAD, _WEEK, _DATED_ROW, _LABEL)]
    if any(c is None for c in starts):
        return ""
    return "(?=[" + "".join(c.pattern[1:-1] for c in starts if c is not None) + "])"


def _after_leading_number() -> str:
    """A number opening the line and what follows it in every label that opens with one: 月 (3月,
    12月份), 年 (2026年3月, 114年), 季 (1季度), a dot or slash of a dotted date and its digits (3.5,
    3/5; not 1.加强…), a bar of a row's number cell (1 | 4月), the xx of a year (20xx年), a further
    month or year after spaces (1  2.20-2.24, 2026 3月, 1 三月份), or a joiner before the next month
    (7、8月份, 3-4月, 1、2季度)."""
    numerals = _alternation(list(_MV.numerals))
    joiners = _alternation([j for j in [*_MV.list_joiners, *_MV.range_joiners] if j.strip()])
    token = rf"(?:\d|[Xx]|{numerals}|{_alternation(list(_MV.next_year_words))})"
    return rf"\d++\s*(?:[月年季|｜]|[./]\d|{token}|(?:{joiners})+\s*{token})"


@lru_cache(maxsize=1)
def _filler_before_colon() -> re.Pattern:
    """A word that only says what the label heads (工作, 活动安排), right before its colon: part of
    the label (一月份工作：…), so the activities start after the colon. Not a theme's word (工作重点：
    names the month's focus: see theme_labels). So is a short phrase announcing the month's list
    (主要做好以下工作：, 工作安排如下：; months.toml label_lead_ins): it says that the list follows,
    and is no activity of it."""
    mv = month_vocab()
    words = sorted((w for w in mv.label_fillers if w not in mv.theme_labels), key=len, reverse=True)
    phrase = r"[^\s:：,，。;；、]"
    n = params().month_labels.lead_in_max_chars
    lead_in = rf"(?={phrase}{{1,{n}}}\s*[:：]){phrase}*?(?:{_alternation(mv.label_lead_ins)}){phrase}*"
    return re.compile(rf"\s*(?:{_alternation(words)}|{lead_in})(?=\s*[:：])")


@lru_cache(maxsize=1)
def _month_name() -> re.Pattern:
    """A name given to the month after its label and before a colon (9月·开学季：, 十月 国庆 感恩月：):
    words only, apart from the label by a space or a dot at times, ending in a word that names a
    stretch of time (months.toml month_name_endings). The month's theme."""
    n = _MV.month_name_max_chars
    return re.compile(
        rf"[\s·•]*(?P<name>(?=[^:：]{{1,{n}}}[:：])[\u4e00-\u9fff][\u4e00-\u9fff\s·]*?(?:{_alternation(list(_MV.month_name_endings))}))"
        r"\s*[:：]\s*"
    )


@lru_cache(maxsize=1)
def _near_before_colon() -> re.Pattern:
    """Words of nearness right before the label's colon (底前：, 前后：): they do not make a date."""
    return re.compile(rf"\s*(?:{_alternation(list(_MV.date_row_suffixes))})(?=\s*[:：])")


@lru_cache(maxsize=1)
def _phase_near_start() -> re.Pattern:
    return re.compile(_phase_words())


def _phase_words() -> str:
    """The words that end a phase's name (阶段) and the ordinal-only phases (第一讲), as one alternation."""
    return "|".join([_alternation(list(_MV.phase_words)), *_MV.ordinal_phases])


def _phase_name_opening() -> str:
    """How an activity's phase opens its line: words or digits, then the word that ends a phase's
    name (宣传发动阶段, 第一阶段, 2026年读书节)."""
    return rf"[\u4e00-\u9fff\d]{{0,{_MV.phase_name_max_chars}}}?(?:{_phase_words()})"


@lru_cache(maxsize=1)
def _activity_phase() -> re.Pattern:
    """A phase of an activity with its dates in brackets: 宣传发动阶段（5月27日—6月5日）,
    第二阶段：集中整治（6月6日—25日）：. The name may follow the phase word after a colon."""
    n = _MV.phase_name_max_chars
    return re.compile(
        rf"^(?P<name>{_phase_name_opening()}(?:\s*[:：]\s*[\u4e00-\u9fff]{{1,{n}}})?)"
        r"\s*[(（](?P<inner>[^()（）]{2,30})[)）]\s*(?P<colon>[:：])?\s*"
    )


@lru_cache(maxsize=1)
def _record_field() -> re.Pattern:
    names = _alternation(list(_MV.record_name_fields))
    times = _alternation(list(_MV.record_time_fields))
    bullets = re.escape(BULLETS)
    # a record's name field may carry its number (活动一：…, 项目2：…), as records in a row are
    # counted; the field's name may stand in brackets, which close it as a colon does (【活动时间】5月)
    return re.compile(
        rf"^[{bullets}\s]*(?P<open>【\s*)?(?:(?P<name>{names})(?:[一二三四五六七八九十]{{1,3}}|\d{{1,2}})?|(?P<time>{times}))"
        r"\s*(?(open)】\s*[:：]?|[:：])\s*(?=\S)"
    )


def record_field(line: str) -> tuple[str, int] | None:
    """The field of a record of fields that opens ``line`` (活动名称：新年联欢会, 【活动时间】5月):
    ("name" or "time", where its words start), or None (months.toml record_name_fields, record_time_fields)."""
    m = _record_field().match(line)
    if m is None:
        return None
    return ("name" if m.group("name") else "time"), m.end()


def span_months(inner: str) -> list[int] | None:
    """The months a bracketed period names: a month label (5—6月) or dates (5月27日—6月5日, 5.27-6.5),
    every month from the first date's to the last's."""
    label = cell_label(inner)
    if label is not None and not label.week:  # dates are read below: a phase spans every month of its range
        return label.months
    found = [int(m.group(1)) for m in DAY_DATE.finditer(inner)]
    if not found:
        return None
    first, last = found[0], found[-1]
    span = range(first, last + 1) if last >= first else [*range(first, 13), *range(1, last + 1)]
    return sorted(set(span))


def cell_label(cell: str) -> MonthLabel | None:
    """The month label a table cell holding a period only is (三月, 3—4月, 3月上旬, 5月下旬—6月上旬), or None.

    A part of a month (3月上旬) is a label only before a colon, since in running text the month is
    a date (3月上旬召开…); a cell's end does what the colon does. A deadline's cell may close with its
    verb (3月底前完成: months.toml [table] deadline_verbs).
    """
    cell = cell.strip()
    verb = next((v for v in _MV.deadline_verbs if cell.endswith(v) and len(cell) > len(v)), None)
    if verb is not None:
        cell = cell[: -len(verb)].rstrip()
    label = match_month_label(cell)
    if (label is None or label.rest) and cell and cell[-1] not in ":：" and _end_may_close(label):
        label = match_month_label(cell + "：")  # 3月上旬, 9月第二周: the cell's end closes the label
    return label if label is not None and not label.rest else None


def _end_may_close(label: MonthLabel | None) -> bool:
    """Whether a colon at the cell's end could close a label over the whole cell: not where the label
    at its start is closed already, by its own colon or bracket, with words after it (三月：开展……, a
    whole line of a month list read as a cell), as most cells of a schedule's rows are."""
    return label is None or not (label.closed and label.rest)


@lru_cache(maxsize=4096)
def is_period_cell(cell: str) -> bool:
    """A table cell that holds a period only: a month label (三月, 3—4月, 3月上旬) or a week (第1周, 第1周（2.17-2.21）)."""
    # its kind of period only where it is no month: most cells are read as a month label once
    return cell_label(cell) is not None or _WEEK.fullmatch(cell) is not None or _week_cell(cell.strip()) is True


_BARE_DATED = re.compile(rf"(?:19|20)\d\d\s*年\s*{_MNUM}\s*月")


def bare_dated_label(line: str) -> MonthLabel | None:
    """The label a line holding only a year and a month (2025年3月) would be. Alone it is no label
    but the plan's date of signing (see :func:`match_month_label`); where several such lines each
    head lines of the plan's work, they are its month labels (features: dated_month_labels)."""
    bare = cjk_years_to_digits(line.strip())  # 二〇二六年一月 too, one character for one
    if _BARE_DATED.fullmatch(bare) is None:
        return None
    label = match_month_label(bare + "：")  # the line's end closes it as a colon would
    return None if label is None or label.rest else replace(label, end=len(bare), closed=True)


def flat_table_header(cells: list[str]) -> list[tuple[str, ...]] | None:
    """The roles of the header cells that open a table flattened into one run of cells (月份 | 工作内容 |
    负责人 | 9月 | 开学典礼 | 德育处 | 10月 | …), or None when the cells are no such table.

    The header's cells, up to the first that names no column, give the width of every row after
    them; each row opens with its period in the header's period column (params.toml
    ``table.flat_min_rows`` whole rows at least), so the rows are read by counting cells."""
    mv = month_vocab()
    roles: list[tuple[str, ...]] = []
    for cell in cells:
        role = mv.column_roles(cell) if not is_period_cell(cell) else None
        if role is None:
            break
        roles.append(role)
    width = len(roles)
    named = {r for rs in roles for r in rs}
    period = next((k for k, rs in enumerate(roles) if set(rs) & {"month", "week", "dates"}), None)
    if width < 2 or period is None or "activity" not in named:
        return None
    rows = [cells[k : k + width] for k in range(width, len(cells), width)]
    whole = [row for row in rows if len(row) == width]
    if len(whole) < params().table.flat_min_rows or not all(len(row) > period and is_period_cell(row[period])
                                                            for row in rows):
        return None
    return roles


# a cell that is only a date or a range of dates: 2.17-2.21, 3月1日—3月7日, 2/24~2/28
_DATE_ONE = r"(?:1[0-2]|0?[1-9])\s*(?:月\s*[0-3]?\d\s*[日号]?|[./·]\s*[0-3]?\d(?!\d))"
_DATE_CELL = re.compile(
    rf"{_DATE_ONE}(?:\s*(?:{_RANGE_JOIN})+\s*(?:{_DATE_ONE}|[0-3]?\d\s*[日号]?))?"
)
_BRACKETED = re.compile(r"[(（](?P<inner>[^()（）]+)[)）]")
# a row's date cell after its activity, set apart by spaces at the line's end (开学典礼  9月22日—26日)
_TRAILING_DATES = re.compile(rf"(?<=\S)\s+(?:{_DATE_CELL.pattern})\s*$")


def trailing_date_cell(text: str, start: int, end: int) -> int:
    """Where a date cell standing after a row's activity begins in ``text[start:end]`` (the spaces
    before it included), or ``end`` when the row ends in no such cell."""
    m = _TRAILING_DATES.search(text, start, end)
    return m.start() if m else end


@lru_cache(maxsize=4096)
def period_cell_kind(cell: str) -> str | None:
    """What a table cell standing alone on its line holds, when it holds a period only: "week" (第3周,
    第3-4周, 第3周（2.24-2.28）), "dates" (2.17-2.21, 3月1日—3月7日), "month" (三月, 3—4月), else None."""
    cell = cell.strip()
    week = _week_cell(cell)
    if week is not None:
        return "week" if week else None
    if _DATE_CELL.fullmatch(cell):
        return "dates"
    return "month" if cell_label(cell) is not None else None


def _week_cell(cell: str) -> bool | None:
    """Whether a (stripped) cell that opens with a week is a week only, its dates after it at times
    (第3周, 第3-4周, 第3周（2.24-2.28）); None for a cell that opens with no week."""
    week = _WEEK.match(cell)
    if week is None:
        return None
    rest = cell[week.end() :].strip()
    inner = _BRACKETED.fullmatch(rest)
    rest = inner.group("inner").strip() if inner else rest
    return not rest or _DATE_CELL.fullmatch(rest) is not None


def is_date_cell(cell: str) -> bool:
    """A cell holding only a date or a range of dates (2.17-2.21, 3月1日—3月7日): what
    :func:`period_cell_kind` calls "dates", told without reading the cell as a month label."""
    cell = cell.strip()
    return _WEEK.match(cell) is None and _DATE_CELL.fullmatch(cell) is not None


_BAR = re.compile(r"\s*[|｜]\s*")


def month_columns(line: str) -> list[tuple[int, ...]] | None:
    """The months each column of a header row heads, where the row is laid across the months: its
    first cell names what the rows are (项目, 类别; months.toml ``row_header_words``) or is empty,
    and each other cell (params ``month_columns_min`` at least) is a month (项目 | 9月 | 10月 | 11月). Each row below is one
    work area, its activities under the months' columns. ``()`` for the rows' own column; None for
    any other line. Its cells are set apart by bars (a Word or web table, tabs), or by spaces (项目 9月
    10月 11月): a month label is a cell of its own however it is joined, and the first cell a word
    of ``row_header_words`` (a space-joined row opens with no empty cell)."""
    bare = line.strip()
    if len(bare) > params().table.month_columns_max_chars:
        return None
    barred = "|" in bare or "｜" in bare
    cells = _BAR.split(bare) if barred else bare.split()
    if cells and not cells[-1]:
        cells.pop()  # the row's closing bar
    if len(cells) < 1 + params().table.month_columns_min or (cells[0] and not month_vocab().names_rows(cells[0])):
        return None
    out: list[tuple[int, ...]] = [()]
    for cell in cells[1:]:
        label = cell_label(cell)
        if label is None or label.week or label.weak or tuple(label.months) in out:
            return None
        out.append(tuple(label.months))
    return out


def month_part_prefix(text: str) -> int:
    """Length of a part-of-month prefix and its colon opening a line under a month label (上旬：…), or 0.

    A week of the term without dates (第3周：, 第13—14周 …) is such a part too: the month label
    above gives the line its month, and the week is a label of its time, no words of the activity
    (as 第3周（3.3—3.7）： is in a week table). A week with dates is a label of its own (week row)."""
    m = _month_part().match(text)
    if m is None:
        week = _WEEK.match(text)
        if week is None:
            return 0
        after = _AFTER_LABEL.match(text, week.end()) or _SPACE_AFTER_WEEK.match(text, week.end())
        return after.end() if after else 0
    colon = _AFTER_LABEL.match(text, m.end()) or _SPACE_AFTER_WEEK.match(text, m.end())
    return colon.end() if colon else 0


_SPACE_AFTER_WEEK = re.compile(r"\s+(?=\S)")


@lru_cache(maxsize=1)
def _festival() -> re.Pattern:
    """A festival's name opening a line, with the colon that makes it a label (五四青年节：, 国庆节前后：)."""
    near = _alternation(list(_MV.festival_suffixes))
    return re.compile(r"(?P<name>" + _alternation(list(_MV.festivals)) + rf")\s*(?:{near})?\s*[:：]\s*")


@lru_cache(maxsize=1)
def _undated_period() -> re.Pattern:
    near = _alternation(list(_MV.festival_suffixes))
    return re.compile(r"(?:" + _alternation(list(_MV.undated_periods)) + rf")\s*(?:{near})?\s*[:：]\s*(?=\S)")


def undated_period_end(line: str) -> int:
    """Length of a period with no month of its own and its colon opening ``line`` (春节：, 暑期：,
    中秋节前后：) with words after them, or 0 (months.toml ``undated_periods``)."""
    m = _undated_period().match(line)
    return m.end() if m else 0


@lru_cache(maxsize=1)
def _theme_after_label() -> re.Pattern:
    words = sorted(month_vocab().label_theme_words, key=len, reverse=True)
    return re.compile(r"^\s*(?:" + "|".join(map(re.escape, words)) + r")\s*[:：]?\s*")


_NUMERAL_ONLY = re.compile(r"[\d一二三四五六七八九十]{1,3}")
# a theme named in quotes right after its word, its colon after the name and the month's work after
# that (八月份：主题「我上幼儿园了」：新生适应、认识教室): the quoted name is the theme, the rest activity
_NAMED_THEME = re.compile(r"(?P<name>「[^」\n]{1,20}」|“[^”\n]{1,20}”|『[^』\n]{1,20}』|《[^》\n]{1,20}》|\"[^\"\n]{1,20}\")\s*[:：]\s*(?=\S)")
_NOTE = re.compile(r"[(（]([^()（）]{1,20})[)）]\s*[:：]?\s*")
_AFTER_LABEL = re.compile(r"\s*[】\]]?\s*[:：|｜]\s*|\s*[】\]]\s*")
# a dash standing for the colon (三月——学雷锋月活动); it joins a range only where a month follows it
# (三月——五月, 十二月——元月), so before numerals that open the month's words it is the colon all the
# same (二月——四则运算, 五月——五四青年表彰大会, 三月——1.学雷锋活动；2.…)
_DASH_AFTER_LABEL = re.compile(
    r"\s*(?:—{1,2}|-{2}|－{1,2})\s*(?![—\-－])(?!(?:[\d一二三四五六七八九十]{1,3}|[元正])\s*月)(?=\S|\s*$)"
)
# a month in brackets opening the line, its words after it: （三月）学雷锋月活动, (3月) …
_BRACKET_LEAD = re.compile(r"^[(（](?P<inner>[^()（）]{1,10})[)）]\s*(?:[:：]\s*)?")
_BULLET = re.compile(rf"^[{re.escape(BULLETS)}]\s*")
_LEAD = re.compile(
    rf"^(?:[{re.escape(BULLETS)}]\s*|【\s*|\[\s*|(?:{_alternation(list(_MV.label_lead_words))})(?=[\d一二三四五六七八九十元正]))"
)


# not frozen: one is made for every label line (and again by ``replace`` for one behind a bullet),
# and a frozen dataclass costs twice as much to build (1.3 µs, 0.7); nothing edits a label once matched
# (lru_cache hands the same one out again), as with markers.Marker
@dataclass(slots=True)
class MonthLabel:
    months: list[int]  # calendar months, ascending, unique
    years: dict[int, int | None] = field(default_factory=dict)  # month → year written in the label
    end: int = 0  # where the label (and its colon) ends in the line
    rest: str = ""  # text after the label on the same line
    theme: str | None = None  # an explicit 主题：… after the label
    week: bool = False
    closed: bool = True  # a colon (or a cell, or the line's end) closes the label: no running text after it
    # a label that counts only in a schedule without month labels (see month_list): a festival's
    # name (五四青年节：…) or a bare dotted date (3.5 学雷锋…); the line's words keep it
    weak: bool = False
    # a row opening with a range of dates (5.25-6.5 艺术节, 2月27日—3月3日 …): every month the
    # range runs through, from its first date's to its last's. ``months`` has the first date's
    # month only, as a week row of a week table takes it; under a month label the row is no
    # week but an activity with its dates, and takes these (see month_list). Empty for a single
    # date or a week numbered as such (第5周 3.29-4.4, 5  3.29-4.4)
    through: tuple[int, ...] = ()
    # a phase of an activity (第一阶段（3月1日—3月5日）：, 宣传发动阶段（…）): the words after its
    # colon may be the phase's name rather than its work (see month_list)
    phase: bool = False


def _numeral(tok: str) -> int | None:
    """The month a month numeral (as _MNUM matches one: 三, 12, 03) stands for; None for any other."""
    return _MONTH_VALUES.get(tok)


def _year(tok: str | None) -> int | None:
    """A label's year: four digits, or a year of the Republic's calendar (114 → 2025)."""
    digits = len(tok) - len(tok.lstrip("0123456789")) if tok else 0
    if digits == 4:
        return int(tok[:4])
    if digits == 3:
        return roc_to_western(tok[:3])
    return None


# what each month numeral of a label (_MNUM: the numerals, 1-12, 01-09) stands for
_MONTH_VALUES: dict[str, int] = {**_MV.numerals, **{str(v): v for v in range(1, 13)}, **{f"0{v}": v for v in range(1, 10)}}


def parse_label_text(label: str) -> tuple[list[int], dict[int, int | None]] | None:
    """The months of a label's text, ranges expanded; None if it names no month."""
    if "月" not in label:
        return None
    one = _TOKEN_RE.match(label)
    if one is not None and one.end() == len(label):
        # one month, the whole label (三月份, 2026年3月: most labels): the first token finditer
        # would find, and no other after it
        year_tok, month_tok = one.group("y", "m")
        value = _MONTH_VALUES[month_tok]
        return [value], {value: _year(year_tok) if year_tok else None}
    months: list[int] = []
    years: dict[int, int | None] = {}
    prev_end = 0
    prev: int | None = None
    prev_year: int | None = None
    for m in _TOKEN_RE.finditer(label):
        year_tok, month_tok = m.group("y", "m")
        value = _MONTH_VALUES[month_tok]
        year = _year(year_tok) if year_tok else None
        if prev is not None and value != prev and _RANGE_RE.search(label, prev_end, m.start()):
            # a range runs forward in time: one whose second month comes earlier in the calendar
            # runs on across the turn of the year (11月—次年1月, 2025年9月—2026年7月: 11, 12, 1),
            # the months up to 十二月 in the first month's year
            run = [*range(prev + 1, 13), *range(1, value + 1)] if value < prev else range(prev + 1, value + 1)
            for v in run:
                months.append(v)
                years.setdefault(v, year if v <= value else prev_year)
        else:
            months.append(value)
            years.setdefault(value, year)
        prev, prev_end, prev_year = value, m.end(), year
    if not months:
        return None
    return (months if len(months) == 1 else sorted(set(months))), years


@lru_cache(maxsize=8192)
def match_month_label(line: str) -> MonthLabel | None:
    """A month label at the start of ``line`` (normalised, stripped), or None.

    A month followed by a day (3月25日) or 底/初/前 is a date, not a label. A year written in
    Chinese numerals (二〇二六年三月：, 十二月份、二零二七年元月) is read as its digits, as the
    plan's year is (numerals.cjk_years_to_digits, one character for one, so ``end`` holds); the
    label's rest and theme are the line's own words.
    """
    digits = cjk_years_to_digits(line)
    label = _match_label(digits)
    if label is None or digits == line:
        return label
    rest = line[len(digits.rstrip()) - len(label.rest) :][: len(label.rest)] if label.rest else label.rest
    theme = label.theme
    if theme:
        at = digits.find(theme)
        theme = line[at : at + len(theme)] if at >= 0 else theme
    return replace(label, rest=rest, theme=theme)


def _match_label(line: str) -> MonthLabel | None:
    if _may_open_label().match(line) is None:
        return None  # most lines: no label of any kind can open them
    bullet = _BULLET.match(line)
    if bullet is not None:
        # a bullet leads a label of any kind (◆三月份：, ◆3.20-3.31 运动会, ★第一季度)
        inner = match_month_label(line[bullet.end() :])
        return None if inner is None else replace(inner, end=inner.end + bullet.end())
    phase = _term_phase().match(line) if "(" in line[:12] or "（" in line[:12] else None
    if phase is not None:
        # the bracket holds months or parts of them (寒假（1月下旬—2月）：, 开学初（8月底—9月初）：)
        inner = cell_label(phase.group("inner"))
        if inner is not None:
            return MonthLabel(inner.months, inner.years, phase.end(), line[phase.end() :].strip())
    phase = _activity_phase().match(line) if _phase_near_start().search(line, 0, 2 * _MV.phase_name_max_chars) else None
    if phase is not None:
        months = span_months(phase.group("inner"))
        rest = line[phase.end() :].strip()
        if months is not None:
            return MonthLabel(months, {}, phase.end(), rest, theme=phase.group("name"), closed=bool(phase.group("colon")) or not rest,
                              phase=True)
    festival = _festival().match(line)
    if festival is not None:
        month = _MV.festivals[festival.group("name")]
        return MonthLabel([month], {}, festival.end(), line[festival.end() :].strip(), weak=True)
    dotted_day = _DOTTED_DAY.match(line) if line[:1].isdigit() else None
    if dotted_day is not None and int(dotted_day.group("d")) <= 31:
        return MonthLabel([int(dotted_day.group("m"))], {}, dotted_day.end(), line[dotted_day.end() :].strip(), weak=True)
    pair = _QUARTER_PAIR.match(line) if "季度" in line[:18] else None
    if pair is not None and _MV.quarter_numerals[pair.group("q2")] <= _MV.quarter_numerals[pair.group("q")]:
        pair = None  # 四、四季度工作: a heading's marker before one quarter, no pair
    quarter = pair or (_QUARTER.match(line) if "季度" in line[:14] else None)
    half = _HALF_YEAR.match(line) if quarter is None else None
    if half:
        # 上半年 / 下半年: six months, as a quarter is three (months.toml half_years)
        h = _MV.half_years[half.group("h")]
        return _period_of_year(line, half, list(range(6 * h - 5, 6 * h + 1)))
    if quarter:
        first = _MV.quarter_numerals[quarter.group("q")]
        quarters: Iterable[int] = (first,)
        if pair is not None:
            last = _MV.quarter_numerals[pair.group("q2")]
            # 三至四季度 spans the quarters between; 第一、三季度 names two
            joiner = pair.group("j") or pair.group("j2")
            quarters = range(first, last + 1) if joiner in _MV.range_joiners else (first, last)
        return _period_of_year(line, quarter, [m for q in quarters for m in (3 * q - 2, 3 * q - 1, 3 * q)])
    head = line[: params().month_labels.head_chars]
    dotted = _DOTTED_ROW.match(line) if line[:1].isdigit() else None
    if dotted is None and "月" not in head and "周" not in head:
        return None
    if dotted is not None:
        first = int(dotted.group("m"))
        through = () if dotted.group("wk") else _through(first, dotted.group("m2"))
        years = {first: _year(dotted.group("y"))} if dotted.group("y") else {}
        return MonthLabel([first], years, dotted.end(), line[dotted.end() :].strip(), week=True, through=through)
    # a label may stand in brackets or behind a bullet: 【三月】 ◆四月份：
    bracket = _BRACKET_LEAD.match(line) if line[:1] in "(（" else None
    if bracket is not None:
        inner = match_month_label(bracket.group("inner").strip())
        if inner is not None and not inner.rest and not inner.week and not inner.weak:
            return MonthLabel(inner.months, inner.years, bracket.end(), line[bracket.end() :].strip())
    lead = _LEAD.match(line)
    if lead:
        inner = match_month_label(line[lead.end() :])
        if inner is not None:
            inner = replace(inner, end=inner.end + lead.end())
        return inner
    barred = _BARRED_ROW_NUMBER.match(line) if line[:1].isdigit() else None
    if barred is not None:  # 1 | 4月 | 开展读书月活动: a table row's running number, its own cell, before its month
        inner = match_month_label(line[barred.end() :])
        return None if inner is None or inner.weak else replace(inner, end=inner.end + barred.end())
    week = _WEEK.match(line)
    if week:
        end = week.end()
        d = DAY_DATE.search(line, 0, params().month_labels.week_date_window)
        if not d:
            # weeks of the term dated by the month in brackets after them (第18—20周（1月）：), as a
            # phase of the term is (学期初（9月）：); without a date or a month the row has none
            return _bracketed_month(line, end, week=True)
        return MonthLabel([int(d.group(1))], {}, end, line[end:].strip(), week=True)
    dated = _DATED_ROW.match(line)
    if dated:
        # a row that starts with its date (2月10日—2月28日 开学准备) takes the month of that date, as
        # does a row of a week or two (2月27日—3月3日 …); a longer range of dates is a phase, every
        # month it spans (3月11日—4月30日：集中整治 → 3, 4)
        first = _numeral(dated.group("m")) or 0  # _MNUM matches only months
        years = {first: _year(dated.group("y"))} if dated.group("y") else {}
        months = _dated_range_months(dated)
        listed = _numeral(dated.group("m3")) if dated.group("m3") else None
        if listed is not None and listed not in months:
            months = sorted({*months, listed})
        return MonthLabel(months, years, dated.end(), line[dated.end() :].strip(), week=True,
                          through=_through(first, dated.group("m2")))
    m = _LABEL.match(line)
    if not m:
        return None
    label = m.group("label").rstrip()
    if _mixed_scripts(label):
        return None  # 1 三月份 / 4、六月份: the Arabic number is the item's marker, not a month
    # the label must end on 月/月份: "三、加强" has no month and "2023年" alone is a year
    while label and not label.endswith(("月", "份")):
        # back off to the last 月 so that "三月新学期" keeps "三月"
        cut = max(label.rfind("月"), label.rfind("份"))
        if cut < 0:
            return None
        label = label[: cut + 1]
    if not label:
        return None
    # a table row joined by spaces opens with its running number (1 3月 宣传发动, 2 4月 …): the
    # number is the row's, no month, though it stands in the label (GUIDE: a number in front of a
    # month label belongs to the label)
    row = _ROW_NUMBER.match(label)
    parsed = parse_label_text(label[row.end() :] if row else label)
    if parsed is None:
        return None
    end = len(label)
    after = line[end:]
    part = _month_part().match(after)
    span = _part_range().match(after) if part is None else None
    if span is not None:  # 5月下旬—6月上旬： — parts of two months, the months between them all
        joined = parse_label_text(label + _MV.range_joiners[0] + span.group("to"))
        if joined is not None:
            parsed, part = joined, span
    if part is None:
        week = _WEEK.match(after)
        if week is not None and (_AFTER_LABEL.match(after, week.end()) or _SPACE_AFTER_WEEK.match(after, week.end())):
            part = week  # 9月第一周：… — a week of the month, as 3月上旬： is a part of it
    if part is not None:  # 3月上旬： — a part of the month, still its label
        end += part.end()
        after = line[end:]
    near = _near_before_colon().match(after)
    if near is not None:  # 6月底前：, 5月前： — a deadline heading the row, still the month's label
        end += near.end()
        after = line[end:]
    elif part is None and (_MV.date_followers.match(after.lstrip()) or _MV.date_followers_tight.match(after)):
        return None
    filler = _filler_before_colon().match(after)
    if filler is not None:  # 一月份工作：召开… — the label's own word before its colon
        end += filler.end()
        after = line[end:]
    if not after.strip() and re.match(r"\d{4}", label) and not label.endswith("份"):
        # a bare "2023年2月" line dates the plan (a signature); a label would have its colon, or
        # say 月份 (2026年3月份 on its own line: no date of signing is written so)
        return None
    if after[:1].isdigit():
        return None
    colon = _AFTER_LABEL.match(after) or _DASH_AFTER_LABEL.match(after)
    named = _month_name().match(after) if colon is None else None
    if colon:
        end += colon.end()
    elif named:
        end += named.end()  # 9月·开学季：… — the month's name and its colon close the label
    else:
        end += len(after) - len(after.lstrip())
    closed = colon is not None or named is not None or not after.strip()
    rest = line[end:]
    theme = named.group("name").strip() if named else None
    t = _theme_after_label().match(rest)
    named = _NAMED_THEME.match(rest, t.end()) if t and not t.group().rstrip().endswith((":", "：")) else None
    if named:
        theme = named.group("name")[1:-1].strip() or None
        end += named.end()
        rest = line[end:]
    elif t:
        theme = rest[t.end() :].strip() or None
        rest = ""
        end = len(line)
    months, years = parsed
    rest = rest.strip()
    if rest and theme is None:
        note = _NOTE.match(rest)
        if note and not _NUMERAL_ONLY.fullmatch(note.group(1).strip()):  # （1） is a marker, not a note
            theme = note.group(1).strip() or None
            end = len(line) - len(rest) + note.end()
            rest = rest[note.end() :].strip()
        elif rest.rstrip(":：") in month_vocab().label_fillers:
            rest, end = "", len(line)
    return MonthLabel(months, years, end, rest, theme, closed=closed or theme is not None or not rest)


def _bracketed_month(line: str, end: int, *, week: bool) -> MonthLabel | None:
    """The label a period gets from the months in brackets right after it (第18—20周（1月）：…), or None."""
    gloss = _BRACKET_GLOSS.match(line, end)
    inner = cell_label(gloss.group("inner")) if gloss is not None else None
    if gloss is None or inner is None:
        return None
    colon = _AFTER_LABEL.match(line, gloss.end())
    end = colon.end() if colon else gloss.end()
    rest = line[end:].strip()
    return MonthLabel(inner.months, inner.years, end, rest, week=week, closed=colon is not None or not rest)


def _period_of_year(line: str, found: re.Match, months: list[int]) -> MonthLabel:
    """The label of a part of the year (a quarter, a half) that ``found`` matched at the line's start:
    its months, the year written before it, and what closes it."""
    years: dict[int, int | None] = {m: _year(found.group("y")) for m in months} if found.group("y") else {}
    end = found.end()
    # its months may follow in brackets, 第一季度（1-3月）：, 上半年（1—6月）：, part of the label
    gloss = _BRACKET_GLOSS.match(line, end)
    if gloss is not None:
        inner = match_month_label(gloss.group("inner").strip())
        if inner is not None and not inner.rest:
            end = gloss.end()
    filler = _filler_before_colon().match(line, end)
    if filler is not None:  # 第二季度工作：… — the label's own word before its colon, as after a month
        end = filler.end()
    colon = _AFTER_LABEL.match(line, end)
    end = colon.end() if colon else end
    rest = line[end:].strip()
    return MonthLabel(months, years, end, rest, closed=colon is not None or not rest)


@lru_cache(maxsize=1)
def _mention() -> re.Pattern:
    """A month mentioned in running text (时限：3月25日前, 今年4月, 拟在六月份, 1-12月, 七、八月), a day
    or a part of the month after it at times, and a range on to a later month (3月至6月, 3月5日—4月10日,
    4月中旬至5月上旬, 11月—次年1月, 2025年9月至2026年1月): group ``a`` the first month's label, ``b``
    the range's last month. Not a month followed by 一 that starts no day (一月一主题, 一月一次 say
    "once a month"; 一月一日 is a date), nor a lunar month (正月十五: months.toml lunar_numerals)."""
    mv = month_vocab()
    num = rf"(?:{_alternation([w for w in mv.numerals if w not in mv.lunar_numerals])}|1[0-2]|0?[1-9])"
    year = _YEAR.replace("(?P<y>", "(?:")
    joins = _alternation([j for j in [*mv.list_joiners, *mv.range_joiners] if j.strip()])
    once = r"(?!一(?![日号]))"
    tail = rf"(?:\s*{_DAY}\s*[日号]|\s*(?:{_alternation(list(mv.month_parts))}))?"
    first = rf"(?P<a>{year}?{num}(?:\s*(?:{joins})+\s*{num})*\s*月){once}(?:\s*份)?"
    last = rf"(?P<b>{year}?{num}\s*月){once}(?:\s*份)?"
    return re.compile(rf"(?<!\d){first}{tail}(?:\s*(?:{_RANGE_JOIN})+\s*{last}{tail})?")


def mentioned_months(text: str) -> list[int]:
    """Calendar months a (normalised) text mentions, each range spanning every month from its first
    to its last (3月至6月 → 3, 4, 5, 6), as a label's range does (see :func:`parse_label_text`)."""
    if "月" not in text:
        return []
    found: set[int] = set()
    for m in _mention().finditer(text):
        parsed = parse_label_text(_mention_label(m))
        if parsed:
            found.update(parsed[0])
    return sorted(found)


def _mention_label(m: re.Match) -> str:
    """The label text of a mention: its first month's label, on to its range's last month."""
    return m.group("a") if m.group("b") is None else m.group("a") + _MV.range_joiners[0] + m.group("b")


def leading_mention(text: str) -> MonthLabel | None:
    """The month a text opens with in running words, a day or a part of the month after it at times
    (5月中旬做好…, 3月5日召开…, 5月中旬至6月上旬做好…): the label of an item led by its date, not
    closed (running text goes on), or None. Its months span its range, as :func:`mentioned_months` reads."""
    m = _mention().match(text)
    parsed = parse_label_text(_mention_label(m)) if m is not None else None
    if m is None or parsed is None:
        return None
    # words of nearness after the date are the label's too (3月15日前上交…, 4月底前完成…)
    near = next((w for w in sorted(_MV.date_row_suffixes, key=len, reverse=True) if text.startswith(w, m.end())), "")
    end = m.end() + len(near)
    end += len(text[end:]) - len(text[end:].lstrip())
    return MonthLabel(parsed[0], parsed[1], end, text[end:].strip(), closed=False)


def _through(first: int, last: str | None) -> tuple[int, ...]:
    """The months from ``first`` to the month ``last`` names (a range's second month, if written),
    across the turn of the year where it runs on (12.28-1.3 → 12, 1); () when no later month is named."""
    end = _numeral(last) if last else None
    if end is None or end == first:
        return ()
    span = range(first, end + 1) if end > first else [*range(first, 13), *range(1, end + 1)]
    return tuple(sorted(span))


# a month in Arabic digits, and one in Chinese numerals (_MNUM's two scripts): a label holding
# no character of either has its months in one script only
_ARABIC_MONTH = re.compile(r"[0-9]")
_NUMERAL_MONTH = re.compile("[" + "".join(sorted({w[0] for w in _MV.numerals})) + "]")


def _mixed_scripts(label: str) -> bool:
    """A bare number of one script before a month of the other: 1 三月份, 4、六月份 (a marker and a month)."""
    if _ARABIC_MONTH.search(label) is None or _NUMERAL_MONTH.search(label) is None:
        return False  # 三月份, 3—4月: one script only, no token to read
    tokens = list(_TOKEN_RE.finditer(label))
    for a, b in zip(tokens, tokens[1:], strict=False):
        if not a.group("yue") and a.group("m").isdigit() != b.group("m").isdigit():
            return True
    return False
