"""The output models, made from a finished ParseDoc's layers.

This is the one place where working-text spans become spans into the original text, and
where words are read from the original (so a traditional-script plan keeps its script). The
models are assembled with ``construct`` (``model_construct`` without its per-call look-ups): every value here comes from the parser, so
validation per node would only cost time (the JSON round trip is tested instead).
"""

from __future__ import annotations

import re
import sys
from typing import NamedTuple

from planparse.models import CalendarMonth, Document, Item, Plan, ScheduleEntry, Section, SectionKind, Span
from planparse.parse.chars import ACTIVITY_STRIP
from planparse.parse.construct import construct
from planparse.parse.dates import add_dates
from planparse.parse.document import Annotation, ParseDoc
from planparse.parse.schedule.calendar import calendar_years
from planparse.parse.schedule.entries import EntryData

_KINDS = {k.value: k for k in SectionKind}
# what an unassigned span holds when it fills a gap: non-space characters, one line at most
_NON_SPACE_RUN = re.compile(r"\S(?:[^\S\n]*\S)*")


def build_document(doc: ParseDoc, *, source: str | None, encoding: str | None, fmt: str, release: bool = False) -> Document:
    """The Document of a finished parse. ``release``: free the lines as soon as the models need them
    no more (they are a third of a long plan's parse), and each item's annotation once its model is
    made (an explained parse keeps them)."""
    lines = doc.lines
    out = construct(Document,
        source=source, text=doc.original, encoding=encoding, format=fmt, plans=[],
        furniture=sorted([*(doc.orig_span(ln.start, ln.end) for ln in lines if ln.furniture), *doc.working.cut_furniture,
                          *(doc.orig_span(a.start, a.end) for a in doc.layer("page_headers"))]),
        unassigned=[doc.orig_span(a.start, a.end) for a in doc.layer("page_text")], warnings=[],
    )
    prose = {a.data for a in doc.layer("prose_plans")}
    for k, plan in enumerate(doc.layer("plans")):
        if k in prose:
            out.unassigned.extend(doc.orig_span(lines[i].start, lines[i].end) for i in plan.data.lines if not lines[i].furniture)
    marks = _item_marks(doc)
    # the items layer as a list: a parse that is not explained frees each item's annotation as its
    # model is made, so that a long plan's items layer and its Document are not both whole at the end
    items = list(doc.layer("items"))
    if release:
        del lines
        doc.release("lines", "items")
    titles = {a.data: a for a in doc.layer("titles")}
    years = dict(a.data for a in doc.layer("years"))
    by_plan: dict[int, list[int]] = {}
    for s, sec in enumerate(doc.layer("sections")):
        by_plan.setdefault(sec.data.plan, []).append(s)
    # the items of a section are a run of the layer (it is made section by section): [first, end)
    items_by_section: dict[int, tuple[int, int]] = {}
    for i, item in enumerate(items):
        first = items_by_section.get(item.data.section, (i,))[0]
        items_by_section[item.data.section] = (first, i + 1)
    entries_by_section: dict[int, list[Annotation]] = {}
    for e in doc.layer("entries"):
        entries_by_section.setdefault(e.data.section, []).append(e)
    preamble: dict[int, list[Span]] = {}
    for a in doc.layer("preamble"):
        preamble.setdefault(a.data, []).append(doc.orig_span(a.start, a.end))

    headings = {a.data: a for a in doc.layer("headings")}
    for k, plan in enumerate(doc.layer("plans")):
        if k in prose:
            continue
        model = construct(Plan, span=doc.orig_span(plan.start, plan.end), title=None, title_span=None,
                                     year=years.get(k), organisation=None, sections=[], schedule=[],
                                     preamble=preamble.get(k, []), keywords=[])
        title = titles.get(k)
        if title is not None:
            model.title_span = doc.orig_span(title.start, title.end)
            # without what normalising cut (社區(qū)); a title broken over two lines is one title again
            model.title = "".join(part.strip() for part in doc.original_text(title.start, title.end).splitlines())
        for j, s in enumerate(by_plan.get(k, [])):
            model.sections.append(_section(doc, s, headings.get(s), items, items_by_section.get(s, (0, 0)), marks, release))
            model.schedule.extend(_entry(doc, e, j) for e in entries_by_section.get(s, []))
        groups = [(e.month_label, tuple(e.months)) for e in model.schedule]
        for entry, cal in zip(model.schedule, calendar_years(groups, model.year), strict=True):
            entry.calendar = [construct(CalendarMonth, year=cal[m], month=m) for m in entry.months]
        add_dates(doc.original, model, [None if e.data.label is None else doc.orig_span(*e.data.label)
                                        for s in by_plan.get(k, []) for e in entries_by_section.get(s, [])])
        out.plans.append(model)
    out.unassigned.extend(_gaps(doc.original, [*(p.span for p in out.plans), *out.furniture, *out.unassigned]))
    out.unassigned.sort()
    return out


