"""``planparse similar FILES...``: the most alike pairs of plans, or groups of near-copies (--templates)."""

from __future__ import annotations

import sys

import click

from planparse.cli.options import input_options, jobs_option, read_all


@click.command("similar")
@click.argument("files", nargs=-1, required=True, type=str)
@click.option("--templates", is_flag=True, help="Group near-copies (MinHash LSH) instead of ranking pairs.")
@click.option("--level", type=click.Choice(["plan", "section"]), default="plan", show_default=True,
              help="Compare whole plans or their sections (pairs only; --templates reports both).")  # fmt: skip
@click.option("--analyzer", type=click.Choice(["char", "word"]), default="char", show_default=True,
              help="Character 2-3-grams or jieba words.")  # fmt: skip
@click.option("--threshold", type=click.FloatRange(0, 1), default=None,
              help="Least similarity to list (pairs; default 0) or Jaccard to group (--templates; default 0.5).")  # fmt: skip
@click.option("--top", type=click.IntRange(1), default=20, show_default=True, help="Rows to print (pairs).")
@click.option("--format", "fmt", type=click.Choice(["text", "csv", "json"]), default="text", show_default=True)
@input_options
@jobs_option
def similar_cmd(
    files: tuple[str, ...],
    templates: bool,
    level: str,
    analyzer: str,
    threshold: float | None,
    top: int,
    fmt: str,
    jobs: int | None,
    **opts: object,
) -> None:
    """Compare FILES with each other: similarity of plans, or groups of plans copied from one 范文."""

    from planparse.analysis.compare import compare, find_templates

    opts["no_tag"] = True  # wording is all that is compared
    docs = read_all(files, jobs=jobs, **opts)  # type: ignore[arg-type]
    if templates:
        # a progress bar is for someone watching: only on a terminal, never into a log or a pipe
        df = find_templates(docs, threshold=threshold, progress=sys.stderr.isatty())
        cols = ["group", "level", "doc_id", "plan_index", "section_index", "title", "jaccard", "shared", "item_share"]
        df = df[cols]
    else:
        df = compare(docs, level=level, analyzer=analyzer, min_similarity=threshold or 0.0).head(top)  # type: ignore[arg-type]
    if fmt == "csv":
        click.echo(df.to_csv(index=False), nl=False)
    elif fmt == "json":
        click.echo(df.to_json(orient="records", force_ascii=False))
    elif df.empty:
        click.echo("no near-copies found" if templates else "fewer than two plans to compare")
    else:
        from planparse.cli.text_table import text_table

        click.echo(text_table(df, index=False, max_colwidth=30, width=220))
