"""Stage: split a page into plans, and find each plan's title and year.

Every line is put to the ``plan_boundary`` rule table: does it start a plan (titled by a
separator or a title line, or untitled where the numbering restarts), title the current
one, or belong to it? A stretch that holds no content (a page header, a title before
furniture) is no plan: its lines become page text.

Layers written: ``plans`` (one annotation per plan: its lines, title and the rule that
started it), ``page_text`` (lines in no plan), ``titles``, ``years``, ``page_headers`` (a plan's
title repeated where a paginated page breaks: furniture, in no plan's lines) and
``other_documents`` (a document on the page that is no plan, a 工作总结 or a 通知: its lines are
page text). A plan's title again at its end, its end mark, stands after the plan's last content:
text in no plan, in ``page_text`` labelled ``end_mark``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planparse.parse.document import Annotation, ParseDoc
from planparse.parse.features import TITLE_BAD, Line, names_guiding_line, title_core
from planparse.parse.markers import OUTER_FAMILIES
from planparse.parse.numerals import cjk_years_to_digits, year_digits
from planparse.parse.params import params
from planparse.parse.rules import RuleTable, Vote
from planparse.parse.vocab import plan_vocab


@dataclass
class PlanBlock:
    """The lines of one plan (indices into ParseDoc.lines), its title line and what started it."""

    lines: list[int] = field(default_factory=list)
    title: int | None = None
    title_lead: int | None = None  # "XX计划" just before a bare "【篇一】": the title's first part
    title_head: int | None = None  # a title broken over two lines: its first line (光明小学2025年春季)
    # its title repeated at a page break (furniture) or at its end (in no plan): line, label, rule, evidence
    page_headers: list[tuple[int, str, str, tuple[str, ...]]] = field(default_factory=list)
    rule: str = ""
    evidence: tuple[str, ...] = ()
    other: bool = False  # a document that is no plan (a 工作总结, a 通知): its lines belong to none


@dataclass
class PlanState:
    """What the current plan has shown so far: the facts the boundary rules read."""

    headed: int = 0  # section headings seen
    guiding: bool = False
    months: int = 0  # month labels seen
    schedule: bool = False
    top_family: str | None = None
    top_items: int = 0
    content: bool = False
    closed: bool = False  # a closing paragraph (总之……) has been met
    after_hidden_text: bool = False  # the site hid text just before: what follows resumes elsewhere


@dataclass
class PlanContext:
    line: Line
    index: int  # position in lines
    lines: tuple[Line, ...]
    state: PlanState
    current: PlanBlock
    previous: Line | None  # the last line added to a plan that was no title or furniture

    def current_title(self) -> Line | None:
        return None if self.current.title is None else self.lines[self.current.title]

    def menu_link(self) -> bool:
        """The line stands in the site's menu or breadcrumbs: furniture right before it, and after it
        furniture or another short line holding no content and no title (工作总结, 正文)."""
        if self.index == 0 or not self.lines[self.index - 1].furniture:
            return False
        nxt = self.lines[self.index + 1] if self.index + 1 < len(self.lines) else None
        return nxt is None or nxt.furniture or not (nxt.title_like or nxt.separator or _holds_content(nxt))

    def next_content(self) -> Line | None:
        for j in range(self.index + 1, len(self.lines)):
            if not self.lines[j].furniture:
                return self.lines[j]
        return None


plan_boundary: RuleTable[PlanContext] = RuleTable("plan_boundary", default="line")


@plan_boundary.rule("furniture_line", needs=("line.furniture",))
def _furniture_line(ctx: PlanContext) -> Vote | None:
    """Site furniture belongs to the plan it stands in, and changes nothing about it."""
    return Vote("furniture", ("furniture",)) if ctx.line.furniture and not ctx.line.separator else None


@plan_boundary.rule("separator_line", needs=("line.separator",))
def _separator_line(ctx: PlanContext) -> Vote | None:
    """A separator (篇一, 【篇2】, 第一篇, XX计划2) starts a plan and titles it."""
    return Vote("separator", ("separator",)) if ctx.line.separator else None


@plan_boundary.rule("numbered_title_of_the_same", needs=("line.separator",))
def _numbered_title_of_the_same(ctx: PlanContext) -> Vote | None:
    """The title again with its number (每月安全工作计划 … 每月安全工作计划1(1518字)) before any content
    titles the plan it stands in, rather than starting one: a viewer's page gives the title alone,
    then the document's own numbered title. The number is the title's (GUIDE: kept)."""
    ln, title = ctx.line, ctx.current_title()
    if not ln.separator or title is None or title.separator or ctx.state.content:
        return None
    mine, theirs = _core(ln), _core(title)
    if mine.startswith(theirs) and mine[len(theirs) :].strip().isdigit():
        return Vote("title", ("separator", "the plan's title with its number", "no content yet"))
    return None


@plan_boundary.rule("title_again_at_page_break", needs=("line.separator", "line.title_like"))
def _title_again_at_page_break(ctx: PlanContext) -> Vote | None:
    """The plan's own title again once it has content, bare or with a page number (实验小学少先队工作计划(2)),
    or shortened as a PDF's running header is (城南中学教研组工作计划 under 城南中学教研组2025—2026学年第一学期
    工作计划: the title's words in order, some left out), where the plan's words go on right after it: a
    month label in a plan with months (五月：… after 四月：…) or a number further down a list (3、 after
    2、, 三、 after 二、). A paginated page repeats its header on every page; the title is furniture there.
    A plan of its own under the same title opens with its own parts instead (第一部分 指导思想, 一、…, a
    paragraph)."""
    ln, title = ctx.line, ctx.current_title()
    if not (ln.separator or ln.title_like) or title is None or title.idx == ln.idx or not ctx.state.content:
        return None
    mine, theirs = _core(ln), _core(title)
    again = mine.startswith(theirs) and (mine[len(theirs) :].strip() == "" or mine[len(theirs) :].strip().isdigit())
    if not again and not _within(mine, theirs):
        return None
    nxt = ctx.next_content()
    if nxt is None:
        return None
    goes_on = (nxt.month is not None and ctx.state.months > 0) or (
        nxt.marker is not None and nxt.marker.number is not None and nxt.marker.number > 1)
    if goes_on:
        return Vote("page_header", ("the plan's title again", "its words go on after it"))
    return None


@plan_boundary.rule("title_again_at_plan_end", needs=("line.separator", "line.title_like"))
def _title_again_at_plan_end(ctx: PlanContext) -> Vote | None:
    """The plan's own title again once it has content, bare or with the article's end mark (……工作计划 完,
    ……工作计划（完）), where nothing of a plan follows it but the next plan's title or separator, or the
    page's end: a 范文 page closes each article so. The line starts no plan and is in none (no section, no
    entry of the last month); the title after it is the next plan's."""
    ln, title = ctx.line, ctx.current_title()
    if not (ln.separator or ln.title_like) or title is None or title.idx == ln.idx or not ctx.state.content:
        return None
    mine, theirs = _core(ln), _core(title)
    # a plan titled by its separator (篇一：…) is repeated by its title's words alone
    if not mine or ln.title_bare or not theirs.endswith(mine):
        return None
    nxt = ctx.next_content()
    if nxt is None or nxt.separator or (nxt.title_like and _core(nxt) != mine):
        return Vote("end_mark", ("the plan's title again", "the next plan or the page's end after it"))
    return None


