"""The pieces that comparison works on: plans, sections and items pulled out of Documents.

Comparison looks at wording, not layout, so text is folded (NFKC: full-width to
half-width) and stripped of everything but letters and digits before any measure:
two copies of a 范文 that differ only in punctuation, spacing or numbering style
are the same text here.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import regex

from planparse.models import Document, Item, Plan, ScheduleEntry, Section, SectionKind

_KEEP = regex.compile(r"[\p{L}\p{N}]+")


def fold(text: str) -> str:
    """The letters and digits of ``text``, NFKC-folded and lower-cased: what similarity measures see."""
    return "".join(_KEEP.findall(unicodedata.normalize("NFKC", text).lower()))


def load_documents(documents: Iterable[Document | str | Path]) -> list[Document]:
    """Documents as given; paths are parsed (tagged, so categories and keywords are there)."""
    from planparse.pipeline import parse_file

    out: list[Document] = []
    for d in documents:
        out.append(d if isinstance(d, Document) else parse_file(d, tag=True))
    return out


def doc_ids(documents: list[Document]) -> list[str]:
    """The one document id planparse uses everywhere (file stem and a hash of the text): see planparse.analysis.ids."""
    from planparse.analysis.ids import doc_ids as ids

    return ids(documents)


@dataclass
class ItemRef:
    """An item (or a schedule entry) with where it sits, for matching across plans."""

    kind: str  # "item" or "schedule"
    section_index: int | None
    path: str  # markers from the top, e.g. "（一）/2."; month label for schedule entries
    text: str
    span: tuple[int, int]
    item: Item | None = None
    entry: ScheduleEntry | None = None

    @property
    def folded(self) -> str:
        return fold(self.text)


@dataclass
class PlanRef:
    doc_index: int
    doc_id: str
    plan_index: int
    doc: Document
    plan: Plan
    _items: list[ItemRef] | None = field(default=None, repr=False)

    @property
    def title(self) -> str:
        """The plan's label: its title, or （无标题）计划N, never missing."""
        from planparse.analysis.ids import plan_label

        return plan_label(self.plan, self.plan_index)

    @property
    def text(self) -> str:
        return self.doc.span_text(self.plan.span)

    def section_text(self, section: Section) -> str:
        return self.doc.span_text(section.span)

    def items(self) -> list[ItemRef]:
        if self._items is None:
            self._items = list(plan_items(self.plan, self.doc))
        return self._items


def item_text(item: Item) -> str:
    return (item.body or item.text).strip()


def walk_with_path(items: list[Item], prefix: str = "") -> Iterator[tuple[str, Item]]:
    for item in items:
        path = f"{prefix}/{item.marker.strip()}" if prefix else item.marker.strip()
        yield path, item
        yield from walk_with_path(item.children, path)


def plan_items(plan: Plan, doc: Document, *, schedule: bool = True) -> Iterator[ItemRef]:
    """Every item of every section, then every schedule entry.

    Items of a schedule section, and items overlapping a schedule entry, are left
    out when the plan has schedule entries: the entries say the same thing with
    their months, and counting both would report one change twice.
    """
    entry_spans = sorted(tuple(e.span) for e in plan.schedule) if schedule else []
    for si, section in enumerate(plan.sections):
        if entry_spans and section.kind == SectionKind.SCHEDULE:
            continue
        for path, item in walk_with_path(section.items):
            if entry_spans and _overlaps(tuple(item.span), entry_spans):
                continue
            yield ItemRef("item", si, path, item_text(item), tuple(item.span), item=item)
    if schedule:
        for entry in plan.schedule:
            label = ",".join(str(m) for m in entry.months)
            yield ItemRef("schedule", entry.section_index, label, entry.activity, tuple(entry.span), entry=entry)


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in spans)


def plan_refs(documents: list[Document]) -> list[PlanRef]:
    ids = doc_ids(documents)
    return [
        PlanRef(di, ids[di], pi, doc, plan)
        for di, doc in enumerate(documents)
        for pi, plan in enumerate(doc.plans)
    ]
