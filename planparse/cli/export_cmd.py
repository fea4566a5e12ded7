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
@click.option("--out", "out_dir", required=True, type=click.Path(),
              help="Folder to write the tables in (with --for people, a folder or the .xlsx file).")
@click.option(
    "--format",
    "formats",
    type=click.Choice(["csv", "parquet", "xlsx"]),
    multiple=True,
    help="Write only these formats (repeat the option); default: all three.",
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
    jobs: int | None,
    **opts: object,
) -> None:
    """Parse FILES and write their tables as CSV (UTF-8 with BOM), Parquet and .xlsx into --out.

    With --for people: one workbook of the schedule for people to read and edit (--out may then
    name the .xlsx file itself).
    """
    from pathlib import Path

    from tqdm import tqdm

    from planparse.errors import PlanparseError
    from planparse.io.export import FORMATS, TABLE_NAMES, export_documents

    if audience == "people":
        from planparse.io.people_xlsx import people_file_name

        opts["no_tag"] = True  # the people's workbook shows no keywords or categories: do not pay for tagging
        targets = [Path(out_dir) if out_dir.lower().endswith(".xlsx") else Path(out_dir) / people_file_name()]
    else:
        chosen = formats or FORMATS
        names = [f"{t}.{f}" for f in ("csv", "parquet") if f in chosen for t in TABLE_NAMES]
        names += ["planparse.xlsx"] * ("xlsx" in chosen) + ["schedule_khcoder.csv"] * (not no_khcoder)
        targets = [Path(out_dir) / name for name in names]
    existing = [t for t in targets if t.exists()]
    if existing and not force:  # checked before parsing: a long run must not end in this refusal
        more = f" and {len(existing) - 1} more" if len(existing) > 1 else ""
        raise PlanparseError(f"exists already{more}; use --force to overwrite", str(existing[0]))

    docs = []
    failed = 0
    show = not quiet and sys.stderr.isatty()
    for _file, result in load_documents(files, jobs=jobs, progress=show, **opts):  # type: ignore[arg-type]
        if isinstance(result, PlanparseError):
            failed += 1
            tqdm.write(f"planparse: {result}", file=sys.stderr)
        else:
            docs.append(result)
    if audience == "people":
        from planparse.io.people_xlsx import write_people_workbook

        written = [write_people_workbook(docs, targets[0], force=True)]
    else:
        written = export_documents(docs, out_dir, formats or FORMATS, khcoder=not no_khcoder)
    if not quiet:
        click.echo(f"planparse: {len(docs)} of {len(files)} files exported, {len(written)} files written to {out_dir}", err=True)
    if failed:
        sys.exit(1)
