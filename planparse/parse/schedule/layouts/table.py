"""A schedule table flattened to text: a header row of column names, then its rows.

Three flattenings are read:

- one cell per line (时间 / 活动内容 / 参加范围, then 一月 / … / …), cells maybe ending in " |";
- cells opened by "| " with a lone "|" ending each row (a forum's table), where a row may hold
  fewer cells than the header because its first cells span several rows;
- one row per line, cells joined by "|" (a Word table's tabs become "|" when normalising);
- one row per line of a table laid across the months, cells joined by spaces (项目 9月 10月, then
  院内宣传 精神卫生日宣传 糖尿病日义诊), a row read where it has one cell a column;
- the whole table in one run of "|" cells (月份 | 工作内容 | 负责人 | 9月 | 开学典礼 | 德育处 | …), read
  by counting cells, the header's count being each row's width.

A table whose header row is not in the text (page two of a plan: 4月 | 开展读书月活动 | 工会办公室)
has its columns read from its rows' shapes: the rows open with their period (after their running
number, maybe), a column of short names (repeated, or ending like a unit or a role) is who does the
work, and the one column left is the activity.

Each header cell gives its column a role (data/months.toml ``[table_columns]``): the months come
from the period columns (月份, 起止日期, 周次 with dates), the activities from the activity
columns, and the person responsible and the participants become the entry's fields. Index columns
(序号) before the period column hold the row's running number: a row opens there, or at its period
where the number's line is gone (read as a page number). Inside an
activity cell, numbered items are one entry each, lines one each, chunks between ；/。 one each,
and a line of short names separated by spaces (春节联欢会 元宵节 登塔比赛) one entry per name.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from planparse.parse.chars import SENTENCE_END
from planparse.parse.features import Line
from planparse.parse.markers import Marker, match_marker
from planparse.parse.month_labels import (
    DAY_DATE,
    cell_label,
    date_cell_months,
    flat_table_header,
    is_date_cell,
    is_period_cell,
    match_month_label,
    period_cell_kind,
)
from planparse.parse.params import params
from planparse.parse.rules import Vote
from planparse.parse.schedule import ScheduleBlock, layout
from planparse.parse.schedule.entries import EntryWriter, Period, trim
from planparse.parse.vocab import month_vocab, plan_vocab

_SEP = re.compile(r"\s*[|｜]\s*")
_CELL_TEXT = re.compile(r"[^|｜]+")
_CHUNK = re.compile(r"[^;；。]+")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\S+")
_PERIOD_ROLES = ("month", "dates", "week")
# a row's running number in an index column (序号): 1, 2., 3、
_INDEX_CELL = re.compile(r"\d{1,3}[.、．]?")
_FIELD_ROLES = ("responsible", "participants")
# the first column of a table laid across the months: the row's work area, no activity
_AREA = "area"


@dataclass
class Cell:
    """A table cell: the working spans of its lines (separators trimmed)."""

    pieces: list[tuple[int, int]] = field(default_factory=list)
    # pieces that go on with the piece before them: a cell's words wrapped onto the next line
    runs_on: set[int] = field(default_factory=set)

    def text(self, text: str) -> str:
        return "\n".join(text[a:b] for a, b in self.pieces)


@dataclass
class Table:
    roles: list[tuple[str, ...]]  # per column
    rows: list[list[Cell]]
    form: str
    # a table laid across the months (项目 | 9月 | 10月): the months of each activity column
    column_months: dict[int, tuple[int, ...]] = field(default_factory=dict)
    headerless: bool = False  # its columns read from the rows' shapes: no header row in the text


def _cell_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A line's span without the cell separators and spaces around it."""
    while start < end and (text[start].isspace() or text[start] in "|｜"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "|｜"):
        end -= 1
    return start, end


