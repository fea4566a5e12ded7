"""``planparse export FILES... --out DIR``: the plans, sections, items and schedule tables of many files.

Streaming: each file's rows are written as it is parsed (worker processes send back table
rows, not Documents), so memory stays flat whatever the number of files. A file that cannot
be parsed is named in one line on stderr and left out; the others are still exported, and the
exit code is 1 at the end. ``--engine dask`` runs the parsing on a Dask cluster instead
(``planparse.dask``); FILES may then be fsspec URLs (s3://…, gcs://…) as well as paths.
"""

from __future__ import annotations

import sys

import click

from planparse.cli.options import input_options, jobs_option, load_documents


@click.command("export")
@click.argument("files", nargs=-1, required=True, type=str)
@click.option("--out", "out_dir", required=True, type=click.Path(),
              help="Folder to write the tables in (with --for people, a folder or the .xlsx file).")
@click.option(
    "--format",
    "formats",
    type=click.Choice(["csv", "parquet", "xlsx"]),
    multiple=True,
    help="Write only these formats (repeat the option); default: CSV and Parquet, and .xlsx for up to 1000 files.",
)
@click.option("--no-khcoder", is_flag=True, help="Do not write schedule_khcoder.csv.")
@click.option(
    "--for",
    "audience",
    type=click.Choice(["analyst", "people"]),
    default="analyst",
    show_default=True,
    help="analyst: the four tables; people: one workbook (日程安排.xlsx) of the schedule with Chinese headers.",
)
@click.option("--force", is_flag=True, help="Overwrite files that exist already.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: worker processes on this machine; dask: a Dask cluster (pip install 'planparse[dask]').",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="With --engine dask: the scheduler to use (tcp://host:8786); default: a local cluster of --jobs workers.",
)
@input_options
@jobs_option
def export_cmd(
    files: tuple[str, ...],
    out_dir: str,
    formats: tuple[str, ...],
    no_khcoder: bool,
    audience: str,
    force: bool,
    quiet: bool,
    engine: str,
    scheduler: str | None,
    jobs: int | None,
    **opts: object,
) -> None:
    """Parse FILES and write their tables as CSV (UTF-8 with BOM), Parquet and .xlsx into --out.

    With --for people: one workbook of the schedule for people to read and edit (--out may then
    name the .xlsx file itself).
    """
    from pathlib import Path

    from planparse.errors import PlanparseError
    from planparse.io.export import KHCODER_NAME, TABLE_NAMES, XLSX_NAME, ExportWriter, default_formats, export_rows

    chosen = formats or default_formats(len(files))
    if audience == "people":
        from planparse.io.people_xlsx import people_file_name

        opts["no_tag"] = True  # the people's workbook shows no keywords or categories: do not pay for tagging
        targets = [Path(out_dir) if out_dir.lower().endswith(".xlsx") else Path(out_dir) / people_file_name()]
    else:
        names = [f"{t}.{f}" for f in ("csv", "parquet") if f in chosen for t in TABLE_NAMES]
        names += [XLSX_NAME] * ("xlsx" in chosen) + [KHCODER_NAME] * (not no_khcoder)
        targets = [Path(out_dir) / name for name in names]
    existing = [t for t in targets if t.exists()]
    if existing and not force:  # checked before parsing: a long run must not end in this refusal
        more = f" and {len(existing) - 1} more" if len(existing) > 1 else ""
        raise PlanparseError(f"exists already{more}; use --force to overwrite", str(existing[0]))

    show = not quiet and sys.stderr.isatty()
    written: list[Path] | None
    if audience == "people":
        from tqdm import tqdm

        from planparse.io.people_xlsx import write_people_workbook

        docs, failures = [], []
        for _file, result in load_documents(files, jobs=jobs, progress=show, **opts):  # type: ignore[arg-type]
            if isinstance(result, PlanparseError):
                failures.append(result)
                tqdm.write(f"planparse: {result}", file=sys.stderr)
            else:
                docs.append(result)
        exported = len(docs)
        written = [write_people_workbook(docs, targets[0], force=True)]
    elif engine == "dask":
        from planparse.dask import export_with_dask

        exported, failure_lines = export_with_dask(
            list(files), out_dir, chosen, khcoder=not no_khcoder, scheduler=scheduler, workers=jobs, **opts
        )
        for line in failure_lines:
            click.echo(f"planparse: {line}", err=True)
        failures = list(failure_lines)
        written = None
    else:
        from tqdm import tqdm

        exported = 0
        failures = []
        with ExportWriter(out_dir, chosen, khcoder=not no_khcoder) as writer:
            results = load_documents(files, jobs=jobs, progress=show, then=export_rows, **opts)  # type: ignore[arg-type]
            for _file, result in results:
                if isinstance(result, PlanparseError):
                    failures.append(result)
                    tqdm.write(f"planparse: {result}", file=sys.stderr)
                else:
                    writer.add_rows(result)
                    exported += 1
        written = writer.written
    if not quiet:
        where = f"{len(written)} files written to {out_dir}" if written is not None else f"written to {out_dir}"
        click.echo(f"planparse: {exported} of {len(files)} files exported, {where}", err=True)
    if failures:
        sys.exit(1)
