"""Stage: the sections of each plan, and their kinds.

Two rule tables:

- ``section_start`` is asked about every content line of a plan: does it open a headed
  section (二、主要工作：, 活动安排：), an untitled one (a guiding paragraph, a run of
  numbered work headings, a month list), or does it belong to the section before (or,
  before any section, to the preamble)?
- ``section_kind`` decides each section's kind when it is complete, combining its heading's
  cue with what the block holds: a heading whose words fit several kinds (具体工作, 工作安排)
  takes the kind of its content, and a part holding only a month list is a schedule.

Layers written: ``sections`` (data: :class:`SectionBlock`), ``headings``, ``preamble``, and
``prose_plans`` (plans that turned out to be unstructured page text).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from planparse.parse.chars import SENTENCE_END
from planparse.parse.document import Annotation, ParseDoc
from planparse.parse.features import Line, heading_end, names_guiding_line
from planparse.parse.levels import levels_by_plan, plan_body
from planparse.parse.markers import OUTER_FAMILIES
from planparse.parse.month_labels import mentioned_months, record_field
from planparse.parse.params import params
from planparse.parse.rules import Decision, RuleTable, Vote
from planparse.parse.vocab import month_vocab, plan_vocab, section_words


@dataclass
class SectionBlock:
    """A section's lines as the stage found them (indices into ParseDoc.lines)."""

    plan: int
    heading: int | None
    lines: list[int] = field(default_factory=list)  # body lines, heading excluded
    opened_as: str = ""  # the kind the start rule gave: the heading's cue or the untitled part's kind
    start: Decision | None = None
    kind: Decision | None = None
    months_in_body: int = 0
    opens_with_months: bool = False
    # rows of periods that name no month (全年：…, 每月：…, 春节：…) before its first other line: a month
    # list may open with them, its months still what the part holds first
    undated_lead: int = 0


@dataclass
class SectionState:
    sections: list[SectionBlock]
    preamble: list[int]
    item_open: bool = False  # a numbered work item (not a heading) is open in the current section