def _header(block: ScheduleBlock) -> tuple[int, list[tuple[str, ...]], str] | None:
    """Where the header ends (index into block.lines), its columns' roles, and the table's form."""
    mv = month_vocab()
    lines = block.lines
    for i, ln in enumerate(lines):
        if ln.month_columns:
            # 项目 | 9月 | 10月: the rows' own column names their work area, each month's column holds
            # activities; 项目 9月 10月, its cells joined by spaces, has its rows' cells joined so too
            form = "rows" if "|" in ln.text or "｜" in ln.text else "space_across"
            return i + 1, [(_AREA,)] + [("activity",)] * (len(ln.month_columns) - 1), form
        cells = [c for c in _SEP.split(ln.text.strip()) if c]
        barred = "|" in ln.text or "｜" in ln.text
        roles = mv.header_roles(cells, barred=True) if barred and len(cells) >= 2 else None
        if roles is not None:
            return i + 1, roles, "rows"
        flat = flat_table_header(_line_cells(block.text, ln.start, ln.end)) if barred else None
        if flat is not None:
            return i, flat, "flat_rows"  # the header's cells open the rows' line
        # 月份 活动内容 负责人: header cells joined by spaces, the rows' cells too
        words = _SPACES.split(ln.text.strip())
        word_roles = [mv.column_roles(w) for w in words]
        lead = _lead_columns([r or () for r in word_roles])
        nxt = lines[i + 1].text.split(maxsplit=lead + 2) if i + 1 < len(lines) and lines[i + 1].text.strip() else []
        if len(words) >= 2 and all(r is not None for r in word_roles) and ln.month is None \
                and len(nxt) > lead and _opens_row(nxt, lead, [r or () for r in word_roles]):
            # rows that open with their period cell (一月 …), or with their week's number and dates
            # under 周次 日期 (1 2.13-2.17 …); without such a header, week rows are a month list
            return i + 1, [r for r in word_roles if r is not None], "space_rows"
        # one header cell per line: a run of them (maybe opened or closed by "|")
        run: list[tuple[str, ...]] = []
        j = i
        while j < len(lines):
            words = lines[j].text.strip().strip("|｜").strip()
            r = mv.column_roles(words) if words else None
            if r is None:
                break
            run.append(r)
            j += 1
        if len(run) >= 2:
            form = "pipe_cells" if any(lines[k].text.lstrip().startswith(("|", "｜")) for k in range(i, j)) else "cells"
            if j < len(lines) and lines[j].text.strip() in ("|", "｜"):
                j += 1  # the header row's own end
            return j, run, form
        if ln.month is not None:
            return None  # months before any header: a month list
    return None


def _line_cells(text: str, start: int, end: int) -> list[str]:
    """The words of a line's cells joined by bars, in order (an empty cell as "")."""
    return [text[a:b] for a, b in _cell_spans(text, start, end)]


def _cell_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [_cell_span(text, m.start(), m.end()) for m in _CELL_TEXT.finditer(text, start, end)]


def _opens_with_separator(line: str) -> bool:
    return line.lstrip().startswith(("|", "｜"))


def _has_activity(roles: list[tuple[str, ...]]) -> bool:
    return any("activity" in r for r in roles)


_NAME_BAD = re.compile(r"[，,。;；:：!?！？、]")


def _is_name(cell: str) -> bool:
    """A short cell ending like a unit or a person's role (工会办公室, 教务处, 各班主任)."""
    return _may_be_name(cell) and cell.endswith(month_vocab().name_endings)


def _may_be_name(cell: str) -> bool:
    """Short, no sentence punctuation, no verb opening it nor an activity's word ending it (成立兴趣小组,
    主题班会 are activities, not units)."""
    return len(cell) <= params().table.name_cell_max_chars and _NAME_BAD.search(cell) is None \
        and not cell.startswith(plan_vocab().title_not_opening) and not cell.endswith(month_vocab().activity_endings)


def _names_role(cells: list[str]) -> str | None:
    """The role of a column of a table without its header when its cells are short names: who is
    responsible (工会办公室, 教务处, 各班主任; one value repeated down the column, or most of them
    ending like a unit or a person's role), or who takes part (全体教师); None when they are no names."""
    p, mv = params().table, month_vocab()
    filled = [c for c in cells if c]
    if not filled or any(not _may_be_name(c) or is_period_cell(c) or match_marker(c) is not None for c in filled):
        return None
    ending = sum(_is_name(c) for c in filled)
    repeated = len(set(filled)) < len(filled)
    if not repeated and ending < p.name_ending_share * len(filled):
        return None
    group = sum(c.startswith(mv.participant_openers) for c in filled)
    return "participants" if group * 2 > len(filled) else "responsible"


def _row_lead(cells: list[str]) -> tuple[int, int] | None:
    """How a headerless table's row opens: (index cells, period cells) — its running number maybe,
    then its period (4月, 4月15日, 第1周 | 9.1-9.5); None when it opens with no period."""
    k = 1 if len(cells) > 1 and _INDEX_CELL.fullmatch(cells[0]) else 0
    n = 0
    while k + n < len(cells) and (is_period_cell(cells[k + n]) or is_date_cell(cells[k + n])):
        n += 1
    return (k, n) if n else None


