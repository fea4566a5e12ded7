"""Facts about lines: named feature extractors, run once per line, before any decision.

Two registries, run in order:

- ``LINE_FEATURES``: facts about one line alone (its numbering marker, period label,
  heading words and cue, shape, whether it looks like a title, a plan separator, site
  furniture, a table header, a signature);
- ``NEIGHBOURHOOD_FEATURES``: facts that need the lines around it (a header row of a
  table, the links under 相关文章, whether a month list follows, where the page repeats itself).

A feature extractor sets only its own fields of :class:`Line`. Once the stage ends the lines
are handed to the decisions and nothing edits them again. Decisions (plans, sections,
schedule) live in their own modules as rule tables over these facts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from planparse.parse.chars import CLOSERS, COLONS, FULL_STOPS, SENTENCE_END, TRAILING
from planparse.parse.document import ParseDoc
from planparse.parse.gate import required_chars, required_words, word_automaton
from planparse.parse.lines import RawLine, split_lines
from planparse.parse.markers import OUTLINE_FAMILIES, Marker, match_marker
from planparse.parse.month_labels import (
    MonthLabel,
    bare_dated_label,
    flat_table_header,
    leading_mention,
    match_month_label,
    month_columns,
    undated_period_end,
)
from planparse.parse.numerals import cjk_years_to_digits
from planparse.parse.params import params
from planparse.parse.vocab import furniture, month_vocab, plan_vocab, section_cues, section_words

_COLON = re.compile(r"[:：|]")  # a pasted table cell ends a heading's words too
_SENTENCE_PUNCT = re.compile(f"[{SENTENCE_END}]")
_FULL_STOP = re.compile(f"[{FULL_STOPS}]")
TITLE_BAD = re.compile(r"[。;；,，!?！？:：、]")
_DATE_ONLY_RE = re.compile(r"^(?:19|20)\d\d\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月")


def _date_only(line: Line) -> bool:
    """A line that is a date (2025年2月20日, 二〇二五年二月, 二O二五年二月: the year's numerals read as its digits)."""
    return _DATE_ONLY_RE.match(cjk_years_to_digits(line.text.strip())) is not None
_NOT_WORD = re.compile(r"[\W_]+")
_SPACE_RUN = re.compile(r"[ \t]+(?=\S)")
_COMMA_BEFORE_CUE = re.compile(r"[,，]")
_TABLE_SPLIT = re.compile(r"\s*[|｜]\s*|\s+")
_BAR_SPLIT = re.compile(r"[|｜]")


class _RareFacts:
    """The facts most lines never set (a title's shape, a table's columns, a continued outline number
    …): class-level defaults, held in a line's own dict only once an extractor sets one of them.

    A slot each would cost every line 8 bytes a fact whether set or not; in a long plan of short
    lines that was 40 % of the parse's memory (issue 11). The facts read most often stay slots on
    :class:`Line` (reading a class default is a few times slower than a slot), and an extractor
    writes one of these only when it differs from its default, so most lines have no dict at all.
    """

    __slots__ = ("__dict__",)
    # shape
    starts_physical: bool = True  # it begins a physical line (not cut from a run-on or flattened one)
    wrapped: bool = False  # the copy cut it at the document's fixed width: its words run on into the next line
    # numbering and periods
    weak_label: MonthLabel | None = None  # a festival's name (五四青年节：…) or a dotted date (3.5 …) opening the line
    undated_period: int = 0  # a period with no month of its own opening the line (春节：…, 暑期：…): its length
    month_led: MonthLabel | None = None  # a numbered item that opens with a month in running text (4、六月份组织…)
    prose_month: bool = False  # a paragraph opening with its month (5月,为迎接…): a label only inside a schedule
    # an outline number (1.1, 2.3.1) is a marker only in a run that counts on (1.1, 1.2): alone it
    # reads as a date (3.12 植树节); the neighbourhood confirms it and the line's facts are redone
    outline_candidate: Marker | None = None
    outline_confirmed: bool = False
    # heading words and cues
    head_space: int | None = None  # where a space, standing for the colon, ends the heading's words
    annex: bool = False  # 附：… — the heading is the whole line
    cue_ambiguous: bool = False
    cue_bare_label: bool = False
    opens_with_verb: bool = False  # the words open with a verb (制定…, 召开…): an activity, not a heading
    # page structure (each set on a few lines in a hundred)
    table_header: bool = False
    signature: bool = False  # XX小学工会 / 2023年2月 closing the plan
    hides_text: bool = False  # the site's notice that it hid text here (此处隐藏…字)
    preview: bool = False  # a viewer's preview of the text that follows (furniture)
    title_with_cue: bool = False  # a title-shaped line with a cue word that names whose plan it is
    title_of_unit: bool = False  # ... by a subject word of its own (医院工会2026年工作要点), not its year alone
    title_of_period: bool = False  # a title-shaped line that opens with its month or quarter (三月份德育工作计划)
    title_bare: bool = False  # a title naming no one's plan (工作计划): as much a category label as a title
    other_title: bool = False  # the title of a document that is no plan (……2024年工作总结, 关于……的通知)
    page_title: bool = False  # a furniture line that is the page's title with the site's add-ons
    title_core: tuple[int, int] | None = None  # the plan's own title within the line (relative offsets)
    guiding_opener: bool = False
    looks_back: bool = False  # a paragraph reviewing the work before the plan (一年来，…): background
    closing: bool = False  # the plan's closing words (总之……, 本计画经校长核定后实施), numbered or not
    mid_sentence: bool = False  # opens with a word or stop no sentence opens with (的晨检，……): goes on with one begun elsewhere
    table_cells: tuple[str, ...] = ()
    # a header row laid across the months (项目 | 9月 | 10月): the months each of its cells heads
    month_columns: tuple[tuple[int, ...], ...] = ()
    # a table header whose columns (over its run of header lines) name an activity and a time that
    # dates the rows: a period (月份, 时间, 周次), or a deadline where no period column stands
    table_dated: bool = False


@dataclass(slots=True)
class Line(_RareFacts):
    """A logical line and its facts. Offsets are in the working text.

    The facts here are the ones many lines set or every decision reads; the rest are
    :class:`_RareFacts`, read the same way (``line.title_core``)."""

    idx: int
    start: int
    end: int
    text: str
    blank_before: bool = False  # an empty physical line stands right before it
    marker: Marker | None = None
    month: MonthLabel | None = None
    content_start: int = 0  # after the marker, relative to the line start
    # the words up to the first colon, marker excluded, and those after it: offsets into ``text``
    # (small ints, shared), read as ``head`` and ``after_colon``; a string each was a sixth of a
    # long plan's lines
    head_start: int = 0
    head_end: int = 0
    colon_start: int = 0
    colon_end: int = 0
    cue_kind: str | None = None
    cue: str | None = None
    cue_at_end: bool = False  # the cue is the heading's head noun (活动安排, not 活动计划上交)
    heading_like: bool = False
    furniture: bool = False
    separator: bool = False  # 篇一, 第一篇: it starts a plan on a page of several
    title_like: bool = False
    heads_month_list: bool = False  # the next content line is a month label or a table header

    @classmethod
    def of(cls, idx: int, start: int, end: int, text: str, *, blank_before: bool, starts_physical: bool) -> Line:
        """A line without facts yet, of its place and shape."""
        line = cls(idx, start, end, text, blank_before=blank_before)
        if not starts_physical:
            line.starts_physical = False
        return line

    def unset(self, *names: str) -> None:
        """Rare facts back to their defaults: out of the line's dict, not written there as defaults."""
        facts = vars(self)  # an empty one made if the line has set none (these lines are few)
        for name in names:
            facts.pop(name, None)

    @property
    def content(self) -> str:
        return self.text[self.content_start :]

    @property
    def head(self) -> str:
        """The words up to the first colon, marker excluded (a heading's words)."""
        return self.text[self.head_start : self.head_end]

    @property
    def after_colon(self) -> str:
        return self.text[self.colon_start : self.colon_end]

    @property
    def names_no_month(self) -> bool:
        """The line opens with the label of a period that names no month of its own (全年：, 每月：,
        春节：, 暑期：): a row of a month list all the same, whose work the layout puts in no month or
        in the month above it."""
        return self.undated_period > 0 or month_vocab().yearlong_label.match(self.content.lstrip()) is not None

    def facts(self) -> dict[str, object]:
        """The facts that are set, by name: what --explain shows for a line."""
        out: dict[str, object] = {}
        if self.marker is not None:
            out["marker"] = f"{self.marker.family}:{self.marker.number}"
        if self.month is not None:
            out["period"] = ",".join(map(str, self.month.months))
        for name in ("undated_period", "cue_kind", "cue", "heading_like", "title_like", "title_with_cue", "title_of_unit", "title_of_period", "title_bare", "other_title", "page_title", "separator", "furniture", "table_header", "month_columns", "table_dated",
                     "signature", "guiding_opener", "looks_back", "closing", "mid_sentence", "heads_month_list", "blank_before", "wrapped"):
            value = getattr(self, name)
            if value:
                out[name] = value
        return out


LineFeature = Callable[[Line], None]
NeighbourhoodFeature = Callable[[list[Line]], None]
LINE_FEATURES: list[tuple[str, LineFeature]] = []
NEIGHBOURHOOD_FEATURES: list[tuple[str, NeighbourhoodFeature]] = []


def line_feature(name: str) -> Callable[[LineFeature], LineFeature]:
    def register(fn: LineFeature) -> LineFeature:
        LINE_FEATURES.append((name, fn))
        return fn

    return register


def neighbourhood_feature(name: str) -> Callable[[NeighbourhoodFeature], NeighbourhoodFeature]:
    def register(fn: NeighbourhoodFeature) -> NeighbourhoodFeature:
        NEIGHBOURHOOD_FEATURES.append((name, fn))
        return fn

    return register


# ---------------------------------------------------------------- one line


@line_feature("separator")
def _separator(line: Line) -> None:
    """篇一, 【篇2】, 第一篇, XX计划2: a line that starts a plan on a page of several."""
    text = line.text
    if len(text) > params().title.separator_max_chars:
        return
    if plan_vocab().separator.search(text):
        line.separator = True
    elif text.endswith((")", "）", "字")):
        # a numbered title with the site's add-on after it (XX工作计划1(1518字)): judged without it
        a, b = title_core(text)
        core = text[a:b]
        # one title, no run of words (a viewer's summary, 标题 标题1(655字), is furniture)
        if b < len(text) and not any(ch.isspace() for ch in core) and plan_vocab().separator.search(core) is not None:
            line.separator = True


@line_feature("numbering")
def _numbering(line: Line) -> None:
    """The numbering marker (一、 （一） 1. ①) and the period label (三月份：, 七、八月), also behind a marker."""
    text = line.text
    line.month = match_month_label(text)
    if line.month is not None and line.month.weak:
        # 五四青年节：… / 3.5 学雷锋… name a month only in a schedule without month labels (the
        # month_list layout decides); elsewhere the line is what it says
        line.weak_label, line.month = line.month, None
    if line.month is not None and not line.month.closed:
        rest = line.month.rest
        words = rest.strip(" ,，")
        if words and (rest[:1] in ",，" or len(rest) > params().month_labels.label_rest_max_chars):
            line.prose_month = True
    if line.month is None and line.weak_label is None:
        undated = undated_period_end(text)
        if undated:
            line.undated_period = undated
    marker = None if line.month else match_marker(text)
    if marker is not None and marker.family in OUTLINE_FAMILIES and not line.outline_confirmed:
        line.outline_candidate, marker = marker, None
    if marker is not None:
        line.marker = marker
        line.content_start = marker.end
        # an item led by its date in running words (3、5月中旬做好…) is led by its month as well
        numbered_month = match_month_label(text[marker.end :]) or leading_mention(text[marker.end :])
        if numbered_month is not None and not numbered_month.weak:
            numbered_month = replace(numbered_month, end=numbered_month.end + marker.end)
            if numbered_month.closed:  # 2 四月份：(1)… — a numbered month label
                line.month = numbered_month
            else:  # 4、六月份组织员工趣味运动会 — an item whose words open with its month
                line.month_led = numbered_month


@line_feature("furniture")
def _furniture(line: Line) -> None:
    """Site furniture (上一篇, 下载文档, URLs, page counters); a numbered line or a month label is content."""
    if (line.marker is None or line.marker.bare) and line.month is None and furniture().is_furniture(line.text):
        line.furniture = True
        line.marker = None
        if furniture().inline_break.search(line.text) is not None:
            line.hides_text = True


def _cue_heads(words: str) -> bool:
    """Whether ``words`` read as a heading: a section cue that ends them, with no sentence punctuation."""
    if _SENTENCE_PUNCT.search(words):
        return False
    cue = find_cue(words)[1]
    return bool(cue) and _cue_ends(words, cue)


def _cue_ends(words: str, cue: str) -> bool:
    """Whether ``cue`` ends ``words``: nothing after it but a heading suffix (表, 如下), or a second part
    after a joining word that is itself a heading's noun (工作目标与任务, 主要任务及措施, 现状及问题)."""
    sw = section_words()
    tail = words[words.rfind(cue) + len(cue) :]
    if not tail or tail in sw.heading_suffixes:
        return True
    rest = tail[1:]
    if tail[0] not in sw.joining_words or not rest:
        return False
    return rest in sw.joined_part_nouns or rest in sw.bare_labels or _cue_heads(rest)


@line_feature("heading_words")
def _heading_words(line: Line) -> None:
    """The words a heading would have: up to a colon near the start, or the whole short line."""
    p = params().heading
    content = line.content
    colon = _COLON.search(content, 0, p.colon_window)
    space = None if colon or line.marker is None else _SPACE_RUN.search(content, 1, p.max_chars + 1)
    if space is not None and not _cue_heads(content[: space.start()]):
        space = None  # a space stands for the colon only after a heading's words (一、指导思想 以……)
    if space is not None:
        line.head_space = space.start()
    # the words, and where they start in the line's text (kept as offsets: Line.head)
    at = line.content_start
    if colon or space:
        cut = colon or space
        words = content[: cut.start()]
        head = words.strip()
        at += _lead(words, head)
        rest = content[cut.end() :]
        after = rest.strip()
        line.colon_start = line.content_start + cut.end() + _lead(rest, after)
        line.colon_end = line.colon_start + len(after)
    elif len(content) <= p.colon_window * 2:
        stripped = content.strip()
        head = stripped.rstrip(TRAILING)
        at += _lead(content, stripped)
    else:
        head = content
    if head and head[0] in _bracket_starts():
        a, b = _unbracketed_span(head)
        head, at = head[a:b], at + a
    if line.marker is not None:
        # a numbered heading's note in brackets (五、课时安排（本学期共18周，每周5课时）) is no part
        # of its words: the cue ends them and the note does not make them long
        bare = _TRAILING_NOTE.sub("", head).rstrip()
        if bare:
            head = bare
    if head in section_words().annex_labels and line.colon_end > line.colon_start:
        head, at = line.after_colon.rstrip(TRAILING), line.colon_start
        line.colon_start = line.colon_end = 0
        line.annex = True
    line.head_start, line.head_end = at, at + len(head)


def _lead(words: str, stripped: str) -> int:
    """How many characters ``words.strip()`` (= ``stripped``) cut at its start."""
    return 0 if stripped is words else len(words) - len(words.lstrip())


@cache
def _bracket_starts() -> frozenset[str]:
    return frozenset(opener[0] for opener in section_words().heading_brackets)


def _unbracketed(head: str) -> str:
    """A heading's words without the brackets that wrap them whole (【工作目标】 → 工作目标): a web
    page sets its headings off so, and the cue must end the words all the same."""
    if not head or head[0] not in _bracket_starts():
        return head  # most headings: no pair to try
    a, b = _unbracketed_span(head)
    return head[a:b]


def _unbracketed_span(head: str) -> tuple[int, int]:
    """Where :func:`_unbracketed`'s words are in ``head`` (one opening with a bracket)."""
    for opener, closer in section_words().heading_brackets.items():
        inner = head[len(opener) : -len(closer)]
        if head.startswith(opener) and head.endswith(closer) and inner.strip() and opener not in inner and closer not in inner:
            kept = inner.lstrip()
            start = len(opener) + len(inner) - len(kept)
            return start, start + len(kept.rstrip())
    return 0, len(head)


def _verb_noun_compound(head: str, cue: str) -> bool:
    """The head is a verb and the cue noun right after it, nothing between: a compound naming the
    part (学习目标, 学习内容安排, 研究措施), not a verb with its object (检查师资培训工作安排)."""
    return any(head.startswith(verb) and head[len(verb) :] == cue for verb in plan_vocab().title_not_opening)


@line_feature("cue")
def _cue(line: Line) -> None:
    """The section kind a heading's cue word names (指导思想, 工作目标, 活动安排 …), and the heading shape."""
    p = params().heading
    size = line.head_end - line.head_start  # the words' length, read without slicing them
    longest = p.annex_max_chars if line.annex else p.max_chars
    head_ok = 0 < size <= longest and not _SENTENCE_PUNCT.search(line.text, line.head_start, line.head_end)
    if line.month is None and line.month_led is None and head_ok:
        head = line.head  # read once: a slice of the line's text each time
        line.cue_kind, line.cue, ambiguous, bare_label = find_cue(head)
        if ambiguous:
            line.cue_ambiguous = True
        if bare_label:
            line.cue_bare_label = True
        if line.cue and _COMMA_BEFORE_CUE.search(head[: head.rfind(line.cue)]):
            # 预约家长,写好评语,汇报幼儿情况: clauses before the cue make a sentence, not a heading
            line.cue_kind = line.cue = None
        if line.cue:
            # a cue that opens with a verb itself (实施内容及期程, 组织机构及职责) opens the heading as a noun
            if head != line.cue and head.startswith(plan_vocab().title_not_opening) \
                    and not head.startswith(line.cue) and not _verb_noun_compound(head, line.cue):
                line.opens_with_verb = True
            line.cue_at_end = _cue_ends(head, line.cue)
        if line.marker is None and line.cue and head != line.cue and (line.opens_with_verb or not line.cue_at_end):
            # an unnumbered heading ends with its cue noun (活动安排, 工作目标); a line opening with a
            # verb (研究本学期工会工作重点) or going on past the cue (期中质量分析会) is an activity
            line.cue_kind = line.cue = None
    limit = p.annex_max_chars if line.annex else p.max_chars if line.marker else p.unmarked_max_chars
    line.heading_like = head_ok and size <= limit and (line.marker is not None or line.colon_end == line.colon_start)


@line_feature("title")
def _title(line: Line) -> None:
    """A title: short, no sentence punctuation, ends in 计划/方案…, names what it is of, opens with no verb.

    The site's add-ons ((3篇), (1518字), 最新…) are no part of it: ``title_core`` is the plan's own
    title within the line. A furniture line with a title's shape is the page's title.
    """
    # a plan for a month or a quarter opens its title with the period (三月份安全工作计划): a label
    # with no colon may be a title all the same
    period_led = line.month is not None and line.text.rstrip()[-1:] not in COLONS
    if line.marker is not None or (line.month is not None and not period_led) or len(line.text) > 2 * params().title.max_chars:
        return
    if not line.separator and not _may_name_a_document(line.text):
        return
    pv = plan_vocab()
    start, end = title_core(line.text)
    core = line.text[start:end]
    # 德育处工作计划和安排(学校德育工作月度计划), 《……计划》【修订稿】: judged without its note and quotes
    # the note matched on the years as digits (二〇二五年度 too), one character for one
    note = pv.title_trailing_note.search(cjk_years_to_digits(core))
    bare = _unquoted((core[: note.start()] if note else core).rstrip())
    if core and len(core) <= params().title.max_chars and line.month is None and not line.furniture \
            and pv.other_document_title.search(cjk_years_to_digits(bare)) and not bare.startswith(pv.title_not_opening):
        line.other_title = True  # a 工作总结's or a 通知's title names no plan: no title_core
        return
    ends_title = bare.endswith(pv.title_endings) or line.separator
    if line.furniture and not ends_title:
        # the page's title names its text a 范文 (2025年社区工作计划范文): the site's word after the title's
        ends_title = any(bare.removesuffix(w) != bare and bare.removesuffix(w).endswith(pv.title_endings)
                         for w in furniture().link_title_addons)
    if not core or len(core) > params().title.max_chars or not ends_title or TITLE_BAD.search(bare):
        return
    has_year = pv.title_year.search(core) is not None
    if period_led and not has_year:
        # the period says what the plan is of; a title only at a plan's start (plans: first_title),
        # since inside a plan 三月份工作计划 heads that month's activities; with its year
        # (2026年第二季度安全工作计划) it is a title like any other
        if not line.furniture and bare.endswith(pv.plan_words):
            line.title_core, line.title_of_period = (start, end), True
        return
    if line.separator or not bare.startswith(pv.title_not_opening):
        names = has_year or line.separator or any(w in bare[:-2] for w in pv.title_subjects)
        names_unit = any(w in bare[:-2] for w in pv.title_subjects if w not in pv.title_generic_subjects) \
            or _unit_subject(bare)
        names_own = has_year or line.separator or names_unit
    else:
        names = names_own = names_unit = False
    if not names:
        return
    if line.furniture:
        # breadcrumbs name the page by their last crumb (首页 > 工作计划 > 2025年……工作计划); one
        # that is a category of the site's (学校工作计划) titles no one's plan
        crumbs = list(furniture().breadcrumb_separator.finditer(core))
        if crumbs:
            start += crumbs[-1].end()
            last = line.text[start:end]
            if not last or (pv.title_year.search(last) is None and _category_only(_unquoted(last))):
                return
        line.title_core = (start, end)
        line.page_title = True
        return
    line.title_core = (start, end)
    # a line with a section cue (2023年工会活动安排) is a heading unless it names a whole plan
    if line.cue_kind is None or bare.endswith(pv.plan_words):
        line.title_like = True
    # ... or, at a plan's start, unless it names whose it is (学校工会工作思路)
    if not line.title_like and names_own:
        line.title_with_cue = True
        if names_unit:
            line.title_of_unit = True
    if line.title_like and not has_year and not line.separator and _category_only(bare):
        line.title_bare = True


@cache
def _document_words() -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """A title's ending anywhere (计划, 方案 …), and the words (else a class of characters) one of which
    every other document's title holds (None: no such thing, every line may hold one)."""
    pv = plan_vocab()
    endings = re.compile("|".join(map(re.escape, sorted(pv.title_endings, key=len, reverse=True))))
    return endings, required_words(pv.other_document_title) or required_chars(pv.other_document_title)


def _may_name_a_document(text: str) -> bool:
    """Whether a line holds what every title it could carry holds: a plan's title ends in a title
    ending, and the ending stands somewhere in the line whatever add-ons title_core strips; another
    document's title holds one of its pattern's required words (its years read as digits, as
    _title matches them). Most short lines hold neither, and title_core is not worth running."""
    endings, other = _document_words()
    return endings.search(text) is not None or other is None or other.search(cjk_years_to_digits(text)) is not None


def _unit_subject(bare: str) -> bool:
    """Whether a title's words before its ending, generic words off their end, are a unit's name
    (东阳市青少年宫工作要点, 共青团平阳县委工作要点): the subject vocabulary lists kinds of school and
    office, but any unit may title its plan so, its name ending as a signer's does (plans.toml
    signer_last_chars, signer_last_words)."""
    pv = plan_vocab()
    ending = max((e for e in pv.title_endings if bare.endswith(e)), key=len, default="")
    subject = bare[: len(bare) - len(ending)]
    trimmed = True
    while trimmed:
        trimmed = False
        for word in pv.title_generic_subjects:
            if subject.endswith(word) and len(subject) > len(word):
                subject, trimmed = subject[: -len(word)], True
    return len(subject) >= params().title.unit_subject_min_chars and subject.endswith(pv.signer_endings)


def _category_only(bare: str) -> bool:
    """Whether a title's words before its ending are category words only (工作计划, 学校教学计划)."""
    pv = plan_vocab()
    ending = max((e for e in pv.title_endings if bare.endswith(e)), key=len, default="")
    subject = bare[: len(bare) - len(ending)]
    for word in pv.title_category_subjects:
        subject = subject.replace(word, "")
    return not subject.strip()


_TRAILING_NOTE = re.compile(r"[(（][^()（）]{1,30}[)）]$")


def title_core(text: str) -> tuple[int, int]:
    """The plan's own title within a title line: the site's add-ons stripped from both ends."""
    pv = plan_vocab()
    start, end = 0, len(text.rstrip())
    digits = cjk_years_to_digits(text)  # one character for one: its offsets are the text's
    while True:
        lead = pv.title_addons_leading.match(text, start, end)
        trail = pv.title_addons_trailing.search(text, start, end) or pv.title_trailing_date.search(digits, start, end)
        if lead is not None and lead.end() > start:
            start = lead.end()
        elif trail is not None and trail.start() < end and trail.start() > start:
            end = trail.start()
        else:
            break
    while start < end and text[start].isspace():
        start += 1
    while end - start > 2 and text[start] + text[end - 1] in pv.title_quotes:
        start, end = start + 1, end - 1
    return start, end


def _unquoted(words: str) -> str:
    """A title's words out of the quotation marks it is written in (《……计划》（2025年度）, its note cut)."""
    quotes = plan_vocab().title_quotes
    while len(words) > 2 and words[0] + words[-1] in quotes:
        words = words[1:-1]
    return words


def _unlabelled(line: Line) -> bool:
    """A line that no earlier fact already claims: no marker, no period label, no furniture."""
    return line.marker is None and line.month is None and not line.furniture


@line_feature("closing")
def _closing(line: Line) -> None:
    """The plan's closing words: a closing paragraph or provision (plans.toml ``closing_openers``), also
    where a plan numbers its provision as its last part (捌、本计画经校长核定后实施)."""
    if plan_vocab().closing_opener.match(line.content) is not None:
        line.closing = True


@line_feature("mid_sentence")
def _mid_sentence(line: Line) -> None:
    """An unnumbered line opening with a word or a stop no sentence opens with (sections.toml
    ``mid_sentence_openers``: 的晨检，做到……): the rest of a sentence whose start is elsewhere (a page's
    second part saved alone)."""
    if line.marker is None and line.month is None and line.text.lstrip().startswith(section_words().mid_sentence_openers):
        line.mid_sentence = True


@line_feature("guiding_opener")
def _guiding_opener(line: Line) -> None:
    """A paragraph that opens by setting the guiding line (以……为指导, 深入贯彻……精神, 坚持……)."""
    if not _unlabelled(line):
        return
    pv, p = plan_vocab(), params().guiding
    if len(line.text) < p.opener_min_chars:
        return
    if pv.guiding_opener.search(line.text[: pv.guiding_window]):
        line.guiding_opener = True
        return
    # a short first sentence of background (卫生保健工作是学校工作的重要组成部分。), then the
    # sentence that sets the line (本学期，我校……将按照……要求): the paragraph opens with that one
    end = _FULL_STOP.search(line.text, 0, p.lead_sentence_max_chars + 1)
    if end is not None and pv.guiding_opener.search(line.text[end.end() : end.end() + pv.guiding_window]):
        line.guiding_opener = True
        return
    if _names_itself_guiding(line.text[: pv.guiding_window]):
        line.guiding_opener = True


def _names_itself_guiding(opening: str) -> bool:
    """The paragraph names itself the plan's guiding line before a colon, its words after it
    (公司工会2026年工作的总体要求是：紧扣……, 本学期工作总体思路：……): the words before the colon end in a
    guiding cue (sections.toml), however long the unit's name before it, so the paragraph is the
    guiding part with its heading run into it. A part beside the line (基本原则：) is not it."""
    colon = re.search(f"[{COLONS}]", opening)
    if colon is None or not opening[colon.end() :].strip():
        return False
    words = opening[: colon.start()].strip()
    kind, cue, _, _ = find_cue(words)
    return kind == "guiding_ideology" and cue is not None and cue not in section_words().guiding_companions \
        and _cue_ends(words, cue)


@line_feature("table_header")
def _table_header(line: Line) -> None:
    """A row of a schedule table's header cells (时间 | 活动内容 | 负责人), or one such cell."""
    if not _unlabelled(line):
        return
    bare = line.text.strip()
    p = params().table
    across = month_columns(bare)
    if across is not None:
        line.table_header, line.month_columns = True, tuple(across)
        line.table_cells = tuple(c for c in _TABLE_SPLIT.split(bare) if c)
        return
    if len(bare) > p.header_max_chars:
        # a whole table flattened into the line, its header's cells first (月份 | 工作内容 | 负责人 | 9月 | …)
        cells = [c.strip() for c in _BAR_SPLIT.split(bare.strip("|｜"))]
        flat = flat_table_header(cells) if len(cells) > 1 else None
        if flat is not None:
            line.table_header = True
            line.table_cells = tuple(cells[: len(flat)])
        return
    mv = month_vocab()
    cells = tuple(c for c in _TABLE_SPLIT.split(bare) if c)
    if 0 < len(cells) <= p.header_max_cells and mv.header_roles(cells, barred="|" in bare or "｜" in bare) is not None:
        line.table_header = True
        line.table_cells = cells


@line_feature("signature")
def _signature(line: Line) -> None:
    """Who wrote the plan and when (XX小学工会 / 2023年2月), closing it."""
    if not _unlabelled(line):
        return
    bare = line.text.strip()
    pv = plan_vocab()
    # 召开XX小学家长委员会, 成立学校工会: a line opening with a verb is an activity, whatever unit it names
    # a date's year in Chinese numerals is matched as its digits, whatever its zero looks like (二O二五年)
    if len(bare) <= params().signature.max_chars and pv.signature.match(cjk_years_to_digits(bare)) is not None \
            and not bare.startswith(pv.title_not_opening):
        line.signature = True


# ---------------------------------------------------------------- the lines around


@neighbourhood_feature("dated_month_labels")
def _dated_month_labels(lines: list[Line]) -> None:
    """2025年3月 / 1、… / 2025年4月 / 1、…: lines holding only a year and a month are month labels where
    they head lines of work in a run of month labels (params ``month_labels.dated_run_min``, such lines
    and labels of other shapes together: 十二月： … 2026年1月), not the date of signing that one such
    line is alone.

    A run of them ends at a title, a plan's separator or a section heading. A line heads work when
    the next line is content: no date, signature, title or section heading (a date under a plan's
    title, above 一、指导思想, heads none), and its line above is no signer (总务处 / 2024年2月 signs
    the plan, whatever follows). Those that head nothing keep their signature."""
    run: list[tuple[Line, MonthLabel]] = []
    labels = 0  # the run's month labels of other shapes (九月： … 2026年1月 … in one list)

    def close() -> None:
        nonlocal labels
        if len(run) + labels >= params().month_labels.dated_run_min:
            for ln, label in run:
                ln.month = label
                if ln.signature:
                    ln.unset("signature")
        run.clear()
        labels = 0

    content = [ln for ln in lines if not ln.furniture]
    for k, ln in enumerate(content):
        if ln.separator or ln.title_like or (ln.cue_kind and ln.heading_like):
            close()
            continue
        labels += ln.month is not None and not ln.prose_month
        label = bare_dated_label(ln.text) if ln.marker is None and ln.month is None else None
        if label is None or (k > 0 and (content[k - 1].signature or _signer_shaped(content[k - 1]))):
            continue  # under its signer (总务处 / 2024年2月) the date signs the plan
        nxt = content[k + 1] if k + 1 < len(content) else None
        if nxt is not None and not (nxt.signature or nxt.separator or nxt.title_like or nxt.month is not None
                                    or (nxt.cue_kind and nxt.heading_like)):
            run.append((ln, label))
    close()


@neighbourhood_feature("looks_back")
def _looks_back(lines: list[Line]) -> None:
    """A paragraph that reviews the work done before the plan: it opens so (一年来，…, 过去的一年，…), or it
    opens with a year and the next paragraph with the year after (2025年，……取得新成效。 then 2026年全县……
    工作的总体思路是：…): the past year's review before the plan for the next (plans.toml retrospect_openers)."""
    pv = plan_vocab()
    content = [ln for ln in lines if not ln.furniture]
    for i, ln in enumerate(content):
        nxt = content[i + 1] if i + 1 < len(content) else None
        if not _unlabelled(ln):
            continue
        if pv.retrospect_opener.match(ln.text.lstrip()) is not None:
            ln.looks_back = True
            continue
        year = pv.paragraph_year.match(ln.text)
        later = pv.paragraph_year.match(nxt.text) if nxt is not None and _unlabelled(nxt) else None
        if year is not None and later is not None and int(later.group(1)) == int(year.group(1)) + 1:
            ln.looks_back = True


@neighbourhood_feature("signer_before_date")
def _signer_before_date(lines: list[Line]) -> None:
    """The short line right before a plan's closing date is its signer (教育局离退休干部工作科 / 2023年1月16日).

    The signature pattern knows the common units; any unit may sign, and what marks it is where
    it stands: alone, without sentence punctuation, right above the date that closes the plan.
    """
    for prev, date in zip(lines, lines[1:], strict=False):
        # the date line is a signature or, posted dates looking alike, furniture
        if not (date.signature or date.furniture) or not _date_only(date) or prev.signature:
            continue
        if _signer_shaped(prev):
            prev.signature = True


def _signer_shaped(line: Line) -> bool:
    """A short unnumbered line ending like a unit's name (…工作科, …保健室, 总务处, …老年大学), or such a
    unit and then who wrote the plan (英语组 张丽), opening with no verb."""
    bare = line.text.strip()
    pv = plan_vocab()
    if not _unlabelled(line) or not 0 < len(bare) <= params().signature.max_chars or TITLE_BAD.search(bare) \
            or line.title_like or bare.startswith(pv.title_not_opening):
        return False
    named = pv.signer_with_names.match(bare)
    return (named.group("unit") if named else bare).endswith(pv.signer_endings)


@neighbourhood_feature("signer_at_end")
def _signer_at_end(lines: list[Line]) -> None:
    """A plan's last lines sign it with no date under them (XX中学科技教育处, XX班班主任:王明, 小二班 张老师).

    Where a plan ends (the end of the text, or the separator that starts the next plan on the
    page), the lines before it that are no date, furniture or signature already are its signers
    while they read as a unit's name or as people named by their role. Anywhere else such a line
    may be an activity or a detail of one.
    """
    ends = [i for i, ln in enumerate(lines) if ln.separator] + [len(lines)]
    for end in ends:
        i = end - 1
        while i >= 0 and (lines[i].furniture or lines[i].signature):
            i -= 1
        while i >= 0 and _closing_signer(lines[i]):
            lines[i].signature = True
            i -= 1


def _closing_signer(line: Line) -> bool:
    """Whether a line at a plan's end reads as who signs it (see plans.toml ``closing_unit``)."""
    bare = line.text.strip()
    if not _unlabelled(line) or line.title_like or not bare or len(bare) > params().signature.max_chars:
        return False
    pv = plan_vocab()
    if pv.closing_people.match(bare) is not None:
        return True
    named = pv.signer_with_names.match(bare)
    if named is not None:
        bare = named.group("unit")  # 培训部 张丽: the unit signs, its writer named after it
    return (named is not None or pv.closing_unit.match(bare) is not None) and bare.endswith(pv.signer_endings) \
        and not bare.startswith(pv.title_not_opening)


@neighbourhood_feature("hard_wrap")
def _hard_wrap(lines: list[Line]) -> None:
    """A copy cut at a fixed width (a PDF's lines): the lines that end at the width mid-sentence run on.

    The width is the document's own when many whole physical lines end within a few characters
    of it and hardly any is longer (params.toml ``[lines.hard_wrap]``); the lines of site furniture
    do not count. A line cut there whose
    last character ends no sentence is wrapped: the next line goes on with its words.
    """
    p = params().lines.hard_wrap
    # the site's furniture around a copied PDF (its name, breadcrumbs, 上一篇/下一篇) has widths of its own
    whole = [i for i, ln in enumerate(lines)
             if ln.starts_physical and (i + 1 == len(lines) or lines[i + 1].starts_physical) and not ln.furniture]
    sizes = sorted(n for n in (len(lines[i].text) for i in whole) if n >= p.min_width)
    if not sizes:
        return
    counts = Counter(sizes)
    width, near = max(((w, sum(counts[k] for k in range(w - p.slack, w + 1))) for w in counts),
                      key=lambda wn: (wn[1], wn[0]))
    longer = len(sizes) - bisect_right(sizes, width)
    if near < p.min_lines or near < p.min_share * len(sizes) or longer > p.max_longer_share * len(sizes):
        return
    for i in whole:
        ln = lines[i]
        words = ln.text.rstrip(CLOSERS)  # 。” ends a sentence; 开展“…” may go on
        if i + 1 < len(lines) and width - p.slack <= len(ln.text) <= width and words[-1:] not in _WRAP_ENDS:
            ln.wrapped = True


_WRAP_ENDS = tuple(SENTENCE_END + COLONS + ".…")


@neighbourhood_feature("outline_numbers")
def _outline_numbers(lines: list[Line]) -> None:
    """1.1 / 1.2 / 2.1: outline numbers are markers where they count on from one line to the next.

    A candidate is confirmed when the next candidate is the following number of the same part
    (1.1 → 1.2); once it is, the next may also be the following number of an outer part (3.1.2 →
    3.2) or the first under the next part (1.2 → 2.1, 3.1.2 → 3.2.1). A lone
    "3.12 植树节" or a list of dates (3.5, 3.12, 4.5) stays text.
    """
    found = [(i, _outline_parts(ln)) for i, ln in enumerate(lines) if ln.outline_candidate is not None]
    confirmed: set[int] = set()
    for (i, a), (j, b) in zip(found, found[1:], strict=False):
        if a[:-1] == b[:-1] and b[-1] == a[-1] + 1:
            confirmed |= {i, j}
        elif i in confirmed and len(b) < len(a) and b[:-1] == a[: len(b) - 1] and b[-1] == a[len(b) - 1] + 1:
            confirmed.add(j)  # 3.1.2 → 3.2: the next of an outer number
        elif i in confirmed and b[-1] == 1 and len(b) >= 2 and b[:-2] == a[: len(b) - 2] and b[-2] == a[len(b) - 2] + 1:
            confirmed.add(j)  # 1.2 → 2.1, 3.1.2 → 3.2.1: the first under the next part
    for i in confirmed:
        old = lines[i]
        line = Line.of(old.idx, old.start, old.end, old.text, blank_before=old.blank_before,
                       starts_physical=old.starts_physical)
        line.outline_confirmed = True
        for _, extract in LINE_FEATURES:
            extract(line)
        lines[i] = line


def _outline_parts(line: Line) -> tuple[int, ...]:
    marker = line.outline_candidate
    assert marker is not None
    return tuple(int(p) for p in line.text[: marker.raw_end].strip(" 、").split("."))


# the markers a month pair's first numeral can be mistaken for (二、三月份 / 2、3月)
_LIST_LIKE_MARKERS = frozenset({"cjk", "arabic"})


@neighbourhood_feature("numbered_month_labels")
def _numbered_month_labels(lines: list[Line]) -> None:
    """一、二月份 / 二、三月份 / 三、四月份: numbered month labels, not the month pairs [1, 2], [2, 3] …

    A label written "X、Y月" reads alone as two months (七、八月份, 7、8月). Where such labels follow one
    another with their first numerals counting 1, 2, 3 …, the numerals are markers: a list of
    month pairs never overlaps itself like that (1、3月：… / 2、4月—5月：… likewise).
    """
    run: list[tuple[Line, Marker, MonthLabel | None]] = []  # label None: a numbered label already

    def close() -> None:
        if len(run) >= params().month_labels.numbered_run_min:
            for line, marker, label in run:
                if label is not None:
                    line.marker, line.content_start, line.month = marker, marker.end, label
        run.clear()

    for line in lines:
        if line.furniture:
            continue
        if line.month is not None and line.marker is not None and line.marker.family in _LIST_LIKE_MARKERS \
                and line.marker.number is not None:
            # a numbered month label (1．3月上旬：…) the count goes on from: 4、7月—8月： after 3．5月：
            if run and line.marker.number != run[-1][1].number + 1:
                close()
            if run or line.marker.number == 1:
                run.append((line, line.marker, None))
            continue
        if line.month is None or line.marker is not None:
            continue
        marker = match_marker(line.text)
        label = match_month_label(line.text[marker.end :]) if marker and marker.family in _LIST_LIKE_MARKERS else None
        if marker is None or label is None or not label.closed:
            close()
            continue
        if run and marker.number != run[-1][1].number + 1:
            close()
        if run or marker.number == 1:
            run.append((line, marker, replace(label, end=label.end + marker.end)))
    close()
    _numbered_month_led(lines)


def _numbered_month_led(lines: list[Line]) -> None:
    """1、3月至6月开展安全大检查 / 2、11月—次年1月做好冬季防火: numbered items whose words open with their
    month, not the month lists [1, 3…6], [2, 11, 12, 1] running on into words.

    Read alone, "1、3月至6月…" is a list of months before its activity (七、八月份开展…). Where the
    first number counts on from the numbered line before it or on to the one after it (of the same
    family: 1、 … 2、, numbered items or more such lines), it is the item's marker, and the month its
    words open with makes the item month-led, as 4、六月份组织… is (see ``_numbering``)."""
    numbered: list[tuple[Line, Marker, MonthLabel | None]] = []  # label: the month after the marker, if read anew
    for line in lines:
        if line.furniture:
            continue
        if line.marker is not None and line.month is None:
            if line.marker.family in _LIST_LIKE_MARKERS and line.marker.number is not None:
                numbered.append((line, line.marker, None))
            continue
        if line.month is None or line.marker is not None or line.month.closed:
            continue
        marker = match_marker(line.text)
        if marker is None or marker.family not in _LIST_LIKE_MARKERS or marker.number is None:
            continue
        label = match_month_label(line.text[marker.end :]) or leading_mention(line.text[marker.end :])
        if label is not None and not label.closed and not label.weak:
            numbered.append((line, marker, replace(label, end=label.end + marker.end)))
    for k, (line, marker, label) in enumerate(numbered):
        if label is None:
            continue
        before = numbered[k - 1][1] if k > 0 else None
        after = numbered[k + 1][1] if k + 1 < len(numbered) else None
        counts_on = before is not None and before.family == marker.family and before.number == marker.number - 1
        counts_to = after is not None and after.family == marker.family and after.number == marker.number + 1
        if counts_on or counts_to:
            line.marker, line.content_start, line.month, line.month_led = marker, marker.end, None, label
            line.prose_month = False


@neighbourhood_feature("table_header_confirmed")
def _confirm_table_headers(lines: list[Line]) -> None:
    """A header row is a table's only when it has several cells or its neighbour is a header cell too.

    A lone "活动安排" line is a heading; "时间" then "重点工作", one cell a line, is a table's header.
    """
    flags = [ln.table_header for ln in lines]
    for i, ln in enumerate(lines):
        if not flags[i]:
            continue
        near = (i > 0 and flags[i - 1]) or (i + 1 < len(lines) and flags[i + 1])
        if len(ln.table_cells) >= 2 or near:
            ln.cue_kind = ln.cue = None
            ln.heading_like = False
        else:
            ln.unset("table_header", "table_cells")
    _mark_dated_headers(lines)


def _mark_dated_headers(lines: list[Line]) -> None:
    """``table_dated`` on each line of a run of header lines whose columns name an activity and a
    time dating the rows (a period column, or else a deadline column: months.toml
    period_fallback_roles). A table of tasks and the units responsible alone dates nothing."""
    mv = month_vocab()
    i = 0
    while i < len(lines):
        if not lines[i].table_header:
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].table_header:
            j += 1
        roles = {r for ln in lines[i:j] for cell in ln.table_cells for r in (mv.column_roles(cell) or ())}
        # a header laid across the months (项目 | 9月 | 10月) dates its cells by their columns
        dated = any(ln.month_columns for ln in lines[i:j]) or (
            "activity" in roles and bool(roles & {"month", "week", "dates", *mv.period_fallback_roles}))
        if dated:
            for ln in lines[i:j]:
                ln.table_dated = True
        i = j


