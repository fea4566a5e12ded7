"""``planparse parse FILE``: one document as JSON, an outline, or its schedule table."""

from __future__ import annotations

import sys

import click

from planparse.cli.options import input_options, load_document


@click.command("parse")
@click.argument("file", type=str)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "outline", "schedule"]),
    default="outline",
    show_default=True,
    help="json: the Document; outline: an indented tree to check by eye; schedule: the month table.",
)
@input_options
def parse_cmd(file: str, fmt: str, **opts: object) -> None:
    """Parse FILE (.txt, .docx, .html; '-' for standard input)."""
    doc = load_document(file, **opts)
    if fmt == "json":
        sys.stdout.write(doc.model_dump_json())
        sys.stdout.write("\n")
    elif fmt == "outline":
        from planparse.io.render import outline

        click.echo(outline(doc))
    else:
        from planparse.io.render import schedule_table

        click.echo(schedule_table(doc))