@dataclass
class LineContext:
    """One content line of a plan, and what the stage knows at it."""

    line: Line
    index: int  # position among the plan's content lines
    content: list[Line]
    level: int | None  # numbering level when the marker was accepted
    state: SectionState
    has_guiding_heading: bool
    lines: tuple[Line, ...]  # all the document's lines (sections hold indices into them)
    levels: dict[int, tuple[int, int]]  # the plan's numbering: line idx → (level, number)

    @property
    def current(self) -> SectionBlock | None:
        return self.state.sections[-1] if self.state.sections else None

    @property
    def no_section_yet(self) -> bool:
        """The plan's lines so far opened no section (its preamble, or its first line)."""
        return not self.state.sections

    @property
    def is_item(self) -> bool:
        return self.level is not None and self.line.month is None

    @property
    def cue(self) -> str | None:
        """The heading cue this line carries (a bare label such as 措施 on its own carries none, nor a
        signature whose unit's name holds a cue word: XX中学安全工作领导小组 above the closing date)."""
        ln = self.line
        if ln.signature and ln.marker is None:
            return None
        return ln.cue_kind if ln.heading_like and not (ln.cue_bare_label and ln.marker is None) else None

    def current_heading(self) -> Line | None:
        cur = self.current
        return None if cur is None or cur.heading is None else self.lines[cur.heading]

    def starts_text(self) -> bool:
        """Nothing of substance before this line in the plan: at most a short header remnant (计划总结)."""
        least = params().plans.content_min_chars
        return all(
            self.lines[i].marker is None and self.lines[i].month is None and len(self.lines[i].text) < least
            for i in self.state.preamble
        )

    def preamble_has_items(self) -> bool:
        return any(self.lines[i].marker is not None for i in self.state.preamble)

    def in_month_list(self) -> bool:
        cur = self.current
        return cur is not None and provisional_kind(cur) == "schedule" and cur.months_in_body > 0

    def sibling_of_heading(self) -> bool:
        """The line is numbered at the current section heading's level or above (五、 after 四、活动安排,
        三、 after （二）活动安排); in an untitled month list, it counts on from the numbered part
        before the list."""
        head = self.current_heading()
        mk = self.line.marker
        if head is None and mk is not None and self.current is not None and self.current.lines:
            return self._counts_on_before_section()
        if head is None or head.marker is None or mk is None:
            return False
        if head.marker.family == mk.family:
            return True
        head_level = self.levels.get(head.idx, (None,))[0]
        return head_level is not None and self.level is not None and self.level <= head_level

    def unnumbered_sibling(self) -> bool:
        """In a plan that heads its parts without numbers (工作目标 / 重点工作 / 时间安排), a line that is
        a section cue and nothing else (保障措施) is the next part, also after a month list, when a
        blank line stands before it or no month label comes after it (a Word paste with no blank
        lines): an activity has more words than a cue. A month's sub-label (工作重点：) is none."""
        head, ln = self.current_heading(), self.line
        if head is None or head.marker is not None or ln.marker is not None:
            return False
        if ln.head != ln.cue or ln.after_colon or ln.head in month_vocab().theme_labels:
            return False
        return ln.blank_before or all(later.month is None for later in self.content[self.index + 1 :])

    def _counts_on_before_section(self) -> bool:
        """An untitled month list opened under a numbered part (一、… then a table): the line numbers
        the next part when the count before the list goes on in it (二、 after 一、). With no count
        before the list (a text cut off before it: the rest of a page), a part's heading numbered past
        the first (四、工作要求) goes on a count begun before the text: the next part."""
        assert self.current is not None and self.line.marker is not None
        first = self.current.lines[0]
        mine = self.levels.get(self.line.idx)
        if mine is None:
            return False
        for j in range(self.index - 1, -1, -1):  # back from the line, no copy of the plan's lines before it
            ln = self.content[j]
            if ln.idx >= first or ln.marker is None or ln.idx not in self.levels:
                continue
            level, number = self.levels[ln.idx]
            if level < mine[0]:
                return False
            if level == mine[0]:
                return ln.marker.family == self.line.marker.family and number == mine[1] - 1
        return (self.line.marker.family in OUTER_FAMILIES and self.line.heading_like
                and mine[1] is not None and mine[1] > 1)

    def current_kind(self) -> str | None:
        cur = self.current
        return None if cur is None else provisional_kind(cur)

    def month_run_ahead(self, start: int | None = None) -> bool:
        """A run of month labels from here (before the next numbered cue heading)."""
        p = params().sections
        count = heading_items = led_paragraphs = 0
        i = self.index if start is None else start
        window = self.content[i : i + p.month_run_lookahead]
        for k, ln in enumerate(window):
            # paragraphs each led by a month, one after another (2月，召开…… / 3月，组织……), are a
            # month list too; one such paragraph among others is prose
            led_paragraphs = led_paragraphs + 1 if ln.month is not None and ln.prose_month else 0
            if led_paragraphs >= p.month_run:
                return True
            if ln.month is not None and not ln.prose_month:
                count += 1
                nxt = window[k + 1] if k + 1 < len(window) else None
                heading_items += nxt is not None and nxt.marker is not None and nxt.month is None
                if count >= p.month_run:
                    return True
            elif ln.cue_kind and ln.heading_like and ln.marker is not None:
                break
        # fewer labels make a month list when each heads numbered items (二月园务行政 / 1. … 2. …)
        return count >= p.month_run_with_items and heading_items == count

    def table_ahead(self) -> bool:
        """A schedule table's header starts here: its column names include a period and an activity."""
        roles: set[str] = set()
        for ln in self.content[self.index : self.index + params().table.header_max_cells + 1]:
            if not ln.table_header:
                break
            if ln.month_columns:
                return True  # laid across the months: its columns are the months, its cells activities
            for cell in ln.table_cells:
                roles.update(month_vocab().column_roles(cell) or ())
        return bool(roles & {"month", "week", "dates"}) and "activity" in roles

    def months_follow(self) -> bool:
        """A month label or a table header comes next, or a run of month labels soon, or a record of
        fields whose time field dates it (项目名称：… / 实施时间：3月—4月)."""
        nxt = self.content[self.index + 1] if self.index + 1 < len(self.content) else None
        return nxt is not None and (nxt.month is not None or nxt.table_header) or self.month_run_ahead(self.index + 1) \
            or self.record_follows()

    def record_follows(self) -> bool:
        """The next line opens a record of fields with its name (活动名称：…, 项目名称：…) and a time
        field (时间：…, 实施时间：…) stands within the next ``sections.record_time_lookahead`` lines:
        the part is set out as records of dated activities, a schedule's layout (GUIDE). The time
        field names a month (时间：3月5日; 时间：每周五 dates no month list)."""
        following = self.content[self.index + 1 : self.index + 2 + params().sections.record_time_lookahead]
        if not following or (first := record_field(following[0].content)) is None or first[0] != "name":
            return False
        return any((f := record_field(ln.content)) is not None and f[0] == "time" and mentioned_months(ln.content[f[1] :])
                   for ln in following[1:])


def provisional_kind(sec: SectionBlock) -> str:
    """The kind a section has so far: a non-guiding heading over a month list is a schedule already."""
    if sec.opens_with_months and sec.heading is not None and sec.opened_as != "guiding_ideology":
        return "schedule"
    return sec.opened_as


