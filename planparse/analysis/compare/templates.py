"""Template reuse: which plans and sections of a corpus are near-copies of the same 范文.

Each plan and each section becomes a set of character shingles (k consecutive
letters/digits after folding); datasketch's MinHash LSH finds the pairs whose
Jaccard similarity is likely above the threshold without comparing all pairs, and
only those candidate pairs are checked exactly. Linked pairs form groups (union-find).
The signatures are the costly part; past a few thousand units they are computed
in worker processes.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from planparse.analysis.compare.units import fold, item_text, load_documents, plan_refs, walk_with_path
from planparse.models import Document

if TYPE_CHECKING:
    import pandas as pd

_P = np.uint64(1_000_003)
_MIX1 = np.uint64(0xFF51AFD7ED558CCD)
_MIX2 = np.uint64(0xC4CEB9FE1A85EC53)
PARALLEL_FROM = 2000  # below this many units, starting worker processes costs more than it saves
MIN_SECTION_CHARS = 60  # shorter sections (a one-line 指导思想) match by chance and say little


def shingle_hashes(text: str, k: int = 5) -> np.ndarray:
    """Sorted unique 32-bit hashes of the k-character shingles of folded ``text`` (vectorised rolling hash)."""
    cp = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    n = len(cp)
    if n == 0:
        return np.empty(0, dtype=np.uint64)
    if n < k:
        k = n
    m = n - k + 1
    h = np.zeros(m, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            h = h * _P + cp[j : j + m]
        h ^= h >> np.uint64(33)
        h *= _MIX1
        h ^= h >> np.uint64(29)
        h *= _MIX2
        h ^= h >> np.uint64(32)
    return np.unique(h & np.uint64(0xFFFFFFFF))


@dataclass
class _Unit:
    level: str  # "plan" or "section"
    doc_index: int
    plan_index: int
    section_index: int | None
    title: str | None
    kind: str | None
    text: str  # folded
    items: list[str]  # folded item texts


def _signature(args: tuple[str, int, int]):
    from datasketch import LeanMinHash, MinHash

    text, k, num_perm = args
    m = MinHash(num_perm=num_perm, hashfunc=int)
    hv = shingle_hashes(text, k)
    if len(hv):
        m.update_batch(hv)
    return LeanMinHash(m)


def _signatures(texts: Sequence[str], k: int, num_perm: int, workers: int, progress: bool) -> list:
    from tqdm import tqdm

    jobs = [(t, k, num_perm) for t in texts]
    # a bar only for a person watching a terminal: scripts, notebooks and logs get no stray output
    bar = tqdm(total=len(jobs), desc="minhash", unit="unit", disable=not (progress and sys.stderr.isatty()), leave=False)
    try:
        if workers > 1 and len(jobs) >= PARALLEL_FROM:
            from concurrent.futures import ProcessPoolExecutor

            out = []
            with ProcessPoolExecutor(max_workers=workers) as pool:
                for sig in pool.map(_signature, jobs, chunksize=64):
                    out.append(sig)
                    bar.update()
            return out
        out = []
        for job in jobs:
            out.append(_signature(job))
            bar.update()
        return out
    finally:
        bar.close()


def _units(documents: list[Document], levels: Sequence[str]) -> list[_Unit]:
    units: list[_Unit] = []
    for ref in plan_refs(documents):
        plan, doc = ref.plan, ref.doc
        if "plan" in levels:
            items = [fold(item_text(it)) for _, it in _all_items(plan.sections)]
            items += [fold(e.activity) for e in plan.schedule]
            units.append(_Unit("plan", ref.doc_index, ref.plan_index, None, plan.title, None, fold(ref.text), items))
        if "section" in levels:
            plan_len = max(1, plan.span[1] - plan.span[0])
            for si, sec in enumerate(plan.sections):
                if (sec.span[1] - sec.span[0]) >= 0.9 * plan_len and "plan" in levels:
                    continue  # the section is the plan: reported at plan level already
                text = fold(doc.span_text(sec.span))
                if len(text) < MIN_SECTION_CHARS:
                    continue
                items = [fold(item_text(it)) for _, it in walk_with_path(sec.items)]
                items += [fold(e.activity) for e in plan.schedule if e.section_index == si]
                units.append(_Unit("section", ref.doc_index, ref.plan_index, si, sec.heading, sec.kind.value, text, items))
    return units


def _all_items(sections):
    for sec in sections:
        yield from walk_with_path(sec.items)


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    if not len(a) and not len(b):
        return 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


def find_templates(
    documents: Iterable[Document | str | Path],
    *,
    threshold: float = 0.5,
    levels: Sequence[str] = ("plan", "section"),
    shingle: int = 5,
    num_perm: int = 64,
    workers: int | None = None,
    progress: bool = False,
) -> pd.DataFrame:
    """Group the plans and sections that are near-copies of each other.

    Two units are linked when the verified Jaccard similarity of their
    ``shingle``-character shingle sets is at least ``threshold``; a group is a
    connected set of linked units of one level (plan or section). One row per
    member, groups largest first:

    - ``group`` (int), ``level`` ("plan"/"section"), ``group_size``
    - ``doc_id``, ``source``, ``plan_index``, ``section_index``, ``section_kind``, ``title``
      (the plan's title or the section's heading), ``chars`` (folded length)
    - ``jaccard``: the best exactly verified Jaccard with a member it was checked against (pairs
      already linked through others are not checked again, which keeps large groups linear);
      ``est_jaccard``: MinHash's estimate for that same pair
    - ``shared``: the share of this unit's shingles found in the other members (containment, 0..1)
    - ``item_share``: the share of its items whose wording recurs, unchanged, in another member
      (NaN when it has no items)
    """
    import pandas as pd
    from datasketch import MinHashLSH

    docs = load_documents(documents)
    ids = _doc_ids(docs)
    units = _units(docs, levels)
    workers = workers if workers is not None else min(2, os.cpu_count() or 1)
    minhashes = _signatures([u.text for u in units], shingle, num_perm, workers, progress)

    uf = _UnionFind(len(units))
    best: dict[int, tuple[float, float]] = {}
    hashes: dict[int, np.ndarray] = {}

    def hashes_of(i: int) -> np.ndarray:
        if i not in hashes:
            hashes[i] = shingle_hashes(units[i].text, shingle)
        return hashes[i]

    for level in levels:
        idx = [i for i, u in enumerate(units) if u.level == level and u.text]
        # the candidate stage is capped: near 1, datasketch cannot make two bands; the exact check keeps the threshold
        lsh = MinHashLSH(threshold=min(max(threshold, 0.05), 0.9), num_perm=num_perm)
        for i in idx:
            lsh.insert(i, minhashes[i], check_duplication=False)
        for i in idx:
            for j in lsh.query(minhashes[i]):
                if j <= i or _same_plan(units[i], units[j]):
                    continue
                if uf.find(i) == uf.find(j) and i in best and j in best:
                    continue  # already linked: an exact check would only refine a number, at O(group²) cost
                jac = _jaccard(hashes_of(i), hashes_of(j))
                if jac < threshold:
                    continue
                uf.union(i, j)
                est = minhashes[i].jaccard(minhashes[j])
                for a in (i, j):
                    if jac > best.get(a, (-1.0, 0.0))[0]:
                        best[a] = (jac, est)
        hashes.clear()  # keep memory flat across levels

    groups: dict[int, list[int]] = {}
    for i in best:
        groups.setdefault(uf.find(i), []).append(i)
    ordered = sorted(groups.values(), key=lambda g: (-len(g), units[min(g)].level != "plan", min(g)))

    rows = []
    for gi, members in enumerate(ordered):
        members.sort()
        sets = [shingle_hashes(units[i].text, shingle) for i in members]
        # a shingle (an item) is shared when another member has it too: count members per value once
        values, counts = np.unique(np.concatenate(sets), return_counts=True)
        item_counts = Counter(t for i in members for t in set(units[i].items) if t)
        for i, mine in zip(members, sets, strict=True):
            u = units[i]
            shared = float((counts[np.searchsorted(values, mine)] > 1).mean()) if len(mine) else 0.0
            own_items = [t for t in u.items if t]
            item_share = sum(item_counts[t] - (1 if t in u.items else 0) > 0 for t in own_items) / len(own_items) if own_items else float("nan")
            jac, est = best[i]
            rows.append(
                {
                    "group": gi,
                    "level": u.level,
                    "group_size": len(members),
                    "doc_id": ids[u.doc_index],
                    "source": docs[u.doc_index].source,
                    "plan_index": u.plan_index,
                    "section_index": u.section_index,
                    "section_kind": u.kind,
                    "title": u.title,
                    "chars": len(u.text),
                    "jaccard": round(jac, 4),
                    "est_jaccard": round(float(est), 4),
                    "shared": round(shared, 4),
                    "item_share": round(item_share, 4) if own_items else float("nan"),
                }
            )
    cols = [
        "group", "level", "group_size", "doc_id", "source", "plan_index", "section_index", "section_kind",
        "title", "chars", "jaccard", "est_jaccard", "shared", "item_share",
    ]  # fmt: skip
    df = pd.DataFrame(rows, columns=cols)
    df["section_index"] = df["section_index"].astype("Int64")
    return df


def _same_plan(a: _Unit, b: _Unit) -> bool:
    return a.doc_index == b.doc_index and a.plan_index == b.plan_index


def _doc_ids(docs: list[Document]) -> list[str]:
    from planparse.analysis.compare.units import doc_ids

    return doc_ids(docs)
