"""Template groups for corpora that do not fit in memory: signatures on disk, the heavy step on Dask.

    >>> from planparse.analysis.compare.templates_dask import find_templates_dask
    >>> groups = find_templates_dask(paths_or_bag, "work/templates")   # a Client, if one is running, is used

The same grouping as :func:`planparse.analysis.compare.templates.find_templates`, in three steps:

1. **Signatures, on the workers** (one Dask task per partition of documents): every plan and section
   becomes a MinHash signature, its LSH band keys, its shingle count and the hashes of its items.
   A partition writes ``units/part-NNNNN.parquet`` (what a unit is, band keys, item hashes) and
   ``signatures/part-NNNNN.npy`` (its signatures, uint32, read back memory-mapped). No text leaves
   the worker.
   With ``exact`` (the default) it also writes ``shingles/part-NNNNN.npy``, the shingle sets end to end.
2. **Groups, in this process**: one band at a time, the band keys of all units (8 bytes a unit) are
   sorted into buckets and linked by union-find exactly as in memory, each check reading the two
   units' signatures (and, when exact, shingle sets) from the memory-mapped files. What stays in
   memory is a few numbers per unit, never a text or a signature matrix.
3. **Measures**: each group's representative is its MinHash medoid; members are measured against it
   (exact Jaccard and containment from the shingle files, or estimated from signatures and shingle
   counts) and by item hashes (items recurring unchanged).
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
    jaccard,
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
    docs: list[Document | tuple[str, str]],
    part: int,
    workdir: str,
    levels: Sequence[str],
    shingle: int,
    num_perm: int,
    bands: list[tuple[int, int]],
    exact: bool,
) -> int:
    """Step 1 for one partition: its units' signatures and band keys to disk; returns the number of units."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    root = Path(workdir)
    failed = [d for d in docs if not isinstance(d, Document)]
    docs = [d for d in docs if isinstance(d, Document)]
    if failed:  # named, not dropped: errors/part-N.csv lists the files that could not be read
        import csv

        (root / "errors").mkdir(parents=True, exist_ok=True)
        with (root / "errors" / f"part-{part:05d}.csv").open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows([("path", "message"), *failed])
    units = units_of(docs, levels)
    ids = doc_ids(docs)
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
    if exact:  # the shingle sets, end to end (their lengths are n_shingles), for exact checks in the driver
        (root / "shingles").mkdir(parents=True, exist_ok=True)
        np.save(root / "shingles" / f"part-{part:05d}.npy", np.concatenate(sets) if sets else np.empty(0, dtype=np.uint32))
    return len(units)


class SignatureStore:
    """The units written by step 1: columns read one at a time, signatures memory-mapped, by global unit id."""

    def __init__(self, workdir: Path, parts: int, exact: bool) -> None:
        self.units = [workdir / "units" / f"part-{p:05d}.parquet" for p in range(parts)]
        self.sigs = [np.load(workdir / "signatures" / f"part-{p:05d}.npy", mmap_mode="r") for p in range(parts)]
        sizes = [len(s) for s in self.sigs]
        self.offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
        self.n = int(self.offsets[-1])
        self.exact = exact
        if exact:
            self.shingle_files = [np.load(workdir / "shingles" / f"part-{p:05d}.npy", mmap_mode="r") for p in range(parts)]
            counts = self.column("n_shingles").astype(np.int64)
            # where each unit's set starts in its partition's file: a running sum restarted per partition
            starts = np.cumsum(counts) - counts
            first = np.concatenate([starts, [0]])[self.offsets[:-1]]  # an empty last partition points past the end
            self.shingle_start = starts - np.repeat(first, sizes)
            self.n_shingles = counts

    def shingles(self, i: int) -> np.ndarray:
        p = int(np.searchsorted(self.offsets, i, side="right")) - 1
        start = int(self.shingle_start[i])
        return np.asarray(self.shingle_files[p][start : start + int(self.n_shingles[i])])

    def column(self, name: str) -> np.ndarray:
        import pyarrow.parquet as pq

        parts = [pq.read_table(p, columns=[name]).column(name) for p in self.units]
        return np.concatenate([c.to_numpy(zero_copy_only=False) for c in parts]) if parts else np.empty(0)

    def level_ids(self, level: str) -> np.ndarray:
        """Global ids of the units of one level, read a partition at a time."""
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        out = [
            np.flatnonzero(pc.equal(pq.read_table(p, columns=["level"]).column("level"), level).to_numpy(zero_copy_only=False)) + lo
            for p, lo in zip(self.units, self.offsets, strict=False)
        ]
        return np.concatenate(out).astype(np.int64) if out else np.empty(0, dtype=np.int64)

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
        # paths, globs or fsspec URLs, read on the workers as planparse.dask reads them
        from planparse.dask import expand_paths

        return db.from_sequence(expand_paths(items), partition_size=partition_size).map(_document_or_error)
    return db.from_sequence(items, partition_size=partition_size)


