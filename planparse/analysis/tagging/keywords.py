"""Keywords by TF-IDF, with an IDF table fitted on work-plan text.

Why TF-IDF and not TextRank: the texts we tag are mostly one short line (a
schedule entry such as 组织会员体检, an item of one or two sentences). TextRank
ranks words by their co-occurrence graph inside the text, and a five-word line
has almost no graph, so it falls back to near-arbitrary order. TF-IDF ranks a
short text's words by how specific they are, which is what we want: 体检 over
会员, 师徒结对 over 教师. For a whole plan both do similarly; we keep one method.

The IDF: ``planparse/data/idf.txt``, built by ``scripts/build_idf.py`` from the
plans in corpus/ and ../shared/seeds, each sentence counted as one document.
With a few dozen plans that table is coarse, so the script shrinks each word's
plan IDF towards jieba's general-language IDF (rescaled to the plan table's
range) in proportion to how rarely the word was seen, and words the table does
not know back off to jieba's own IDF the same way. Words neither knows are
domain compounds from our dictionary or new names, and get a high IDF.
"""

from __future__ import annotations

import math
import threading
from collections import Counter
from dataclasses import dataclass

from planparse.analysis.tagging.tokenizer import content_words, data_path

_lock = threading.Lock()
_idf: IdfTable | None = None


@dataclass
class IdfTable:
    """Each word's IDF: the plan table's value, else jieba's general value × ``scale``, else ``unknown``.

    Held as one merged dict (``values``), so a lookup is one dict access and the table is one
    marshal-able value for planparse's cache.
    """

    values: dict[str, float]
    unknown: float

    def __call__(self, word: str) -> float:
        return self.values.get(word, self.unknown)


def _read_idf(path: str) -> tuple[dict[str, float], dict[str, str]]:
    """An IDF file of ``word value`` lines; ``# key: value`` comment lines give parameters."""
    table: dict[str, float] = {}
    params: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            if line.startswith("#"):
                key, sep, value = line[1:].partition(":")
                if sep:
                    params[key.strip()] = value.strip()
                continue
            word, _, value = line.rpartition(" ")
            if word:
                table[word] = float(value)
    return table, params


def general_idf_path() -> str:
    """jieba's own IDF table (general Chinese), shipped inside the jieba package.

    Found without importing ``jieba.analyse``, which would import ``jieba.posseg`` (half a second).
    """
    import os
    from importlib.util import find_spec

    spec = find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("jieba is not installed")
    return os.path.join(next(iter(spec.submodule_search_locations)), "analyse", "idf.txt")


def _build_idf() -> tuple[dict[str, float], float]:
    plan, params = _read_idf(data_path("idf.txt"))
    general, _ = _read_idf(general_idf_path())
    scale = float(params.get("general_scale", "1.0"))
    unknown = float(params.get("unknown", str(max(plan.values(), default=10.0))))
    values = {word: value * scale for word, value in general.items()}
    values.update(plan)
    return values, unknown


def get_idf() -> IdfTable:
    """The IDF table, loaded once per process (from planparse's cache after the first time)."""
    global _idf
    if _idf is None:
        with _lock:
            if _idf is None:
                from planparse.cache import cached

                values, unknown = cached("idf", [data_path("idf.txt"), general_idf_path()], _build_idf)
                _idf = IdfTable(values, unknown)
    return _idf


def keywords(text: str, top_k: int = 5, segmenter: str | None = None) -> list[str]:
    """The ``top_k`` most specific content words of ``text``, best first (ties: first seen first)."""
    words = content_words(text, segmenter)
    if not words or top_k <= 0:
        return []
    counts = Counter(words)  # in first-seen order, which breaks ties below (sorted is stable)
    idf = get_idf()
    values, unknown = idf.values, idf.unknown
    total = len(words)
    scored = sorted(counts, key=lambda w: -(counts[w] / total) * values.get(w, unknown))
    return scored[:top_k]


def smoothed_idf(df: int, n_docs: int) -> float:
    """The plan-corpus IDF of a word found in ``df`` of ``n_docs`` documents (add-one smoothed)."""
    return math.log((n_docs + 1) / (df + 1)) + 1.0
