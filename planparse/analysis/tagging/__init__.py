"""Tagging: keywords (jieba TF-IDF), activity categories (a codebook) and the plan's organisation.

``tag_document(doc)`` fills, in place, ``keywords`` and ``categories`` of every
Item and ScheduleEntry and ``keywords`` and ``organisation`` of every Plan.
jieba and the dictionaries load on the first call that needs keywords, not on import, once per
process, from planparse's cache (``planparse.cache``) after the first time. Organisations and
categories need no jieba (``with_keywords=False``).

Tagging reads the text in simplified script, as the parser's working text has it
(the same one-for-one character map, ``planparse/data/charmap.toml``): 活動 and 活动
are one keyword, and a traditional plan gets the categories its simplified copy
gets. Keywords and cues are therefore in simplified script; every span still points
into the original ``Document.text``, which tagging never changes.
"""

from __future__ import annotations

import os

from planparse.analysis.tagging.codebook import Codebook, load_codebook, parse_codebook
from planparse.analysis.tagging.keywords import keywords
from planparse.analysis.tagging.organisation import find_organisation
from planparse.analysis.tagging.tokenizer import SEGMENTERS, clear_line_cache, segmenter_name
from planparse.models import Document
from planparse.parse.charmap import simplify

ITEM_KEYWORDS = 5
PLAN_KEYWORDS = 10

__all__ = [
    "Codebook",
    "SEGMENTERS",
    "ITEM_KEYWORDS",
    "PLAN_KEYWORDS",
    "find_organisation",
    "keywords",
    "load_codebook",
    "parse_codebook",
    "tag_document",
]


def tag_document(
    doc: Document,
    codebook: str | os.PathLike[str] | Codebook | None = None,
    *,
    with_keywords: bool = True,
    segmenter: str | None = None,
) -> Document:
    """Tag ``doc`` in place and return it. ``codebook``: a TOML path, a Codebook, or None for planparse's own.

    ``with_keywords=False`` fills organisations and categories only (regular expressions and the
    codebook: jieba is not loaded), for outputs that show no keywords. ``segmenter``: "jieba"
    (default) or "rjieba"; None reads ``$PLANPARSE_SEGMENTER``.
    """
    book = codebook if isinstance(codebook, Codebook) else load_codebook(codebook)
    if with_keywords:
        segmenter = segmenter_name(segmenter)
        clear_line_cache()  # lines are shared within a document; a benchmark gets no free hits
    for plan in doc.plans:
        if with_keywords:
            plan.keywords = keywords(simplify(doc.span_text(plan.span)), PLAN_KEYWORDS, segmenter)
        if plan.organisation is None:
            plan.organisation = find_organisation(plan, doc)  # the name as the plan writes it
        for item in plan.walk_items():
            # the item's own text: its children are tagged on their own
            text = simplify(item.body or item.text)
            if with_keywords:
                item.keywords = keywords(text, ITEM_KEYWORDS, segmenter)
            item.categories = book.classify(text)
        for entry in plan.schedule:
            text = simplify(entry.activity)
            if with_keywords:
                entry.keywords = keywords(text, ITEM_KEYWORDS, segmenter)
            entry.categories = book.classify(text)
    return doc