def _headerless_roles(rows: list[list[str]], lead: tuple[int, int]) -> list[tuple[str, ...]] | None:
    """The roles of a headerless table's columns from its rows of one width: the index and period
    columns that open them (``lead``), then the names columns, and the one column left, the activity."""
    index, periods = lead
    roles: list[tuple[str, ...]] = [("index",)] * index
    for col in range(index, index + periods):
        kinds = Counter(period_cell_kind(row[col]) for row in rows)
        roles.append((kinds.most_common(1)[0][0] or "month",))
    activity = []
    for col in range(index + periods, len(rows[0])):
        role = _names_role([row[col] for row in rows])
        roles.append((role,) if role else ("activity",))
        activity += [col] if role is None else []
    return roles if len(activity) == 1 else None


def _headerless(block: ScheduleBlock) -> tuple[int, list[tuple[str, ...]], str, bool] | None:
    """A table whose header row is not in the text (the rest of a page: 4月 | 开展读书月活动 |
    工会办公室): its columns read from the shapes of its rows, which open with their period (after
    their running number, maybe).

    Cells are joined by bars, or by spaces: by wide gaps where every row sets its cells apart so
    (each gap then a cell's end), else one word for each names column at the row's end, the
    activity's words being what lies between. Returns where the rows start, the columns' roles,
    the table's form and whether its cells are set apart by wide gaps."""
    p = params().table
    text_lines = [ln for ln in block.lines if ln.text.strip() and not ln.furniture and not ln.signature]
    if not text_lines:
        return None
    barred = sum("|" in ln.text or "｜" in ln.text for ln in text_lines) * 2 > len(text_lines)

    def cells_of(ln_text: str, wide: bool) -> list[str]:
        bare = ln_text.strip().strip("|｜").strip()
        if barred:
            return [c.strip() for c in _SEP.split(bare)]
        return _WIDE_GAP.split(bare) if wide else bare.split()

    leads = {ln.idx: _row_lead(cells_of(ln.text, False)) for ln in text_lines}
    found = Counter(lead for lead in leads.values() if lead is not None).most_common(1)
    if not found:
        return None
    lead, _ = found[0]
    heads = [ln for ln in text_lines if leads[ln.idx] == lead]
    if len(heads) < p.headerless_min_rows:
        return None
    opening = sum(lead)
    if not barred and all(len(cells_of(ln.text, False)) == opening for ln in heads):
        return _headerless_cells(block, text_lines, heads, lead)
    wide = not barred and all(_WIDE_GAP.search(ln.text.strip()) for ln in heads)
    rows = [cells_of(ln.text, wide) for ln in heads]
    if barred or wide:
        width, count = Counter(len(r) for r in rows).most_common(1)[0]
        if width < opening + 2 or count < max(p.headerless_min_rows, p.headerless_width_share * len(rows)):
            return None
        roles = _headerless_roles([r for r in rows if len(r) == width], lead)
    else:
        # one word for each names column at the row's end: as many as every long enough row has
        long = [r for r in rows if len(r) >= opening + 2]
        if len(long) < max(p.headerless_min_rows, p.headerless_width_share * len(rows)):
            return None
        tail = 0
        while all(len(r) >= opening + 2 + tail for r in long) and _names_role([r[-1 - tail] for r in long]):
            tail += 1
        if tail == 0:
            return None
        roles = _headerless_roles(
            [[*r[:opening], " ".join(r[opening : len(r) - tail]), *r[len(r) - tail :]] for r in long], lead)
    if roles is None:
        return None
    first = heads[0]
    start = next(i for i, ln in enumerate(block.lines) if ln is first)
    return start, roles, "rows" if barred else "space_rows", wide


def _headerless_cells(block: ScheduleBlock, text_lines: list[Line], heads: list[Line],
                      lead: tuple[int, int]) -> tuple[int, list[tuple[str, ...]], str, bool] | None:
    """A headerless table of one cell per line (4月 / 开展读书月活动 / 工会办公室 / 5月 / …): each period
    line opens a row of as many lines as every other row has, its last ones a column of names. A
    month list whose months hold their activities in lines of their own has rows of varying length,
    or no column of names."""
    at = {ln.idx: k for k, ln in enumerate(text_lines)}
    starts = [at[ln.idx] for ln in heads] + [len(text_lines)]
    groups = [[ln.text.strip() for ln in text_lines[a:b]] for a, b in zip(starts, starts[1:], strict=False)]
    whole = groups[:-1]  # the last row may have lost its last cells (the signer's line looks alike)
    width = len(whole[0])
    if width < 3 or any(len(g) != width for g in whole) or len(groups[-1]) > width:
        return None
    roles = _headerless_roles(whole, (0, 1))
    if roles is None or "activity" not in roles[1]:
        return None
    return next(i for i, ln in enumerate(block.lines) if ln is heads[0]), roles, "cells", False


