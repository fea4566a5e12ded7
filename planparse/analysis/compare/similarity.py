"""How alike plans (and their sections) are: TF-IDF on character n-grams or jieba words, cosine.

scikit-learn does the weighting and the sparse products; rapidfuzz scores item
against item. Both load on first use.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from planparse.analysis.compare.units import PlanRef, fold, load_documents, plan_refs
from planparse.models import Document, Plan

if TYPE_CHECKING:
    import pandas as pd

Analyzer = Literal["char", "word"]


def _jieba_words(text: str) -> list[str]:
    import jieba

    jieba.setLogLevel(60)  # jieba prints its dictionary loading to stderr otherwise
    return [w for w in jieba.lcut(text) if len(w) > 1 or w.isalnum()]


def _vectorise(texts: list[str], analyzer: Analyzer, ngram_range: tuple[int, int]):
    from sklearn.feature_extraction.text import TfidfVectorizer

    if analyzer == "char":
        vec = TfidfVectorizer(analyzer="char", ngram_range=ngram_range, sublinear_tf=True, min_df=1)
        return vec.fit_transform([fold(t) for t in texts])
    if analyzer == "word":
        vec = TfidfVectorizer(analyzer=lambda t: _jieba_words(fold(t)), sublinear_tf=True)
        return vec.fit_transform(texts)
    raise ValueError(f"analyzer must be 'char' or 'word', not {analyzer!r}")


def similarity_matrix(
    documents: Iterable[Document | str | Path],
    *,
    analyzer: Analyzer = "char",
    ngram_range: tuple[int, int] = (2, 3),
) -> pd.DataFrame:
    """Square DataFrame of cosine similarities between all plans, labelled ``doc_id:plan_index``."""
    import pandas as pd

    refs = plan_refs(load_documents(documents))
    labels = [f"{r.doc_id}:{r.plan_index}" for r in refs]
    if not refs:
        return pd.DataFrame()
    x = _vectorise([r.text for r in refs], analyzer, ngram_range)
    sim = (x @ x.T).toarray()
    return pd.DataFrame(sim.round(4), index=labels, columns=labels)


def compare(
    documents: Iterable[Document | str | Path],
    *,
    level: Literal["plan", "section"] = "plan",
    analyzer: Analyzer = "char",
    ngram_range: tuple[int, int] = (2, 3),
    min_similarity: float = 0.0,
    items: bool = True,
    item_threshold: float = 80.0,
    same_kind: bool = True,
) -> pd.DataFrame:
    """Similarity between every pair of plans (or of sections of different plans), as a tidy table.

    One row per pair, most similar first. Columns: ``a_doc_id, a_plan_index,
    a_title, b_doc_id, b_plan_index, b_title, similarity`` (cosine of TF-IDF
    vectors, 0..1); at section level also ``a_section_index, a_kind,
    a_heading`` and the same for b (only sections of the same kind are paired
    when ``same_kind``). With ``items``, ``shared_items`` counts the items the
    two have in common (see :func:`shared_items`) and ``item_share`` is that
    count over the smaller one's number of items.
    """
    import pandas as pd

    refs = plan_refs(load_documents(documents))
    if level == "plan":
        units = [(r, None) for r in refs]
        texts = [r.text for r in refs]
    elif level == "section":
        units = [(r, si) for r in refs for si in range(len(r.plan.sections))]
        texts = [r.section_text(r.plan.sections[si]) for r, si in units]
    else:
        raise ValueError(f"level must be 'plan' or 'section', not {level!r}")

    columns = _columns(level, items)
    if len(units) < 2:
        return pd.DataFrame(columns=columns)
    x = _vectorise(texts, analyzer, ngram_range)
    sim = (x @ x.T).tocoo()
    rows = []
    for i, j, s in zip(sim.row, sim.col, sim.data, strict=True):
        if i >= j:
            continue
        (ra, sa), (rb, sb) = units[i], units[j]
        if ra.doc_index == rb.doc_index and ra.plan_index == rb.plan_index:
            continue  # sections of one plan are not "plans compared"
        if level == "section" and same_kind and ra.plan.sections[sa].kind != rb.plan.sections[sb].kind:
            continue
        if s < min_similarity:
            continue
        rows.append(_row(ra, sa, rb, sb, float(s), items, item_threshold))
    if min_similarity <= 0.0:
        rows += _zero_rows(units, sim, level, same_kind, items)
    df = pd.DataFrame(rows, columns=columns)
    return df.sort_values("similarity", ascending=False, kind="stable").reset_index(drop=True)


def _columns(level: str, items: bool) -> list[str]:
    cols = ["a_doc_id", "a_plan_index", "a_title"]
    if level == "section":
        cols += ["a_section_index", "a_kind", "a_heading"]
    cols += ["b_doc_id", "b_plan_index", "b_title"]
    if level == "section":
        cols += ["b_section_index", "b_kind", "b_heading"]
    cols.append("similarity")
    if items:
        cols += ["shared_items", "item_share"]
    return cols


def _side(ref: PlanRef, si: int | None) -> list[object]:
    vals: list[object] = [ref.doc_id, ref.plan_index, ref.title]
    if si is not None:
        sec = ref.plan.sections[si]
        vals += [si, sec.kind.value, sec.heading]
    return vals


def _row(ra: PlanRef, sa: int | None, rb: PlanRef, sb: int | None, s: float, items: bool, thr: float) -> list[object]:
    row = _side(ra, sa) + _side(rb, sb) + [round(s, 4)]
    if items:
        a_items = [it for it in ra.items() if sa is None or it.section_index == sa]
        b_items = [it for it in rb.items() if sb is None or it.section_index == sb]
        n = len(_match_items(a_items, b_items, thr))
        smaller = min(len(a_items), len(b_items))
        row += [n, round(n / smaller, 4) if smaller else 0.0]
    return row


def _zero_rows(units, sim, level: str, same_kind: bool, items: bool) -> list[list[object]]:
    """Pairs with no n-gram in common never appear in the sparse product; a tidy table still lists them."""
    present = {(int(i), int(j)) for i, j in zip(sim.row, sim.col, strict=True)}
    rows = []
    for i in range(len(units)):
        for j in range(i + 1, len(units)):
            if (i, j) in present:
                continue
            (ra, sa), (rb, sb) = units[i], units[j]
            if ra.doc_index == rb.doc_index and ra.plan_index == rb.plan_index:
                continue
            if level == "section" and same_kind and ra.plan.sections[sa].kind != rb.plan.sections[sb].kind:
                continue
            rows.append(_side(ra, sa) + _side(rb, sb) + [0.0] + ([0, 0.0] if items else []))
    return rows


def _match_items(a, b, threshold: float) -> list[tuple[int, int, float]]:
    """Pairs (i, j, score) of items, each used once, best first, score ≥ threshold (rapidfuzz ratio 0..100)."""
    if not a or not b:
        return []
    from rapidfuzz import fuzz, process

    fa = [it.folded for it in a]
    fb = [it.folded for it in b]
    scores = process.cdist(fa, fb, scorer=fuzz.ratio, score_cutoff=threshold, workers=1)
    cand = [(float(scores[i, j]), i, j) for i, j in zip(*scores.nonzero(), strict=True)]
    # exact copies whose folded text is empty (a bare heading marker) say nothing about sharing
    cand = [c for c in cand if fa[c[1]] and fb[c[2]]]
    cand.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for s, i, j in cand:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append((int(i), int(j), s))
    return sorted(out)


def _as_plan_ref(x: Document | Plan | tuple[Document, int] | PlanRef, doc_id: str) -> PlanRef:
    if isinstance(x, PlanRef):
        return x
    if isinstance(x, tuple):
        doc, pi = x
        return PlanRef(0, doc_id, pi, doc, doc.plans[pi])
    if isinstance(x, Document):
        if not x.plans:
            raise ValueError(f"{x.source or doc_id}: no plan found")
        return PlanRef(0, doc_id, 0, x, x.plans[0])
    raise TypeError("give a Document, a (Document, plan_index) pair or a PlanRef")


def shared_items(
    a: Document | tuple[Document, int] | PlanRef,
    b: Document | tuple[Document, int] | PlanRef,
    *,
    threshold: float = 80.0,
) -> pd.DataFrame:
    """The items two plans share: each item of ``a`` matched to at most one of ``b``.

    ``threshold`` is rapidfuzz's ``ratio`` (0..100) on folded text; schedule
    entries are compared with schedule entries' text as items too. Columns:
    ``a_kind, a_section_index, a_path, a_text, b_kind, b_section_index, b_path,
    b_text, similarity`` (0..1), in ``a``'s order.
    """
    import pandas as pd

    ra, rb = _as_plan_ref(a, "a"), _as_plan_ref(b, "b")
    ia, ib = ra.items(), rb.items()
    rows = []
    for i, j, s in _match_items(ia, ib, threshold):
        x, y = ia[i], ib[j]
        rows.append([x.kind, x.section_index, x.path, x.text, y.kind, y.section_index, y.path, y.text, round(s / 100, 4)])
    cols = ["a_kind", "a_section_index", "a_path", "a_text", "b_kind", "b_section_index", "b_path", "b_text", "similarity"]
    return pd.DataFrame(rows, columns=cols)