section_start: RuleTable[LineContext] = RuleTable("section_start", default="add")


@section_start.rule("top_level_heading", needs=("line.cue_kind",))
def _top_level_heading(ctx: LineContext) -> Vote | None:
    """A top-level numbered heading with a cue word (二、主要工作：) opens a section of its kind.

    Not a line that opens with a verb (三、检查师资培训工作安排), nor an item under a month label
    whose numbering is not the schedule heading's own: those are activities.
    """
    if not (ctx.cue and ctx.is_item and ctx.level == 0) or ctx.line.opens_with_verb:
        return None
    if ctx.in_month_list() and not ctx.sibling_of_heading():
        return None
    return Vote(f"headed:{ctx.cue}", ("marker level 0", f"cue_kind={ctx.cue}", "heading_like"))


@section_start.rule("item_under_unnumbered_heading", needs=("line.cue_kind",))
def _item_under_unnumbered_heading(ctx: LineContext) -> Vote | None:
    """Under a part headed without a number (保障措施), its numbered lines are its items (1.加强组织领导).

    A plan that heads its parts without numbers numbers only their items, so those items are the
    top level of its numbering; an item whose words hold a cue is no part of its own (GUIDE: a
    heading whose subject is one work area is an item). The line is the part's item when an item
    of its family came before it in the part, when it names the heading's own kind (主要工作 /
    一、重点工作, 保障措施 / 1.组织保障: sub-parts), or when the next line of its family in the
    part would open no part, or one of the heading's kind. A plan that numbers its parts after an
    unnumbered first part or subtitle (指导思想 … 一、工作目标 二、主要工作) has parts of other kinds
    for siblings. A schedule cue is left to open its own section (a schedule nested in a part is
    one, GUIDE).
    """
    ln, cur, head = ctx.line, ctx.current, ctx.current_heading()
    if not (ctx.cue and ctx.cue != "schedule" and ctx.is_item and ctx.level == 0):
        return None
    if cur is None or head is None or head.marker is not None or ln.marker is None:
        return None
    if ctx.cue == head.cue_kind:
        return Vote("add", ("no marker on the part's heading", f"a sub-part of its kind {ctx.cue}"))
    family = ln.marker.family
    if any(ctx.lines[i].marker is not None and ctx.lines[i].marker.family == family
           and ctx.levels.get(i, (None,))[0] == 0 for i in cur.lines):
        return Vote("add", ("no marker on the part's heading", "an item of its family before it"))
    for later in ctx.content[ctx.index + 1 :]:
        if later.marker is None and later.cue_kind and later.heading_like:
            break  # the part ends: the line is its only item
        if later.marker is not None and later.marker.family == family and ctx.levels.get(later.idx, (None,))[0] == 0:
            if later.cue_kind and later.heading_like and not later.opens_with_verb and later.cue_kind != head.cue_kind:
                return None
            break
    return Vote("add", ("no marker on the part's heading", "its siblings open no part of another kind"))


@section_start.rule("period_heading", needs=("line.heading_like",))
def _period_heading(ctx: LineContext) -> Vote | None:
    """A top-level heading ending in a period noun (四、训练与竞赛安排) over a month list or table is a schedule.

    Its words name no section kind, but what follows them does: a month label or a schedule
    table's header on the next line, or a run of month labels soon.
    """
    ln = ctx.line
    if ctx.cue or not (ctx.is_item and ctx.level == 0) or not ln.heading_like or ln.opens_with_verb:
        return None
    if not ln.head.endswith(section_words().period_heading_endings) or not ctx.months_follow():
        return None
    return Vote("headed:schedule", ("marker level 0", "ends in a period noun", "months follow"))


@section_start.rule("unnumbered_period_heading", needs=("line.heading_like",))
def _unnumbered_period_heading(ctx: LineContext) -> Vote | None:
    """An unnumbered heading ending in a period noun (实施步骤：, 进度：) over a month list is a schedule.

    GUIDE: a heading with no numbering marker is a heading all the same when it stands on its own
    line or ends in a colon; its part holds a month list, so it is a schedule. A verb before the
    period noun and nothing else (实施步骤) names the part; a verb with an object is an activity. As for
    unnumbered_heading: not a line under a month label (an activity), nor one inside an untitled
    run of work items (a label of the item's paragraph).
    """
    ln, cur = ctx.line, ctx.current
    if ctx.cue or ln.marker is not None or ln.month is not None or not ln.heading_like or ln.after_colon:
        return None
    endings = section_words().period_heading_endings
    if not ln.head.endswith(endings):
        return None
    verb = next((v for v in plan_vocab().title_not_opening if ln.head.startswith(v)), None)
    if verb is not None and ln.head[len(verb) :] not in endings:
        return None  # 检查各班活动安排: a verb and its object, an activity; but 实施步骤 names the part
    if ctx.in_month_list() or (ctx.state.item_open and cur is not None and cur.heading is None):
        return None
    if not ctx.months_follow():
        return None
    return Vote("headed:schedule", ("no marker", "ends in a period noun", "months follow"))


