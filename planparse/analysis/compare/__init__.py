"""Comparing plans across schools and years: similarity, shared items, template reuse.

    >>> from planparse.analysis.compare import compare, shared_items, find_templates
    >>> pairs = compare(docs)                 # one row per pair of plans, most similar first
    >>> shared_items(docs[0], docs[1])        # the items two plans have in common
    >>> find_templates(docs)                  # groups of near-copies (MinHash LSH)

The module itself is callable (``planparse.analysis.compare(docs)`` is ``compare(docs)``),
so the package can expose the function under the module's own name.
"""

from __future__ import annotations

import sys
import types
from typing import Any

from planparse.analysis.compare.similarity import compare, shared_items, similarity_matrix
from planparse.analysis.compare.templates import find_templates, shingle_hashes
from planparse.analysis.compare.units import doc_ids, fold, plan_items

__all__ = ["compare", "doc_ids", "find_templates", "fold", "plan_items", "shared_items", "shingle_hashes", "similarity_matrix"]


class _CallableModule(types.ModuleType):
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return compare(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
