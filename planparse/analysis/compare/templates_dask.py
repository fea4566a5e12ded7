"""Template groups for corpora that do not fit in memory: signatures on disk, the heavy step on Dask.

    >>> from planparse.analysis.compare.templates_dask import find_templates_dask
    >>> groups = find_templates_dask(paths_or_bag, "work/templates")   # a Client, if one is running, is used

The same grouping as :func:`planparse.analysis.compare.templates.find_templates`, in three steps:

1. **Signatures, on the workers** (one Dask task per partition of documents): every plan and section
   becomes a MinHash signature, its LSH band keys, its shingle count and the hashes of its items.
   A partition writes ``units/part-NNNNN.parquet`` (what a unit is, band keys, item hashes) and
   ``signatures/part-NNNNN.npy`` (its signatures, uint32, read back memory-mapped). No text leaves
   the worker.
2. **Groups, in this process**: one band at a time, the band keys of all units (8 bytes a unit) are
   sorted into buckets and linked by union-find as in memory, each check the MinHash estimate of
   Jaccard read from the memory-mapped signatures. What stays in memory is a few integers per unit.
3. **Measures**: each group's representative is its MinHash medoid; members are measured against it
   from signatures (estimated Jaccard, containment estimated from it and the shingle counts) and
   item hashes (items recurring unchanged).

The texts are never all in one place, so there is no exact Jaccard here: ``jaccard`` is NaN and
``est_jaccard`` carries the estimate (64 permutations: ±0.06 at 0.5).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from planparse.analysis.compare.templates import (
    COLUMNS,
    Linker,
    band_keys,
    buckets,
    lsh_bands,
    representative,
    settings,
    shingle_hashes,
    signatures,
    units_of,
)
from planparse.analysis.compare.units import doc_ids
from planparse.models import Document

if TYPE_CHECKING:
    import dask.bag
    import pandas as pd

_LEVELS = ("plan", "section")


def _item_hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def write_partition(
    docs: list[Document], part: int, workdir: str, levels: Sequence[str], shingle: int, num_perm: int, bands: list[tuple[int, int]]
) -> int:
    """Step 1 for one partition: its units' signatures and band keys to disk; returns the number of units."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    root = Path(workdir)
    units = units_of(list(docs), levels)
    ids = doc_ids(list(docs))
    sets = [shingle_hashes(u.text, shingle) for u in units]
    sigs = signatures(sets, num_perm) if units else np.empty((0, num_perm), dtype=np.uint32)
    keys = band_keys(sigs, bands)
    columns: dict[str, Any] = {
        "level": pa.array([u.level for u in units], pa.string()),
        "doc_id": pa.array([ids[u.doc_index] for u in units], pa.string()),
        "source": pa.array([docs[u.doc_index].source for u in units], pa.string()),
        "plan_index": pa.array([u.plan_index for u in units], pa.int64()),
        "section_index": pa.array([u.section_index for u in units], pa.int64()),
        "section_kind": pa.array([u.kind for u in units], pa.string()),
        "title": pa.array([u.title for u in units], pa.string()),
        "chars": pa.array([len(u.text) for u in units], pa.int64()),
        "n_shingles": pa.array([len(s) for s in sets], pa.int64()),
        # one plan's parts are never linked: the key says which plan, unique over the run
        "plan_key": pa.array([(part << 40) | (u.doc_index << 12) | u.plan_index for u in units], pa.int64()),
        "items": pa.array([sorted({_item_hash(t) for t in u.items if t}) for u in units], pa.list_(pa.uint64())),
    }
    for bi in range(len(bands)):
        columns[f"band_{bi:02d}"] = pa.array(keys[:, bi], pa.uint64())
    (root / "units").mkdir(parents=True, exist_ok=True)
    (root / "signatures").mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.table(columns), root / "units" / f"part-{part:05d}.parquet")
    np.save(root / "signatures" / f"part-{part:05d}.npy", sigs)
    return len(units)


