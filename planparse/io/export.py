"""Write the tables (planparse.analysis.tables) to files, streaming: CSV, Parquet, Excel, and a KH Coder sheet.

Plans are written as they are parsed: an :class:`ExportWriter` gathers the rows of a batch of
documents (``data/export.toml`` ``batch_documents``), writes them and forgets them, so memory
stays flat whatever the corpus size.

- CSV (``plans.csv`` …): UTF-8 with a byte-order mark, which Excel and WPS need to show Chinese;
  list columns (categories, keywords) joined with "|"; one stretch appended per batch.
- Parquet: a dataset per table, ``schedule.parquet/part-00000.parquet`` … (one part file per
  batch), which pandas (``pd.read_parquet("out/schedule.parquet")``), polars
  (``pl.read_parquet("out/schedule.parquet/*.parquet")``), DuckDB
  (``FROM 'out/schedule.parquet/*.parquet'``) and ``pyarrow.dataset`` read as one table; list
  columns stay lists, pandas dtypes (``string``, ``Int64``) are kept in the schema's metadata.
- .xlsx (openpyxl, write-only mode: rows go to disk as they come): one workbook, one sheet per
  table, lists joined with "|", characters XML cannot hold dropped. Written when asked for, or by
  default for a small corpus (``xlsx_auto_max_documents``).
- Every file (and Parquet folder) is written under a temporary name and renamed when the export is
  complete: a failure leaves the previous files, or none, never a broken one; a folder that cannot be
  written is an OutputError naming it.
- ``schedule_khcoder.csv``: the schedule in the shape content-analysis tools (KH Coder, etc.)
  import: the ``text`` column first, one row per entry (not per month, so no text is counted
  twice), then variables, with one 0/1 column per category (``cat_节日庆祝`` …) for
  cross-tabulation. Written at the end from the schedule's parts, one part at a time, since the
  set of categories is known only then.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import secrets
import shutil
import tempfile
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planparse.datafiles import data_path
from planparse.errors import OutputError
from planparse.models import Document

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    import pyarrow as pa

FORMATS = ("csv", "parquet", "xlsx")
LIST_SEP = "|"
TABLE_NAMES = ("plans", "sections", "items", "schedule")
# characters an XML 1.0 document (an .xlsx sheet) may not hold: C0 controls but tab, newline and
# carriage return; lone surrogates (they cannot even be encoded); the non-characters U+FFFE/U+FFFF
_ILLEGAL_XLSX = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
KHCODER_NAME = "schedule_khcoder.csv"
XLSX_NAME = "planparse.xlsx"


@dataclass(frozen=True)
class ExportSettings:
    batch_documents: int
    xlsx_auto_max_documents: int
    xlsx_max_rows: int
    xlsx_max_cell_chars: int


@lru_cache(maxsize=1)
def settings() -> ExportSettings:
    with open(data_path("export.toml"), "rb") as fh:
        spec = tomllib.load(fh)
    return ExportSettings(**{key: int(spec[key]) for key in ExportSettings.__dataclass_fields__})


def default_formats(n_documents: int | None) -> tuple[str, ...]:
    """CSV and Parquet always; the .xlsx workbook too when the corpus is known to be small."""
    small = n_documents is not None and n_documents <= settings().xlsx_auto_max_documents
    return FORMATS if small else ("csv", "parquet")


# --- pandas helpers (the in-memory tables) ------------------------------------------------------


def flatten_lists(df: pd.DataFrame, sep: str = LIST_SEP) -> pd.DataFrame:
    """A copy with list-valued columns joined into strings."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object:
            out[col] = out[col].map(_joined)
    return out


def _joined(value: Any) -> Any:
    if isinstance(value, str) or value is None:
        return value
    try:
        return LIST_SEP.join(map(str, value))  # a list, or the numpy array Parquet gives back
    except TypeError:
        return value