_ROW_NUMBER_CELL = re.compile(r"\d{1,3}[.、]?")


@neighbourhood_feature("row_numbers_under_index_column")
def _row_numbers_under_index_column(lines: list[Line]) -> None:
    """Under a table header whose first column is the rows' running number (序号, one cell a line or
    the cells of one line), a line that is a bare number is that column's cell, not a page number:
    no furniture, up to the next heading, separator or title."""
    mv = month_vocab()
    under = False
    for i, ln in enumerate(lines):
        if ln.table_header:
            first = ln.table_cells[0] if ln.table_cells else ""
            opens = not (i > 0 and lines[i - 1].table_header)  # the header row's first cell
            if opens:
                under = mv.column_roles(first) == ("index",)
            continue
        if not under:
            continue
        if ln.separator or ln.title_like or (ln.marker is not None and not ln.marker.bare) or (ln.cue_kind and ln.heading_like):
            under = False
        elif ln.furniture and _ROW_NUMBER_CELL.fullmatch(ln.text.strip()):
            ln.furniture = False


@neighbourhood_feature("link_lists")
def _link_lists(lines: list[Line]) -> None:
    """The short lines under 相关文章 / 猜你喜欢 / 【相关推荐】 are links to other pages: furniture too.

    The list ends at the next plan separator, a long line, or a line of plan content (a numbered
    line, a section heading, a month label, a guiding paragraph) that is no link's title: a
    sidebar's list scraped above the article runs into its title and first heading, all short.
    Where plan content ends it, the last title line before it is the article's own title (above
    its posting metadata, 发布时间…): no link.
    """
    fv = furniture()
    limit = params().furniture.link_max_chars
    in_list = False
    listed: list[Line] = []  # the lines the open list made furniture
    for i, ln in enumerate(lines):
        if fv.link_list_heading.match(_unbracketed(ln.text.strip())):
            ln.furniture = in_list = True
            listed = []
        elif in_list:
            if ln.separator or len(ln.text) > limit or _ends_link_list(lines, i):
                in_list = False
                if not ln.separator and _opens_plan_content(lines, i):
                    _release_title(listed)
            elif not ln.furniture:
                ln.furniture = True
                listed.append(ln)


