"""planparse.dask on a distributed LocalCluster of 2 workers: the same tables as the local path."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

distributed = pytest.importorskip("distributed", reason="the 'dask' extra (in the test extras) is not installed")

import planparse  # noqa: E402
from planparse.analysis.tables import all_tables  # noqa: E402
from planparse.dask import export_with_dask, read_plans  # noqa: E402
from planparse.io.export import export_documents  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FILES = [str(p) for p in sorted((ROOT / "corpus").glob("*.txt"))[:9]]


@pytest.fixture(scope="module")
def client():
    # threads, not processes: a cluster in a second, and memory:// files are seen by every worker
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def _lists(df: pd.DataFrame) -> pd.DataFrame:
    out = df.reset_index(drop=True)
    for col in ("keywords", "categories"):
        if col in out:
            out[col] = out[col].map(list)
    return out


def test_read_plans_gives_the_local_tables_on_two_workers(client):
    import dask

    local = all_tables([planparse.parse_file(f, tag=False) for f in FILES])
    tables = read_plans(FILES + [str(ROOT / "corpus" / "missing.txt")], tag=False, files_per_part=2)
    assert tables["items"].npartitions == 5
    computed = dask.compute(*tables.values())
    got = dict(zip(tables, computed, strict=True))
    for name, frame in local.items():
        pd.testing.assert_frame_equal(_lists(got[name]), _lists(frame))
    errors = got["errors"]
    assert errors.path.tolist() == [str(ROOT / "corpus" / "missing.txt")]
    assert errors.kind.tolist() == ["InputError"] and "no such file" in errors.message[0]
    # both workers did some of the parsing
    assert len({w for w, tasks in client.has_what().items()}) == 2


def test_fsspec_urls_and_globs_read_like_paths(client):
    import fsspec

    fs = fsspec.filesystem("memory")
    for f in FILES[:3]:
        fs.pipe(f"/plans/{Path(f).name}", Path(f).read_bytes())
    tables = read_plans("memory://plans/*.txt", tag=False, files_per_part=1)
    schedule = tables["schedule"].compute()
    local = all_tables([planparse.parse_file(f, tag=False) for f in FILES[:3]])["schedule"]
    assert sorted(set(schedule.source)) == [f"memory:///plans/{Path(f).name}" for f in FILES[:3]]
    assert sorted(set(schedule.doc_id)) == sorted(set(local.doc_id))  # the one id, wherever the file is read from
    assert schedule.activity.tolist() == local.activity.tolist()


def test_export_with_dask_writes_what_the_local_export_writes(client, tmp_path):
    exported, failures = export_with_dask(FILES[:4], tmp_path / "dask", ["csv", "parquet"], scheduler=client.scheduler.address)
    assert (exported, failures) == (4, [])
    docs = [planparse.parse_file(f) for f in FILES[:4]]  # tagged, as the export's default
    export_documents(docs, tmp_path / "local", ["csv", "parquet"])
    for name in ("plans", "items", "schedule", "schedule_khcoder"):
        dask_csv = (tmp_path / "dask" / f"{name}.csv").read_bytes()
        assert dask_csv == (tmp_path / "local" / f"{name}.csv").read_bytes(), name
    pd.testing.assert_frame_equal(
        _lists(pd.read_parquet(tmp_path / "dask" / "items.parquet")),
        _lists(pd.read_parquet(tmp_path / "local" / "items.parquet")),
    )


def test_cli_export_engine_dask_names_a_bad_file_and_exports_the_rest(client, tmp_path):
    from click.testing import CliRunner

    from planparse.cli import cli

    missing = str(tmp_path / "missing.txt")
    args = ["export", *FILES[:2], missing, "--out", str(tmp_path / "out"), "--no-tag", "--format", "parquet",
            "--engine", "dask", "--scheduler", client.scheduler.address]  # fmt: skip
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert [ln for ln in result.stderr.splitlines() if "missing.txt" in ln][0].count("no such file") == 1
    assert "2 of 3 files exported" in result.stderr
    plans = pd.read_parquet(tmp_path / "out" / "plans.parquet")
    assert sorted(set(plans.source)) == sorted(FILES[:2])
    assert all(i.rsplit("-", 1)[0] == Path(f).stem for i, f in zip(sorted(set(plans.doc_id)), sorted(FILES[:2]), strict=True))