def khcoder_table(schedule: pd.DataFrame, categories: Sequence[str] | None = None) -> pd.DataFrame:
    """The schedule table (one row per entry and month) as one row per entry, text first.

    ``categories``: the ``cat_`` columns to make (default: the categories found in ``schedule``);
    the streaming export passes the corpus's, so every part of the sheet has the same columns.
    """
    import pandas as pd

    first = schedule.drop_duplicates(["plan_id", "entry_index"], keep="first")
    out = pd.DataFrame(
        {
            "text": first["activity"],
            "doc_id": first["doc_id"],
            "plan_id": first["plan_id"],
            "entry_index": first["entry_index"],
            "plan_title": first["plan_title"],
            "organisation": first["organisation"],
            "year": first["year"],
            "first_month": first["month"],
            "months": first["months"],
            "theme": first["theme"],
            "dates": first["dates"].map(_joined),
            "responsible": first["responsible"],
            "participants": first["participants"],
            "section_kind": first["section_kind"],
            "categories": first["categories"].map(_joined),
        }
    ).reset_index(drop=True)
    names = sorted({c for cats in first["categories"] for c in cats}) if categories is None else list(categories)
    sets = [set(cats) for cats in first["categories"]]
    for name in names:
        out[f"cat_{name}"] = [int(name in cats) for cats in sets]
    return out


# --- Arrow: the form every writer takes a batch in ---------------------------------------------


@cache
def arrow_schema(name: str) -> pa.Schema:
    """The Arrow schema of table ``name``, with pandas' metadata so that pandas gets its dtypes back."""
    import pyarrow as pa

    from planparse.analysis.tables import BOOL, INT, LIST, NINT, SCHEMAS, STR, frame

    types = {STR: pa.string(), INT: pa.int64(), NINT: pa.int64(), LIST: pa.list_(pa.string()), BOOL: pa.bool_()}
    fields = [pa.field(col, types[dtype]) for col, dtype in SCHEMAS[name].items()]
    empty = frame([], name)
    # pandas reads "string" and "Int64" back from this metadata, as it does for its own to_parquet
    meta = pa.Schema.from_pandas(empty, preserve_index=False).metadata
    return pa.schema(fields, metadata=meta)


_SURROGATE = re.compile("[\ud800-\udfff]")


def arrow_table(rows: list[dict[str, Any]], name: str) -> pa.Table:
    """The rows of table ``name`` as an Arrow table (text that cannot be UTF-8 gets U+FFFD where it fails)."""
    import pyarrow as pa

    try:
        return pa.Table.from_pylist(rows, schema=arrow_schema(name))
    except UnicodeEncodeError:
        # a lone surrogate (text made with errors="surrogateescape", or cut from a broken pair)
        # has no UTF-8 form, so Arrow, CSV and XML all refuse it: mark the place instead
        return pa.Table.from_pylist([_no_surrogates(row) for row in rows], schema=arrow_schema(name))


def _no_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {k: _no_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_no_surrogates(v) for v in value]
    return value


def _flat_for_text(table: pa.Table) -> pa.Table:
    """The table as CSV and spreadsheets show it: lists joined with "|", booleans as True/False."""
    import pyarrow as pa
    import pyarrow.compute as pc

    columns = []
    for field, column in zip(table.schema, table.columns, strict=True):
        if pa.types.is_list(field.type):
            column = pc.binary_join(column, LIST_SEP)
        elif pa.types.is_boolean(field.type):
            column = pc.if_else(column, "True", "False")
        columns.append(column)
    return pa.table(columns, names=table.column_names)


def _clean_cell(value: Any, limit: int) -> Any:
    if isinstance(value, str):
        value = _ILLEGAL_XLSX.sub("", value)
        if len(value) > limit:
            value = value[: limit - 1] + "…"
    return value


# --- the writer ---------------------------------------------------------------------------------


def _staging_name(final: Path) -> Path:
    """A temporary name beside ``final``: every file is written there and renamed when complete."""
    return final.with_name(f".{final.name}.{secrets.token_hex(4)}.tmp{final.suffix}")


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            path.unlink()


class _Staged:
    """A file (or a folder of parts) written under a temporary name, put in place by ``commit()``."""

    def __init__(self, final: Path) -> None:
        self.final = final
        self.tmp = _staging_name(final)

    def commit(self) -> None:
        try:
            if self.final.is_dir() and not self.final.is_symlink():
                # the parts of the previous export would mix with ours: the folder is replaced whole
                old = _staging_name(self.final)
                os.replace(self.final, old)
                os.replace(self.tmp, self.final)
                _remove(old)
            else:
                os.replace(self.tmp, self.final)  # a file (an older planparse's one-file .parquet too)
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror or exc}", str(self.final)) from None

    def abort(self) -> None:
        _remove(self.tmp)


