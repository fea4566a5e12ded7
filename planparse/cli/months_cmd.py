"""``planparse months FILES...``: schedule entries counted by month (× category or keyword), and a plot."""

from __future__ import annotations

import click

from planparse.cli.options import input_options, jobs_option, read_all


@click.command("months")
@click.argument("files", nargs=-1, required=True, type=str)
@click.option("--by", type=click.Choice(["category", "keyword", "none"]), default="category", show_default=True,
              help="Break each month down by activity category, by keyword, or not at all.")  # fmt: skip
@click.option("--school-year", is_flag=True, help="Order the months 九月 … 八月 instead of January … December.")
@click.option("--per-plan", is_flag=True, help="Mean entries per plan (plans with a schedule) instead of totals.")
@click.option("--top", type=click.IntRange(0), default=None,
              help="Keep the N largest categories/keywords, the rest summed as 其他 (default 20; 0 keeps all).")  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(["text", "csv", "json"]), default="text", show_default=True,
              help="How to print the count table.")  # fmt: skip
@click.option("--plot", "plot", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Also draw the counts to this image (.png, .svg or .pdf).")  # fmt: skip
@click.option("--chart", type=click.Choice(["heatmap", "bars"]), default=None,
              help="The kind of plot (default: heatmap with --by category/keyword, bars with --by none).")  # fmt: skip
@input_options
@jobs_option
def months_cmd(
    files: tuple[str, ...],
    by: str,
    school_year: bool,
    per_plan: bool,
    top: int | None,
    fmt: str,
    plot: str | None,
    chart: str | None,
    jobs: int | None,
    **opts: object,
) -> None:
    """Count the schedule entries of FILES by month."""
    from planparse.analysis.months import month_counts, with_month_labels

    # what each breakdown needs: keywords need jieba, categories only the codebook, a plain count nothing
    tag_here = by == "category"
    opts["no_tag"] = by != "keyword"
    docs = read_all(files, jobs=jobs, **opts)  # type: ignore[arg-type]
    if tag_here:
        from planparse.analysis.tagging import tag_document

        for doc in docs:
            tag_document(doc, opts.get("codebook"), with_keywords=False)  # type: ignore[arg-type]
    from planparse.analysis.months import plot_settings

    by_ = None if by == "none" else by
    keep = plot_settings()["default_top"] if top is None else (top or None)
    counts = month_counts(docs, by=by_, school_year=school_year, per_plan=per_plan, top=keep)  # type: ignore[arg-type]
    if fmt == "csv":
        click.echo(counts.to_csv(), nl=False)
    elif fmt == "json":
        click.echo(counts.to_json(orient="index", force_ascii=False))
    else:
        from planparse.cli.text_table import text_table

        click.echo(text_table(with_month_labels(counts.round(2) if per_plan else counts)))
    if plot:
        from planparse.analysis.plots import heatmap, month_bars, save

        kind = chart or ("bars" if by_ is None else "heatmap")
        # the title says what is drawn, and bars stack by the same breakdown as the table
        fig = heatmap(counts) if kind == "heatmap" else month_bars(counts)
        save(fig, plot)
        click.echo(f"wrote {plot}", err=True)
