"""Text views of a Document for people: an outline to check against the original, and the schedule table."""

from __future__ import annotations

import unicodedata

from planparse.models import Document, Item, Plan

SHORTEN = 36


def shorten(text: str, width: int = SHORTEN) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _display_width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, width: int) -> str:
    return s + " " * max(0, width - _display_width(s))


def _item_lines(item: Item, depth: int) -> list[str]:
    months = f"  [months {','.join(map(str, item.months))}]" if item.months else ""
    out = [f"{'  ' * depth}{item.marker} {shorten(item.text)}{months}"]
    for child in item.children:
        out.extend(_item_lines(child, depth + 1))
    return out


def _plan_outline(doc: Document, k: int, plan: Plan) -> list[str]:
    year = plan.year if plan.year is not None else "-"
    out = [f"Plan {k + 1}: {plan.title or '(untitled)'}  year {year}  chars {plan.span[0]}–{plan.span[1]}"]
    if plan.organisation:
        out.append(f"  organisation: {plan.organisation}")
    for s in plan.sections:
        heading = s.heading.strip() if s.heading else "(untitled)"
        out.append(f"  [{s.kind.label_zh} {s.kind.value}] {shorten(heading, 24)}  @{s.span[0]}")
        if s.heading is None:
            out.append(f"      “{shorten(doc.span_text(s.span), 30)}”")
        for item in s.items:
            out.extend(_item_lines(item, 3))
    if plan.schedule:
        out.append(f"  schedule: {len(plan.schedule)} entries")
        for e in plan.schedule:
            months = ",".join(map(str, e.months))
            theme = f"  〔{e.theme}〕" if e.theme else ""
            out.append(f"      {months:>5} 月  {shorten(e.activity)}{theme}")
    return out


def outline(doc: Document) -> str:
    """An indented tree: plans with title and year, sections with their kind, items by level, the schedule."""
    lines = [f"{doc.source or '<text>'}: {len(doc.plans)} plan(s), {len(doc.text)} characters"]
    for k, plan in enumerate(doc.plans):
        lines.append("")
        lines.extend(_plan_outline(doc, k, plan))
    if doc.unassigned:
        chars = sum(e - s for s, e in doc.unassigned)
        lines.append("")
        lines.append(f"Unassigned: {len(doc.unassigned)} line(s), {chars} characters outside every plan")
    if doc.warnings:
        lines.append("")
        lines.extend(f"warning: {w}" for w in doc.warnings)
    return "\n".join(lines)


def schedule_table(doc: Document) -> str:
    """The schedule as an aligned table: plan, months, activity, theme, section it came from."""
    header = ("plan", "months", "activity", "theme", "section")
    rows: list[tuple[str, ...]] = []
    for k, plan in enumerate(doc.plans):
        for e in plan.schedule:
            section = ""
            if e.section_index is not None and e.section_index < len(plan.sections):
                sec = plan.sections[e.section_index]
                section = (sec.heading or sec.kind.label_zh).strip()
            rows.append((str(k + 1), ",".join(map(str, e.months)), e.activity, e.theme or "", shorten(section, 16)))
    if not rows:
        return "(no schedule entries)"
    widths = [max(_display_width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    widths[2] = min(widths[2], 60)
    out = ["  ".join(_pad(h, w) for h, w in zip(header, widths, strict=True)).rstrip()]
    for r in rows:
        out.append("  ".join(_pad(c, w) for c, w in zip(r, widths, strict=True)).rstrip())
    return "\n".join(out)