@plan_boundary.rule("title_after_content", needs=("line.title_like",))
def _title_after_content(ctx: PlanContext) -> Vote | None:
    """A title line once the current plan has content starts the next plan."""
    return Vote("new_titled", ("title_like", "plan has content")) if ctx.line.title_like and ctx.state.content else None


@plan_boundary.rule("cued_title_after_content", needs=("line.title_of_unit",))
def _cued_title_after_content(ctx: PlanContext) -> Vote | None:
    """A title whose words end in a section cue (人民医院工会2026年工作要点) once the current text has
    content starts the next plan where it names whose plan it is by a subject word of its own (工会,
    医院, 学校 …) and a plan's opening follows it: a paragraph setting the guiding line, a section
    heading, or the first of a numbered list. A page holds two plans so, or a notice issuing the
    plan (关于印发《……工作要点》的通知, then the plan under its own title). Inside a plan such words
    head a part: numbered (二、2026年工作要点), naming only the year (2026年工作重点), or over a month
    list (month_list_heading). A blank line before the title is no fact to lean on: a web or PDF copy
    drops it, and the last month's row runs into the next plan's title."""
    ln = ctx.line
    if not ln.title_of_unit or ln.marker is not None or not ctx.state.content:
        return None
    nxt = ctx.next_content()
    if nxt is None or nxt.month is not None:
        return None
    if not _plan_opening(nxt, ctx.state.top_family):
        return None
    return Vote("new_titled", ("title_of_unit", "a plan's opening follows"))


