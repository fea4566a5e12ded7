"""The structure parser: the stages in order, over one ParseDoc.

normalise → features (lines and their facts) → plans → numbering → sections → items →
schedule, then :mod:`planparse.parse.build` makes the output models. Each stage reads the
layers of the stages before it and adds its own; ``STAGES`` is the whole pipeline.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from planparse.models import Document
from planparse.parse.build import build_document
from planparse.parse.document import ParseDoc
from planparse.parse.features import extract_features
from planparse.parse.items import build_items
from planparse.parse.levels import number_plans
from planparse.parse.markers import match_marker
from planparse.parse.month_labels import is_period_cell, match_month_label, period_cell_kind
from planparse.parse.normalise import normalise
from planparse.parse.params import params
from planparse.parse.plans import split_plans
from planparse.parse.schedule import read_schedules
from planparse.parse.sections import split_sections
from planparse.parse.windows import build_windowed

Stage = Callable[[ParseDoc], None]
STAGES: list[tuple[str, Stage]] = [
    ("features", extract_features),
    ("plans", split_plans),
    ("numbering", number_plans),
    ("sections", split_sections),
    ("items", build_items),
    ("schedule", read_schedules),
]
# layers that no later stage and no model reads, by the stage that reads them last: a parse that is
# not explained frees them as soon as that stage is done (an explained one keeps them all)
RELEASED_AFTER: dict[str, tuple[str, ...]] = {"schedule": ("numbering",)}
# the stages after which a window's plans are known: a window with fewer than two is widened at once
_PLANS_KNOWN = [name for name, _ in STAGES].index("plans") + 1


def parse_structure(
    text: str, on_stage: Callable[[str], None] | None = None, *, furniture: Sequence[tuple[int, int]] = ()
) -> ParseDoc:
    """Run every stage over ``text`` (already decoded; BOM dropped, newlines \\n).

    ``on_stage(name)`` is called as each stage ends (a progress bar for a long file). ``furniture``:
    spans of ``text`` the reader knows to be furniture (a .docx's page headers and footers).
    """
    doc = begin_structure(text, furniture)
    run_stages(doc, STAGES, on_stage)
    return doc


def begin_structure(text: str, furniture: Sequence[tuple[int, int]] = ()) -> ParseDoc:
    """The ParseDoc of ``text``, normalised, before any stage."""
    # the caches serve one document's stages (lines and features ask about the same lines);
    # cleared per document so that a benchmark repeating a text gets no free hits
    match_marker.cache_clear()
    match_month_label.cache_clear()
    is_period_cell.cache_clear()
    period_cell_kind.cache_clear()
    return ParseDoc(text, normalise(text), page_furniture=furniture)


def run_stages(
    doc: ParseDoc, stages: Sequence[tuple[str, Stage]], on_stage: Callable[[str], None] | None = None, *, release: bool = False
) -> None:
    """Run ``stages`` in order; ``release``: free each layer as soon as its last reader is done (RELEASED_AFTER)."""
    for name, stage in stages:
        stage(doc)
        if release:
            doc.release(*RELEASED_AFTER.get(name, ()))
        if on_stage is not None:
            on_stage(name)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the duration (as it was before, after).

    A parse allocates tens of thousands of objects that stay alive (lines, annotations, models)
    and makes no reference cycles; the collector's passes over them find nothing to free and
    cost a quarter of the time on a large file.

    Turned on again, the collector's first pass would go over every object the parse allocated
    while it was off, the Document's (some 120 per thousand characters: 0.4 s for 10 MB, all to
    find nothing). They are handed to the oldest generation instead, where the collector looks
    only in its rare full passes: ``gc.freeze()`` then ``gc.unfreeze()`` moves every tracked
    object there at once, as documented. Not where the program has frozen objects of its own
    (a server that forks): unfreezing would release them too.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def _first_calls(on_stage: Callable[[str], None] | None) -> Callable[[str], None] | None:
    """``on_stage`` called for each stage name the first time only: a windowed parse runs the stages
    once per window, and a progress bar through the stages moves on with the first window."""
    if on_stage is None:
        return None
    seen: set[str] = set()

    def once(name: str) -> None:
        if name not in seen:
            seen.add(name)
            on_stage(name)

    return once


def build(
    text: str,
    *,
    source: str | None = None,
    encoding: str | None = None,
    fmt: str = "text",
    on_stage: Callable[[str], None] | None = None,
    furniture: Sequence[tuple[int, int]] = (),
) -> Document:
    with collector_paused():
        if len(text) <= params().windows.window_chars:
            pdoc = begin_structure(text, furniture)
            run_stages(pdoc, STAGES, on_stage, release=True)
            doc = build_document(pdoc, source=source, encoding=encoding, fmt=fmt, release=True)
            del pdoc
        else:
            stage_once = _first_calls(on_stage)

            def parse_window(piece: str, piece_furniture: Sequence[tuple[int, int]], last: bool) -> Document | None:
                pdoc = begin_structure(piece, piece_furniture)
                run_stages(pdoc, STAGES[:_PLANS_KNOWN], stage_once)
                if not last and len(pdoc.layer("plans")) < 2:
                    return None  # too few plans to cut at: the rest of the stages would be wasted
                run_stages(pdoc, STAGES[_PLANS_KNOWN:], stage_once, release=True)
                return build_document(pdoc, source=source, encoding=encoding, fmt=fmt, release=True)

            doc = build_windowed(text, parse_window, source=source, encoding=encoding, fmt=fmt, furniture=furniture)
    if on_stage is not None:
        on_stage("build")
    return doc
