"""``planparse calendar FILE -o plan.ics``: the schedule as all-day events for a calendar program."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from planparse.cli.options import input_options, load_document
from planparse.errors import PlanparseError


@click.command("calendar")
@click.argument("file", type=str)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="The .ics file to write ('-' for standard output).")
@click.option("--year", type=click.IntRange(1900, 2200), default=None,
              help="The year the schedule starts in, for a plan that states none (or to replace the plan's).")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT when it exists.")
@input_options
def calendar_cmd(file: str, output: str, year: int | None, force: bool, **opts: Any) -> None:
    """Write the schedule of FILE as an iCalendar file (.ics) that calendar programs import.

    An entry with dates becomes all-day events on those days, an entry with months only one
    spanning its months.
    """
    from planparse.io.calendar import document_ics

    target = Path(output)
    if output != "-" and target.exists() and not force:
        raise PlanparseError("exists already; use --force to overwrite it", str(target))
    opts["no_tag"] = True  # a calendar needs no keywords or categories: do not pay for tagging
    doc = load_document(file, **opts)
    if not any(plan.schedule for plan in doc.plans):
        raise PlanparseError("no schedule entries found, so there is nothing to put in a calendar", doc.source or file)
    data = document_ics(doc, year=year)
    if output == "-":
        sys.stdout.buffer.write(data)
        return
    from planparse.io.atomic import atomic_path

    with atomic_path(target) as tmp:  # whole or not at all; an OSError is one line naming the file
        tmp.write_bytes(data)
    n = data.count(b"BEGIN:VEVENT")
    click.echo(f"planparse: {n} events written to {target}", err=True)