@section_start.rule("uncued_heading_over_months", needs=("line.heading_like",))
def _uncued_heading_over_months(ctx: LineContext) -> Vote | None:
    """A top-level heading naming no kind (三、本学期教学活动) whose part is a month list is a schedule.

    GUIDE: a heading takes the kind of what it holds. What it holds is read from its next line (a
    month label, or a schedule table's header with period and activity columns) and from its part
    (up to the next top-level line): at least ``uncued_heading_min_months`` month labels in it, or
    the table. A heading that opens with a verb (三、开展……) is a work item whatever follows.
    """
    ln = ctx.line
    if ctx.cue or not (ctx.is_item and ctx.level == 0) or not ln.heading_like or ln.opens_with_verb:
        return None
    if ln.head.endswith(section_words().period_heading_endings):
        return None  # period_heading's
    if ctx.in_month_list() and not ctx.sibling_of_heading():
        return None  # an activity under a month label (九月份 / 2、检查…) with a month after it
    nxt = ctx.index + 1
    if nxt >= len(ctx.content):
        return None
    if ctx.content[nxt].table_header:
        ctx_next = replace(ctx, line=ctx.content[nxt], index=nxt)
        if ctx_next.table_ahead():
            return Vote("headed:schedule", ("marker level 0", "no cue", "schedule table follows"))
        return None
    if ctx.content[nxt].month is None:
        return None
    months = 0
    for other in ctx.content[nxt:]:
        if ctx.levels.get(other.idx, (None,))[0] == 0 and other.month is None:
            break  # the next top-level part
        months += other.month is not None and not other.prose_month
    if months >= params().sections.uncued_heading_min_months:
        return Vote("headed:schedule", ("marker level 0", "no cue", f"{months} month labels in its part"))
    return None


@section_start.rule("nested_schedule_heading", needs=("line.cue_kind",))
def _nested_schedule_heading(ctx: LineContext) -> Vote | None:
    """A deeper numbered heading with a schedule cue ((五)活动安排:) is a schedule of its own."""
    ln = ctx.line
    if ctx.cue == "schedule" and ctx.is_item and ctx.level and ln.cue_at_end and not ln.opens_with_verb:
        return Vote("headed:schedule", (f"marker level {ctx.level}", "cue_kind=schedule", "cue_at_end"))
    return None


@section_start.rule("unnumbered_heading", needs=("line.cue_kind",))
def _unnumbered_heading(ctx: LineContext) -> Vote | None:
    """A short unnumbered line with a cue word (活动安排：) opens a section, unless it labels a paragraph.

    Under a month label an unnumbered line is an activity whatever its words (but for the next
    part of a plan that heads its parts without numbers: LineContext.unnumbered_sibling); inside an untitled
    run of work items an unnumbered 目标 / 措施 labels the item's paragraph; a schedule cue needs a
    month list after it or a colon. The unit signing the plan (XX中学安全工作领导小组) carries no
    cue (LineContext.cue), so it is no heading; nor is a line that ends a sentence (成立领导小组。: a
    verb and the cue as its object, ended with its full stop), whose numbered siblings after it would
    else pass for its items (item_under_unnumbered_heading).
    """
    ln, cue = ctx.line, ctx.cue
    if not cue or ln.marker is not None or ln.month is not None:
        return None
    if ln.text.rstrip().endswith(tuple(SENTENCE_END)):
        return None  # 成立领导小组。 under 二、组织领导: a sentence of the part, no heading of its own
    cur = ctx.current
    if cue != "schedule" and ctx.in_month_list() and not ctx.unnumbered_sibling():
        return None
    label_in_item = ctx.state.item_open and cur is not None and cur.heading is None
    if cue != "schedule" and label_in_item:
        return None
    if cue != "schedule" or ctx.months_follow() or ln.text.rstrip().endswith((":", "：")):
        return Vote(f"headed:{cue}", ("no marker", f"cue_kind={cue}", "heading_like"))
    return None


@section_start.rule("annex_heading", needs=("line.annex",))
def _annex_heading(ctx: LineContext) -> Vote | None:
    """An annex line (附：工会委员名单, 附件：……) opens a part of the plan, of the kind its words name, else
    other: what a plan appends stands apart from the part before it, also after a month list, where
    no month's activity opens with 附. Not an annex naming a whole document (附件：石桥镇2025年……工作计划,
    a notice's list of what it issues: features annex_label_over_title), which is no part of a plan."""
    ln = ctx.line
    if not ln.annex or ln.marker is not None or ln.month is not None or not ln.heading_like or ln.title_like:
        return None
    if ln.head.endswith(plan_vocab().plan_words):
        return None
    kind = ln.cue_kind or "other"
    return Vote(f"headed:{kind}", ("annex label", f"cue_kind={kind}" if ln.cue_kind else "no cue"))