class _CsvSink(_Staged):
    def __init__(self, path: Path, columns: Sequence[str]) -> None:
        super().__init__(path)
        try:
            self.fh = open(self.tmp, "wb")  # noqa: SIM115 - closed by close()
            self.fh.write(b"\xef\xbb\xbf")
            header = io.StringIO()
            csv.writer(header, lineterminator="\n").writerow(columns)
            self.fh.write(header.getvalue().encode("utf-8"))
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror or exc}", str(path)) from None

    def write(self, table: pa.Table) -> None:
        import pyarrow.csv as pacsv

        if table.num_rows:
            options = pacsv.WriteOptions(include_header=False, quoting_style="needed")
            try:
                pacsv.write_csv(_flat_for_text(table), self.fh, options)
            except OSError as exc:
                raise OutputError(f"cannot write: {exc.strerror or exc}", str(self.final)) from None

    def close(self) -> None:
        self.fh.close()

    def abort(self) -> None:
        self.fh.close()
        super().abort()


class _ParquetSink(_Staged):
    def __init__(self, directory: Path) -> None:
        super().__init__(directory)
        try:
            self.tmp.mkdir(parents=True)
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror or exc}", str(directory)) from None
        self.parts = 0

    def write(self, table: pa.Table) -> None:
        import pyarrow.parquet as pq

        path = self.tmp / f"part-{self.parts:05d}.parquet"
        try:
            pq.write_table(table, path)
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror or exc}", str(self.final)) from None
        self.parts += 1

    def part_files(self) -> list[Path]:
        return sorted(self.tmp.glob("part-*.parquet"))


def _save_workbook(book: Any, path: Path) -> None:
    book.save(path)


class _XlsxSink(_Staged):
    """One workbook in openpyxl's write-only mode: each appended row goes to a temporary file."""

    def __init__(self, path: Path) -> None:
        from openpyxl import Workbook

        super().__init__(path)
        self.book = Workbook(write_only=True)
        self.sheets: dict[str, Any] = {}
        self.rows: dict[str, int] = {}
        self.pages: dict[str, int] = {}
        limits = settings()
        self.max_rows, self.max_chars = limits.xlsx_max_rows, limits.xlsx_max_cell_chars

    def _sheet(self, name: str, columns: Sequence[str]) -> Any:
        if name not in self.sheets or self.rows[name] >= self.max_rows:
            self.pages[name] = self.pages.get(name, 0) + 1
            title = name if self.pages[name] == 1 else f"{name} ({self.pages[name]})"
            self.sheets[name] = self.book.create_sheet(title)
            self.sheets[name].append(list(columns))
            self.rows[name] = 1
        return self.sheets[name]

    def write(self, name: str, table: pa.Table) -> None:
        columns = table.column_names
        sheet = self._sheet(name, columns)  # a table with no rows still gets its sheet and header
        flat = _flat_for_text(table)
        for row in zip(*(flat.column(c).to_pylist() for c in columns), strict=True):
            if self.rows[name] >= self.max_rows:
                sheet = self._sheet(name, columns)
            sheet.append([_clean_cell(v, self.max_chars) for v in row])
            self.rows[name] += 1

    def abort(self) -> None:
        # finish each sheet's XML stream (openpyxl complains when a generator is dropped open)
        # and remove its temporary file now rather than at the interpreter's exit
        for sheet in self.book.worksheets:
            with contextlib.suppress(Exception):
                sheet.close()
            out = getattr(getattr(sheet, "_writer", None), "out", None)
            if isinstance(out, str):
                with contextlib.suppress(OSError):
                    os.remove(out)
        super().abort()

    def close(self) -> None:
        try:
            _save_workbook(self.book, self.tmp)
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror or exc}", str(self.final)) from None


