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
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Folder to write the tables in.")
@click.option(
    "--format",
    "formats",
    type=click.Choice(["csv", "parquet", "xlsx"]),
    multiple=True,
    help="Write only these formats (repeat the option); default: CSV and Parquet, and .xlsx for up to 1000 files.",
)
@click.option("--no-khcoder", is_flag=True, help="Do not write schedule_khcoder.csv.")
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
    quiet: bool,
    engine: str,
    scheduler: str | None,
    jobs: int | None,
    **opts: object,
) -> None:
    """Parse FILES and write their tables as CSV (UTF-8 with BOM), Parquet and .xlsx into --out."""
    from planparse.errors import PlanparseError
    from planparse.io.export import ExportWriter, default_formats, export_rows

    chosen = formats or default_formats(len(files))
    show = not quiet and sys.stderr.isatty()
    if engine == "dask":
        from planparse.dask import export_with_dask

        exported, failures = export_with_dask(
            list(files), out_dir, chosen, khcoder=not no_khcoder, scheduler=scheduler, workers=jobs, **opts
        )
        for failure in failures:
            click.echo(f"planparse: {failure}", err=True)
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