@section_start.rule("field_heading", needs=("line.cue_kind",))
def _field_heading(ctx: LineContext) -> Vote | None:
    """An unnumbered line that opens with a section cue word alone and its colon, text after it
    (活动时间：2026年4月7日至5月29日, 活动地点：…), at the plan's own level: one of the plan's parts.

    An activity plan gives its short parts as fields, one a line, beside the parts headed on lines
    of their own (组织机构, 活动内容). Only before any section, or beside another part headed without
    a number that holds no numbered items: inside a numbered part, or among items, 时间：… / 地点：…
    detail the items.
    """
    ln, cur = ctx.line, ctx.current
    if ln.marker is not None or ln.month is not None or not ln.after_colon or ln.signature:
        return None
    if not ln.cue_kind or ln.cue_bare_label or ln.head != ln.cue:
        return None
    if cur is not None:
        head = ctx.current_heading()
        if head is None or head.marker is not None or any(ctx.lines[i].marker is not None for i in cur.lines):
            return None
    return Vote(f"headed:{ln.cue_kind}", ("no marker", f"cue_kind={ln.cue_kind}", "cue word alone before its colon"))


@section_start.rule("heading_holds_month_list", needs=("line.table_header", "line.month"))
def _heading_holds_month_list(ctx: LineContext) -> Vote | None:
    """A month list right under a heading that is no guiding part (三、具体工作) belongs to that heading."""
    ln, cur = ctx.line, ctx.current
    if (ln.table_header or ln.month is not None) and cur is not None and cur.heading is not None \
            and len(cur.lines) == cur.undated_lead:
        if ctx.current_kind() not in ("guiding_ideology", "schedule") and (ctx.month_run_ahead() or ctx.table_ahead()):
            return Vote("add", ("month label or table header", "heading with no content yet"))
    return None


@section_start.rule("untitled_month_list", needs=("line.table_header", "line.month"))
def _untitled_month_list(ctx: LineContext) -> Vote | None:
    """A month table's header, or a run of month labels, outside any schedule: an untitled schedule."""
    ln = ctx.line
    if (ln.table_header or ln.month is not None) and ctx.current_kind() != "schedule":
        if ctx.month_run_ahead():
            return Vote("untitled:schedule", ("month label or table header", "month run ahead"))
        if ln.table_header and ctx.table_ahead():
            return Vote("untitled:schedule", ("table header", "period and activity columns"))
    return None


@section_start.rule("guiding_paragraph", needs=("no_section_yet",))
def _guiding_paragraph(ctx: LineContext) -> Vote | None:
    """The plan's opening paragraph sets the guiding line (以……为指导) and there is no 指导思想 heading.

    Not a paragraph reviewing the work before the plan (2025年，在……领导下，……取得新成效): background,
    however it opens (GUIDE); the paragraph after it may set the line."""
    ln = ctx.line
    if ctx.current is not None or ctx.has_guiding_heading or ln.marker is not None or ln.month is not None:
        return None
    if ln.looks_back:
        return None
    if len(ln.text) < params().guiding.paragraph_min_chars or ctx.preamble_has_items():
        return None
    if ln.guiding_opener or plan_vocab().guiding_line.search(ln.text):
        return Vote("untitled:guiding_ideology", ("guiding_opener" if ln.guiding_opener else "guiding_line",))
    return None


@section_start.rule("work_heading_run", needs=("line.marker",))
def _work_heading_run(ctx: LineContext) -> Vote | None:
    """The first top-level numbered item before any section opens an untitled main_work run."""
    if ctx.current is None and ctx.is_item and ctx.level == 0:
        return Vote("untitled:main_work", ("marker level 0", "no section yet"))
    return None


@section_start.rule("mid_list_start", needs=("line.marker",))
def _mid_list_start(ctx: LineContext) -> Vote | None:
    """A text that begins inside a month list (3、… 4、… then 十一月份：): an untitled schedule from its first line."""
    if ctx.current is not None or not ctx.is_item or ctx.level != 0 or not ctx.starts_text():
        return None
    family = ctx.line.marker.family
    for ln in ctx.content[ctx.index + 1 : ctx.index + params().sections.month_run_lookahead]:
        if ln.month is not None:
            return Vote("untitled:schedule", ("marker level 0", "first line", "items run into a month label"))
        if ln.marker is None or ln.marker.family != family:
            return None
    return None


