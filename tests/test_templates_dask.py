"""Template groups on Dask with signatures on disk: same groups as in memory, on a small LocalCluster."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

import planparse  # noqa: E402
from planparse.analysis.compare.templates import find_templates, shingle_hashes, signatures  # noqa: E402
from planparse.analysis.compare.templates_dask import find_templates_dask  # noqa: E402
from tests.test_templates import CORPUS, _partition, edited  # noqa: E402


@pytest.fixture(scope="module")
def copies():
    rng = random.Random(11)
    docs = [d for d in (planparse.parse_file(p, tag=False) for p in CORPUS[:10]) if d.plans]
    out = []
    for d in docs:
        for c in range(4):
            rate = 0.6 if c == 3 else rng.uniform(0.01, 0.05)
            out.append(d.model_copy(update={"text": edited(d.text, rate, rng), "source": f"copies/{Path(d.source).stem}_{c}.txt"}))
    return out


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as lc:
        with distributed.Client(lc) as client:
            yield client


def test_dask_groups_are_the_in_memory_groups(copies, cluster, tmp_path) -> None:
    on_disk = find_templates_dask(copies, tmp_path / "work", partition_size=7)
    in_memory = find_templates(copies, workers=1)
    assert len(list((tmp_path / "work" / "units").glob("part-*.parquet"))) == 6  # 40 documents, 7 a task
    # the same checks in the same order: the very groups, representatives and measures
    assert _partition(on_disk) == _partition(in_memory)
    assert list(on_disk.columns) == list(in_memory.columns)
    key = ["level", "doc_id", "plan_index", "section_index"]
    both = on_disk.merge(in_memory, on=key, suffixes=("_disk", "_memory"))
    assert len(both) == len(in_memory)
    assert (both.representative_disk == both.representative_memory).all()
    for col in ("jaccard", "est_jaccard", "shared", "item_share"):
        assert np.allclose(both[f"{col}_disk"], both[f"{col}_memory"], atol=1e-3, equal_nan=True), col
    dataset = find_templates_dask(copies, tmp_path / "work", partition_size=7, load=False)
    assert len(pd.read_parquet(dataset)) == len(on_disk)  # the groups as a Parquet dataset, for corpora too big to load


def test_dask_on_estimates_alone(copies, cluster, tmp_path) -> None:
    rough = find_templates_dask(copies, tmp_path, partition_size=10, exact=False)
    assert not (tmp_path / "shingles").exists()
    assert rough.jaccard.isna().all() and rough.est_jaccard.between(0, 1).all() and rough.shared.between(0, 1).all()
    assert (rough.groupby("group").representative.sum() == 1).all()
    plans = rough[rough.level == "plan"]
    assert len(plans) and not plans.source.map(lambda s: Path(s).stem).str.endswith("_3").any()  # the 60 % rewrites are nobody's copy
    exact = _partition(find_templates(copies, workers=1))
    # the estimate decides near the threshold, where the exact check may not agree: most groups are the same
    assert len(_partition(rough) & exact) >= 0.5 * len(exact)


def test_signatures_on_disk_are_the_units_signatures(copies, cluster, tmp_path) -> None:
    import pyarrow.parquet as pq

    from planparse.analysis.compare.templates import units_of

    find_templates_dask(copies[:5], tmp_path, levels=("plan",), partition_size=5)
    sigs = np.load(tmp_path / "signatures" / "part-00000.npy", mmap_mode="r")
    table = pq.read_table(tmp_path / "units" / "part-00000.parquet")
    units = units_of(copies[:5], ("plan",))
    assert sigs.shape == (len(units), 64) and table.num_rows == len(units)
    assert np.array_equal(sigs, signatures([shingle_hashes(u.text) for u in units], 64))


def test_dask_reads_paths_on_the_workers_and_names_the_bad_ones(cluster, tmp_path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    text = CORPUS[0].read_text(encoding="utf-8")
    rng = random.Random(5)
    for i in range(3):
        (plans / f"school{i}.txt").write_text(edited(text, 0.02, rng), encoding="utf-8")
    (plans / "empty.txt").write_text("", encoding="utf-8")
    df = find_templates_dask([str(plans / "*.txt")], tmp_path / "work", levels=("plan",), partition_size=2)
    assert set(df.source.map(lambda s: Path(s).stem)) == {"school0", "school1", "school2"} and df.group.nunique() == 1
    errors = pd.concat([pd.read_csv(f) for f in (tmp_path / "work" / "errors").glob("*.csv")])
    assert list(errors.path.map(lambda p: Path(p).name)) == ["empty.txt"]
