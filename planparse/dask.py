"""Beyond one machine: the plan tables on a Dask cluster (``pip install 'planparse[dask]'``).

    >>> from planparse.dask import read_plans                        # doctest: +SKIP
    >>> from distributed import Client
    >>> client = Client("tcp://scheduler:8786")                      # or LocalCluster()
    >>> tables = read_plans("s3://bucket/plans/*.txt")               # paths, globs or fsspec URLs
    >>> tables["schedule"].groupby("month").size().compute()
    >>> tables["items"].to_parquet("s3://bucket/tables/items/")      # each worker writes its parts

The file list becomes a ``dask.bag`` (``files_per_partition`` files a partition, data/export.toml);
each partition is read (local path or any fsspec URL: s3://, gcs://, hdfs://, http://, memory:// …),
parsed and turned into table rows on a worker, by the same functions as the local path
(``tables.document_rows``), so the dask DataFrames hold the same rows, columns and dtypes as
``planparse.all_tables``. Files that cannot be read are rows of the ``errors`` table (path, kind,
message), never an exception that stops the corpus.

Each table is one ``dask.dataframe`` built from the same partitions: compute them together
(``dask.compute(*tables.values())``) or ``persist()`` them, else each parses the corpus again.
``planparse export --engine dask [--scheduler ADDRESS]`` (:func:`export_with_dask`) streams the
partitions' rows back to the client, which writes the usual files (CSV, Parquet dataset, KH Coder).
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from planparse.datafiles import data_path

if TYPE_CHECKING:  # pragma: no cover
    import dask.dataframe as dd

TABLES = ("plans", "sections", "items", "schedule")
ERRORS_SCHEMA = {"path": "string", "kind": "string", "message": "string"}
_GLOB = set("*?[")


def files_per_partition() -> int:
    with open(data_path("export.toml"), "rb") as fh:
        return int(tomllib.load(fh)["dask_files_per_partition"])


def _is_url(path: str) -> bool:
    return "://" in path and not path.startswith("file://")


def expand_paths(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[str]:
    """The files named by ``paths``: each a path, a glob or an fsspec URL (globs expanded, in order)."""
    items = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    out: list[str] = []
    for item in items:
        name = os.fspath(item)
        if not _GLOB & set(name):
            out.append(name)  # kept as given: it is the doc_id, as on the local path
            continue
        import fsspec

        fs, _, found = fsspec.core.get_fs_token_paths(name)
        protocol = fs.protocol[0] if isinstance(fs.protocol, tuple | list) else fs.protocol
        local = protocol in ("file", "local")
        out += sorted(p if local else f"{protocol}://{p}" for p in found)
    return out


def _parse_path(path: str, options: dict[str, Any]) -> Any:
    """One file's Document: a local path through parse_file, a URL read with fsspec (bounded as locally)."""
    from planparse.errors import InputError
    from planparse.io.readers import check_size, format_for_name, read_bytes
    from planparse.pipeline import DEFAULT_MAX_BYTES, parse_file, parse_source

    if not _is_url(path):
        return parse_file(path.removeprefix("file://"), **options)
    import fsspec

    max_bytes = options.get("max_bytes", DEFAULT_MAX_BYTES)
    try:
        with fsspec.open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError("no such file", path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path) from None
    check_size(data, max_bytes, path)
    if not data:
        raise InputError("empty file", path)
    src = read_bytes(data, name=path, encoding=options.get("encoding"), fmt=format_for_name(path))
    return parse_source(src, tag=options.get("tag", True), codebook=options.get("codebook"))


def partition_rows(paths: Sequence[str], options: dict[str, Any]) -> list[tuple[str, Any]]:
    """Per file of a partition: ``(path, rows of each table)`` or ``(path, (kind, message))`` on failure."""
    from planparse.analysis.ids import doc_id
    from planparse.analysis.tables import document_rows
    from planparse.errors import PlanparseError

    out: list[tuple[str, Any]] = []
    for path in paths:
        try:
            doc = _parse_path(path, options)
            out.append((path, document_rows(doc, doc_id(doc))))  # the one id, as the local export gives it
        except PlanparseError as exc:
            out.append((path, (type(exc).__name__, exc.message)))
        except Exception as exc:  # a parser bug on one file must not lose the others
            out.append((path, ("InternalError", f"internal error: {type(exc).__name__}: {exc}")))
    return out


