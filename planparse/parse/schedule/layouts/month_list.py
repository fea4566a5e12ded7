"""The month list: month labels (二月份：, 3月, 七、八月) with the month's activities under them.

Under each label, one entry per numbered item (never split); unnumbered text one entry per
line, or per chunk between ；/;/。 (never split at 、 or ，). Text on the label's own line is an
activity — unless numbered items follow, when it is the month's theme (2月新学期新面貌).
Table rows ("二月 | …") give one entry per cell chunk.
"""

from __future__ import annotations

import re
from functools import cache

from planparse.parse.chars import BULLETS, CELL_SEPARATORS, CLAUSE_END, SENTENCE_END
from planparse.parse.features import Line
from planparse.parse.month_labels import (
    MonthLabel,
    is_date_cell,
    leading_mention,
    month_part_prefix,
    trailing_date_cell,
)
from planparse.parse.params import params
from planparse.parse.rules import Vote
from planparse.parse.schedule import ScheduleBlock, layout
from planparse.parse.schedule.entries import EntryWriter, Period
from planparse.parse.vocab import month_vocab, plan_vocab

_CHUNK = re.compile(r"[^;；。]+")
_NAME = re.compile(r"[\u4e00-\u9fff]+")  # a phase's name: words only, no clause or sentence punctuation
_MONTH_NAME = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff\s·]*")  # a month's name: words, a space or a dot between
_CELL = re.compile(f"[^{CELL_SEPARATORS}]+")
# a week row's date cell before its activity, behind the label's colon at times (第5周：3月23日—3月27日 …):
# stripped only where it holds a date (a month, or a dotted day), not a bare count (第3周 5个班级…)
_WEEK_DATES = re.compile(r"[\s:：]*[\d\s月日号./\-—–~～至到()（）]+")
_HAS_DATE = re.compile(r"\d\s*月|\d[./]\d")
_SENTENCE_ENDS = SENTENCE_END + ".…"
_DATE_MONTH = re.compile(r"(?<!\d)(1[0-2]|0?[1-9])\s*月\s*[0-3]?\d\s*[日号]")


def detect(block: ScheduleBlock) -> Vote | None:
    """Month labels with activities under them: the layout of most schedules."""
    labels = sum(ln.month is not None or ln.weak_label is not None for ln in block.lines)
    return Vote("month_list", (f"{labels} month labels",))


def _label(ln: Line, weak: bool) -> MonthLabel | None:
    """The line's period label; a weak one (a festival, a dotted date) only in a schedule without month labels."""
    return ln.month if ln.month is not None or not weak else ln.weak_label


def _period(ln: Line, mk: MonthLabel) -> Period:
    start, end = ln.start, ln.start + mk.end
    while end > start and ln.text[end - 1 - ln.start].isspace():
        end -= 1
    theme = None
    if mk.theme:
        at = ln.text.find(mk.theme)
        if at >= 0:
            theme = (ln.start + at, ln.start + at + len(mk.theme))
    return Period(tuple(mk.months), (start, end) if end > start else None, theme, dict(mk.years))


def line_role(ln: Line) -> str:
    """What an unnumbered line under a month label is: reference list, theme, detail, sub-heading or activity."""
    mv = month_vocab()
    label = ln.head if ln.after_colon or ln.text.rstrip().endswith((":", "：")) else ""
    if label in mv.reference_labels:
        return "reference"
    if label in mv.theme_labels:
        return "theme"
    if label in mv.detail_labels and ln.after_colon:
        return "detail"
    words = ln.text.rstrip().rstrip(":：").strip()
    if ln.text.rstrip().endswith((":", "：")) and len(words) <= mv.subheading_max_chars:
        return "subheading"
    if ln.text.rstrip().endswith((":", "：")) and ln.marker is None:
        return "subheading"  # a line of the month's key words ending in a colon (学期尾声,总结考核,…,常规事项：)
    return "activity"