def _plan_opening(ln: Line, top: str | None) -> bool:
    """A line that opens a plan (or a document) under its title: a paragraph setting the guiding
    line, a section heading or the first of a numbered list that starts the count again at the
    top (一、, or the family the plan before numbers its parts with). A 1. under 德育处工作要点 is
    deeper than the plan's 一、: the department's part of the plan, no plan of its own."""
    first_of_list = ln.marker is not None and ln.marker.number == 1 \
        and (top is None or ln.marker.family == top or ln.marker.family in OUTER_FAMILIES)
    return bool(ln.guiding_opener or (ln.cue_kind and ln.heading_like) or first_of_list)


@plan_boundary.rule("period_title_again", needs=("line.title_of_period",))
def _period_title_again(ctx: PlanContext) -> Vote | None:
    """The title of the next period's plan (四月份工作计划 after a plan titled 三月份工作计划) starts that plan.

    A page of month plans one after the other titles each by its period and the same words after
    it. Under a title of its own (行政部上半年工作计划) a line 四月份工作计划 heads that month's part of
    the schedule instead: the plan's title does not open with a period (month_list_heading); so does
    one under a title of a longer period (第一季度工作计划)."""
    ln, title = ctx.line, ctx.current_title()
    if not ln.title_of_period or title is None or not title.title_of_period or not ctx.state.content:
        return None
    mine, theirs = ln.month, title.month
    if mine is None or theirs is None or mine.months == theirs.months or mine.rest.strip() != theirs.rest.strip():
        return None
    if len(mine.months) != len(theirs.months):
        return None  # 一月份工作计划 under 第一季度工作计划 is one of the quarter's months, no plan of its own
    return Vote("new_titled", ("title_of_period", "the plan's title with another period", "plan has content"))


@plan_boundary.rule("first_title", needs=("line.title_like", "line.title_with_cue", "line.title_of_period"))
def _first_title(ctx: PlanContext) -> Vote | None:
    """A title line before any content titles the current plan; at its very start, also one with a cue
    word that names whose plan it is (学校工会工作思路), or one that opens with its period (三月份德育工作计划)."""
    ln, cur = ctx.line, ctx.current
    if cur.title is not None or ctx.state.content:
        return None
    if ln.title_like and ln.title_bare and ctx.menu_link():
        return None  # a site menu's category link (工作计划 between 首页 and 正文) titles nothing
    if ln.title_like:
        return Vote("title", ("title_like",))
    if ln.title_with_cue and not any(not ctx.lines[i].furniture for i in cur.lines):
        return Vote("title", ("title_with_cue", "first line"))
    if ln.title_with_cue and _under_letterhead(ctx.lines, cur.lines, ln):
        return Vote("title", ("title_with_cue", "under a letterhead"))
    if ln.title_of_period and not any(not ctx.lines[i].furniture for i in cur.lines):
        return Vote("title", ("title_of_period", "first line"))
    return None


def _under_letterhead(lines: tuple[Line, ...], before: list[int], ln: Line) -> bool:
    """Whether the only content above ``ln`` is a letterhead right above it: the unit's name alone on
    a line (东阳市青少年宫 / 2026年工作要点, a Word title of two centred lines), which names whose plan
    the cued title below is; it ends as a unit's name does (plans.toml signer_last_chars,
    signer_last_words) and is no title, heading or item itself."""
    content = [lines[i] for i in before if not lines[i].furniture]
    if len(content) != 1 or content[0].idx != ln.idx - 1:
        return False
    head = content[0]
    name = head.text.strip()
    if head.marker is not None or head.month is not None or head.cue_kind is not None or head.title_core is not None:
        return False
    return params().title.unit_subject_min_chars <= len(name) <= params().title.max_chars \
        and not TITLE_BAD.search(name) and not any(c.isspace() for c in name) and name.endswith(plan_vocab().signer_endings)