def _table_of(results: list[tuple[str, Any]], name: str) -> Any:
    import pandas as pd

    from planparse.analysis.tables import frame

    if name == "errors":
        rows = [{"path": p, "kind": r[0], "message": r[1]} for p, r in results if isinstance(r, tuple)]
        return pd.DataFrame(rows, columns=list(ERRORS_SCHEMA)).astype(ERRORS_SCHEMA)
    return frame([row for _, r in results if isinstance(r, dict) for row in r[name]], name)


def read_plans(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    tag: bool = True,
    codebook: str | None = None,
    encoding: str | None = None,
    max_bytes: int | None = None,
    files_per_part: int | None = None,
) -> dict[str, dd.DataFrame]:
    """The plans, sections, items and schedule tables (and ``errors``) of ``paths`` as dask DataFrames.

    Lazy: nothing is read until computed, on the current Dask scheduler (a ``distributed.Client``
    when one is active). Options as for :func:`planparse.parse_file`.
    """
    import dask
    import dask.bag as db
    import dask.dataframe as dd

    files = expand_paths(paths)
    options: dict[str, Any] = {"tag": tag, "codebook": codebook, "encoding": encoding}
    if max_bytes is not None:
        options["max_bytes"] = max_bytes
    size = files_per_part or files_per_partition()
    bag = db.from_sequence(files, partition_size=size) if files else db.from_sequence([], npartitions=1)
    parts = bag.map_partitions(partition_rows, options).to_delayed()
    out: dict[str, dd.DataFrame] = {}
    # dask would turn object columns into Arrow strings, and the lists of categories and keywords
    # with them: the tables keep planparse's dtypes instead, as the local path has them
    with dask.config.set({"dataframe.convert-string": False}):
        for name in (*TABLES, "errors"):
            meta = _table_of([], name)
            pieces = [dask.delayed(_table_of)(part, name) for part in parts]
            out[name] = dd.from_delayed(pieces, meta=meta, verify_meta=False)
    return out


def export_with_dask(
    files: Sequence[str],
    out_dir: str | os.PathLike[str],
    formats: Sequence[str],
    *,
    khcoder: bool = True,
    scheduler: str | None = None,
    workers: int | None = None,
    encoding: str | None = None,
    max_mb: float = 50,
    no_tag: bool = False,
    codebook: str | None = None,
) -> tuple[int, list[str]]:
    """``planparse export --engine dask``: parse on the cluster, write here. Returns (exported, failure lines).

    ``scheduler``: the address of a running scheduler; None starts a LocalCluster of ``workers``
    processes (default: one per core). Partitions come back in order, each written as it arrives.
    """
    from distributed import Client, LocalCluster

    from planparse.io.export import ExportWriter
    from planparse.pipeline import _as_result

    names = expand_paths(files)
    options = {"tag": not no_tag, "codebook": codebook, "encoding": encoding, "max_bytes": int(max_mb * 2**20)}
    size = files_per_partition()
    chunks = [names[i : i + size] for i in range(0, len(names), size)]
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, dashboard_address=None)
    client = Client(scheduler or cluster)
    exported, failures = 0, []
    try:
        with ExportWriter(out_dir, formats, khcoder=khcoder) as writer:
            futures = client.map(partition_rows, chunks, options=options, pure=False)
            for future in futures:  # in order; every partition is already running on the cluster
                for path, result in future.result():
                    if isinstance(result, dict):
                        writer.add_rows(result)
                        exported += 1
                    else:
                        failures.append(str(_as_result(path, result)))  # the local path's wording
                future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return exported, failures