@section_start.rule("mid_text_start", needs=("no_section_yet",))
def _mid_text_start(ctx: LineContext) -> Vote | None:
    """A text that begins in the middle of a plan, with no numbering to show it (the rest of a page whose
    start is elsewhere): GUIDE: its first content line opens an untitled part, a schedule where a month
    list goes on after it, else main_work.

    It begins mid-sentence when its first line opens with a word or a stop no sentence opens with
    (的要求，结合我校实际…: sections.toml ``mid_sentence_openers``), or, where that line is the text's
    first, the plan's first top-level heading after it is numbered past the first (……的积极性。 then
    二、活动安排): part 一 began before the text. A paragraph setting the guiding line before such a
    heading is an untitled guiding part all the same (guiding_paragraph)."""
    ln = ctx.line
    if ctx.current is not None or ctx.index != 0 or ln.marker is not None or ln.month is not None or ln.table_header:
        return None
    if ln.mid_sentence:
        evidence = "opens mid-sentence"
    elif _first_heading_past_one(ctx) and not ln.guiding_opener and not plan_vocab().guiding_line.search(ln.text):
        evidence = "first top-level heading numbered past 1"
    else:
        return None
    kind = "schedule" if ctx.months_follow() else "main_work"
    return Vote(f"untitled:{kind}", ("first content line", evidence))


def _first_heading_past_one(ctx: LineContext) -> bool:
    """The text opens at this line (nothing but furniture above it) and the first numbered line after it
    is a top-level heading numbered past the first (二、主要工作)."""
    lines = ctx.lines
    # from the line back: the nearest line that is no furniture stands right before it (most plans)
    if any(not lines[i].furniture for i in range(ctx.line.idx - 1, -1, -1)):
        return False
    for ln in ctx.content[ctx.index + 1 :]:
        if ln.marker is None and ln.month is None:
            continue
        level, number = ctx.levels.get(ln.idx, (None, None))
        return ln.month is None and level == 0 and ln.heading_like and ln.marker is not None \
            and ln.marker.family in OUTER_FAMILIES and number is not None and number > 1
    return False


@section_start.rule("closing_provision", needs=("line.closing",))
def _closing_provision(ctx: LineContext) -> Vote | None:
    """捌、本计画经校长核定后实施，修正时亦同: a plan's closing provision numbered as its last part is no
    part of its own. GUIDE: closing remarks belong to the section before them; the line names no work
    (against work_heading_run and work_heading_beside_part)."""
    if ctx.current is not None and ctx.is_item and ctx.level == 0 and ctx.line.closing:
        return Vote("add", ("marker level 0", "closing"))
    return None


# the parts a plan opens with before its work: its guiding line, its situation, its goals
OPENING_KINDS = ("guiding_ideology", "goals", "situation")


@section_start.rule("work_area_in_run", needs=("line.cue_kind",))
def _work_area_in_run(ctx: LineContext) -> Vote | None:
    """二、健全工作机制 in a run of work headings (一、加强队伍建设 …) with no 主要工作 heading above them:
    the run's next work heading, not a part of its cue's kind; first in such a run (一、健全工作机制 then
    二、丰富公益培训项目), it opens the run.

    GUIDE: a heading whose subject is one work area is a main-work item. The heading opens with a
    work verb (sections.toml work_area_verbs) whose object holds the cue word, so the cue names what
    the work is on, not a part of the plan; a cue alone or first (四、工作机制) is a part all the same.
    A schedule cue is left to open its own section (a schedule nested in the run is one, GUIDE). Only
    inside the run, a work heading coming after it: parts after the run (七、强化组织保障 last, or before
    八、工作要求) keep their kind, as a plan's safeguards follow its work. First in the run, it opens it
    where an uncued work heading would (work_heading_run, work_heading_beside_part), and only where
    the run goes on: 一、加强组织领导 before 二、工作目标 heads a part.
    """
    ln, cur = ctx.line, ctx.current
    if not (ctx.cue and ctx.cue != "schedule" and ctx.is_item and ctx.level == 0) or ln.cue is None:
        return None
    if not _names_work_area(ln) or ln.marker is None:
        return None
    if cur is not None and cur.heading is None and cur.opened_as == "main_work" and cur.lines:
        first = ctx.lines[cur.lines[0]]
        if first.marker is None or first.marker.family != ln.marker.family:
            return None
        decision = "add"
        evidence: tuple[str, ...] = ("marker level 0", "in an untitled run of work headings")
    else:
        if any(s.opened_as not in OPENING_KINDS for s in ctx.state.sections):
            return None  # past the plan's opening parts: a safeguard after the work (四、加强组织领导)
        opening = _work_heading_run(ctx) or _work_heading_beside_part(ctx)
        if opening is None or opening.decision != "untitled:main_work":
            return None
        decision, evidence = opening.decision, opening.evidence + ("first of a run of work headings",)
    for later in ctx.content[ctx.index + 1 :]:
        if later.marker is not None and later.marker.family == ln.marker.family and ctx.levels.get(later.idx, (None,))[0] == 0:
            if later.heading_like and later.cue_kind and not _names_work_area(later):
                return None  # the next part opens right after it: the line ends the run (七、强化组织保障)
            return Vote(decision, evidence + ("a work verb before its cue", "the run goes on after it"))
    return None  # the last heading of the plan: a part after the run as much as a work area of it