def read_table(block: ScheduleBlock) -> Table | None:
    found = _header(block)
    headerless = None if found is not None else _headerless(block)
    if found is None and headerless is None:
        return None
    if headerless is not None:
        end, roles, form, wide = headerless
    else:
        assert found is not None
        end, roles, form = found
        wide = form == "space_rows" and _wide_gaps_only(block.lines[end - 1].text)
    if not _has_activity(roles):
        return None
    across = block.lines[end - 1].month_columns
    column_months = {k: months for k, months in enumerate(across) if months}
    body = [ln for ln in block.lines[end:] if not ln.furniture and not ln.signature]  # the signer is in no row
    text = block.text
    rows: list[list[Cell]] = []
    if form == "rows":
        # a row opening with a separator where the header row does not has an empty first cell: its
        # text is on a row above (a Word cell merged down, an HTML cell with rowspan)
        header_open = headerless is None and _opens_with_separator(block.lines[end - 1].text)
        for ln in body:
            cells = [] if header_open or not _opens_with_separator(ln.text) else [Cell([])]
            for m in _CELL_TEXT.finditer(text, ln.start, ln.end):
                a, b = _cell_span(text, m.start(), m.end())
                cells.append(Cell([(a, b)] if a < b else []))
            if any(c.pieces for c in cells):
                rows.append(cells)
    elif form == "flat_rows":
        # one run of cells, maybe over several lines: the header's width of them a row
        spans = [span for ln in block.lines[end:] if not ln.furniture and not ln.signature
                 for span in _cell_spans(text, ln.start, ln.end)][len(roles) :]
        rows.extend([Cell([(a, b)] if a < b else []) for a, b in spans[k : k + len(roles)]]
                    for k in range(0, len(spans), len(roles)))
    elif form == "space_rows":
        # a row starts at its period cell; lines without one go on with it (the parser cut a
        # cell's numbered activities into lines of their own)
        # a row standing on consecutive lines; after a blank line, an unnumbered line that opens no
        # row is a note on the whole table (params.toml ``row_list_min_rows``), in no row
        groups: list[list[int]] = []
        tight, note = True, False
        lead = _lead_columns(roles)
        for ln in body:
            first = ln.text.split(maxsplit=lead + 2) if ln.text.strip() else []
            if not groups or (len(first) > lead and _opens_row(first, lead, roles)):
                tight &= not (groups and ln.blank_before)
                groups.append([ln.start, ln.end])
                note = False
            elif note or (ln.marker is None and len(groups) >= params().schedule.row_list_min_rows
                          and ((tight and ln.blank_before) or month_vocab().list_note.search(ln.text))):
                note = True
            else:
                groups[-1][1] = ln.end
        rows.extend(_space_rows(block, groups, roles, wide))
    elif form == "space_across":
        wide = _wide_gaps_only(block.lines[end - 1].text)
        rows.extend(row for ln in body if (row := _across_cells(text, ln.start, ln.end, len(roles), wide)))
    elif form == "pipe_cells":
        row: list[Cell] = []
        for ln in body:
            stripped = ln.text.strip()
            if stripped in ("|", "｜"):
                if row:
                    rows.append(row)
                row = []
                continue
            span = _cell_span(text, ln.start, ln.end)
            if stripped.startswith(("|", "｜")) or not row:
                row.append(Cell([span] if span[0] < span[1] else []))
            elif span[0] < span[1]:
                row[-1].pieces.append(span)
        if row:
            rows.append(row)
    else:  # one cell per line: a row starts at each month in the first period column
        # or, where index columns (序号) stand before it, at the row's running number
        lead = _lead_columns(roles)
        numbered = _numbered_rows(roles)
        row = []
        last_marker = None  # the numbering of the current cell's last line, if it had one
        for ln in body:
            span = _cell_span(text, ln.start, ln.end)
            if span[0] >= span[1]:
                continue
            if (lead or numbered) and _INDEX_CELL.fullmatch(text[span[0] : span[1]]) and (not row or len(row) > lead):
                if row:
                    rows.append(row)
                row = [Cell([span])]
                last_marker = None
                continue
            col = _period_column(text[span[0] : span[1]], roles, lead)
            if col is not None and not (ln.month is not None and col == lead):
                # a week or a date standing alone (第3周 / 2.17-2.21): the cell of its period column,
                # in the row it follows where that row has not got so far, else opening the next one
                # (its columns before left empty: a bare week number was read as a page number)
                if not row or len(row) > col:
                    if row:
                        rows.append(row)
                    row = []
                row.extend(Cell([]) for _ in range(col - len(row)))
                row.append(Cell([span]))
                last_marker = None
                continue
            # a month's part alone in its cell (3月下旬) is no month label of the line's own, but the cell's
            month_cell = ln.month is not None and not ln.prose_month or (
                ln.month is None and period_cell_kind(text[span[0] : span[1]]) == "month")
            starts_row = month_cell and not numbered and not (lead and len(row) == lead and row[-1].pieces)
            mk = ln.marker
            counts_on = (mk is not None and last_marker is not None and mk.family == last_marker.family
                         and mk.number == (last_marker.number or 0) + 1)
            if starts_row or not row:
                if row:
                    rows.append(row)
                # the index cells of a row opening at its period (a bare 1, 2 … line read as a page
                # number) are empty
                row = [Cell([]) for _ in range(lead)] + [Cell([span])]
            elif lead and len(row) == lead:
                row.append(Cell([span]))  # the period cell after the row's running number
            elif counts_on:
                row[-1].pieces.append(span)  # 2.… after 1.…: the same cell's next activity, not the next column
            elif len(row) < len(roles):
                row.append(Cell([span]))
            else:
                row[-1].pieces.append(span)  # more lines than columns: the last cell goes on
            last_marker = mk
        if row:
            rows.append(row)
    return Table(roles, rows, form, column_months, headerless is not None)


