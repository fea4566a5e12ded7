"""A long text parsed window by window, with the same Document as one parse over the whole.

One parse holds its ParseDoc (lines, facts, every stage's layers: some 65 bytes a character)
beside the Document it builds, so a 50 MB dump of scraped plans would need gigabytes. A long
text is therefore parsed in windows of whole lines (params.toml ``[windows]``): of each window's
Document the plans before its last one are kept, with the furniture and unassigned text before
that last plan, and the next window starts on the line where that last plan starts. A plan is
decided by its own lines and those just before it, so it comes out of its window as it would out
of the whole text (tests/test_windows.py holds this over the corpus); the last plan of a window
may be cut off by the window's end, and is read again, whole, by the next one (when it starts
within the line of the plan before it, that plan is read again too).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pydantic import BaseModel

from planparse.models import Document, Item, Plan, Span
from planparse.parse.construct import construct
from planparse.parse.params import params


def build_windowed(
    text: str,
    parse: Callable[[str, Sequence[tuple[int, int]], bool], Document | None],
    *,
    source: str | None,
    encoding: str | None,
    fmt: str,
    furniture: Sequence[tuple[int, int]] = (),
) -> Document:
    """The Document of ``text``, made from ``parse(piece, piece_furniture, last)`` over its windows.

    ``parse`` may give None for a window that is not the ``last`` (it reaches the text's end) when
    it already knows that the window holds fewer than two plans: it is widened without being built.
    """
    p = params().windows
    out = construct(Document, source=source, text=text, encoding=encoding, format=fmt, plans=[],
                    furniture=[], unassigned=[], warnings=[])
    start, size = 0, p.window_chars
    while start < len(text):
        cut = _window(text, start, size, parse, furniture, out)
        if cut is None:
            size *= p.growth  # too few plans to know where the next window may start
            continue
        start += cut
        size = p.window_chars
    return out


def _window(
    text: str,
    start: int,
    size: int,
    parse: Callable[[str, Sequence[tuple[int, int]], bool], Document | None],
    furniture: Sequence[tuple[int, int]],
    out: Document,
) -> int | None:
    """Parse the window of about ``size`` characters from ``start`` and move what it settles into
    ``out``: how far the next window starts from ``start``, or None when the window must be wider.

    A function of its own, so that a window's Document is freed as soon as it returns: a widened
    window is parsed with nothing of the narrower one alive.
    """
    end = _line_end(text, start + size)
    last = end >= len(text)
    part = parse(text[start:end], _clip(furniture, start, end), last)
    if part is None:
        return None
    cut = end - start
    if not last:
        kept = _plans_before_cut(part)
        if kept is None:
            return None
        cut = _line_start(part.text, part.plans[kept].span[0])
        del part.plans[kept:]
    out.plans.extend(shift_plan(plan, start) for plan in part.plans)
    out.furniture.extend(_kept(part.furniture, start, cut))
    out.unassigned.extend(_kept(part.unassigned, start, cut))
    out.warnings.extend(w for w in part.warnings if w not in out.warnings)
    return cut


def _plans_before_cut(part: Document) -> int | None:
    """How many of the window's plans to keep: those before the latest plan (the first excepted) that
    starts a line of its own, no earlier plan reaching into it; the next window starts on that line.
    None when there is no such plan.

    Mostly that is the last plan. When the last starts within the line its previous plan ends on (two
    plans run together in one line) the cut moves back a plan, rather than the window being widened,
    which would read the stages up to plans again over four times the length.
    """
    for k in range(len(part.plans) - 1, 0, -1):
        if part.plans[k - 1].span[1] <= _line_start(part.text, part.plans[k].span[0]):
            return k
    return None


def _line_end(text: str, pos: int) -> int:
    """The end of the line holding ``pos`` (after its newline), or the text's end."""
    if pos >= len(text):
        return len(text)
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl + 1


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _clip(spans: Sequence[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The reader's furniture spans that fall in the window, in the window's coordinates."""
    return [(max(a, start) - start, min(b, end) - start) for a, b in spans if a < end and b > start]


def _kept(spans: list[Span], offset: int, cut: int) -> list[Span]:
    """The spans before ``cut`` (clipped to it), shifted into the whole text's coordinates."""
    return [(a + offset, min(b, cut) + offset) for a, b in spans if a < cut]


def _shift(span: Span, offset: int) -> Span:
    return (span[0] + offset, span[1] + offset)


def _move(model: BaseModel, field: str, offset: int) -> None:
    """The model's span ``field`` moved by ``offset``, written into its fields as ``construct`` writes
    them: pydantic's ``__setattr__`` costs a microsecond a call, and a window's plans hold some
    hundred thousand spans."""
    span = model.__dict__[field]
    if span is not None:
        model.__dict__[field] = (span[0] + offset, span[1] + offset)


def shift_plan(plan: Plan, offset: int) -> Plan:
    """``plan`` with every span moved by ``offset`` (its window's start in the whole text), in place."""
    if not offset:
        return plan
    _move(plan, "span", offset)
    _move(plan, "title_span", offset)
    plan.__dict__["preamble"] = [_shift(s, offset) for s in plan.preamble]
    for section in plan.sections:
        _move(section, "span", offset)
        _move(section, "heading_span", offset)
        for item in section.items:
            _shift_item(item, offset)
    for entry in plan.schedule:
        _move(entry, "span", offset)
        for day in entry.dates:
            _move(day, "span", offset)
    return plan


def _shift_item(item: Item, offset: int) -> None:
    _move(item, "span", offset)
    for child in item.children:
        _shift_item(child, offset)
