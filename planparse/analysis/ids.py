"""One document id and one plan label for every table, comparison and command.

A document id is short and stable: the file's stem and six hex digits of a hash of its text
(``union_2023-3fa2c1``), so the same file has the same id in ``export``, ``similar`` and ``months``,
in every run and whichever other files come with it; two files of one name in different folders
still differ. The path stays in its own column (``source``). A document without a source is
``doc-<hash>``; the very same text given twice gets ``~2``, ``~3`` after the later copies
(``#`` is kept for plan ids: ``<doc_id>#<plan_index>``).

A plan label is what a person reads: the plan's title, or ``（无标题）计划N`` (N counted from 1
within its document) for a plan without one, never NaN.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import PurePath

from planparse.models import Document, Plan

HASH_DIGITS = 6
NO_SOURCE = "doc"
UNTITLED = "（无标题）计划{n}"


def content_hash(text: str) -> str:
    """The first ``HASH_DIGITS`` hex digits of the SHA-1 of ``text`` (UTF-8)."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:HASH_DIGITS]


def doc_id(doc: Document) -> str:
    """The id of one document: ``<file stem>-<hash of its text>``, or ``doc-<hash>`` without a source."""
    stem = PurePath(doc.source).stem if doc.source and doc.source != "<stdin>" else ""
    return f"{stem or NO_SOURCE}-{content_hash(doc.text)}"


def doc_ids(docs: Iterable[Document]) -> list[str]:
    """Each document's id, in order; a repeat of an id already given gets ``~2``, ``~3`` …"""
    seen: dict[str, int] = {}
    out: list[str] = []
    for doc in docs:
        base = doc_id(doc)
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base}~{seen[base]}")
    return out


def plan_label(plan: Plan, index: int) -> str:
    """The plan's title, or ``（无标题）计划{index + 1}`` when it has none."""
    title = (plan.title or "").strip()
    return title or UNTITLED.format(n=index + 1)