def _names_work_area(ln: Line) -> bool:
    """A heading that opens with a work verb and goes on to its cue (健全工作机制), or carries no cue."""
    if not ln.cue_kind or ln.cue is None:
        return True
    return ln.head.startswith(section_words().work_area_verbs) and not ln.head.startswith(ln.cue)


@section_start.rule("work_heading_beside_part", needs=("line.marker",))
def _work_heading_beside_part(ctx: LineContext) -> Vote | None:
    """二、加强师德建设 after 一、指导思想, 五、环境创设 after 四、活动安排: a work heading beside a part, not under it.

    A top-level numbered line of the heading's own family is its sibling; beside a part that is
    no main work it opens an untitled main_work run — unless the plan has had its 主要工作 heading,
    when the line is one more work area of it (GUIDE: no section of its own). (六)其他工作 after
    (五)质量控制工作安排 over quarters resumes the untitled work run: that heading was no 主要工作.
    """
    cur = ctx.current
    if cur is None or not ctx.is_item or ctx.level != 0 or ctx.current_kind() == "main_work":
        return None
    # a heading with an ambiguous cue over a month list ((五)质量控制工作安排) is a schedule, not the
    # plan's 主要工作 heading
    if any(s.heading is not None and s.opened_as == "main_work" and provisional_kind(s) != "schedule"
           for s in ctx.state.sections):
        return None
    head_line = ctx.current_heading()
    if head_line is None:
        # an untitled opening part (a guiding paragraph) has no numbering a line could continue
        beside = ctx.current_kind() in OPENING_KINDS
    else:
        beside = head_line.marker is not None and ctx.line.marker is not None and head_line.marker.family == ctx.line.marker.family
    if beside:
        return Vote("untitled:main_work", ("marker level 0", f"beside {ctx.current_kind()}"))
    return None


@dataclass
class KindContext:
    block: SectionBlock
    heading: Line | None
    body: list[Line]


section_kind: RuleTable[KindContext] = RuleTable("section_kind", default="other")


@section_kind.rule("heading_cue")
def _heading_cue(ctx: KindContext) -> Vote | None:
    """A headed section is of the kind its heading's cue word names."""
    if ctx.heading is not None and ctx.block.opened_as:
        return Vote(ctx.block.opened_as, (f"cue={ctx.heading.cue}",))
    return None


@section_kind.rule("untitled_part")
def _untitled_part(ctx: KindContext) -> Vote | None:
    """An untitled section is of the kind its start rule found (guiding paragraph, work run, month list)."""
    if ctx.heading is None:
        return Vote(ctx.block.opened_as, (f"opened by {ctx.block.start.rule if ctx.block.start else '?'}",))
    return None


@section_kind.rule("heading_over_month_list")
def _heading_over_month_list(ctx: KindContext) -> Vote | None:
    """A heading that is no guiding part and holds a month list from its first line is a schedule.

    A list: at least ``cued_heading_min_months`` month labels; one line stating the part's period
    (三、活动时间 / 2025年3月至6月，每周六上午) is what the heading names, no month list."""
    b = ctx.block
    if ctx.heading is None or not b.opens_with_months or b.opened_as in ("guiding_ideology", "schedule"):
        return None
    if ctx.body[b.undated_lead].table_header:
        return Vote("schedule", ("opens with a schedule table",))
    if b.months_in_body >= params().sections.cued_heading_min_months:
        return Vote("schedule", ("opens with a month list", f"{b.months_in_body} month labels"))
    return None


@section_kind.rule("ambiguous_heading_month_list")
def _ambiguous_heading_month_list(ctx: KindContext) -> Vote | None:
    """具体工作 / 工作安排 take the kind of what they hold: a month list makes them a schedule."""
    b, p = ctx.block, params().sections
    if ctx.heading is None or not ctx.heading.cue_ambiguous or b.opened_as != "main_work":
        return None
    body = [ln for ln in ctx.body if ln.text.strip()]
    # month labels, or numbered items each opening with their month (1、一月份举办……)
    months = sum(ln.month is not None or ln.month_led is not None for ln in body)
    first = next((ln for ln in body if not ln.names_no_month), None)  # past 全年：… rows (undated_lead)
    opens = first is not None and (first.month is not None or first.month_led is not None or first.table_header)
    if months >= p.ambiguous_min_months and (opens or months >= p.ambiguous_month_share * len(body)):
        return Vote("schedule", (f"{months} month labels", "ambiguous cue"))
    return None