def _document_or_error(path: str) -> Document | tuple[str, str]:
    """A file's Document, or ``(path, message)`` when it cannot be read: one bad file never stops the corpus."""
    from planparse.dask import _parse_path
    from planparse.errors import PlanparseError

    try:
        return _parse_path(path, {"tag": False})
    except PlanparseError as exc:
        return (path, exc.message)


def find_templates_dask(
    documents: dask.bag.Bag | Iterable[Document | str | Path],
    workdir: str | Path,
    *,
    threshold: float | None = None,
    levels: Sequence[str] = _LEVELS,
    shingle: int | None = None,
    num_perm: int | None = None,
    partition_size: int = 500,
    exact: bool = True,
    load: bool = True,
) -> pd.DataFrame | Path:
    """Groups of near-copies, like ``find_templates``, with signatures on disk under ``workdir`` and step 1 on Dask.

    ``documents``: a ``dask.bag`` of Documents, or Documents, or paths, globs and fsspec URLs (read
    and parsed on the workers, ``partition_size`` to a task; a file that cannot be read is listed in
    ``workdir/errors/``). Dask's current scheduler runs step 1: a ``distributed.Client``
    when one is open, else threads. The groups are written to ``workdir/groups/`` (a Parquet
    dataset, one file per partition, rows by group) with ``find_templates``' columns; ``jaccard`` is
    NaN (no texts here), ``est_jaccard`` the estimate. Returned as one DataFrame in group order, or,
    with ``load=False`` (a corpus whose groups do not fit in memory), the dataset's path.

    With ``exact`` (the default) the shingle sets are written too (4 bytes a shingle, about 4 bytes
    a character of text) and checks and measures are exact, so the groups are ``find_templates``'
    own; without, the MinHash estimate decides (``jaccard`` is NaN, ``shared`` estimated from it)
    and the disk holds signatures only (256 bytes a unit).
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
    dask.compute(*[write(p, i, str(root), tuple(levels), shingle, num_perm, bands, exact) for i, p in enumerate(parts)])

    store = SignatureStore(root, len(parts), exact)
    linked, roots = _link(store, levels, bands, threshold)
    out = root / "groups"
    _groups(store, linked, roots, out)
    if not load:
        return out
    import pandas as pd

    files = sorted(out.glob("part-*.parquet"))
    if not files:
        return _frame([])
    df = pd.concat([pd.read_parquet(f) for f in files], ignore_index=True)
    return _frame(df.sort_values(["group", "_unit"], kind="stable").drop(columns="_unit"))


def _link(store: SignatureStore, levels: Sequence[str], bands: list[tuple[int, int]], threshold: float) -> tuple[np.ndarray, np.ndarray]:
    plan_key = store.column("plan_key").astype(np.int64)
    signature = store.signature
    margin = settings()["grouping"]["estimate_margin"]

    def verify(a: int, b: int) -> float:
        est = float((signature(a) == signature(b)).mean())
        if not store.exact or est < threshold - margin:
            return est  # far below the threshold the exact check would not change the answer (as in memory)
        return jaccard(store.shingles(a), store.shingles(b))

    grouping = settings()["grouping"]
    linker = Linker(
        store.n, threshold, verify, lambda a, b: plan_key[a] == plan_key[b], grouping["max_anchors"], grouping["anchors_per_group"],
        lambda m, others: (store.signature_rows(np.asarray(others)) == signature(m)).mean(axis=1),
        grouping["rescue_window"], grouping["rescue_checks"], grouping["estimate_margin"],
    )  # fmt: skip
    ids_of = {lv: store.level_ids(lv) for lv in levels}
    for bi in range(len(bands)):
        keys = store.column(f"band_{bi:02d}").astype(np.uint64)  # one band in memory at a time
        for ids in ids_of.values():
            for members in buckets(keys[ids], ids):
                linker.bucket(members)
        del keys
    roots = np.array([linker.uf.find(i) for i in range(store.n)], dtype=np.int64)
    return np.frombuffer(bytes(linker.linked), dtype=np.uint8).astype(bool), roots


def _groups(store: SignatureStore, linked: np.ndarray, roots: np.ndarray, out: Path) -> None:
    """Step 3: the group rows, written partition by partition under ``out`` (``_unit``: the global unit id, for order)."""
    import shutil

    import pyarrow.parquet as pq

    if out.exists():
        shutil.rmtree(out)  # a previous run's groups are not this run's
    out.mkdir(parents=True)
    members = np.flatnonzero(linked)
    if not len(members):
        return
    is_plan = np.zeros(store.n, dtype=bool)
    is_plan[store.level_ids("plan")] = True
    chars = store.column("chars").astype(np.int64)
    n_shingles = store.column("n_shingles").astype(np.int64)
    group_roots, sizes = np.unique(roots[members], return_counts=True)
    # groups largest first, plans before sections, then by first member (as find_templates orders them)
    order = np.lexsort((group_roots, ~is_plan[group_roots], -sizes))
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
    est = np.full(store.n, np.nan, dtype=np.float32)
    shared = np.zeros(store.n, dtype=np.float32)
    exact_jac = np.full(store.n, np.nan, dtype=np.float32)

    def exact(a: int, b: int) -> None:  # a measured against b, from the shingle files
        mine, other = store.shingles(a), store.shingles(b)
        inter = len(np.intersect1d(mine, other, assume_unique=True))
        exact_jac[a] = inter / max(1, len(mine) + len(other) - inter)
        shared[a] = inter / len(mine) if len(mine) else 0.0

    for g_members in np.split(by_group, bounds):
        sigs = store.signature_rows(g_members)
        r = int(representative(sigs, chars[g_members], sample, rng))
        rep = int(g_members[r])
        agree = (sigs == sigs[r]).mean(axis=1)
        rep_of[g_members] = rep
        is_rep[rep] = True
        est[g_members] = agree
        others = [k for k in range(len(g_members)) if k != r]
        if store.exact:
            for k in others:
                exact(int(g_members[k]), rep)
            # the representative against its closest member, by the exact measure (as in memory)
            closest = max(others, key=lambda k: (exact_jac[g_members[k]], -k))
        else:
            closest = max(others, key=lambda k: (agree[k], -k))
        rep_of[rep] = g_members[closest]
        est[rep] = agree[closest]
        if store.exact:
            exact(rep, int(g_members[closest]))

    if not store.exact:
        # containment from the estimate: |A∩R| = J (|A| + |R|) / (1 + J)
        j = est[members]
        inter = j * (n_shingles[members] + n_shingles[rep_of[members]]) / (1 + j)
        shared[members] = np.clip(np.divide(inter, n_shingles[members], out=np.zeros(len(members)), where=n_shingles[members] > 0), 0, 1)

    wanted = np.unique(rep_of[members])
    items_of: dict[int, set[int]] = {}
    cols = ["level", "doc_id", "source", "plan_index", "section_index", "section_kind", "title", "chars", "items"]
    for p, path in enumerate(store.units):  # pass 1: the items of the units others are measured against
        lo, hi = store.offsets[p], store.offsets[p + 1]
        here = wanted[np.searchsorted(wanted, lo) : np.searchsorted(wanted, hi)]
        if len(here):
            items = pq.read_table(path, columns=["items"]).column("items").take(here - lo).to_pylist()
            items_of.update({int(i): set(got) for i, got in zip(here, items, strict=True)})
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
        rows = _frame(
            table.drop(columns="items").assign(
                group=group_no[roots[local]], group_size=size_of[roots[local]], representative=is_rep[local],
                jaccard=np.round(exact_jac[local].astype(float), 4), est_jaccard=np.round(est[local].astype(float), 4), shared=np.round(shared[local].astype(float), 4),
                item_share=np.round(item_share, 4), _unit=local,
            ),
            extra=["_unit"],
        )  # fmt: skip
        rows.sort_values(["group", "_unit"], kind="stable").to_parquet(out / f"part-{p:05d}.parquet", index=False)


def _frame(df: Any, extra: Sequence[str] = ()) -> pd.DataFrame:
    import pandas as pd

    out = pd.DataFrame(df, columns=[*COLUMNS, *extra]).reset_index(drop=True)
    out["section_index"] = out["section_index"].astype("Int64")
    out["representative"] = out["representative"].astype(bool)
    return out