def _gaps(text: str, spans: list[Span]) -> list[Span]:
    """Runs of non-space text outside every span: what the stages left out is unassigned, never lost.

    The stages file a line outside every plan as unassigned, but some characters belong to no line
    (a page number cut from the start of a flattened copy, HTML tags and entities blanked in a .txt,
    a U+FEFF or U+200B at a plan's edge): each such run becomes an unassigned span of its own.
    """
    out: list[Span] = []
    pos = 0
    for start, end in [*sorted(spans), (len(text), len(text))]:
        if start > pos:
            out.extend(m.span() for m in _NON_SPACE_RUN.finditer(text, pos, start))
        pos = max(pos, end)
    return out


class _Marks(NamedTuple):
    """What the models take from each item's line (by index in the items layer), read before the
    lines are released: its marker as written, the marker's family, whether it reads as a heading."""

    markers: list[str]
    families: list[str]
    headings: list[bool]


def _item_marks(doc: ParseDoc) -> _Marks:
    lines = doc.lines
    marks = _Marks([], [], [])
    for a in doc.layer("items"):
        ln = lines[a.data.line]
        # interned: the markers of a long list repeat (1、 2、 …), one string each
        marks.markers.append(sys.intern(doc.original_text(ln.start, ln.start + ln.marker.raw_end)))
        marks.families.append(ln.marker.family)
        marks.headings.append(ln.heading_like)
    return marks


def _section(doc: ParseDoc, s: int, heading: Annotation | None, items: list[Annotation | None], item_ids: tuple[int, int],
             marks: _Marks, release: bool) -> Section:
    """The section's model, with its items ``items[first:end]`` (``item_ids``); ``release``: each
    item's annotation dropped from ``items`` once its model is made."""
    sec = doc.layer("sections")[s]
    model = construct(Section, kind=_KINDS[sec.label], heading=None, span=doc.orig_span(sec.start, sec.end),
                                    heading_span=None, items=[])
    if heading is not None:
        model.heading_span = doc.orig_span(heading.start, heading.end)
        model.heading = doc.original[slice(*model.heading_span)]
    built: dict[int, Item] = {}
    for i in range(*item_ids):
        a = items[i]
        assert a is not None  # each item is made once
        if release:
            items[i] = None
        d = a.data
        own = doc.original_text(d.own_start, d.own_end).strip()
        # a one-line item's body is its text: one string, not two
        body = "\n".join(p for p in (doc.original_text(a_, b_).strip() for a_, b_ in d.body) if p) if d.more else own
        item = construct(Item,
            span=doc.orig_span(a.start, a.end),
            marker=marks.markers[i],
            marker_family=marks.families[i],
            number=d.number,
            level=d.level,
            text=own,
            body=own if body == own else body,
            is_heading=marks.headings[i],
            months=list(d.months),
            keywords=[],
            categories=[],
            children=[],
        )
        built[d.line] = item
        if d.parent_line is not None and d.parent_line in built:
            built[d.parent_line].children.append(item)
        else:
            model.items.append(item)
    return model


def _text(doc: ParseDoc, span: tuple[int, int] | None) -> str | None:
    """A field's words (a month label, a responsible office): one string for every entry that
    repeats them (the entries of one month share their label), interned rather than copied."""
    if span is None:
        return None
    words = doc.original_text(*span).strip().strip(ACTIVITY_STRIP)
    return sys.intern(words) if words else None


def _entry(doc: ParseDoc, e: Annotation, section_index: int) -> ScheduleEntry:
    d: EntryData = e.data
    first, last = d.pieces[0], d.pieces[-1]
    span = doc.orig_span(first[0], last[1])
    activity = "".join(doc.original_text(a, b) for a, b in d.pieces)
    return construct(ScheduleEntry,
        months=list(d.months),
        activity=activity,
        span=span,
        month_label=None if d.label is None else (sys.intern(doc.original_text(*d.label).strip()) or None),
        theme=_text(doc, d.theme),
        calendar=[],
        section_index=section_index,
        marker=None if d.marker is None else doc.original_text(*d.marker),
        dates=[],
        responsible=_text(doc, d.responsible),
        participants=_text(doc, d.participants),
        keywords=[],
        categories=[],
    )