def _open(state: SectionState, plan: int, decision: Decision, line: Line) -> None:
    form, kind = decision.label.split(":", 1)
    block = SectionBlock(plan, line.idx if form == "headed" else None, opened_as=kind, start=decision)
    if form == "untitled":
        _add(block, line)
    state.sections.append(block)
    state.item_open = decision.rule in ("work_heading_run", "work_heading_beside_part", "mid_list_start", "work_area_in_run")


def _add(block: SectionBlock, line: Line) -> None:
    if len(block.lines) == block.undated_lead:
        if line.month is not None or line.table_dated:
            block.opens_with_months = True
        elif line.names_no_month:
            block.undated_lead += 1
    block.lines.append(line.idx)
    block.months_in_body += line.month is not None


def group_sections(doc: ParseDoc, k: int, levels: dict[int, tuple[int, int]]) -> SectionState:
    """One plan's content lines grouped into sections by the section_start rules."""
    plan = doc.layer("plans")[k]
    content = [ln for ln in plan_body(doc, plan) if not ln.furniture]
    has_guiding_heading = any(
        names_guiding_line(ln) and ln.heading_like and (ln.marker is None or levels.get(ln.idx, (0,))[0] == 0)
        for ln in content
    )
    state = SectionState([], [])
    for i, ln in enumerate(content):
        level = levels[ln.idx][0] if ln.marker is not None and ln.idx in levels else None
        ctx = LineContext(ln, i, content, level, state, has_guiding_heading, doc.lines, levels)
        d = section_start.decide(ctx)
        if d.label != "add":
            _open(state, k, d, ln)
            continue
        cur = ctx.current
        if cur is None:
            state.preamble.append(ln.idx)
            continue
        _add(cur, ln)
        if ctx.is_item and not ln.heading_like:
            state.item_open = True
        elif ctx.is_item and level == 0:
            state.item_open = cur.heading is None
    return state


def split_sections(doc: ParseDoc) -> None:
    """Stage: the ``sections``, ``headings``, ``preamble`` and ``prose_plans`` layers."""
    levels = levels_by_plan(doc)
    lines = doc.lines
    sections: list[Annotation] = []
    headings: list[Annotation] = []
    preamble: list[Annotation] = []
    prose: list[Annotation] = []
    for k, plan in enumerate(doc.layer("plans")):
        state = group_sections(doc, k, levels[k])
        blocks = state.sections
        if not blocks and not any(ln.marker or ln.month for ln in plan_body(doc, plan)):
            content = [ln for ln in plan_body(doc, plan) if not ln.furniture]
            if not content or plan.data.title is None:
                # prose with no structure and no title of its own: a page's introduction
                prose.append(Annotation(plan.start, plan.end, "prose_plan", "untitled_prose", (), k))
                continue
            # under a plan title, one section rather than lose the text
            start = Decision("untitled:other", "titled_prose")
            kind = Decision("other", "titled_prose")
            blocks = [SectionBlock(k, None, [ln.idx for ln in content], "other", start, kind)]
            state.preamble = []
        preamble.extend(Annotation(lines[i].start, lines[i].end, "preamble", "before_first_section", (), k)
                        for i in state.preamble)
        for j, block in enumerate(blocks):
            heading = lines[block.heading] if block.heading is not None else None
            body = [lines[i] for i in block.lines]
            if block.kind is None:
                block.kind = section_kind.decide(KindContext(block, heading, body))
            first = heading or body[0]
            content = [ln for ln in body if not ln.furniture]
            last = content[-1].end if content else first.end
            if heading is not None:
                last = max(last, heading.end)
                headings.append(Annotation(heading.start, heading_end(heading), "heading", block.start.rule, (), len(sections)))
            if j + 1 < len(blocks):
                nxt = blocks[j + 1]
                last = min(last, lines[nxt.heading if nxt.heading is not None else nxt.lines[0]].start)
            rule = block.start.rule
            if block.kind.rule and block.kind.rule not in ("heading_cue", "untitled_part"):
                rule = f"{rule} + {block.kind.rule}"
            sections.append(Annotation(first.start, last, block.kind.label, rule, block.start.evidence + block.kind.evidence, block))
    doc.add_layer("sections", sections)
    doc.add_layer("headings", headings)
    doc.add_layer("preamble", preamble)
    doc.add_layer("prose_plans", prose)