class ExportWriter:
    """Streams documents' table rows to files under ``out_dir``; ``close()`` returns the files written.

    >>> with ExportWriter("tables/", ["csv", "parquet"]) as writer:   # doctest: +SKIP
    ...     for doc in documents:
    ...         writer.add(doc)

    ``add(doc)`` takes a Document, ``add_rows(rows)`` the rows of one (``tables.document_rows``,
    what worker processes send back instead of the Document, which pickles to several times the
    size). Rows are written every ``batch_documents`` documents.
    """

    def __init__(
        self,
        out_dir: str | os.PathLike[str],
        formats: Sequence[str] = ("csv", "parquet"),
        *,
        khcoder: bool = True,
        batch_documents: int | None = None,
    ) -> None:
        unknown = sorted(set(formats) - set(FORMATS))
        if unknown:
            raise ValueError(f"unknown format {unknown[0]!r}; choose from {', '.join(FORMATS)}")
        from planparse.analysis.tables import SCHEMAS

        self.out = Path(out_dir)
        try:
            self.out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot create the folder: {exc.strerror or exc}", str(self.out)) from None
        self.formats = tuple(f for f in FORMATS if f in formats)
        self.khcoder = khcoder
        self.batch_documents = batch_documents or settings().batch_documents
        self.n_documents = 0
        self._pending = 0
        self._rows: dict[str, list[dict[str, Any]]] = {name: [] for name in SCHEMAS}
        self._csv = {n: _CsvSink(self.out / f"{n}.csv", list(s)) for n, s in SCHEMAS.items()} if "csv" in formats else {}
        self._parquet: dict[str, _ParquetSink] = {}
        self._scratch: Path | None = None
        if "parquet" in formats:
            self._parquet = {n: _ParquetSink(self.out / f"{n}.parquet") for n in SCHEMAS}
        elif khcoder:
            # the KH Coder sheet is made at the end from the schedule's parts: keep them aside
            self._scratch = Path(tempfile.mkdtemp(prefix=".planparse-", dir=self.out))
            self._parquet = {"schedule": _ParquetSink(self._scratch / "schedule.parquet")}
        self._xlsx = _XlsxSink(self.out / XLSX_NAME) if "xlsx" in formats else None
        self._categories: set[str] = set()
        self._ids: dict[str, int] = {}
        self._closed = False

    def add(self, doc: Document, doc_id: str | None = None) -> None:
        """Add one Document (``doc_id``: its id in the tables; default planparse's one id, see analysis.ids)."""
        from planparse.analysis.ids import doc_id as id_of
        from planparse.analysis.tables import document_rows

        self.add_rows(document_rows(doc, doc_id or id_of(doc)))

    def add_rows(self, rows: dict[str, list[dict[str, Any]]]) -> None:
        self._number_repeats(rows)
        for name, part in rows.items():
            self._rows[name] += part
        self.n_documents += 1
        self._pending += 1
        if self._pending >= self.batch_documents:
            self.flush()

    def _number_repeats(self, rows: dict[str, list[dict[str, Any]]]) -> None:
        """The very same file added again gets ``<id>~2``, ``~3`` …, as analysis.ids.doc_ids numbers them."""
        first = next((part[0] for part in rows.values() if part), None)
        if first is None:
            return
        base = first["doc_id"]
        self._ids[base] = self._ids.get(base, 0) + 1
        if self._ids[base] == 1:
            return
        doc_id = f"{base}~{self._ids[base]}"
        for part in rows.values():
            for row in part:
                row["doc_id"] = doc_id
                row["plan_id"] = f"{doc_id}#{row['plan_index']}"

    def add_frames(self, tables: dict[str, pd.DataFrame]) -> None:
        """Add whole tables at once (``all_tables``' DataFrames)."""
        import pyarrow as pa

        if self._pending:
            self.flush()
        self._write({name: pa.Table.from_pandas(df, schema=arrow_schema(name), preserve_index=False)
                     for name, df in tables.items()})  # fmt: skip

    def flush(self) -> None:
        """Write the gathered rows and forget them."""
        if self._pending:
            self._write({name: arrow_table(rows, name) for name, rows in self._rows.items()})
        for rows in self._rows.values():
            rows.clear()
        self._pending = 0

    _any_written = False

    def _write(self, tables: dict[str, pa.Table]) -> None:
        import pyarrow.compute as pc

        for name, table in tables.items():
            if name in self._csv:
                self._csv[name].write(table)
            if name in self._parquet and (table.num_rows or not self._parquet[name].parts):
                self._parquet[name].write(table)  # an empty table is written once, for its schema
            if self._xlsx is not None:
                self._xlsx.write(name, table)
            if name == "schedule" and table.num_rows:
                flat = pc.list_flatten(table.column("categories"))
                self._categories.update(v for v in pc.unique(flat).to_pylist() if v is not None)
        self._any_written = True

    def close(self) -> list[Path]:
        """Write what is left, finish every file, and return the files (and Parquet folders) written.

        Every file is written under a temporary name and put in place only here, once all are
        complete: an export that fails leaves the previous files, or none, never a broken one.
        """
        if self._closed:
            return self.written
        try:
            self.flush()
            if not self._any_written:  # no document: every table still gets its columns
                self._write({name: arrow_table([], name) for name in self._rows})
            for sink in self._csv.values():
                sink.close()
            if self._xlsx is not None:
                self._xlsx.close()
            khcoder = self._write_khcoder() if self.khcoder else None
        except BaseException:
            self._abort()
            raise
        self._closed = True
        staged: list[_Staged] = [*self._csv.values(), *(self._parquet.values() if self._scratch is None else [])]
        staged += [s for s in (self._xlsx, khcoder) if s is not None]
        for sink in staged:
            sink.commit()
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
        return self.written

    def _abort(self) -> None:
        self._closed = True
        for sink in [*self._csv.values(), *self._parquet.values(), *([self._xlsx] if self._xlsx else [])]:
            sink.abort()
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)

    @property
    def written(self) -> list[Path]:
        out: list[Path] = []
        if "csv" in self.formats:
            out += [self.out / f"{n}.csv" for n in TABLE_NAMES]
        if "parquet" in self.formats:
            out += [self.out / f"{n}.parquet" for n in TABLE_NAMES]
        if "xlsx" in self.formats:
            out.append(self.out / XLSX_NAME)
        if self.khcoder:
            out.append(self.out / KHCODER_NAME)
        return out

    def _write_khcoder(self) -> _Staged:
        import pyarrow.parquet as pq

        names = sorted(self._categories)
        sheet = _Staged(self.out / KHCODER_NAME)
        try:
            with open(sheet.tmp, "w", encoding="utf-8-sig", newline="") as fh:
                for n, part in enumerate(self._parquet["schedule"].part_files()):
                    df = pq.read_table(part).to_pandas()  # one part at a time: memory stays flat
                    khcoder_table(df, names).to_csv(fh, index=False, header=n == 0, lineterminator="\n")
        except OSError as exc:
            sheet.abort()
            raise OutputError(f"cannot write: {exc.strerror or exc}", str(sheet.final)) from None
        except BaseException:
            sheet.abort()
            raise
        return sheet

    def __enter__(self) -> ExportWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self.close()
        elif not self._closed:  # an error on the way: nothing half-written is left behind
            self._abort()


