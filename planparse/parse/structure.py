"""Runs the structure stages over one text and assembles the Document.

normalise → split_lines → classify → split_plans → (per plan) assign_levels →
split_sections → build_items / extract_schedule; spans are mapped back to the
original text at the end of each stage's use.
"""

from __future__ import annotations

from functools import partial

from planparse.models import Document, Plan, Section, SectionKind, Span
from planparse.parse.classify import Line, classify
from planparse.parse.items import build_items
from planparse.parse.levels import assign_levels
from planparse.parse.lines import split_lines
from planparse.parse.markers import match_marker
from planparse.parse.month_labels import match_month_label
from planparse.parse.normalise import WorkingText, normalise
from planparse.parse.numerals import cjk_years_to_digits
from planparse.parse.plans import PlanLines, split_plans
from planparse.parse.schedule import assign_calendar, extract_schedule
from planparse.parse.sections import SectionLines, split_sections
from planparse.parse.vocab import plan_vocab

_HEADING_END = ":："


def build_document(text: str, *, source: str | None = None, encoding: str | None = None, fmt: str = "text") -> Document:
    # the caches serve one document's stages (lines and classify ask about the same lines);
    # cleared per document so that a benchmark repeating a text gets no free hits
    match_marker.cache_clear()
    match_month_label.cache_clear()
    wt = normalise(text)
    lines = classify(split_lines(wt), wt.text)
    doc = Document(source=source, text=text, encoding=encoding, format=fmt)
    doc.furniture = [wt.orig_span(ln.start, ln.end) for ln in lines if ln.furniture]
    for pl in split_plans(lines):
        plan = _build_plan(pl, wt, text)
        if plan is None:
            doc.unassigned.extend(wt.orig_span(ln.start, ln.end) for ln in pl.lines if not ln.furniture)
        else:
            doc.plans.append(plan)
    return doc


def _build_plan(pl: PlanLines, wt: WorkingText, text: str) -> Plan | None:
    if not pl.has_content():
        return None
    body = [ln for ln in pl.lines if ln is not pl.title and ln is not pl.title_lead and not ln.separator]
    levels = assign_levels(body)
    sec_lines, preamble = split_sections(body, levels)
    if not sec_lines and not any(ln.marker or ln.month for ln in body):
        # prose with no structure: a page's introduction when it has no title of its own (it goes to
        # Document.unassigned); under a plan title, one section rather than lose it
        content = [ln for ln in body if not ln.furniture]
        if not content or pl.title is None:
            return None
        sec_lines = [SectionLines("other", None, content)]
        preamble = []
    plan_start = pl.lines[0].start
    plan_end = max(ln.end for ln in pl.lines if not ln.furniture) if any(not ln.furniture for ln in pl.lines) else pl.lines[-1].end
    plan = Plan(span=wt.orig_span(plan_start, plan_end))
    if pl.title is not None:
        first = pl.title_lead or pl.title
        plan.title_span = wt.orig_span(first.start, pl.title.end)
        plan.title = text[slice(*plan.title_span)].strip()
    plan.year = _plan_year(pl, body)
    plan.preamble = [wt.orig_span(ln.start, ln.end) for ln in preamble]

    for k, sec in enumerate(sec_lines):
        nxt = sec_lines[k + 1].first.start if k + 1 < len(sec_lines) else None
        content = [ln for ln in sec.lines if not ln.furniture]
        last = content[-1].end if content else sec.first.end
        if sec.heading is not None:
            last = max(last, sec.heading.end)
        if nxt is not None:
            last = min(last, nxt)
        span = wt.orig_span(sec.first.start, last)
        section = Section(kind=SectionKind(sec.kind), heading=None, span=span)
        if sec.heading is not None:
            section.heading_span = _heading_span(sec.heading, wt)
            section.heading = text[slice(*section.heading_span)]
        section.items = build_items(sec.lines, levels, last, wt.orig_span, text)
        plan.sections.append(section)
        if sec.kind == "schedule":
            family = sec.heading.marker.family if sec.heading is not None and sec.heading.marker else None
            original = partial(wt.original, orig_text=text)
            plan.schedule.extend(extract_schedule(sec.lines, levels, wt.orig_span, text, k, family, original))
    assign_calendar(plan.schedule, plan.year)
    return plan


def _heading_span(ln: Line, wt: WorkingText) -> Span:
    """The heading as written: its marker and words up to and including its colon."""
    end = ln.end
    content = ln.text[ln.content_start :]
    for i, ch in enumerate("" if ln.annex else content):
        if ch in _HEADING_END:
            end = ln.start + ln.content_start + i + 1
            break
        if ch == "|":  # a table cell (a tab in the original) ends the heading; the tab is not part of it
            end = ln.start + ln.content_start + i
            break
    return wt.orig_span(ln.start, end)


def _plan_year(pl: PlanLines, body: list[Line]) -> int | None:
    """The calendar year in the title, or (stricter: 2023年, not 2023学年) in the plan's opening lines."""
    pv = plan_vocab()
    if pl.title is not None:
        title = (pl.title_lead.text + " " if pl.title_lead else "") + pl.title.text
        m = pv.title_year.search(cjk_years_to_digits(title))
        if m:
            return int(m.group(1))
    opening = ""
    for ln in body:
        if ln.furniture:
            continue
        opening += ln.text + "\n"
        if len(opening) >= pv.opening_year_chars:
            break
    m = pv.opening_year.search(cjk_years_to_digits(opening[: pv.opening_year_chars]))
    return int(m.group(1)) if m else None