class SignatureStore:
    """The units written by step 1: columns read one at a time, signatures memory-mapped, by global unit id."""

    def __init__(self, workdir: Path, parts: int) -> None:
        self.units = [workdir / "units" / f"part-{p:05d}.parquet" for p in range(parts)]
        self.sigs = [np.load(workdir / "signatures" / f"part-{p:05d}.npy", mmap_mode="r") for p in range(parts)]
        sizes = [len(s) for s in self.sigs]
        self.offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
        self.n = int(self.offsets[-1])

    def column(self, name: str) -> np.ndarray:
        import pyarrow.parquet as pq

        parts = [pq.read_table(p, columns=[name]).column(name) for p in self.units]
        return np.concatenate([c.to_numpy(zero_copy_only=False) for c in parts]) if parts else np.empty(0)

    def signature(self, i: int) -> np.ndarray:
        p = int(np.searchsorted(self.offsets, i, side="right")) - 1
        return self.sigs[p][i - self.offsets[p]]

    def signature_rows(self, ids: np.ndarray) -> np.ndarray:
        return np.stack([self.signature(int(i)) for i in ids])


def _bag_of(documents: Any, partition_size: int) -> dask.bag.Bag:
    import dask.bag as db

    if isinstance(documents, db.Bag):
        return documents
    items = list(documents)
    if items and not isinstance(items[0], Document):
        from planparse.pipeline import parse_file

        paths = [str(p) for p in items]
        return db.from_sequence(paths, partition_size=partition_size).map(lambda p: parse_file(p, tag=False))
    return db.from_sequence(items, partition_size=partition_size)


def find_templates_dask(
    documents: dask.bag.Bag | Iterable[Document | str | Path],
    workdir: str | Path,
    *,
    threshold: float | None = None,
    levels: Sequence[str] = _LEVELS,
    shingle: int | None = None,
    num_perm: int | None = None,
    partition_size: int = 500,
) -> pd.DataFrame:
    """Groups of near-copies, like ``find_templates``, with signatures on disk under ``workdir`` and step 1 on Dask.

    ``documents``: a ``dask.bag`` of Documents, or Documents or paths (parsed on the workers,
    ``partition_size`` to a task). Dask's current scheduler runs step 1: a ``distributed.Client``
    when one is open, else threads. The result (also written to ``workdir/groups.parquet``) has
    ``find_templates``' columns; ``jaccard`` is NaN (no texts here), ``est_jaccard`` the estimate.
    """
    import dask

    defaults = settings()["defaults"]
    threshold = defaults["threshold"] if threshold is None else threshold
    shingle = shingle or defaults["shingle"]
    num_perm = num_perm or defaults["num_perm"]
    root = Path(workdir)
    root.mkdir(parents=True, exist_ok=True)
    bands = lsh_bands(threshold, num_perm)

    parts = _bag_of(documents, partition_size).to_delayed()
    write = dask.delayed(write_partition, pure=False)
    dask.compute(*[write(p, i, str(root), tuple(levels), shingle, num_perm, bands) for i, p in enumerate(parts)])

    store = SignatureStore(root, len(parts))
    linked, roots = _link(store, levels, bands, threshold)
    df = _groups(store, linked, roots)
    df.to_parquet(root / "groups.parquet", index=False)
    return df


def _link(store: SignatureStore, levels: Sequence[str], bands: list[tuple[int, int]], threshold: float) -> tuple[np.ndarray, np.ndarray]:
    level = store.column("level").astype(str)
    plan_key = store.column("plan_key").astype(np.int64)
    signature = store.signature

    def verify(a: int, b: int) -> float:
        return float((signature(a) == signature(b)).mean())

    linker = Linker(store.n, threshold, verify, lambda a, b: plan_key[a] == plan_key[b], settings()["grouping"]["max_anchors"])
    ids_of = {lv: np.flatnonzero(level == lv) for lv in levels}
    del level
    for bi in range(len(bands)):
        keys = store.column(f"band_{bi:02d}").astype(np.uint64)  # one band in memory at a time
        for ids in ids_of.values():
            for members in buckets(keys[ids], ids):
                linker.bucket(members)
        del keys
    roots = np.array([linker.uf.find(i) for i in range(store.n)], dtype=np.int64)
    return np.frombuffer(bytes(linker.linked), dtype=np.uint8).astype(bool), roots


