"""``planparse diff OLD NEW``: what changed between last year's plan and this year's."""

from __future__ import annotations

import sys

import click

from planparse.cli.options import input_options, load_document


@click.command("diff")
@click.argument("old", type=str)
@click.argument("new", type=str)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "html"]),
    default="text",
    show_default=True,
    help="text: one line per change (coloured on a terminal); json: the whole diff; html: a self-contained page.",
)
@click.option("--out", "out", type=click.Path(dir_okay=False, writable=True), default=None, help="Write to this file instead of standard output.")
@click.option("--old-plan", type=int, default=None, help="Compare only this plan of OLD (0-based); default: pair plans by wording.")
@click.option("--new-plan", type=int, default=None, help="Compare only this plan of NEW (0-based).")
@click.option("--color/--no-color", default=None, help="Colour the text output (default: when writing to a terminal).")
@click.option("--threshold", type=click.FloatRange(0, 100), default=60.0, show_default=True, help="How alike (0-100) two items must be to count as the same item.")
@input_options
def diff_cmd(
    old: str,
    new: str,
    fmt: str,
    out: str | None,
    old_plan: int | None,
    new_plan: int | None,
    color: bool | None,
    threshold: float,
    **opts: object,
) -> None:
    """Align OLD and NEW section by section and item by item: items added, removed, changed, entries moved."""
    from planparse.analysis.diff import diff, to_html, to_json, to_text
    from planparse.errors import InputError

    old_doc = load_document(old, **opts)
    new_doc = load_document(new, **opts)
    for doc, name, idx in ((old_doc, old, old_plan), (new_doc, new, new_plan)):
        if not doc.plans:
            raise InputError("no plan found", name)
        if idx is not None and not 0 <= idx < len(doc.plans):
            raise InputError(f"has {len(doc.plans)} plan(s); no plan {idx}", name)
    result = diff(old_doc, new_doc, old_plan=old_plan, new_plan=new_plan, threshold=threshold)
    if fmt == "json":
        text = to_json(result)
    elif fmt == "html":
        text = to_html(result)
    else:
        use_color = color if color is not None else (out is None and sys.stdout.isatty())
        text = to_text(result, color=use_color)
    if out:
        from planparse.io.atomic import atomic_path

        with atomic_path(out) as tmp:
            tmp.write_text(text + "\n", encoding="utf-8")
        click.echo(f"wrote {out}", err=True)
    else:
        click.echo(text, color=bool(color) if fmt == "text" and color is not None else None)
