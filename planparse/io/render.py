"""Text views of a Document for people: an outline to check against the original, and the schedule table."""

from __future__ import annotations

import tomllib
import unicodedata
from functools import cache

from planparse.datafiles import data_path
from planparse.io.schedule_rows import format_dates, format_months
from planparse.models import Document, Item, Plan, ScheduleEntry

SHORTEN = 36


def shorten(text: str, width: int = SHORTEN) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _display_width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, width: int) -> str:
    return s + " " * max(0, width - _display_width(s))


@cache
def labels(lang: str = "en") -> dict[str, str]:
    """The outline's words in ``lang`` (data/labels.toml); English for a language it lacks."""
    with data_path("labels.toml").open("rb") as fh:
        outline_labels = tomllib.load(fh)["outline"]
    return {**outline_labels["en"], **outline_labels.get(lang, {})}


def _at(span: tuple[int, int], spans: bool) -> str:
    return f"  @{span[0]}–{span[1]}" if spans else ""


def _item_lines(item: Item, depth: int, words: dict[str, str], spans: bool) -> list[str]:
    months = f"  [{words['months'].format(months=format_months(item.months))}]" if item.months else ""
    out = [f"{'  ' * depth}{item.marker} {shorten(item.text)}{months}{_at(item.span, spans)}"]
    for child in item.children:
        out.extend(_item_lines(child, depth + 1, words, spans))
    return out


def _entry_lines(doc: Document, entries: list[ScheduleEntry], words: dict[str, str], spans: bool, depth: int = 3) -> list[str]:
    """Entries under their month labels, as the plan writes them: the label once, its entries below."""
    out: list[str] = []
    group: tuple[str | None, tuple[int, ...]] | None = None
    for e in entries:
        key = (e.month_label, tuple(e.months))
        if key != group:
            group = key
            label = e.month_label or words["no_label"].format(months=format_months(e.months))
            if e.theme and e.theme not in label:
                label += f"  〔{e.theme}〕"
            out.append(f"{'  ' * depth}{label}")
        extra = []
        if e.dates and not all(doc.span_text(d.span) in (e.month_label or "") for d in e.dates):  # not twice
            extra.append(words["dates"].format(dates=format_dates(e.dates)))
        if e.responsible:
            extra.append(words["responsible"].format(name=e.responsible))
        if e.participants:
            extra.append(words["participants"].format(names=e.participants))
        tail = f"  [{'; '.join(extra)}]" if extra else ""
        marker = (e.marker or "·").strip()
        out.append(f"{'  ' * (depth + 1)}{marker} {shorten(e.activity)}{tail}{_at(e.span, spans)}")
    return out


def _plan_outline(doc: Document, k: int, plan: Plan, words: dict[str, str], spans: bool) -> list[str]:
    year = words["year"].format(year=plan.year) if plan.year is not None else words["no_year"]
    title = words["plan"].format(n=k + 1, title=plan.title or words["untitled"])
    chars = f"  {words['chars'].format(start=plan.span[0], end=plan.span[1])}" if spans else ""
    out = [f"{title}  {year}{chars}"]
    if plan.organisation:
        out.append("  " + words["organisation"].format(name=plan.organisation))
    preamble = [doc.span_text(span).strip() for span in plan.preamble]
    preamble = [p for p in preamble if p and (plan.title is None or p != plan.title.strip())]
    if preamble:
        out.append("  " + words["preamble"])
        out.extend(f"      “{shorten(p, 60)}”" for p in preamble)
    by_section: dict[int | None, list[ScheduleEntry]] = {}
    for e in plan.schedule:
        index = e.section_index if e.section_index is not None and 0 <= e.section_index < len(plan.sections) else None
        by_section.setdefault(index, []).append(e)
    for j, s in enumerate(plan.sections):
        heading = " ".join(s.heading.split()) if s.heading else words["untitled"]
        line = words["section"].format(kind_zh=s.kind.label_zh, kind=s.kind.value, heading=shorten(heading, 24))
        out.append(f"  {line}{_at(s.span, spans)}")
        if s.heading is None:
            out.append(f"      “{shorten(doc.span_text(s.span), 30)}”")
        if j in by_section:  # the schedule's items are its entries: shown with their month labels
            out.extend(_entry_lines(doc, by_section[j], words, spans))
        else:
            for item in s.items:
                out.extend(_item_lines(item, 3, words, spans))
    if None in by_section:
        out.append("  " + words["entries"].format(n=len(by_section[None])))
        out.extend(_entry_lines(doc, by_section[None], words, spans))
    return out


def outline(doc: Document, *, lang: str = "en", spans: bool = False) -> str:
    """An indented tree: plans with title and year, the text before the first section, sections
    with their kind, items by level, schedule entries under their month labels.

    ``lang``: en or zh (data/labels.toml). ``spans``: add each part's character offsets into
    ``doc.text`` (@start–end), for checking the parser rather than reading the plan.
    """
    words = labels(lang)
    lines = [words["document"].format(source=doc.source or "<text>", plans=len(doc.plans), chars=len(doc.text))]
    for k, plan in enumerate(doc.plans):
        lines.append("")
        lines.extend(_plan_outline(doc, k, plan, words, spans))
    if doc.unassigned:
        chars = sum(e - s for s, e in doc.unassigned)
        lines.append("")
        lines.append(words["unassigned"].format(lines=len(doc.unassigned), chars=chars))
    if doc.warnings:
        lines.append("")
        lines.extend(words["warning"].format(text=w) for w in doc.warnings)
    return "\n".join(lines)


def schedule_table(doc: Document, *, lang: str = "en") -> str:
    """The schedule as an aligned table: plan, months, dates, activity, theme, responsible, section.

    The dates, theme and responsible columns are there when some entry has them; ``lang``: en or zh headers.
    """
    words = labels(lang)
    keys = ["plan", "months", "dates", "activity", "theme", "responsible", "section"]
    rows: list[dict[str, str]] = []
    for k, plan in enumerate(doc.plans):
        for e in plan.schedule:
            section = ""
            if e.section_index is not None and e.section_index < len(plan.sections):
                sec = plan.sections[e.section_index]
                section = (sec.heading or sec.kind.label_zh).strip()
            rows.append({"plan": str(k + 1), "months": ",".join(map(str, e.months)), "dates": format_dates(e.dates),
                         "activity": e.activity, "theme": e.theme or "", "responsible": e.responsible or "",
                         "section": shorten(section, 16)})
    if not rows:
        return words["no_entries"]
    keys = [key for key in keys if key not in ("dates", "theme", "responsible") or any(r[key] for r in rows)]
    header = [words[f"column_{key}"] for key in keys]
    table = [[r[key] for key in keys] for r in rows]
    widths = [max(_display_width(r[i]) for r in [header, *table]) for i in range(len(keys))]
    widths[keys.index("activity")] = min(widths[keys.index("activity")], 60)
    out = ["  ".join(_pad(h, w) for h, w in zip(header, widths, strict=True)).rstrip()]
    for r in table:
        out.append("  ".join(_pad(c, w) for c, w in zip(r, widths, strict=True)).rstrip())
    return "\n".join(out)