def export_rows(doc: Document) -> dict[str, list[dict[str, Any]]]:
    """The table rows of one parsed file (a worker's answer to the export: see ``parse_files(then=…)``)."""
    from planparse.analysis.ids import doc_id
    from planparse.analysis.tables import document_rows

    return document_rows(doc, doc_id(doc))


def write_tables(
    tables: dict[str, pd.DataFrame],
    out_dir: str | os.PathLike[str],
    formats: Sequence[str] = FORMATS,
    *,
    khcoder: bool = True,
) -> list[Path]:
    """Write ``tables`` (name -> DataFrame, as ``all_tables`` gives) under ``out_dir``; return the files written."""
    with ExportWriter(out_dir, formats, khcoder=khcoder and "schedule" in tables) as writer:
        writer.add_frames(tables)
    return writer.written


def export_documents(
    docs: Document | Iterable[Document],
    out_dir: str | os.PathLike[str],
    formats: Sequence[str] | None = None,
    *,
    khcoder: bool = True,
) -> list[Path]:
    """Write the four tables of ``docs`` under ``out_dir``, streaming; return the files written.

    ``docs`` may be a generator (documents are written as they come and then dropped).
    ``formats``: default CSV and Parquet, plus .xlsx when ``docs`` is a list of at most
    ``xlsx_auto_max_documents``.
    """
    if isinstance(docs, Document):
        docs = [docs]
    if formats is None:
        formats = default_formats(len(docs) if isinstance(docs, Sequence) else None)
    with ExportWriter(out_dir, formats, khcoder=khcoder) as writer:
        for doc in docs:
            writer.add(doc)
    return writer.written