def _period_column(cell: str, roles: list[tuple[str, ...]], lead: int) -> int | None:
    """The period column (among those opening the row after its index columns) that a lone week or
    date cell belongs to: a week in the 周次 column, a date in the 日期 or 时间 column."""
    kind = period_cell_kind(cell)
    if kind not in ("week", "dates"):
        return None
    fits = ("week",) if kind == "week" else ("dates", "month")
    k = lead
    while k < len(roles) and any(r in _PERIOD_ROLES for r in roles[k]):
        if any(r in fits for r in roles[k]):
            return k
        k += 1
    return None


def _lead_columns(roles: list[tuple[str, ...]]) -> int:
    """How many index columns (序号) open the row before its first period column."""
    k = 0
    while k < len(roles) and roles[k] == ("index",):
        k += 1
    return k if k < len(roles) and any(r in _time_roles(roles) for r in roles[k]) else 0


def _numbered_rows(roles: list[tuple[str, ...]]) -> bool:
    """The rows open with their running number (序号 first) and their period comes later, after the
    activity (序号 活动名称 活动时间 负责人): the number, not the period, opens a row."""
    return bool(roles) and roles[0] == ("index",) and _lead_columns(roles) == 0 and any(
        r in _time_roles(roles) for rs in roles for r in rs)


def _opens_row(words: list[str], lead: int, roles: list[tuple[str, ...]]) -> bool:
    """A row joined by spaces opens here: its running numbers (``lead`` index columns), then its period,
    or a week column's bare number with the week's dates in the column after it (1 2.17-2.21 …) where
    columns follow the activity's (课时, 负责人): only the table tells those cells from its words, and
    without them the week rows read as a month list does."""
    if _numbered_rows(roles):
        return len(words) > 1 and _INDEX_CELL.fullmatch(words[0]) is not None
    if not all(_INDEX_CELL.fullmatch(w) for w in words[:lead]):
        return False
    if is_period_cell(words[lead]):
        return True
    act = next((k for k, r in enumerate(roles) if "activity" in r), len(roles))
    if len(words) <= lead + 1 or "week" not in roles[lead] or _INDEX_CELL.fullmatch(words[lead]) is None:
        return False
    if act == len(roles) - 2 and "dates" in roles[-1]:
        # 周次 工作内容 日期: the week's number, its activity, its dates last (1 开学典礼 2.23-2.27)
        return is_date_cell(words[-1].split()[-1])
    return (act < len(roles) - 1 and lead + 1 < act and "dates" in roles[lead + 1]
            and is_date_cell(words[lead + 1]))


# a table's cells set apart by wider gaps than its words (月份  教学内容  课时): two spaces or more
_WIDE_GAP = re.compile(r"[ \t]{2,}")
_SINGLE_GAP = re.compile(r"(?<=\S) (?=\S)")
_GAPPED_CELL = re.compile(r"\S+(?: \S+)*")


def _wide_gaps_only(header: str) -> bool:
    """Whether a header row joined by spaces sets its column names apart by wide gaps only."""
    words = header.strip()
    return _WIDE_GAP.search(words) is not None and _SINGLE_GAP.search(words) is None