@cache
def _detail_chunk() -> re.Pattern:
    """A chunk of a month's line that opens with a detail's field label and its colon, in brackets
    at times (地点：社区广场, 时间：3月5日, 备注：…, （注：各班自定）): a detail of the month's
    activities, as a detail line under them is (GUIDE), no activity of its own."""
    mv = month_vocab()
    labels = sorted(mv.detail_labels | set(mv.record_time_fields), key=len, reverse=True)
    return re.compile(rf"\s*[(（【]?\s*(?:{'|'.join(map(re.escape, labels))})\s*[:：】]")


def _field_label(ln: Line) -> bool:
    """A detail line that opens with a short label and a colon (时间：…, 地点：…, 参加人员：…)."""
    return bool(ln.after_colon) and 0 < len(ln.head) <= params().schedule.field_label_max_chars


class _MonthList:
    def __init__(self, block: ScheduleBlock, out: EntryWriter) -> None:
        self.block = block
        self.out = out
        self.period: Period | None = None
        self.week = False
        # the period of the month label in force (三月：), and the one to go back to after a row
        # under it that opens with a range of dates running into the next month (see ``dated_row``)
        self.month_period: Period | None = None
        self.after_row: Period | None = None
        self.pending: tuple[int, int] | None = None  # text on the label's own line: theme or activity
        self.phase = False  # the label in force is a phase of an activity (第一阶段（3月1日—3月5日）：)
        self.skip_cells: frozenset[int] = frozenset()  # table columns that hold no activities
        self.leading: list[Line] | None = []  # numbered lines before the first label (a text cut mid-list)
        self.rows = 0  # one-line rows (a label and its activity on one line) on consecutive lines so far
        self.rows_only = True  # no line under a label
        self.rows_tight = True  # no blank line between the rows
        # the numbering level of the month's numbered activities: an item deeper than it is a
        # sub-item of the last one (1、开学准备 then (1)(2)…), and the lines under it are its own
        self.entry_level: int | None = None
        self.in_subitem = False
        # the numbering level of the month labels themselves where they are numbered (1、三月：… under
        # （二）开展主题活动): a numbered line above that level (（三）抓好阵地建设) ends the months
        self.label_level: int | None = None

    def note_after_rows(self, ln: Line, label: MonthLabel | None) -> bool:
        """Whether ``ln`` is a note after a run of one-line rows (see params.toml ``row_list_min_rows``);
        it also keeps count of those rows."""
        if label is not None:
            one_line = bool(ln.text[label.end :].strip())
            self.rows_only &= one_line
            self.rows_tight &= not (self.rows and ln.blank_before)
            self.rows += one_line
            return False
        # the note stands apart by a blank line where the rows stand on consecutive lines, or by its
        # words on the list as a whole (以上各项活动), blank lines or none
        apart = (self.rows_tight and ln.blank_before) or month_vocab().list_note.search(ln.text) is not None
        note = self.rows_only and self.rows >= params().schedule.row_list_min_rows and apart and ln.marker is None
        self.rows_only = False
        return note

    def flush_pending(self) -> None:
        if self.pending is not None and self.period is not None:
            self.chunks(*self.pending, self.skip_cells)
        self.pending = None

    def chunks(self, start: int, end: int, skip: frozenset[int] = frozenset()) -> None:
        assert self.period is not None
        text = self.block.text
        if self.week:
            m = _WEEK_DATES.match(text, start, end)
            if m and _HAS_DATE.search(m.group()):
                start = m.end()
            # the row's dates after its activity (第4周 开学典礼 9月22日—26日): the date column's cell
            end = trailing_date_cell(text, start, end)
        words = text[start:end]
        piped = any(c in words for c in CELL_SEPARATORS)
        # a line of no cells is one cell, what _CELL would find in it
        cells = [(m.start(), m.end()) for m in _CELL.finditer(text, start, end)] if piped else [(start, end)] if start < end else []
        detail = _detail_chunk()
        for k, (a, b) in enumerate(cells):
            if piped and (k in skip or is_date_cell(text[a:b])):
                continue  # a column of no activities, or the row's date cell (第1周 | 开学准备 | 9.1-9.5)
            for chunk in _CHUNK.finditer(text, a, b):
                if detail.match(text, chunk.start(), chunk.end()):
                    continue
                self.out.emit(chunk.start(), chunk.end(), self.period, evidence=("chunk",))

    def phase_named(self, ln: Line, numbered: bool) -> bool:
        """The words after a phase's (or a month's) label are its name (第一阶段（3月1日—3月5日）：宣传发动), no
        activity: a short phrase with no sentence in it, and the phase's work follows on lines of
        their own (``ln``, the first of them, is one). As with a month's theme (2月 新学期新面貌),
        the phase's name says what the phase is for; its work is on the lines below."""
        if self.pending is None or (not numbered and line_role(ln) != "activity"):
            return False
        mv = month_vocab()
        words = self.block.text[self.pending[0] : self.pending[1]].strip().rstrip(_SENTENCE_ENDS)
        if self.phase:
            return 0 < len(words) <= mv.phase_name_max_chars and _NAME.fullmatch(words) is not None
        # a name given to the month on its label's line (五月份 劳动教育月), its work below: the
        # month's theme, as one before a colon is (see month_labels: month_name_endings)
        return 0 < len(words) <= mv.month_name_max_chars and words.endswith(mv.month_name_endings) \
            and _MONTH_NAME.fullmatch(words) is not None

    def run_on(self, ln: Line) -> bool:
        """A line after one the copy cut at its width: its first chunk ends the last entry, the rest are entries."""
        text = self.block.text
        first = _CHUNK.match(text, ln.start, ln.end)
        if first is None or not self.out.extend_last(first.start(), first.end()):
            return False
        self.chunks(first.end(), ln.end)
        return True

    def emit_leading(self) -> None:
        """A list cut off before its first label: its items take the month their dates state (3月3日), if any."""
        leading, self.leading = self.leading, None
        if not leading:
            return
        months = {int(m.group(1)) for ln in leading for m in _DATE_MONTH.finditer(ln.text)}
        if len(months) != 1:
            return
        period = Period((months.pop(),))
        for ln in leading:
            self.out.emit(ln.start + ln.content_start, ln.end, period,
                          marker=(ln.start, ln.start + ln.marker.raw_end), evidence=("before the first label", "date"))

    def dated_row(self, label: MonthLabel) -> None:
        """A row under a month label that opens with a range of dates into another month (五月：
        then 5.25-6.5 艺术节系列活动): an activity with its dates, not a week of a week table, so it
        is in every month the range runs through (GUIDE: a date range across months → every month
        it spans); the lines after it are the month's again."""
        assert self.period is not None
        self.period.months = label.through
        self.period.years = {m: self.period.years.get(m) for m in label.through}
        self.after_row = self.month_period

    def counts_on_from_before(self, ln: Line) -> bool:
        """Whether numbered ``ln`` goes on with the numbering of a work item before the section (（三） after
        （二）开展主题活动 above 1、三月：…): the next work item, not an activity of the last month."""
        block = self.block
        first = block.lines[0].idx if block.lines else ln.idx
        number = block.levels[ln.idx][1]
        lines = block.doc.lines
        return any(lines[i].marker is not None and lines[i].marker.family == ln.marker.family
                   and block.levels[i][1] == number - 1 for i in block.levels if i < first)

    def sub_item(self, ln: Line) -> bool:
        """Whether numbered ``ln`` is a sub-item of the month's last numbered activity (GUIDE: a
        numbered activity with sub-items of its own is one entry, its own line the activity): it is
        numbered deeper than the month's activities. Otherwise its level is theirs from now on."""
        level = self.block.levels[ln.idx][0]
        if self.entry_level is not None and level > self.entry_level:
            self.in_subitem = True
            return True
        self.entry_level, self.in_subitem = level, False
        return False

    def run(self) -> None:
        block, out = self.block, self.out
        heading = block.heading
        heading_family = heading.marker.family if heading is not None and heading.marker else None
        mv, pv = month_vocab(), plan_vocab()
        numbered_open = False  # the last entry is a numbered activity that unnumbered lines run on
        wrapped = False  # the line before was cut at the copy's fixed width (features.hard_wrap)
        weak_labels = not any(ln.month is not None for ln in block.lines)
        row_before = False  # the last line was a one-line row: a label with its activity on its line
        clause = False  # the line before stopped at a clause's comma (…给予表彰奖励，): its sentence goes on
        for ln in block.lines:
            after_wrap, wrapped = wrapped, ln.wrapped or (wrapped and ln.furniture)  # a page footer between
            after_clause, clause = clause, ln.text.rstrip()[-1:] in CLAUSE_END
            if ln.table_header:
                if len(ln.table_cells) >= 2:
                    cells = ln.table_cells
                    roles = [mv.column_roles(c) or () for c in cells]
                    self.skip_cells = frozenset(k - 1 for k, r in enumerate(roles) if k > 0 and "activity" not in r)
                continue
            if ln.furniture or ln.signature:
                continue
            label = _label(ln, weak_labels)
            if label is None and row_before and ln.marker is None:
                if ln.undated_period:
                    # 6月：体质测试上报 / 暑期：校队集训, 元旦：… / 春节：…: a row of its own, for a
                    # period that names no month (a vacation, a lunar festival): in no month
                    self.flush_pending()
                    self.period, numbered_open = None, False
                    continue
                # 五月：劳动教育 / 六一儿童节：文艺汇演: a festival's row of its own, in its month; and
                # among one-line dated rows (3月12日 植树节 / 4月初清明祭扫), a row whose date runs into
                # its words is a row of its own all the same, its date no words of the activity
                label = ln.weak_label
                if label is None and not after_clause:
                    label = leading_mention(ln.text)
            row_before = label is not None and bool(ln.text[label.end :].strip())
            if (label is not None or self.period is not None) and self.note_after_rows(ln, label):
                self.flush_pending()
                self.period = None  # the rows are over: a note on them all follows
                continue
            if label is not None:
                self.flush_pending()
                self.emit_leading()
                if ln.marker is not None and ln.idx in block.levels:
                    self.label_level = block.levels[ln.idx][0]
                # a new month: the last month's numbered activity is over, the words on the label's
                # line (三月：学雷锋活动) are an activity of their own, and so is the line after it
                numbered_open = False
                self.entry_level, self.in_subitem = None, False
                self.period = _period(ln, label)
                self.phase = label.phase
                self.week = label.week
                self.after_row = None
                if not label.week and not label.weak:
                    self.month_period = self.period
                elif label.through and self.month_period is not None:
                    self.dated_row(label)
                # a weak label stays in its activity's words (五四青年节：开展入团仪式, 3.5 学雷锋…):
                # it names the activity as much as its month
                rest_start = ln.start + (0 if label.weak else label.end)
                if ln.text[label.end :].strip():
                    self.pending = (rest_start, ln.end)
                continue
            if self.after_row is not None and not (ln.marker is not None and ln.idx in block.levels):
                # the dated row's own words are over: a plain line after it is its month's again
                self.flush_pending()
                self.period, self.week, self.after_row = self.after_row, False, None
            if self.period is None:
                self.month_period = None
                if self.leading is not None and ln.marker is not None and ln.idx in block.levels:
                    self.leading.append(ln)
                continue
            if mv.period_header.match(ln.content.strip()) or mv.yearlong_label.match(ln.content.lstrip()) \
                    or (ln.marker is None and pv.closing_opener.match(ln.text)):
                # 下学期: wait for its first month; 全年：…: a period of no month, its work in none;
                # closing remarks: the month list is over
                self.flush_pending()
                self.period = None
                continue
            numbered = ln.marker is not None and ln.idx in block.levels
            if numbered and (heading_family is not None and ln.marker.family == heading_family
                             or self.label_level is not None and block.levels[ln.idx][0] < self.label_level
                             and self.counts_on_from_before(ln)):
                # 五、 after 四、月份安排: a sibling part ends the months; so does the next work item
                # above numbered month labels (（三）… after （二）… / 1、三月：… 4、六月：…)
                self.flush_pending()
                self.period = None
                continue
            if self.pending is not None:
                if numbered and self.period.theme is None:
                    self.period.theme = self.pending
                    self.pending = None
                elif self.phase_named(ln, numbered):
                    self.period.theme = self.pending  # 第一阶段（…）：宣传发动, its work on the lines below
                    self.pending = None
                else:
                    self.flush_pending()
            if numbered and self.sub_item(ln):
                numbered_open = False
                continue
            if not numbered and self.in_subitem:
                continue  # more of a sub-item's words, or a detail of it: no entry of the month's
            if not numbered:
                role = line_role(ln)
                if role == "theme":
                    self.flush_pending()
                    colon = ln.text.find(ln.after_colon) if ln.after_colon else -1
                    if colon >= 0 and self.period.theme is None:
                        self.period.theme = (ln.start + colon, ln.end)
                    continue
                if role in ("reference", "subheading", "detail"):
                    self.flush_pending()
                    # the lines under a sub-heading (过好节日：) are its own, no more of the last numbered item
                    numbered_open = numbered_open and role != "subheading"
                    continue
            if numbered:
                out.emit(ln.start + ln.content_start, ln.end, self.period,
                         marker=(ln.start, ln.start + ln.marker.raw_end), evidence=("numbered item",))
                numbered_open = True
                continue
            # an unnumbered line under a numbered activity is more of it (a hard wrap, or its detail
            # sentence): a numbered item is never split; a detail line with a label of its own
            # (时间：…, 地点：…) or a bullet of its own (◆读者沙龙, unless the line before was cut at the
            # copy's width) is no part of it
            # across a blank line, only when the activity stopped mid-sentence (a signature after
            # the last activity's full stop is no part of it)
            ended = bool(out.entries) and block.text[out.entries[-1].end : out.entries[-1].end + 1] in _SENTENCE_ENDS
            bulleted = ln.text[:1] in BULLETS and not after_wrap
            # a sentence on the list as a whole (以上各项活动) after the last activity's full stop is a
            # note on it, as one after a blank line is
            apart = ln.blank_before or mv.list_note.search(ln.text) is not None
            if numbered_open and ln.marker is None and not _field_label(ln) and not bulleted \
                    and not (apart and ended) \
                    and out.extend_last(ln.start, ln.end):
                continue
            if numbered_open and ln.marker is None and _field_label(ln) and not (apart and ended):
                # 参赛对象：…, 时间：… under 2. 征文比赛： detail that activity: no entry of their own, a
                # blank line between or not (Word's paragraph spacing pasted as empty lines); only
                # after an activity that is over may a labelled line standing apart be a note
                continue
            if numbered_open and ln.marker is None and apart and ended:
                # the month's activities were numbered and the last one is over: an unnumbered
                # paragraph after a blank line is a note on the list (各班要认真落实以上活动), not one
                # more activity; the months are over until the next label
                numbered_open = False
                self.period = None
                continue
            numbered_open = False
            if (after_wrap or after_clause) and ln.marker is None and self.run_on(ln):
                # the words of a line cut at the copy's width go on here, and so does a sentence
                # broken after a comma (GUIDE: nothing is split on ，; a wrapped activity runs on)
                continue
            # a marker out of sequence (8. after 9.) is no item, but it is no part of the words either;
            # a part of the month (上旬：) goes with the month's label, as in 3月上旬：
            start = ln.content_start
            start += month_part_prefix(ln.text[start:])
            self.chunks(ln.start + start, ln.end)
        self.flush_pending()


def extract(block: ScheduleBlock, out: EntryWriter) -> None:
    _MonthList(block, out).run()


layout("month_list", detect, extract)
