"""Template reuse: which plans and sections of a corpus are near-copies of the same 范文.

Each plan and each section becomes a set of character shingles (k consecutive
letters/digits after folding) and a MinHash signature (datasketch's affine32
scheme, computed a batch at a time). The signature is cut into LSH bands
(datasketch's choice of bands and rows for the threshold); units whose band agrees
land in one bucket. Groups are made by union-find over bucket collisions: in a
bucket, a unit is checked exactly (Jaccard of shingle sets) against one member of
each group already met there, and joins the groups it matches. A unit already in
the bucket's group costs nothing, so a group of g near-copies costs about g checks
per band instead of g² pairs: the work grows linearly with the corpus.

Each group then gets a representative, its medoid by MinHash (the member whose
signature agrees most with the other members'): the member closest to the 范文 they
were all copied from. Every member is measured against it.
"""

from __future__ import annotations

import os
import sys
import tomllib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from planparse.analysis.compare.units import doc_ids, fold, item_text, load_documents, plan_refs, walk_with_path
from planparse.datafiles import data_path
from planparse.models import Document

if TYPE_CHECKING:
    import pandas as pd

Method = Literal["representative", "pairs"]

_P = np.uint64(1_000_003)
_MIX1 = np.uint64(0xFF51AFD7ED558CCD)
_MIX2 = np.uint64(0xC4CEB9FE1A85EC53)
# MurmurHash3's 32-bit finalizer, as datasketch's affine32 scheme applies it before the permutations
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))

COLUMNS = [
    "group", "level", "group_size", "doc_id", "source", "plan_index", "section_index", "section_kind",
    "title", "chars", "representative", "jaccard", "est_jaccard", "shared", "item_share",
]  # fmt: skip


@cache
def settings() -> dict[str, Any]:
    """planparse/data/templates.toml, read once."""
    with data_path("templates.toml").open("rb") as fh:
        return tomllib.load(fh)


def shingle_hashes(text: str, k: int = 5) -> np.ndarray:
    """Sorted unique 32-bit hashes (uint32) of the k-character shingles of folded ``text`` (vectorised rolling hash)."""
    cp = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    n = len(cp)
    if n == 0:
        return np.empty(0, dtype=np.uint32)
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
    return np.unique((h & np.uint64(0xFFFFFFFF)).astype(np.uint32))


@cache
def permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutations (seed 1), so signatures are those of ``MinHash(num_perm, hashfunc=int)``."""
    from datasketch import MinHash

    a, b = MinHash(num_perm=num_perm, hashfunc=int).permutations
    return np.asarray(a, dtype=np.uint32), np.asarray(b, dtype=np.uint32)


def signatures(shingle_sets: Sequence[np.ndarray], num_perm: int) -> np.ndarray:
    """MinHash signatures (n × num_perm, uint32) of shingle sets, one matrix product for the whole batch.

    Equal to datasketch's ``MinHash(num_perm, hashfunc=int).update_batch(set).hashvalues``; an empty
    set keeps datasketch's initial value (all ones), which matches nothing but another empty set.
    """
    a, b = permutations(num_perm)
    out = np.full((len(shingle_sets), num_perm), np.iinfo(np.uint32).max, dtype=np.uint32)
    sizes = np.array([len(s) for s in shingle_sets], dtype=np.int64)
    filled = np.flatnonzero(sizes)
    if not len(filled):
        return out
    hv = np.concatenate([shingle_sets[i] for i in filled]).astype(np.uint32)
    s1, m1, s2, m2, s3 = _FMIX32
    with np.errstate(over="ignore"):
        hv = hv ^ (hv >> s1)
        hv = hv * m1
        hv = hv ^ (hv >> s2)
        hv = hv * m2
        hv = hv ^ (hv >> s3)
        phv = hv[:, None] * a[None, :] + b[None, :]
    starts = np.concatenate([[0], np.cumsum(sizes[filled])[:-1]])
    out[filled] = np.minimum.reduceat(phv, starts, axis=0)
    return out


def lsh_bands(threshold: float, num_perm: int) -> list[tuple[int, int]]:
    """The (start, end) permutation ranges of the LSH bands datasketch's MinHashLSH picks for ``threshold``."""
    from datasketch import MinHashLSH

    lsh_cfg = settings()["lsh"]
    lsh = MinHashLSH(threshold=min(max(threshold, lsh_cfg["min_threshold"]), lsh_cfg["max_threshold"]), num_perm=num_perm)
    return [(int(s), int(e)) for s, e in lsh.hashranges]