@neighbourhood_feature("table_of_contents")
def _table_of_contents(lines: list[Line]) -> None:
    """A page's table of contents over its plans (本文目录一览： then 1、2025年初一班主任工作计划 / 2、…): the
    heading and the titles it lists are furniture, no plan and no item. The titles may be the plans'
    separators (篇一：…, 【篇2】…). The list ends at a line that is no title's shape (a long one, a section
    heading, the content), or at a title naming one it listed again: the first plan's own title or
    separator, where the plans begin. The titles may stand in the heading's line (目录：1、…计划 2、…计划);
    a heading whose line goes on with other words is none."""
    fv = furniture()
    limit = params().furniture.link_max_chars
    i = 0
    while i < len(lines):
        text = _unbracketed(lines[i].text.strip())
        m = fv.toc_heading.match(text)
        rest = text[m.end() :].strip() if m is not None else ""
        if m is None or (rest and not _lists_titles(rest)):
            i += 1
            continue
        lines[i].furniture = True
        listed = [rest] if rest else []
        i += 1
        while i < len(lines):
            ln = lines[i]
            if ln.furniture:
                i += 1
                continue
            if len(ln.text) > limit or not _link_shaped(ln):
                break
            a, b = title_core(ln.content.strip())
            core = ln.content.strip()[a:b]
            if any(core in t or t in core for t in listed):
                break  # a title listed again: the first plan's own
            ln.furniture = True
            listed.append(core)
            i += 1