@plan_boundary.rule("proper_title_after_separator", needs=("line.title_like",))
def _proper_title_after_separator(ctx: PlanContext) -> Vote | None:
    """A plan opened by a separator (第一篇：…, XX范文(3)) takes the proper title line that follows it."""
    title = ctx.current_title()
    if ctx.line.title_like and not ctx.line.separator and title is not None and title.separator and not ctx.state.content:
        return Vote("title", ("title_like", "plan titled by a separator"))
    return None


def _core(line: Line) -> str:
    a, b = line.title_core or (0, len(line.text))
    return line.text[a:b].strip()


def _within(short: str, full: str) -> bool:
    """Whether ``full`` is ``short`` with words added (its characters in order, some between)."""
    rest = iter(full)
    return len(short) < len(full) and all(ch in rest for ch in short)


def _site_addons(line: Line) -> bool:
    """Whether the title line carries a site's add-ons around its title (……工作计划-育才网, [原创]……,
    (1518字)): the page's title as a browser tab, a site's heading or a forum thread shows it."""
    a, b = line.title_core or (0, len(line.text))
    return a > 0 or b < len(line.text.rstrip())


@plan_boundary.rule("fuller_title_below", needs=("line.title_like",))
def _fuller_title_below(ctx: PlanContext) -> Vote | None:
    """A title line that yields to the one under it, before any content, when that one says the same
    with more: the page's own title above its metadata (发布时间, 浏览次数, a post's stamp 原创 … 发表于北京;
    XX市人民医院护理部2024年护理质量管理工作计划 under 医院护理部护理质量管理工作计划), or a PDF's running
    header on the first page right above the document's title (城南中学教研组2025—2026学年第一学期工作计划
    under 城南中学教研组工作计划). A page title that carries the site's add-ons ([原创]……（2025年春）,
    ……工作计划-育才网) is the page's whatever the article's title under it says, and yields to it also
    with no metadata between (a forum post's 幼儿园2025年春季中班班务计划 under the thread's subject): the
    plan's own title is the one above its content."""
    ln, title = ctx.line, ctx.current_title()
    if not ln.title_like or ln.separator or title is None or title.separator or ctx.state.content:
        return None
    between = ctx.lines[title.idx + 1 : ctx.index]
    if not all(b.furniture for b in between):
        return None
    if _within(_core(title), _core(ln)):
        return Vote("title", ("title_like", "fuller title under the title line"))
    if _site_addons(title) and not _site_addons(ln) and not (ln.title_bare and not title.title_bare):
        return Vote("title", ("title_like", "the article's title under the page's (site add-ons)"))
    return None


@plan_boundary.rule("fuller_title_after_bare", needs=("line.title_like",))
def _fuller_title_after_bare(ctx: PlanContext) -> Vote | None:
    """A bare title that names no one's plan (工作计划, a site menu's category link) yields to a title
    line that does, before any content (2025年幼儿园春季工作计划 under it): that one titles the plan."""
    ln, title = ctx.line, ctx.current_title()
    if not ln.title_like or ln.title_bare or ln.separator or title is None or not title.title_bare or ctx.state.content:
        return None
    return Vote("title", ("title_like", "fuller title after a bare one"))


@plan_boundary.rule("title_shaped_line", needs=("line.title_like",))
def _title_shaped_line(ctx: PlanContext) -> Vote | None:
    """A second title-like line before content (a subtitle) stays in the plan, as no content."""
    return Vote("title_line", ("title_like",)) if ctx.line.title_like else None


@plan_boundary.rule("entry_of_bulleted_list", needs=("line.title_like",))
def _entry_of_bulleted_list(ctx: PlanContext) -> Vote | None:
    """A title-like line that opens with the bullet of the content line right before it (▲各教研组制定
    新学期教学计划 after ▲开学前校园环境整治) is that list's next entry, not a plan's title: a title
    stands on its own, no list leads up to it (plans.toml list_bullets)."""
    ln, prev = ctx.line, ctx.previous
    if not ln.title_like or ln.separator or prev is None or not ctx.state.content:
        return None
    lead = ln.text.lstrip()[:1]
    if not lead or lead not in plan_vocab().list_bullets or prev.text.lstrip()[:1] != lead:
        return None
    return Vote("line", ("title_like", "opens with the bullet of the line before"))