def band_keys(sigs: np.ndarray, bands: Sequence[tuple[int, int]]) -> np.ndarray:
    """One 64-bit key per unit and band (n × bands): equal band values give equal keys (a bucket)."""
    keys = np.zeros((len(sigs), len(bands)), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for bi, (start, end) in enumerate(bands):
            key = np.full(len(sigs), 0x9E3779B97F4A7C15, dtype=np.uint64)
            for col in range(start, end):
                key = (key ^ sigs[:, col].astype(np.uint64)) * _MIX1
                key ^= key >> np.uint64(29)
            keys[:, bi] = key
    return keys


def buckets(keys: np.ndarray, ids: np.ndarray) -> Iterator[np.ndarray]:
    """The buckets of one band with two or more members: arrays of ``ids`` (ascending) sharing a key."""
    if len(keys) < 2:
        return
    order = np.lexsort((ids, keys))
    sk = keys[order]
    cut = np.flatnonzero(sk[1:] != sk[:-1]) + 1
    starts = np.concatenate([[0], cut])
    ends = np.concatenate([cut, [len(sk)]])
    for s, e in zip(starts[ends - starts > 1], ends[ends - starts > 1], strict=True):
        yield ids[order[s:e]]


class UnionFind:
    """Groups of units; the root of a group is its smallest member."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> int:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
        return min(ra, rb)


class Linker:
    """Union-find over LSH bucket collisions, each verified against one member per group in the bucket.

    ``verify(a, b)`` returns the similarity to compare with ``threshold`` (or a negative number for
    "not similar"); ``same_plan(a, b)`` says two units are parts of one plan, never linked.
    """

    def __init__(
        self,
        n: int,
        threshold: float,
        verify: Callable[[int, int], float],
        same_plan: Callable[[int, int], bool],
        max_anchors: int,
    ) -> None:
        self.uf = UnionFind(n)
        self.linked = bytearray(n)
        self.threshold = threshold
        self.verify = verify
        self.same_plan = same_plan
        self.max_anchors = max_anchors
        self.checks = 0

    def bucket(self, members: Iterable[int]) -> None:
        find = self.uf.find
        anchor_of: dict[int, int] = {}  # root of a group met in this bucket -> its first member here
        for m in members:
            m = int(m)
            if find(m) in anchor_of:
                continue  # already joined to a group of this bucket: nothing to check
            matched: list[int] = []
            for root, a in list(islice(anchor_of.items(), self.max_anchors)):
                if self.same_plan(a, m):
                    continue
                self.checks += 1
                if self.verify(a, m) >= self.threshold:
                    matched.append(root)
            if not matched:
                anchor_of[find(m)] = m
                continue
            first = anchor_of[matched[0]]
            for root in matched:
                a = anchor_of.pop(root)
                self.uf.union(a, m)
                self.linked[a] = 1
            self.linked[m] = 1
            anchor_of[find(m)] = first


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


def units_of(documents: list[Document], levels: Sequence[str]) -> list[_Unit]:
    """The plans and sections that are compared, in document order."""
    cfg = settings()["units"]
    units: list[_Unit] = []
    for ref in plan_refs(documents):
        plan, doc = ref.plan, ref.doc
        if "plan" in levels:
            items = [fold(item_text(it)) for _, it in _all_items(plan.sections)]
            items += [fold(e.activity) for e in plan.schedule]
            units.append(_Unit("plan", ref.doc_index, ref.plan_index, None, ref.title, None, fold(ref.text), items))
        if "section" in levels:
            plan_len = max(1, plan.span[1] - plan.span[0])
            for si, sec in enumerate(plan.sections):
                if (sec.span[1] - sec.span[0]) >= cfg["section_is_plan_share"] * plan_len and "plan" in levels:
                    continue  # the section is the plan: reported at plan level already
                text = fold(doc.span_text(sec.span))
                if len(text) < cfg["min_section_chars"]:
                    continue
                items = [fold(item_text(it)) for _, it in walk_with_path(sec.items)]
                items += [fold(e.activity) for e in plan.schedule if e.section_index == si]
                units.append(_Unit("section", ref.doc_index, ref.plan_index, si, sec.heading, sec.kind.value, text, items))
    return units


def _all_items(sections):
    for sec in sections:
        yield from walk_with_path(sec.items)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    if not len(a) and not len(b):
        return 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


def representative(sigs: np.ndarray, chars: Sequence[int], sample: int, rng: np.random.Generator) -> int:
    """Index (into ``sigs``) of the group's medoid by MinHash: the member whose signature agrees most with the others'.

    Agreement is counted against every member, or against ``sample`` members drawn at random in a
    larger group (so the cost stays linear in the group's size); the longer text wins a tie (a 范文
    is rarely shorter than its copies), then the first.
    """
    m = len(sigs)
    basis = sigs[np.sort(rng.choice(m, size=sample, replace=False))] if m > sample else sigs
    agree = np.empty(m, dtype=np.int64)
    step = max(1, 2_000_000 // (len(basis) * sigs.shape[1]))  # members per block: a block's comparison stays near 2 MB
    for start in range(0, m, step):
        block = sigs[start : start + step]
        agree[start : start + step] = (block[:, None, :] == basis[None, :, :]).sum(axis=(1, 2))
    order = np.lexsort((np.arange(m), -np.asarray(chars), -agree))
    return int(order[0])


class _ShingleCache:
    """Shingle sets for exact checks, recomputed from the text when the bounded cache was emptied."""

    def __init__(self, texts: Sequence[str], k: int, max_values: int) -> None:
        self.texts, self.k, self.max_values = texts, k, max_values
        self.sets: dict[int, np.ndarray] = {}
        self.values = 0

    def __call__(self, i: int) -> np.ndarray:
        got = self.sets.get(i)
        if got is None:
            got = shingle_hashes(self.texts[i], self.k)
            if self.values + len(got) > self.max_values:
                self.sets.clear()
                self.values = 0
            self.sets[i] = got
            self.values += len(got)
        return got


def _signatures(texts: Sequence[str], k: int, num_perm: int, workers: int, progress: bool) -> np.ndarray:
    from tqdm import tqdm

    run = settings()["run"]
    batch = run["signature_batch"]
    chunks = [(texts[i : i + batch], k, num_perm) for i in range(0, len(texts), batch)]
    out = np.empty((len(texts), num_perm), dtype=np.uint32)
    # a bar only for a person watching a terminal: scripts, notebooks and logs get no stray output
    bar = tqdm(total=len(texts), desc="minhash", unit="unit", disable=not (progress and sys.stderr.isatty()), leave=False)
    try:
        if workers > 1 and len(texts) >= run["parallel_from"]:
            from concurrent.futures import ProcessPoolExecutor

            with ProcessPoolExecutor(max_workers=workers) as pool:
                results: Iterable[np.ndarray] = pool.map(_chunk_signatures, chunks)
                _fill(out, results, bar)
        else:
            _fill(out, map(_chunk_signatures, chunks), bar)
        return out
    finally:
        bar.close()


def _fill(out: np.ndarray, results: Iterable[np.ndarray], bar) -> None:
    at = 0
    for sig in results:
        out[at : at + len(sig)] = sig
        at += len(sig)
        bar.update(len(sig))


def _chunk_signatures(args: tuple[Sequence[str], int, int]) -> np.ndarray:
    texts, k, num_perm = args
    return signatures([shingle_hashes(t, k) for t in texts], num_perm)


def find_templates(
    documents: Iterable[Document | str | Path],
    *,
    threshold: float | None = None,
    levels: Sequence[str] = ("plan", "section"),
    shingle: int | None = None,
    num_perm: int | None = None,
    workers: int | None = None,
    progress: bool = False,
    method: Method = "representative",
) -> pd.DataFrame:
    """Group the plans and sections that are near-copies of each other.

    Two units are linked when the exact Jaccard similarity of their ``shingle``-character shingle
    sets is at least ``threshold`` (defaults in planparse/data/templates.toml); a group is a
    connected set of linked units of one level (plan or section). ``method="representative"``
    (the default) checks each LSH bucket's members against one member per group met there;
    ``"pairs"`` checks every candidate pair the LSH returns, as planparse did before 0.2
    (quadratic in a group's size; kept to compare with). One row per member, groups largest first:

    - ``group`` (int), ``level`` ("plan"/"section"), ``group_size``
    - ``doc_id``, ``source``, ``plan_index``, ``section_index``, ``section_kind``, ``title``
      (the plan's title or the section's heading), ``chars`` (folded length)
    - ``representative`` (bool): the group's medoid by MinHash estimate, which the others
      are measured against (the representative itself is measured against its closest member)
    - ``jaccard``: exact Jaccard with the representative; ``est_jaccard``: MinHash's estimate of it
    - ``shared``: the share of this unit's shingles found in the representative (containment, 0..1)
    - ``item_share``: the share of its items whose wording recurs, unchanged, in the representative
      (NaN when it has no items)
    """
    import pandas as pd

    defaults = settings()["defaults"]
    threshold = defaults["threshold"] if threshold is None else threshold
    shingle = shingle or defaults["shingle"]
    num_perm = num_perm or defaults["num_perm"]
    docs = load_documents(documents)
    ids = doc_ids(docs)
    units = units_of(docs, levels)
    texts = [u.text for u in units]
    workers = workers if workers is not None else min(2, os.cpu_count() or 1)
    sigs = _signatures(texts, shingle, num_perm, workers, progress)
    shingles = _ShingleCache(texts, shingle, settings()["grouping"]["cache_values"])
    plan_of = np.array([u.doc_index for u in units], dtype=np.int64) * (1 << 20) + [u.plan_index for u in units]

    if method == "representative":
        linked, roots, work = _link_by_buckets(units, levels, sigs, plan_of, threshold, num_perm, shingles)
    elif method == "pairs":
        linked, roots, work = _link_all_pairs(units, levels, sigs, plan_of, threshold, num_perm, shingles)
    else:
        raise ValueError(f"method must be 'representative' or 'pairs', not {method!r}")

    groups: dict[int, list[int]] = {}
    for i in np.flatnonzero(linked):
        groups.setdefault(int(roots[i]), []).append(int(i))
    ordered = sorted(groups.values(), key=lambda g: (-len(g), units[g[0]].level != "plan", g[0]))
    rng = np.random.default_rng(0)
    sample = settings()["grouping"]["consensus_sample"]
    rows = []
    for gi, members in enumerate(ordered):
        rep = members[representative(sigs[members], [len(units[i].text) for i in members], sample, rng)]
        for i, measures in zip(members, _measures(members, rep, units, sigs, shingles), strict=True):
            u = units[i]
            rows.append(
                {
                    "group": gi, "level": u.level, "group_size": len(members), "doc_id": ids[u.doc_index],
                    "source": docs[u.doc_index].source, "plan_index": u.plan_index, "section_index": u.section_index,
                    "section_kind": u.kind, "title": u.title, "chars": len(u.text), "representative": i == rep,
                    **measures,
                }
            )  # fmt: skip
    df = pd.DataFrame(rows, columns=COLUMNS)
    df["section_index"] = df["section_index"].astype("Int64")
    df["representative"] = df["representative"].astype(bool)
    df.attrs.update(work)  # what the grouping cost: exact checks, candidates walked (scripts/benchmark_templates.py)
    return df


def _level_ids(units: list[_Unit], level: str) -> np.ndarray:
    return np.array([i for i, u in enumerate(units) if u.level == level and u.text], dtype=np.int64)


def _exact_verifier(sigs: np.ndarray, shingles: _ShingleCache, threshold: float) -> Callable[[int, int], float]:
    margin = settings()["grouping"]["estimate_margin"]

    def verify(a: int, b: int) -> float:
        if float((sigs[a] == sigs[b]).mean()) < threshold - margin:
            return -1.0  # the estimate is far below: an exact check would not change the answer
        return jaccard(shingles(a), shingles(b))

    return verify


def _link_by_buckets(units, levels, sigs, plan_of, threshold, num_perm, shingles) -> tuple[np.ndarray, np.ndarray, dict[str, int]]:
    bands = lsh_bands(threshold, num_perm)
    walked = 0
    linker = Linker(
        len(units), threshold, _exact_verifier(sigs, shingles, threshold),
        lambda a, b: plan_of[a] == plan_of[b], settings()["grouping"]["max_anchors"],
    )  # fmt: skip
    for level in levels:
        idx = _level_ids(units, level)
        keys = band_keys(sigs[idx], bands)
        for bi in range(len(bands)):
            for members in buckets(keys[:, bi], idx):
                linker.bucket(members)
                walked += len(members)
    roots = np.array([linker.uf.find(i) for i in range(len(units))], dtype=np.int64)
    linked = np.frombuffer(bytes(linker.linked), dtype=np.uint8).astype(bool)
    return linked, roots, {"checks": linker.checks, "candidates": walked}


def _link_all_pairs(units, levels, sigs, plan_of, threshold, num_perm, shingles) -> tuple[np.ndarray, np.ndarray, dict[str, int]]:
    """planparse ≤ 0.1: every candidate pair an LSH query returns, checked unless both ends are linked already."""
    bands = lsh_bands(threshold, num_perm)
    uf = UnionFind(len(units))
    linked = np.zeros(len(units), dtype=bool)
    checks = walked = 0
    for level in levels:
        idx = _level_ids(units, level)
        keys = band_keys(sigs[idx], bands)
        tables: list[dict[int, list[int]]] = [{} for _ in bands]
        for row, i in enumerate(idx):
            for bi, table in enumerate(tables):
                table.setdefault(int(keys[row, bi]), []).append(int(i))
        for row, i in enumerate(idx):
            i = int(i)
            candidates = {j for bi, table in enumerate(tables) for j in table[int(keys[row, bi])]}
            for j in candidates:
                if j <= i or plan_of[i] == plan_of[j]:
                    continue
                walked += 1
                if uf.find(i) == uf.find(j) and linked[i] and linked[j]:
                    continue
                checks += 1
                if jaccard(shingles(i), shingles(j)) >= threshold:
                    uf.union(i, j)
                    linked[i] = linked[j] = True
    roots = np.array([uf.find(i) for i in range(len(units))], dtype=np.int64)
    return linked, roots, {"checks": checks, "candidates": walked}


def _measures(members: list[int], rep: int, units: list[_Unit], sigs: np.ndarray, shingles: _ShingleCache) -> list[dict[str, float]]:
    """Each member against the representative; the representative against its closest member."""
    rep_set = shingles(rep)
    rep_items = {t for t in units[rep].items if t}
    out: dict[int, dict[str, float]] = {}
    closest, closest_jac = -1, -1.0
    for i in members:
        if i == rep:
            continue
        mine = shingles(i)
        jac = jaccard(mine, rep_set)
        if jac > closest_jac:
            closest, closest_jac = i, jac
        out[i] = _measure(mine, rep_set, units[i].items, rep_items, sigs[i], sigs[rep])
    other_items = {t for t in units[closest].items if t}
    out[rep] = _measure(rep_set, shingles(closest), units[rep].items, other_items, sigs[rep], sigs[closest])
    return [out[i] for i in members]


def _measure(mine: np.ndarray, other: np.ndarray, my_items: list[str], other_items: set[str], sig: np.ndarray, other_sig: np.ndarray) -> dict[str, float]:
    inter = len(np.intersect1d(mine, other, assume_unique=True))
    union = len(mine) + len(other) - inter
    own = [t for t in my_items if t]
    return {
        "jaccard": round(inter / union, 4) if union else 0.0,
        "est_jaccard": round(float((sig == other_sig).mean()), 4),
        "shared": round(inter / len(mine), 4) if len(mine) else 0.0,
        "item_share": round(sum(t in other_items for t in own) / len(own), 4) if own else float("nan"),
    }