def _space_rows(block: ScheduleBlock, groups: list[list[int]], roles: list[tuple[str, ...]],
                wide_gaps: bool = False) -> list[list[Cell]]:
    """The rows of a table whose cells are joined by spaces, each row from its lines' spans.

    A row's cells are its first line's words; its further lines are its activity cell's (the copy
    put a cell's numbered activities, or the rest of a long cell, on lines of their own). A further
    line goes on with the line above when the activity's words there fill the column, as wide as
    the widest activity cell of the table (params ``lines.hard_wrap.slack``), and stop mid-sentence:
    the cell was wrapped at its width (一年级入学常规训练汇报；教学常规第一次 / 检查).
    """
    text = block.text
    act = next((k for k, r in enumerate(roles) if "activity" in r), None)
    rows: list[list[Cell]] = []
    for start, end in groups:
        first_end = text.find("\n", start, end)
        first_end = end if first_end < 0 else first_end
        cells = _space_cells(text, start, first_end, roles, wide_gaps)
        if not cells:
            continue
        if act is not None and act < len(cells):
            for m in re.finditer(r"[^\n]+", text[first_end:end]):
                a, b = _cell_span(text, first_end + m.start(), first_end + m.end())
                if a < b:
                    cells[act].pieces.append((a, b))
        rows.append(cells)
    if act is None:
        return rows
    widths = [b - a for row in rows if act < len(row) and row[act].pieces for a, b in row[act].pieces[:1]]
    width = max(widths, default=0)
    slack = params().lines.hard_wrap.slack
    for row in rows:
        cell = row[act] if act < len(row) else None
        if cell is None:
            continue
        for k in range(1, len(cell.pieces)):
            (a, b), (c, _) = cell.pieces[k - 1], cell.pieces[k]
            numbered = match_marker(text[c : cell.pieces[k][1]]) is not None
            if b - a >= width - slack and text[b - 1] not in SENTENCE_END and not numbered:
                cell.runs_on.add(k)
    return rows


def _across_cells(text: str, start: int, end: int, width: int, wide_gaps: bool) -> list[Cell]:
    """A row of a table laid across the months whose cells are joined by spaces (院内宣传 精神卫生日宣传
    糖尿病日义诊 …): one cell a column, or none where the row cannot be read so. Where the header sets
    its cells apart by wide gaps and the row does too, the cells are between those gaps, from the left
    (a single space is a cell's own; the last months may be left empty, as in :func:`_space_cells`);
    otherwise a row of exactly one word a column is read, and a row of more or fewer words (a cell of
    several words, an empty month, a note under the table) gives no cells, as nothing tells which of
    its words is which month's."""
    if wide_gaps and _WIDE_GAP.search(text, start, end):
        cells = [Cell([(m.start(), m.end())]) for m in _GAPPED_CELL.finditer(text, start, end)]
        return cells if len(cells) <= width else []
    cells = [Cell([(m.start(), m.end())]) for m in _WORD.finditer(text, start, end)]
    return cells if len(cells) == width else []


def _space_cells(text: str, start: int, end: int, roles: list[tuple[str, ...]], wide_gaps: bool = False) -> list[Cell]:
    """A row whose cells are joined by spaces (一月 新春联欢会 办公室), against the header's columns.

    With more words than columns the activity column takes the extra ones: the columns before it
    take one word each from the left, those after it one each from the right. Where the header sets
    its columns apart by wide gaps (``wide_gaps``), a row that does too has its cells between its wide
    gaps, from the left (a last column left empty: 11月  第四章 光现象；期中复习  12), a single space
    being the cell's own (第四章 光现象).
    """
    if wide_gaps and _WIDE_GAP.search(text, start, end):
        gapped = [(m.start(), m.end()) for m in _GAPPED_CELL.finditer(text, start, end)]
        if len(gapped) <= len(roles):
            return [Cell([span]) for span in gapped]
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text[start:end])]
    act = next((k for k, r in enumerate(roles) if "activity" in r), None)
    if not words or act is None or len(words) < len(roles):
        return [Cell([(start + a, start + b)]) for a, b in words] if words else []
    after = len(roles) - act - 1
    head, tail = words[:act], words[len(words) - after :] if after else []
    middle = words[act : len(words) - after]
    if tail and any(r in _FIELD_ROLES for r in roles[act + 1]):
        # several units share the work (护理部 工会): the names before the column's last word are its own
        while len(middle) > 1 and _is_name(text[start + middle[-1][0] : start + middle[-1][1]]):
            tail[0] = (middle.pop()[0], tail[0][1])
    cells = [Cell([(start + a, start + b)]) for a, b in head]
    cells.append(Cell([(start + middle[0][0], start + middle[-1][1])]))
    cells.extend(Cell([(start + a, start + b)]) for a, b in tail)
    return cells


def _table(block: ScheduleBlock) -> Table | None:
    """:func:`read_table` of the block, read once for the detector and the extractor (``block.memo``)."""
    if "table" not in block.memo:
        block.memo["table"] = read_table(block)
    return block.memo["table"]