@plan_boundary.rule("month_list_heading", needs=("line.title_like",))
def _month_list_heading(ctx: PlanContext) -> Vote | None:
    """A title-like line over a month list (三月工作计划) inside a plan is the schedule's heading, not a plan's title.

    At the start of a page, before any title or content, it is the plan's title all the same.
    """
    ln, cur = ctx.line, ctx.current
    if not (ln.title_like and ln.heads_month_list):
        return None
    if cur.title is None and not ctx.state.content:
        return None
    return Vote("line", ("title_like", "heads_month_list"))


@plan_boundary.rule("resumes_after_hidden_text", needs=("state.after_hidden_text",))
def _resumes_after_hidden_text(ctx: PlanContext) -> Vote | None:
    """The text after a site's 此处隐藏…字 notice resumes elsewhere in the page: another plan's rest."""
    if ctx.state.after_hidden_text and ctx.state.content and not ctx.line.furniture:
        return Vote("new_untitled", ("hides_text before",))
    return None


@plan_boundary.rule("other_document_title", needs=("line.other_title",))
def _other_document_title(ctx: PlanContext) -> Vote | None:
    """A 工作总结's or a 通知's title standing apart (……2024年工作总结) opens text of no plan, to the next plan.

    What follows it belongs to no plan up to the next plan's start (its title, its separator, a
    restart). The title stands apart where the page starts, or a blank line or the last plan's
    signature stands before it, and words of its own, no month label, follow it: under a month
    label a line 2025年度工作总结 is that month's activity. With nothing between it and the plan's
    last line (a web or PDF copy drops blank lines) the document's own opening under it shows
    it stands apart: whom a notice addresses (各班级、各位家长：), a summary's look back (一年来，……),
    a guiding paragraph, a section heading or the first of a numbered list. GUIDE: each plan is its own plan, and a 总结 or a 通知
    is none."""
    ln, prev = ctx.line, ctx.previous
    if not ln.other_title or ctx.current.other:
        return None
    if prev is not None and prev.month is not None and not prev.month.rest.strip():
        return None  # a month label alone on its line (十二月：) waits for its activity
    nxt = ctx.next_content()
    if nxt is None or nxt.month is not None:
        return None
    if prev is None or ln.blank_before or prev.signature:
        return Vote("other_document", ("other_title", "stands apart", "words follow"))
    if _document_opening(nxt, ctx.state.top_family):
        return Vote("other_document", ("other_title", "a document's opening follows"))
    return None


def _document_opening(ln: Line, top: str | None) -> bool:
    """A line that opens a document under its title: whom a notice addresses (各班级、各位家长：), a
    summary's look back (一年来，……), or what opens a plan (see :func:`_plan_opening`)."""
    pv, words = plan_vocab(), ln.text.strip()
    return pv.addressee.match(words) is not None or pv.look_back_opener.match(words) is not None \
        or _plan_opening(ln, top)


def _restart_marker(ctx: PlanContext) -> bool:
    """No marker, or 一、/first of the plan's top family: a 指导思想 under a work heading is no restart."""
    mk = ctx.line.marker
    top = ctx.state.top_family
    return mk is None or (mk.number in (1, None) and (mk.family in OUTER_FAMILIES or mk.family == top or top is None))


def _guiding_restart(ctx: PlanContext) -> bool:
    """A 指导思想 heading once the plan has headed parts, numbered work or a schedule.

    An unnumbered one restarts no numbering: only the plan's work (numbered items, a schedule) or its
    closing before it make it the next plan's start; after a part headed so (基本情况, then 总体思路)
    it is the same plan's next part. A part beside the guiding line (基本原则) opens no plan, nor
    does a heading right under another one (工作要点 / 一、指导思想): it is the first part under it.
    """
    ln, st, prev = ctx.line, ctx.state, ctx.previous
    if not (names_guiding_line(ln) and ln.heading_like and _restart_marker(ctx)):
        return False
    if prev is not None and prev.cue_kind and prev.heading_like:
        return False
    worked = st.top_items >= params().plans.restart_min_top_items or st.schedule
    if ln.marker is None:
        return worked or st.closed
    return st.guiding or st.headed >= 1 or worked