def _lists_titles(words: str) -> bool:
    """Whether ``words`` (a table of contents' line after its heading) are titles: no sentence, ending in a
    title's word (1、…工作计划 2、…工作计划)."""
    core = words[slice(*title_core(words))]
    return not _SENTENCE_PUNCT.search(words) and core.endswith(plan_vocab().title_endings)


@neighbourhood_feature("disclosure_card_cells")
def _disclosure_card_cells(lines: list[Line]) -> None:
    """The rest of a 政府信息公开 card around its sure fields (索引号：…, furniture line by line):

    - a field that a plan may hold as its own (公开方式：主动公开) is the card's beside a sure field,
      within ``disclosure_window`` lines;
    - a card scraped one cell a line (索引号 / 000014349/2024-00056 / 发布机构 / …): a key alone on its
      line is furniture, and so is its value on the next line, a short line (``link_max_chars``)
      that is no numbered line, month label or section heading. The value may be a date (成文日期 /
      2025年03月12日): the page's, no year of the plan.
    """
    fv = furniture()
    limit = params().furniture.link_max_chars
    sure = [fv.disclosure_field.match(ln.text) is not None or fv.disclosure_sure_key.fullmatch(ln.text) is not None
            for ln in lines]
    if not any(sure):
        return  # no card: every cell below is read beside a sure field (most texts)
    w = fv.disclosure_window
    for i, ln in enumerate(lines):
        alone = fv.disclosure_key.fullmatch(ln.text) is not None
        if not (alone or fv.disclosure_beside.match(ln.text)) or not any(sure[max(0, i - w) : i + w + 1]):
            continue
        if not _plain_line(ln):
            continue
        ln.furniture = True
        nxt = lines[i + 1] if alone and i + 1 < len(lines) else None
        if nxt is None or nxt.furniture or len(nxt.text) > limit or fv.disclosure_key.fullmatch(nxt.text):
            continue
        if _plain_line(nxt) and not (nxt.cue_kind and nxt.heading_like):
            nxt.furniture = True