def detect(block: ScheduleBlock) -> Vote | None:
    """A header row of column names (月份 | 活动内容 | 负责人) and rows under it."""
    table = _table(block)
    if table is None or not table.rows:
        return None
    return Vote("table", (f"{len(table.roles)} columns", f"{len(table.rows)} rows", table.form))


def _time_roles(roles: list[tuple[str, ...]]) -> tuple[str, ...]:
    """The roles of the columns that date a table's rows: its period columns, or where it has none
    its deadline column (months.toml [table] period_fallback_roles: 完成时限 | 3月底前)."""
    if any(r in _PERIOD_ROLES for rs in roles for r in rs):
        return _PERIOD_ROLES
    return month_vocab().period_fallback_roles


def _cell_months(text: str, cell: Cell, role: str, weekly: bool = False) -> tuple[int, ...] | None:
    """The months a period cell gives its row; ``weekly``: the table has a week column (周次), so its
    rows are a calendar's weeks, each in its first date's month (GUIDE: a week row)."""
    words = cell.text(text).strip()
    if not words:
        return None
    if role not in ("dates", "week"):  # a month column, or a deadline's (3月底前, 6月30日前)
        label = match_month_label(words) or cell_label(words)
        if label is not None:
            return tuple(label.months)
        # a 时间 column holds dates as often as months (2月23日—2月27日 beside 第1周), read as in a
        # 日期 column
    if not weekly:
        # a range of dates: its first date's month where it is a calendar's week or two, every
        # month it spans where longer (3月1日—4月30日: GUIDE, a date range across months)
        spanned = date_cell_months(words)
        if spanned is not None:
            return tuple(spanned)
    m = DAY_DATE.search(words)
    return (int(m.group(1)),) if m else None


_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# a name in brackets or quotes keeps its spaces (“学雷锋 树新风”主题班会 is one name)
_OPENERS, _CLOSERS = "(（《〈[【“‘「『", ")）》〉]】”’」』"


@functools.cache
def _unit_label() -> re.Pattern:
    words = "|".join(map(re.escape, sorted(month_vocab().unit_words, key=len, reverse=True)))
    return re.compile(rf"第[一二三四五六七八九十百\d]{{1,3}}(?:{words})")


