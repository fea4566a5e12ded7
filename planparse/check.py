"""Invariants every parsed Document must satisfy, whatever the input.

One implementation, used by the fuzz test (tests/test_fuzz.py), by ``scripts/fuzz.py`` and by
anyone who wants to vet a parse:

- **in range**: every span (plans, titles, preambles, sections, headings, items, entries, dates,
  furniture, unassigned) has ``0 <= start <= end <= len(text)``;
- **nested**: plan ⊇ its title, preamble, sections and schedule entries; section ⊇ its heading and
  items; item ⊇ its child items;
- **covered**: every non-space character of ``Document.text`` lies in a plan, furniture or
  unassigned span (nothing is dropped silently);
- **round trip**: ``Document.model_validate_json(doc.model_dump_json()) == doc``.

``problems(doc)`` returns the violations as short sentences (empty when all hold), so a caller
can count them by kind (the text before the first ":").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from planparse.models import Document, Item, Span

# a run of non-space characters, possibly with inner spaces, within one line
NON_SPACE_RUN = re.compile(r"\S(?:[^\S\n]*\S)*")


def _in_range(span: Span, n: int) -> bool:
    return 0 <= span[0] <= span[1] <= n


def _inside(inner: Span, outer: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _item_problems(item: Item, where: str, n: int) -> Iterator[str]:
    if not _in_range(item.span, n):
        yield f"out of range: {where} item {item.marker!r} {item.span}"
    for child in item.children:
        if not _inside(child.span, item.span):
            yield f"not nested: {where} child item {child.marker!r} {child.span} outside its parent {item.marker!r} {item.span}"
        yield from _item_problems(child, where, n)


def span_problems(doc: Document) -> list[str]:
    """Spans out of range or not nested in the span that owns them."""
    n = len(doc.text)
    out: list[str] = []
    for label, spans in (("furniture", doc.furniture), ("unassigned", doc.unassigned)):
        out.extend(f"out of range: {label} {s}" for s in spans if not _in_range(s, n))
    for p, plan in enumerate(doc.plans):
        where = f"plan {p}"
        if not _in_range(plan.span, n):
            out.append(f"out of range: {where} {plan.span}")
        owned: list[tuple[str, Span | None]] = [("title", plan.title_span)]
        owned += [("preamble", s) for s in plan.preamble]
        owned += [(f"section {j}", sec.span) for j, sec in enumerate(plan.sections)]
        owned += [(f"entry {e}", entry.span) for e, entry in enumerate(plan.schedule)]
        owned += [(f"entry {e} date", d.span) for e, entry in enumerate(plan.schedule) for d in entry.dates]
        for label, span in owned:
            if span is None:
                continue
            if not _in_range(span, n):
                out.append(f"out of range: {where} {label} {span}")
            elif not _inside(span, plan.span):
                out.append(f"not nested: {where} {label} {span} outside the plan {plan.span}")
        for j, sec in enumerate(plan.sections):
            if sec.heading_span is not None and not _inside(sec.heading_span, sec.span):
                out.append(f"not nested: {where} section {j} heading {sec.heading_span} outside {sec.span}")
            for item in sec.items:
                if not _inside(item.span, sec.span):
                    out.append(f"not nested: {where} section {j} item {item.marker!r} {item.span} outside {sec.span}")
                out.extend(_item_problems(item, f"{where} section {j}", n))
    return out


def coverage_problems(doc: Document) -> list[str]:
    """Non-space characters outside every plan, furniture and unassigned span.

    Marks the covered characters in a mask and looks at each non-space run of the text: a different
    route from build.py's walk over the gaps, so that one's mistake is not the other's blind spot.
    """
    n = len(doc.text)
    mask = bytearray(n)
    for start, end in (*(p.span for p in doc.plans), *doc.furniture, *doc.unassigned):
        if _in_range((start, end), n):
            mask[start:end] = b"\x01" * (end - start)
    out: list[str] = []
    for m in NON_SPACE_RUN.finditer(doc.text):
        pos = mask.find(0, m.start(), m.end())
        while pos != -1:
            if not doc.text[pos].isspace():
                out.append(f"uncovered: {pos} {doc.text[pos:pos + 20]!r}")
                break  # one report per run is enough to find it
            pos = mask.find(0, pos + 1, m.end())
    return out


def round_trip_problems(doc: Document) -> list[str]:
    """The Document does not survive JSON: it cannot be written, or reads back different."""
    try:
        again = Document.model_validate_json(doc.model_dump_json())
    except Exception as exc:  # any failure to serialise or read back is the finding
        return [f"round trip: {type(exc).__name__}: {str(exc)[:200]}"]
    return [] if again == doc else ["round trip: the Document read back from JSON differs"]


def problems(doc: Document) -> list[str]:
    """Every invariant violation of ``doc`` (empty when it is sound)."""
    return [*span_problems(doc), *coverage_problems(doc), *round_trip_problems(doc)]


def kind(problem: str) -> str:
    """The kind of a problem sentence: 'out of range', 'not nested', 'uncovered', 'round trip'."""
    return problem.split(":", 1)[0]