def _groups(store: SignatureStore, linked: np.ndarray, roots: np.ndarray) -> pd.DataFrame:
    import pandas as pd
    import pyarrow.parquet as pq

    members = np.flatnonzero(linked)
    if not len(members):
        return _frame([])
    level = store.column("level").astype(str)
    chars = store.column("chars").astype(np.int64)
    n_shingles = store.column("n_shingles").astype(np.int64)
    group_roots, sizes = np.unique(roots[members], return_counts=True)
    # groups largest first, plans before sections, then by first member (as find_templates orders them)
    order = np.lexsort((group_roots, level[group_roots] != "plan", -sizes))
    group_no = np.full(store.n, -1, dtype=np.int64)
    size_of = np.zeros(store.n, dtype=np.int64)
    for g, k in enumerate(order):
        group_no[group_roots[k]] = g
        size_of[group_roots[k]] = sizes[k]
    by_group = members[np.argsort(group_no[roots[members]], kind="stable")]
    bounds = np.flatnonzero(np.diff(group_no[roots[by_group]])) + 1
    rng = np.random.default_rng(0)
    sample = settings()["grouping"]["consensus_sample"]
    rep_of = np.full(store.n, -1, dtype=np.int64)  # per member: the unit it is measured against
    is_rep = np.zeros(store.n, dtype=bool)
    est = np.full(store.n, np.nan)
    for g_members in np.split(by_group, bounds):
        sigs = store.signature_rows(g_members)
        r = int(representative(sigs, chars[g_members], sample, rng))
        agree = (sigs == sigs[r]).mean(axis=1)
        agree_others = agree.copy()
        agree_others[r] = -1.0
        closest = int(np.argmax(agree_others))
        rep_of[g_members] = g_members[r]
        rep_of[g_members[r]] = g_members[closest]
        is_rep[g_members[r]] = True
        est[g_members] = agree
        est[g_members[r]] = agree[closest]

    # containment from the estimate: |A∩R| = J (|A| + |R|) / (1 + J)
    j = est[members]
    inter = j * (n_shingles[members] + n_shingles[rep_of[members]]) / (1 + j)
    shared = np.clip(np.divide(inter, n_shingles[members], out=np.zeros(len(members)), where=n_shingles[members] > 0), 0, 1)
    shared_of = dict(zip(members.tolist(), shared.tolist(), strict=True))

    wanted = set(rep_of[members].tolist())
    items_of: dict[int, set[int]] = {}
    frames = []
    cols = ["level", "doc_id", "source", "plan_index", "section_index", "section_kind", "title", "chars", "items"]
    for p, path in enumerate(store.units):  # pass 1: the items of the units others are measured against
        lo, hi = store.offsets[p], store.offsets[p + 1]
        rows = [int(i) for i in wanted if lo <= i < hi]
        if rows:
            items = pq.read_table(path, columns=["items"]).column("items").to_pylist()
            items_of.update({i: set(items[i - lo]) for i in rows})
    for p, path in enumerate(store.units):  # pass 2: one partition's members at a time
        lo, hi = store.offsets[p], store.offsets[p + 1]
        local = members[(members >= lo) & (members < hi)]
        if not len(local):
            continue
        table = pq.read_table(path, columns=cols).to_pandas().iloc[local - lo]
        item_share = [
            (sum(h in items_of[int(rep_of[i])] for h in own) / len(own)) if len(own) else float("nan")
            for i, own in zip(local, table["items"], strict=True)
        ]
        frames.append(
            table.drop(columns="items").assign(
                group=group_no[roots[local]], group_size=size_of[roots[local]], representative=is_rep[local],
                jaccard=np.nan, est_jaccard=np.round(est[local], 4), shared=[round(shared_of[int(i)], 4) for i in local],
                item_share=np.round(item_share, 4), _unit=local,
            )
        )  # fmt: skip
    df = pd.concat(frames, ignore_index=True).sort_values(["group", "_unit"], kind="stable").drop(columns="_unit")
    return _frame(df)


def _frame(df: Any) -> pd.DataFrame:
    import pandas as pd

    out = pd.DataFrame(df, columns=COLUMNS).reset_index(drop=True)
    out["section_index"] = out["section_index"].astype("Int64")
    out["representative"] = out["representative"].astype(bool)
    return out
