"""``planparse parse FILE``: one document as JSON, an outline, or its schedule table."""

from __future__ import annotations

import sys
from typing import Any

import click

from planparse.cli.options import DEFAULT_MAX_MB, input_options, load_document, load_explanation


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
@click.option("--explain", is_flag=True, help="Say which rule and which features decided each plan, section and entry.")
@click.option("--spans", is_flag=True, help="Show in the outline where each part is in the text (character offsets @start–end).")
@input_options
def parse_cmd(file: str, fmt: str, explain: bool, spans: bool, **opts: Any) -> None:
    """Parse FILE (.txt, .docx, .html; '-' for standard input)."""
    if explain:
        ex = load_explanation(file, encoding=opts.get("encoding"), max_mb=opts.get("max_mb", DEFAULT_MAX_MB))
        click.echo(ex.to_text())
        return
    light = fmt != "json" and not opts.get("no_tag")
    if light:
        # the outline and the schedule table show organisations but no keywords: tag without
        # jieba (regular expressions and the codebook), which keeps a small file under a second
        opts = {**opts, "no_tag": True}
    doc = load_document(file, **opts)
    if light:
        from planparse.analysis.tagging import tag_document

        tag_document(doc, opts.get("codebook"), with_keywords=False)
    if fmt == "json":
        sys.stdout.write(_json_for(doc.model_dump_json(), sys.stdout.encoding))
        sys.stdout.write("\n")
    elif fmt == "outline":
        from planparse.cli.i18n import current_language
        from planparse.io.render import outline

        click.echo(outline(doc, lang=current_language(), spans=spans))
    else:
        from planparse.cli.i18n import current_language
        from planparse.io.render import schedule_table

        click.echo(schedule_table(doc, lang=current_language()))


def _json_for(text: str, encoding: str | None) -> str:
    """The JSON as it is when the output encoding can hold it, else with \\u escapes (still the same
    JSON, in ASCII): replacing characters would change the Document."""
    try:
        text.encode(encoding or "utf-8")
        return text
    except (UnicodeEncodeError, LookupError):
        import json

        return json.dumps(json.loads(text), ensure_ascii=True, separators=(",", ":"))