def _plain_line(ln: Line) -> bool:
    """No numbered line (a bare number aside) and no month label: a line that furniture may be."""
    return (ln.marker is None or ln.marker.bare) and ln.month is None


@neighbourhood_feature("comment_box")
def _comment_box(lines: list[Line]) -> None:
    """The lines under a comment box's heading (网友评论, 评论（3）) are readers' words: furniture, up
    to a plan separator, a title line, a numbered line or a section heading. A comment may name a
    month (3月份的制度修订可以提前一点): no label, no entry. A reader's stamp (a name, the posting date
    and time) with the comment's actions (回复 点赞(3)) a few lines below opens a box whose heading
    the scrape lost."""
    fv = furniture()
    in_box = False
    for i, ln in enumerate(lines):
        if fv.comment_box_heading.match(ln.text.strip()) or _comment_stamp(lines, i):
            ln.furniture = in_box = True
        elif in_box and not ln.furniture:
            if ln.separator or ln.title_like or (ln.marker is not None and not ln.marker.bare) \
                    or (ln.cue_kind and ln.heading_like):
                in_box = False
            else:
                ln.furniture = True


def _comment_stamp(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` is a reader's stamp over a comment: its actions follow within a few lines."""
    fv = furniture()
    if fv.comment_stamp.match(lines[i].text.strip()) is None:
        return False
    return any(fv.comment_actions.match(ln.text.strip()) for ln in lines[i + 1 : i + 1 + fv.comment_actions_within])


@neighbourhood_feature("trailing_links")
def _trailing_links(lines: list[Line]) -> None:
    """A run of title-shaped lines at the page's end, with only furniture after it, is a list of links
    whose heading the scrape lost (行政部二月份工作计划 / 2026年人事行政部工作计划 …): furniture. The
    lines have no marker and no separator (a cut plan's 篇三 stays a plan); a run of a few lines only
    (``trailing_links_min``), so that a plan's last title-shaped line or two stay its own.
    """
    limit = params().furniture.link_max_chars
    run: list[Line] = []
    for ln in reversed(lines):
        if ln.furniture:
            continue
        marked = ln.marker is not None and not ln.marker.bare
        if marked or ln.separator or len(ln.text) > limit or not _link_shaped(ln):
            break
        run.append(ln)
    if len(run) >= params().furniture.trailing_links_min:
        for ln in run:
            ln.furniture = True


def _link_shaped(ln: Line) -> bool:
    """A line a link list may hold: a title's shape (2026年三月份工作计划, XX科2026年工作要点, 1、XX工作计划), no sentence."""
    if ln.title_like or ln.title_with_cue or ln.page_title or ln.separator:
        return True
    words = ln.content.strip()
    a, b = title_core(words)
    core = words[a:b]
    for addon in furniture().link_title_addons:
        core = core.removesuffix(addon)
    # a section heading (二、工作要点, 三、活动安排) is a link only where it names a whole plan, as a title does
    endings = plan_vocab().plan_words if ln.cue_kind else plan_vocab().title_endings
    return not _SENTENCE_PUNCT.search(words) and core.endswith(endings)


def _plan_content(ln: Line) -> bool:
    """A numbered line, a section heading, a month label or a guiding paragraph: a plan's content."""
    if ln.furniture:
        return False
    return (ln.marker is not None and not ln.marker.bare) or bool(ln.cue_kind and ln.heading_like) \
        or ln.month is not None or ln.guiding_opener


def _ends_link_list(lines: list[Line], i: int) -> bool:
    return _plan_content(lines[i]) and not _link_shaped(lines[i])


def _opens_plan_content(lines: list[Line], i: int) -> bool:
    """Line i is plan content, or a long paragraph with plan content as the next line that is no furniture."""
    if _ends_link_list(lines, i):
        return True
    if len(lines[i].text) <= params().furniture.link_max_chars:
        return False
    nxt = next((ln for ln in lines[i + 1 :] if not ln.furniture), None)
    return nxt is not None and _plan_content(nxt)


def _release_title(listed: list[Line]) -> None:
    """The last line the list took, when it is a title, is the article's title: no furniture."""
    if listed and listed[-1].title_like:
        listed[-1].furniture = False


@neighbourhood_feature("preview")
def _preview(lines: list[Line]) -> None:
    """A document viewer's preview: a stretch of lines whose words come again, whole, right after it.

    Sites show the first lines of a plan (a summary, a truncated snippet) and then the full text;
    the preview is page furniture, the full text the plan. Words are compared folded to letters and
    digits, so the copies may be cut into lines differently. Furniture lines hold no words here: a
    viewer's button (全文阅读) may stand between the preview and its copy.
    """
    p = params().preview
    folded = ["" if ln.furniture else _NOT_WORD.sub("", ln.text) for ln in lines]
    starts: list[int] = []
    pos = 0
    for f in folded:
        starts.append(pos)
        pos += len(f)
    stream = "".join(folded)
    del folded  # the stream and the starts say it all: on a long text, each copy is some 10 bytes a character
    ends = [*starts[1:], len(stream)] if starts else []
    # lines are keyed by the words that start at them, running on into the next lines (made as they are
    # needed rather than listed: a list of them is a second copy of the text)
    keys = (stream[a : a + p.key_chars] if a < b else "" for a, b in zip(starts, ends, strict=True))
    # a line is long by the physical line it opens (a summary cut at its run-on heading is one line)
    long_line = [False] * len(lines)
    run = 0
    for i in range(len(lines) - 1, -1, -1):
        run += ends[i] - starts[i]
        if lines[i].starts_physical:
            long_line[i], run = run >= p.long_line_chars, 0
    maybe = _preview_candidates(stream, starts, long_line, keys)
    if not maybe:
        return  # most texts: no line where a preview could start
    by_key: dict[str, list[int]] = {}
    for i, (a, b) in enumerate(zip(starts, ends, strict=True)):
        if b - a and len(key := stream[a : a + p.key_chars]) == p.key_chars:
            by_key.setdefault(key, []).append(i)
    i = 0
    while i < len(lines):
        k = _preview_end(i, stream, starts, long_line, by_key) if i in maybe else None
        if k is not None:
            for j in range(i, k):
                lines[j].furniture = True
                lines[j].preview = True
            i = k
        else:
            i += 1


def _preview_candidates(stream: str, starts: list[int], long_line: list[bool], keys: Iterable[str]) -> set[int]:
    """The lines a preview could start at: where a later line's key occurs at a preview's distance before it.

    One ``str.find`` per line instead of a look-up per possible start: most texts have no preview,
    and this filter lets :func:`_preview_end` run only where one may be.
    """
    p = params().preview
    maybe: set[int] = set()
    for k, key in enumerate(keys):
        if len(key) != p.key_chars:
            continue
        lo, hi = max(0, starts[k] - p.max_chars), starts[k] - p.min_chars
        at = stream.find(key, lo, hi + p.key_chars) if hi >= lo else -1
        while at >= 0:
            i = bisect_right(starts, at) - 1  # the line holding ``at``; lines with no words share its start
            j = i
            while j >= 0 and starts[j] == at:
                maybe.add(j)
                j -= 1
            if at - starts[i] <= p.head_chars and long_line[i]:
                maybe.add(i)
            at = stream.find(key, at + 1, hi + p.key_chars)
    return maybe


def _preview_end(
    i: int, stream: str, starts: list[int], long_line: list[bool], by_key: dict[str, list[int]]
) -> int | None:
    """The line where the copy of a preview starting at line i begins, or None.

    The preview may open with a few words of its own (the viewer's 1(655字) and a repeated title):
    on a long line, its match with the copy may start up to ``head_chars`` into it.
    """
    p = params().preview
    heads = range(p.head_chars + 1) if long_line[i] else range(1)
    for o in heads:
        at = starts[i] + o
        key = stream[at : at + p.key_chars]
        if len(key) < p.key_chars:
            break
        same = by_key.get(key, [])
        lo = bisect_right(same, i)  # the lines after i with that key, at most max_lines on
        for k in same[lo : bisect_right(same, i + p.max_lines, lo=lo)]:
            length = starts[k] - at
            if length < p.min_chars or length > p.max_chars:
                continue
            if stream.find(key, at + 1, starts[k]) >= 0:
                break  # the words repeat inside the stretch: a periodic text (table rows), no preview
            # the copy must go on past the preview: a plan printed twice whole is two copies, no preview
            more = len(stream) - (starts[k] + length)
            if more >= p.min_chars and stream[at : starts[k]] == stream[starts[k] : starts[k] + length]:
                return k
    return None


@neighbourhood_feature("signature_closes")
def _signature_closes(lines: list[Line]) -> None:
    """A unit signs where its plan closes: only dates, furniture or other signatures follow it.

    The signature pattern matches any short line ending in a unit's name (成立家长委员会, 参观XX中学);
    followed by more of the plan (the next month's label, another activity) such a line is the
    plan's content, not its signer. The plan closes at the end of the text, where the next plan
    may open (see :func:`_may_open_plan`), and at its date (2023年2月, which signs wherever it
    stands: an annex may follow it). Runs once the furniture is known (link lists, previews).
    """
    closing = True
    for ln in reversed(lines):
        # the date: a signature or, posted dates looking alike, furniture (as in signer_before_date)
        if (ln.signature or ln.furniture) and _date_only(ln):
            closing = True
        elif ln.furniture:
            continue
        elif _may_open_plan(ln):
            closing = True
        elif ln.signature and closing:
            continue
        else:
            if ln.signature:
                ln.unset("signature")
            closing = False


_ANNEX_NUMBER = re.compile(r"\s*[\d一二三四五六七八九十]{0,2}\s*[:：]?")


@neighbourhood_feature("annex_label_over_title")
def _annex_label_over_title(lines: list[Line]) -> None:
    """An annex label alone on its line (附件, 附件1：) right above a title line labels the document
    attached: a notice that issues a plan (关于印发《……工作计划》的通知 / 现将……印发给你们) has the
    plan as its annex. The label is no section heading of the notice: the plan opens at its title.

    The annex named with its title (附件：XX镇2025年……工作计划) opens the plan where the plan's
    content follows (plans.toml title_addons_leading); over the issuer's name (the notice's
    signature) it is the notice's list of what it issues, no title: the plan's own title comes later."""
    labels = section_words().annex_labels
    for ln, nxt in zip(lines, lines[1:], strict=False):
        if ln.annex and ln.title_like and nxt.signature:
            ln.title_like = False
            ln.unset("title_with_cue", "title_of_unit", "title_core")
            continue
        if not (ln.cue_kind and nxt.title_like) or ln.marker is not None:
            continue
        words = ln.text.strip()
        label = next((w for w in sorted(labels, key=len, reverse=True) if words.startswith(w)), None)
        if label is not None and _ANNEX_NUMBER.fullmatch(words[len(label) :]):
            ln.cue_kind = ln.cue = None
            ln.heading_like = False


_OPENING_KINDS = ("guiding_ideology", "goals", "situation")


def names_guiding_line(line: Line) -> bool:
    """The line's cue names the plan's guiding line itself (指导思想, 总体要求), not a part that stands
    beside it (基本原则: sections.toml guiding_companions), which opens no plan."""
    return line.cue_kind == "guiding_ideology" and line.cue not in section_words().guiding_companions


def _may_open_plan(line: Line) -> bool:
    """A line the next plan on a page may open with: its separator or title, or a first part that
    restarts the numbering (一、指导思想, 一、工作目标, a paragraph setting the guiding line)."""
    if line.separator or line.title_like:
        return True
    first = line.marker is None or line.marker.number == 1
    if line.heading_like and line.cue_kind in _OPENING_KINDS and first:
        return line.cue_kind != "guiding_ideology" or names_guiding_line(line)
    return line.guiding_opener and plan_vocab().guiding_line.search(line.text) is not None


@neighbourhood_feature("heads_month_list")
def _heads_month_list(lines: list[Line]) -> None:
    """Whether the next line that is not furniture is a month label or a table header."""
    nxt: Line | None = None
    for ln in reversed(lines):
        ln.heads_month_list = nxt is not None and (nxt.month is not None or nxt.table_header)
        if not ln.furniture:
            nxt = ln


# ---------------------------------------------------------------- cue words


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
def _cue_shape() -> tuple[re.Pattern[str], tuple[int, ...], Any]:
    """Where a cue word can start (a class of first characters), the cue lengths longest first,
    and an automaton of the cue words (gate.word_automaton): whether a line holds any of some 350
    cue words in one pass, a third of the time of re's alternation."""
    index = _cue_index()[0]
    starts = re.compile("[" + "".join(re.escape(c) for c in sorted({w[0] for w in index})) + "]")
    return starts, tuple(sorted({len(w) for w in index}, reverse=True)), word_automaton({w: w for w in index})


def _has_cue(text: str) -> bool:
    """Whether any cue word or cue pattern occurs in ``text``."""
    for _ in _cue_shape()[2].iter(text):
        return True
    return any(kc.patterns.search(text) for kc in section_cues() if kc.patterns is not None)


def find_cue(head: str) -> tuple[str | None, str | None, bool, bool]:
    """The section kind whose cue word in ``head`` is the longest: (kind, cue, ambiguous, bare label).

    In a heading that joins two parts (指导思想及工作目标, 工作目标和主要措施) the first part names it.
    """
    if not _has_cue(head):
        return None, None, False, False
    whole = _find_cue_in(head)
    joining = section_words().joining_words
    if whole[1] is not None and any(ch in joining for ch in whole[1]):
        return whole  # a cue that itself joins two parts: 工作思路和措施 is main work
    at = next((k for k, ch in enumerate(head) if ch in joining), -1)
    if at > 0:
        first = head[:at]
        found = _find_cue_in(first)
        if found[0] is not None and _has_cue(head[at + 1 :]):
            return found
    return whole


def _find_cue_in(head: str) -> tuple[str | None, str | None, bool, bool]:
    found = _find_word_cue(head)
    if found[0] is None:
        for kc in section_cues():
            m = kc.patterns.search(head) if kc.patterns is not None else None
            if m is not None:
                return kc.kind, m.group(), False, False
    return found


def _head_noun_after_de(head: str, cue: str) -> bool:
    """The heading ends in 的 and the cue (提高教学质量的措施): the cue is its head noun."""
    return cue in section_words().head_nouns_after_de and head.rstrip(TRAILING).endswith("的" + cue)


def _find_word_cue(head: str) -> tuple[str | None, str | None, bool, bool]:
    index, exceptions, _ = _cue_index()
    starts, sizes, _ = _cue_shape()
    excluded = {kind for phrase, kind in exceptions if phrase in head}
    best: tuple[str, str, bool] | None = None
    n = len(head)
    # the longest cue wins; between cues of one length the later one, since a Chinese heading's
    # head noun comes last (主要工作目标 is about 目标). Looked up only where a cue word can start,
    # and no shorter than the best so far.
    for start in starts.finditer(head):
        i = start.start()
        for size in sizes:
            if best is not None and size < len(best[1]) or size < 2:  # (one character names no part)
                break
            if size > n - i:
                continue
            hit = index.get(head[i : i + size])
            if hit is not None and hit[0] not in excluded:
                best = (hit[0], head[i : i + size], hit[1])  # at a later i, an equal size wins
                break
    if best is None or (len(best[1]) <= 2 and len(head) > params().heading.short_cue_heading_chars
                        and not _head_noun_after_de(head, best[1])):
        # a two-character cue (情况, 目标, 措施) names a part only in a short heading: 一、学校基本情况,
        # not 三、了解教职工思想情况 (but 四、提高教学质量的措施: its head noun after 的)
        return None, None, False, False
    return best[0], best[1], best[2], head.strip(TRAILING) in section_words().bare_labels


# ---------------------------------------------------------------- the stage


def line_facts(raw: RawLine, text: str, idx: int = 0) -> Line:
    """One logical line with its own facts (no neighbourhood): for tests and tools."""
    line = _bare_line(raw, text, idx)
    _extract_line_features([line])
    return line


def _bare_line(raw: RawLine, text: str, idx: int) -> Line:
    return Line.of(idx, raw.start, raw.end, text[raw.start : raw.end], blank_before=raw.blank_before,
                   starts_physical=raw.starts_physical)


def _extract_line_features(lines: list[Line]) -> None:
    """Every line feature over ``lines``, each extractor over all the lines in turn.

    A line gets the same facts as with every extractor run on it in turn (an extractor reads only
    its line's facts of the extractors before it), and one extractor's code and patterns stay hot in
    the processor's caches while it runs: a quarter faster than line by line on a long text.
    """
    for _, extract in LINE_FEATURES:
        for line in lines:
            extract(line)


def extract_features(doc: ParseDoc) -> None:
    """Stage: logical lines of the working text and every line's facts."""
    text = doc.text
    known = doc.page_furniture  # most texts: none, and no line's original span to map
    lines: list[Line] = []
    own: list[Line] = []  # the lines the extractors describe: all but the reader's page furniture
    for i, raw in enumerate(split_lines(doc.working)):
        if known and _within_any(doc.orig_span(raw.start, raw.end), known):
            lines.append(_page_furniture(raw, text, i))
        else:
            line = _bare_line(raw, text, i)
            lines.append(line)
            own.append(line)
    _extract_line_features(own)
    del own
    for _, extract in NEIGHBOURHOOD_FEATURES:
        extract(lines)
    doc.set_lines(lines)


def _within_any(span: tuple[int, int], spans: tuple[tuple[int, int], ...]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in spans)


def _page_furniture(raw: RawLine, text: str, idx: int) -> Line:
    """A line the reader knows to be furniture (a .docx's page header or footer): that and nothing
    else, whatever its words look like (a title, a number, a month)."""
    line = Line.of(idx, raw.start, raw.end, text[raw.start : raw.end], blank_before=raw.blank_before,
                   starts_physical=raw.starts_physical)
    line.furniture = True
    return line


def heading_end(line: Line) -> int:
    """Working offset where a heading line's heading ends: at its colon (included) or a table cell."""
    content = line.text[line.content_start :]
    if line.head_space is not None:
        return line.start + line.content_start + line.head_space
    if not line.annex:
        for i, ch in enumerate(content):
            if ch in COLONS:
                return line.start + line.content_start + i + 1
            if ch == "|":  # a table cell (a tab in the original) ends the heading; the tab is not part of it
                return line.start + line.content_start + i
    return line.end