@plan_boundary.rule("titled_guiding_restart", needs=("line.title_with_cue",))
def _titled_guiding_restart(ctx: PlanContext) -> Vote | None:
    """A restart at an unnumbered line that names whose plan it is (城南中学工会工作思路 after another
    plan's schedule) titles the new plan, as the same line does at a page's start (first_title)."""
    if ctx.line.title_with_cue and ctx.line.marker is None and _guiding_restart(ctx):
        return Vote("new_titled", ("title_with_cue", "cue_kind=guiding_ideology", "plan has parts"))
    return None


@plan_boundary.rule("guiding_heading_restart", needs=("line.heading_like",))
def _guiding_heading_restart(ctx: PlanContext) -> Vote | None:
    """A 指导思想 heading once the plan has headed parts, numbered work or a schedule: the numbering restarts."""
    if _guiding_restart(ctx):
        return Vote("new_untitled", ("cue_kind=guiding_ideology", "heading_like", "plan has parts"))
    return None


@plan_boundary.rule("opening_part_restart", needs=("line.cue_kind",))
def _opening_part_restart(ctx: PlanContext) -> Vote | None:
    """一、基本情况 / 一、工作目标 after a finished schedule or a closing: a new plan's first part."""
    ln, st = ctx.line, ctx.state
    mk = ln.marker
    if (
        ln.cue_kind in ("goals", "situation")
        and ln.heading_like
        and mk is not None
        and mk.number == 1
        and mk.family in OUTER_FAMILIES
        and (st.schedule or st.closed)
        and st.headed >= params().plans.restart_min_headed
    ):
        return Vote("new_untitled", (f"cue_kind={ln.cue_kind}", "marker=1", "after schedule or closing"))
    return None


@plan_boundary.rule("guiding_paragraph_restart", needs=("line.guiding_opener",))
def _guiding_paragraph_restart(ctx: PlanContext) -> Vote | None:
    """A paragraph setting the guiding line after finished work, with a new list right after it."""
    ln, st = ctx.line, ctx.state
    if (
        ln.guiding_opener
        and ln.marker is None
        and (st.schedule or st.top_items >= params().plans.restart_min_top_items)
        and plan_vocab().guiding_line.search(ln.text)
        and not (ctx.previous is not None and ctx.previous.heading_like)
    ):
        nxt = ctx.next_content()
        if nxt is not None and nxt.marker is not None and nxt.marker.number == 1:
            return Vote("new_untitled", ("guiding_opener", "next line starts a list"))
    return None


def _holds_content(ln: Line) -> bool:
    """Whether the line is content of a plan (as :func:`_update` counts it): a section heading, a
    numbered or month line, or a long one."""
    return bool(ln.cue_kind and ln.heading_like) or ln.marker is not None or ln.month is not None \
        or len(ln.text) >= params().plans.content_min_chars


def _update(st: PlanState, ln: Line) -> None:
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
    if ln.marker is not None or ln.month is not None or len(ln.text) >= params().plans.content_min_chars:
        st.content = True


def _title_lead(lines: tuple[Line, ...], cur: PlanBlock, sep: Line) -> int | None:
    """The title line right before a bare separator (小学德育工作计划 / 【篇一】), if there is one."""
    if len(sep.text) > params().title.bare_separator_max_chars or not cur.lines:
        return None
    last = lines[cur.lines[-1]]
    return last.idx if last.title_like and not last.separator else None


def _states_time(words: str) -> bool:
    pv = plan_vocab()
    return pv.title_time_year.search(words) is not None or any(w in words for w in pv.title_time_words)