def _names(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The phrases of a cell's words split at their spaces, as a list of short names would be: words
    in a script spaced by word (Unit 1 What's the matter) are one phrase, a space inside brackets
    splits none, and a unit's label (第二单元) goes with the words after it."""
    if _LATIN_WORD.search(text, a, b):
        return [(a, b)]
    out: list[tuple[int, int]] = []
    depth, glue = 0, False
    for m in re.finditer(r"\S+", text[a:b]):
        word = m.group()
        if out and (depth > 0 or glue):
            out[-1] = (out[-1][0], a + m.end())
        else:
            out.append((a + m.start(), a + m.end()))
        depth = max(0, depth + sum(ch in _OPENERS for ch in word) - sum(ch in _CLOSERS for ch in word))
        glue = _unit_label().fullmatch(word) is not None
    return out


def _phrases(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Entries of one line of an activity cell: chunks between ；/。, a list of short names at its spaces."""
    out: list[tuple[int, int]] = []
    limit = params().schedule.short_name_max_chars
    for chunk in _CHUNK.finditer(text, start, end):
        a, b = trim(text, chunk.start(), chunk.end())
        if a >= b:
            continue
        names = _names(text, a, b)
        if len(names) >= 2 and all(y - x <= limit for x, y in names):
            out.extend(names)
        else:
            out.append((a, b))
    return out


_Activity = tuple[tuple[int, int], tuple[int, int] | None, bool]


def _activities(text: str, cell: Cell) -> list[_Activity]:
    """(words, marker, runs on) of each entry in an activity cell; a piece that runs on gives its
    first words to the entry before it (runs on = True)."""
    out: list[_Activity] = []
    for k, (a, b) in enumerate(cell.pieces):
        mk = match_marker(text[a:b])
        # 第一章 有理数 in a teaching schedule's cell names a unit, the cell's content: no numbering
        if mk is not None and mk.number is not None and not _unit_label().match(text, a):
            out.extend((words, marker, False) for words, marker in _numbered_run(text, a, b, mk))
            continue
        phrases = _phrases(text, a, b) if k not in cell.runs_on else \
            [(x, y) for chunk in _CHUNK.finditer(text, a, b) for x, y in [trim(text, chunk.start(), chunk.end())] if x < y]
        out.extend((p, None, k in cell.runs_on and i == 0) for i, p in enumerate(phrases))
    return out


def _numbered_run(text: str, a: int, b: int, first: Marker) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The numbered activities of one cell line: 1.召开家长会 2.更新联系栏 is two, cut where the count goes on."""
    found: list[tuple[int, Marker]] = [(a, first)]
    for gap in _SPACES.finditer(text, a, b):
        at = gap.end()
        mk = match_marker(text[at:b])
        prev = found[-1][1]
        if mk is not None and mk.family == prev.family and mk.number == (prev.number or 0) + 1:
            found.append((at, mk))
    out = []
    for k, (at, mk) in enumerate(found):
        end = found[k + 1][0] if k + 1 < len(found) else b
        words = trim(text, at + mk.end, end)
        out.append((words, (at, at + mk.raw_end)))
    return out


def _field_values(text: str, cell: Cell | None, n: int) -> list[tuple[int, int] | None]:
    """A responsible/participants cell for n entries: one name each when it lists n, else the whole cell."""
    if cell is None or not cell.pieces:
        return [None] * n
    a, b = cell.pieces[0][0], cell.pieces[-1][1]
    if len(cell.pieces) == 1:
        names = [(a + m.start(), a + m.end()) for m in re.finditer(r"\S+", text[a:b])]
        if len(names) == n and n > 1:
            return list(names)
    return [(a, b)] * n


def _names_no_activity(text: str, row: list[Cell]) -> bool:
    """A row of a table laid across the months whose first cell names a column of no activities, as
    a header cell would (主题, 负责人, 备注): its cells are the months' themes, people or notes."""
    roles = month_vocab().column_roles(row[0].text(text).strip()) if row else None
    return roles is not None and "activity" not in roles


def extract(block: ScheduleBlock, out: EntryWriter) -> None:
    table = _table(block)
    if table is None:
        return
    text = block.text
    ncols = len(table.roles)
    lead = _lead_columns(table.roles)
    last_months: dict[int, tuple[int, ...]] = {}  # column → months last seen (a cell spanning rows)
    time_roles = _time_roles(table.roles)
    weekly = any("week" in r for r in table.roles)
    for row in table.rows:
        if table.column_months and _names_no_activity(text, row):
            continue  # 主题 | 新学期新气象 | … or 负责人 | 教务处 | …: the months' themes or people, no activities
        # a row with fewer cells than the header lost its first ones to cells spanning rows; in a
        # table without its header, a row of cells not opening with its period lost that one alone
        offset = ncols - len(row) if len(row) < ncols and table.form == "pipe_cells" else 0
        if table.headerless and 1 < len(row) < ncols and row[0].pieces \
                and _row_lead([row[0].text(text).strip()]) is None:
            offset = sum(1 for r in table.roles[:ncols - 1] if r[0] in ("index", *_PERIOD_ROLES))
        # cells past the header's width (a row that lost its first cells and has more after them than
        # the table has columns) are no column's: reading them would name a column the table has not
        by_col: dict[int, Cell] = {offset + k: c for k, c in enumerate(row[: max(0, ncols - offset)])}
        for col in range(ncols):
            role = next((r for r in table.roles[col] if r in time_roles), None)
            cell = by_col.get(col)
            if role is None and col == lead and table.form == "cells":
                role = "month"  # a row of one cell per line starts at its month, whatever the header calls it
            if role is not None and cell is not None:
                months = _cell_months(text, cell, role, weekly)
                if months:
                    last_months[col] = months
                elif cell.text(text).strip():
                    # the row names its time, but no month (全年, 长期坚持): not the month of the row above
                    last_months.pop(col, None)
        fields = {r: next((c for col, c in by_col.items() if r in table.roles[col]), None) for r in _FIELD_ROLES}
        for col, cell in sorted(by_col.items()):
            if "activity" not in table.roles[col]:
                continue
            # the months of an activity column come from the nearest period column to its left, or
            # to its right where the row names its activity first (教学内容 | 起止时间 | 课时)
            source = max((c for c in last_months if c < col), default=None)
            if source is None:
                source = min((c for c in last_months if c > col), default=None)
            months = table.column_months.get(col) or (last_months[source] if source is not None else None)
            if months is None:
                continue
            period = Period(months)
            acts = _activities(text, cell)
            n = sum(not runs_on for _, _, runs_on in acts)
            responsible = iter(_field_values(text, fields["responsible"], n))
            participants = iter(_field_values(text, fields["participants"], n))
            emitted = False
            for words, marker, runs_on in acts:
                if runs_on and emitted and out.extend_last(*words, across_cells=True):
                    continue
                emitted = out.emit(*words, period, marker=marker, evidence=("table cell", " / ".join(table.roles[col])),
                                   responsible=next(responsible, None), participants=next(participants, None)) or emitted


layout("table", detect, extract)
