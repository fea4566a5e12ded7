"""``planparse export FILES... --out DIR``: the plans, sections, items and schedule tables of many files.

A file that cannot be parsed is named in one line on stderr and left out; the
others are still exported, and the exit code is 1 at the end.
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
    help="Write only these formats (repeat the option); default: all three.",
)
@click.option("--no-khcoder", is_flag=True, help="Do not write schedule_khcoder.csv.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@input_options
@jobs_option
def export_cmd(
    files: tuple[str, ...],
    out_dir: str,
    formats: tuple[str, ...],
    no_khcoder: bool,
    quiet: bool,
    jobs: int | None,
    **opts: object,
) -> None:
    """Parse FILES and write their tables as CSV (UTF-8 with BOM), Parquet and .xlsx into --out."""
    from tqdm import tqdm

    from planparse.errors import PlanparseError
    from planparse.io.export import FORMATS, export_documents

    docs = []
    failed = 0
    show = not quiet and sys.stderr.isatty()
    for _file, result in load_documents(files, jobs=jobs, progress=show, **opts):  # type: ignore[arg-type]
        if isinstance(result, PlanparseError):
            failed += 1
            tqdm.write(f"planparse: {result}", file=sys.stderr)
        else:
            docs.append(result)
    written = export_documents(docs, out_dir, formats or FORMATS, khcoder=not no_khcoder)
    if not quiet:
        click.echo(f"planparse: {len(docs)} of {len(files)} files exported, {len(written)} files written to {out_dir}", err=True)
    if failed:
        sys.exit(1)