def _title_head(lines: tuple[Line, ...], block: PlanBlock, title: Line) -> int | None:
    """The line right above a title line that is the title's first part, the title broken over two
    lines (光明小学2025年春季 / 德育工作计划, a PDF's or a centred Word title's line break): it states
    the plan's time (a year, 学年, 春季 …), which the title line does not, and the two read as one
    title. A letterhead naming the school alone (光明小学 / 德育工作计划) is no part of the title.

    A blank line between the two (a Word title of two paragraphs, pasted with their spacing) parts
    them only where the first could be the end of the text before: where it opens the text, or
    stands right after the last plan's signature, nothing can be but the title's first part."""
    if not block.lines:
        return None
    head = lines[block.lines[-1]]
    if head.idx != title.idx - 1 or head.idx in (block.title, block.title_lead):
        return None
    if title.blank_before and not _opens_text(lines, block, head):
        return None
    if head.marker is not None or head.month is not None or head.furniture or head.separator or head.title_like \
            or head.signature or head.cue_kind is not None:
        return None
    pv = plan_vocab()
    ha, hb = title_core(head.text)
    a, b = title.title_core or (0, len(title.text))
    first, core = cjk_years_to_digits(head.text[ha:hb]), cjk_years_to_digits(title.text[a:b])
    if not first or TITLE_BAD.search(first) or first.endswith(pv.title_endings):
        return None
    if len(first) + len(core) > params().title.max_chars or not _states_time(first) or _states_time(core):
        return None
    return head.idx


def _opens_text(lines: tuple[Line, ...], block: PlanBlock, head: Line) -> bool:
    """Whether ``head``, the block's last line, comes first in its text: only furniture before it in
    the block, or right before it the last plan's signature or its date (furniture at times: posted
    dates look alike)."""
    before = [lines[i] for i in block.lines[:-1]]
    return all(ln.furniture for ln in before) or (head.idx > 0 and (lines[head.idx - 1].signature
                                                                     or lines[head.idx - 1].furniture))


def group_lines(lines: tuple[Line, ...]) -> list[PlanBlock]:
    """The page's lines grouped into candidate plans by the plan_boundary rules."""
    blocks = [PlanBlock(rule="page_start")]
    st = PlanState()
    prev: Line | None = None
    for i, ln in enumerate(lines):
        cur = blocks[-1]
        d = plan_boundary.decide(PlanContext(ln, i, lines, st, cur, prev))
        if d.label in ("page_header", "end_mark"):
            cur.page_headers.append((ln.idx, d.label, d.rule, d.evidence))
            continue
        if d.label == "furniture":
            cur.lines.append(ln.idx)
            st.after_hidden_text |= ln.hides_text
            continue
        if d.label == "separator":
            lead = _title_lead(lines, cur, ln)
            if lead is not None:
                cur.lines.remove(lead)
                if cur.title == lead:
                    cur.title = None
            new = PlanBlock(title=ln.idx, title_lead=lead, rule=d.rule, evidence=d.evidence)
            new.lines.extend([lead, ln.idx] if lead is not None else [ln.idx])
            blocks.append(new)
            st = PlanState()
            continue
        if d.label in ("new_titled", "title", "title_line"):
            head = _title_head(lines, cur, ln) if d.label != "title_line" else None
            if d.label == "new_titled":
                new = PlanBlock(title=ln.idx, title_head=head, rule=d.rule, evidence=d.evidence)
                if head is not None:  # the title's first line was read as the last plan's
                    cur.lines.remove(head)
                    new.lines.append(head)
                blocks.append(new)
                st = PlanState()
            elif d.label == "title":
                cur.title, cur.title_head = ln.idx, head
                cur.rule, cur.evidence = cur.rule or d.rule, cur.evidence or d.evidence
            blocks[-1].lines.append(ln.idx)
            continue
        if d.label in ("new_untitled", "other_document"):
            blocks.append(PlanBlock(rule=d.rule, evidence=d.evidence, other=d.label == "other_document"))
            st = PlanState()
        blocks[-1].lines.append(ln.idx)
        prev = ln
        _update(st, ln)
        # the other document's title opens its text: a title line after it starts the next plan
        st.content |= d.label == "other_document"
    return blocks


def _title_line(lines: tuple[Line, ...], block: PlanBlock) -> Line | None:
    """The line whose core is the plan's title: its title line (the lead of a bare 【篇一】), or the
    page's own title among the furniture before its first content."""
    if block.title_lead is not None:
        return lines[block.title_lead]
    if block.title is not None:
        return lines[block.title]
    page_title = None
    for i in block.lines:
        ln = lines[i]
        if not ln.furniture:
            break
        if ln.page_title:
            page_title = ln
    return page_title


def has_content(lines: tuple[Line, ...], block: PlanBlock) -> bool:
    least = params().plans.content_min_chars
    body = [lines[i] for i in block.lines if not lines[i].furniture and i != block.title]
    return sum(len(ln.text) for ln in body) >= least and any(
        ln.marker or ln.month or len(ln.text) >= least for ln in body
    )


def plan_year(lines: tuple[Line, ...], block: PlanBlock) -> int | None:
    """The calendar year in the title, or (stricter: 2023年, not 2023学年) in the plan's opening lines.

    A title giving a range of years (2025—2027年) names none; its opening's years are the range's."""
    pv = plan_vocab()
    title = _title_line(lines, block)
    if title is not None:
        a, b = title.title_core or (0, len(title.text))
        words = title.text[a:b]
        if block.title_head is not None and title.idx == block.title:
            head = lines[block.title_head].text
            words = head[title_core(head)[0] :] + words  # a title broken over two lines: both its parts
        m = pv.title_year.search(year_digits(words))
        if m:
            return int(m.group(1))
        if pv.title_year_range.search(year_digits(title.text)):
            return None  # a three-year plan (2025—2027年): its time is the range
        # the date it was written, after the title on its line (……工作打算 2025.02): its first line states it
        date = pv.title_trailing_date.search(cjk_years_to_digits(title.text), b)
        m = pv.title_time_year.search(year_digits(date.group())) if date else None
        if m:
            return int(m.group())
    opening = ""
    for i in block.lines:
        ln = lines[i]
        if ln.furniture or i in (block.title, block.title_lead, block.title_head):
            continue
        opening += ln.text + "\n"
        if len(opening) >= pv.opening_year_chars:
            break
    m = pv.opening_year.search(year_digits(opening[: pv.opening_year_chars]))
    return int(m.group(1)) if m else None


def split_plans(doc: ParseDoc) -> None:
    """Stage: the ``plans``, ``page_text``, ``titles``, ``years``, ``page_headers`` and ``other_documents`` layers."""
    lines = doc.lines
    plans: list[Annotation] = []
    page_text: list[Annotation] = []
    titles: list[Annotation] = []
    years: list[Annotation] = []
    page_headers: list[Annotation] = []
    other_documents: list[Annotation] = []
    for block in group_lines(lines):
        for i, label, rule, evidence in block.page_headers:
            layer = page_headers if label == "page_header" else page_text
            layer.append(Annotation(lines[i].start, lines[i].end, label, rule, evidence))
        if not block.lines:
            continue
        if block.other:
            page_text.extend(Annotation(lines[i].start, lines[i].end, "page_text", block.rule, block.evidence)
                             for i in block.lines if not lines[i].furniture)
            other_documents.append(Annotation(lines[block.lines[0]].start, lines[block.lines[-1]].end,
                                              "other_document", block.rule, block.evidence))
            continue
        if not has_content(lines, block):
            page_text.extend(Annotation(lines[i].start, lines[i].end, "page_text", "no_content")
                             for i in block.lines if not lines[i].furniture)
            continue
        content = [lines[i] for i in block.lines if not lines[i].furniture] or [lines[block.lines[-1]]]
        start, end = lines[block.lines[0]].start, max(ln.end for ln in content)
        k = len(plans)
        plans.append(Annotation(start, end, "plan", block.rule, block.evidence, block))
        title = _title_line(lines, block)
        if title is not None:
            a, b = title.title_core or (0, len(title.text))
            if block.title_head is not None and title.idx == block.title:
                # the title broken over two lines: from its first line's words on
                head = lines[block.title_head]
                titles.append(Annotation(head.start + title_core(head.text)[0], title.start + b, "title",
                                         "title_over_two_lines", ("title_like", "first part above it"), k))
            else:
                titles.append(Annotation(title.start + a, title.start + b, "title", "title_line", ("title_like",), k))
        year = plan_year(lines, block)
        if year is not None:
            years.append(Annotation(start, start, "year", "plan_year", (), (k, year)))
    doc.add_layer("plans", plans)
    doc.add_layer("page_text", page_text)
    doc.add_layer("titles", titles)
    doc.add_layer("years", years)
    doc.add_layer("page_headers", page_headers)
    doc.add_layer("other_documents", other_documents)
