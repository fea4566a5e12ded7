"""Comparing last year's plan with this year's: sections, items and schedule entries aligned.

``diff(old, new)`` pairs the plans of two documents, then their sections (by kind,
heading and wording), then the items inside each pair of sections and the schedule
entries of the two plans, each by wording (rapidfuzz; the best pairs first, each
used once). What is left over was added or removed; a pair whose wording differs
is "changed", with the changed characters marked (difflib); a schedule entry
whose months differ is "moved". Renderers give terminal text, JSON and a
self-contained HTML page.
"""

from __future__ import annotations

import difflib
import html
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from planparse.analysis.compare.units import ItemRef, fold, plan_items
from planparse.models import Document, Plan

Segment = tuple[str, str]  # ("equal" | "delete" | "insert", text)
Status = Literal["same", "changed", "added", "removed", "moved"]

ITEM_THRESHOLD = 60.0  # rapidfuzz ratio on folded text: below this two items are different items
SECTION_THRESHOLD = 0.45


def char_segments(old: str, new: str) -> list[Segment]:
    """The changed characters between two strings, as equal/delete/insert runs in reading order."""
    sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
    out: list[Segment] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            out.append(("equal", old[i1:i2]))
        else:
            if i2 > i1:
                out.append(("delete", old[i1:i2]))
            if j2 > j1:
                out.append(("insert", new[j1:j2]))
    return out


@dataclass
class ItemChange:
    status: Status
    kind: str  # "item" or "schedule"
    old_path: str | None = None
    new_path: str | None = None
    old_text: str | None = None
    new_text: str | None = None
    similarity: float | None = None
    segments: list[Segment] = field(default_factory=list)
    old_months: list[int] = field(default_factory=list)
    new_months: list[int] = field(default_factory=list)
    old_span: tuple[int, int] | None = None
    new_span: tuple[int, int] | None = None

    @property
    def text(self) -> str:
        return self.new_text if self.new_text is not None else self.old_text or ""


@dataclass
class SectionDiff:
    status: Status
    kind: str
    old_index: int | None
    new_index: int | None
    old_heading: str | None
    new_heading: str | None
    heading_segments: list[Segment] = field(default_factory=list)
    items: list[ItemChange] = field(default_factory=list)
    unchanged_items: int = 0

    @property
    def heading(self) -> str:
        return self.new_heading or self.old_heading or f"({self.kind})"


@dataclass
class PlanDiff:
    status: Status
    old_index: int | None
    new_index: int | None
    old_title: str | None
    new_title: str | None
    title_segments: list[Segment] = field(default_factory=list)
    old_year: int | None = None
    new_year: int | None = None
    sections: list[SectionDiff] = field(default_factory=list)
    schedule: list[ItemChange] = field(default_factory=list)
    unchanged_schedule: int = 0

    def changes(self, status: str | None = None, kind: str | None = None) -> list[ItemChange]:
        out = [c for s in self.sections for c in s.items] + self.schedule
        return [c for c in out if (status is None or c.status == status) and (kind is None or c.kind == kind)]


@dataclass
class DocumentDiff:
    old_source: str | None
    new_source: str | None
    plans: list[PlanDiff]

    def summary(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for p in self.plans:
            for c in p.changes():
                key = f"{c.kind}_{c.status}"
                counts[key] = counts.get(key, 0) + 1
            for s in p.sections:
                if s.status in ("added", "removed"):
                    counts[f"section_{s.status}"] = counts.get(f"section_{s.status}", 0) + 1
            if p.status in ("added", "removed"):
                counts[f"plan_{p.status}"] = counts.get(f"plan_{p.status}", 0) + 1
        return dict(sorted(counts.items()))

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["summary"] = self.summary()
        return d


def _greedy(n: int, m: int, score: Callable[[int, int], float], threshold: float) -> list[tuple[int, int, float]]:
    """Pairs (i, j, score), each index used once, taken best first; ties go to the earlier pair."""
    cand = [(score(i, j), i, j) for i in range(n) for j in range(m)]
    cand = [c for c in cand if c[0] >= threshold]
    cand.sort(key=lambda c: (-c[0], abs(c[1] - c[2]), c[1]))
    used_i: set[int] = set()
    used_j: set[int] = set()
    pairs = []
    for s, i, j in cand:
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
            pairs.append((i, j, s))
    return pairs


def _ratio_matrix(a: Sequence[str], b: Sequence[str]):
    from rapidfuzz import fuzz, process

    if not a or not b:
        return None
    return process.cdist(list(a), list(b), scorer=fuzz.ratio, workers=1)


def _match_refs(old: list[ItemRef], new: list[ItemRef], threshold: float) -> list[tuple[int, int, float]]:
    fa = [r.folded for r in old]
    fb = [r.folded for r in new]
    mat = _ratio_matrix(fa, fb)
    if mat is None:
        return []

    def score(i: int, j: int) -> float:
        if not fa[i] or not fb[j]:
            # bare markers: alike only when the raw text is
            return 100.0 if old[i].text == new[j].text else 0.0
        return float(mat[i, j])

    return _greedy(len(old), len(new), score, threshold)


def _item_changes(old: list[ItemRef], new: list[ItemRef], threshold: float) -> tuple[list[ItemChange], int]:
    """Changes in ``new``'s order, each removed item placed after its old predecessor's partner."""
    pairs = _match_refs(old, new, threshold)
    by_new = {j: (i, s) for i, j, s in pairs}
    matched_old = {i for i, _, _ in pairs}
    changes: list[tuple[float, ItemChange]] = []
    same = 0
    for j, r in enumerate(new):
        if j in by_new:
            i, s = by_new[j]
            o = old[i]
            c = _paired(o, r, s)
            if c.status == "same":
                same += 1
            else:
                changes.append((j, c))
        else:
            changes.append((j, ItemChange("added", r.kind, new_path=r.path, new_text=r.text, new_months=_months(r), new_span=r.span)))
    old_to_new = {i: j for i, j, _ in pairs}
    for i, o in enumerate(old):
        if i in matched_old:
            continue
        prev = [old_to_new[k] for k in range(i) if k in old_to_new]
        pos = (prev[-1] if prev else -1) + 0.5
        changes.append((pos, ItemChange("removed", o.kind, old_path=o.path, old_text=o.text, old_months=_months(o), old_span=o.span)))
    changes.sort(key=lambda t: t[0])
    return [c for _, c in changes], same


def _months(r: ItemRef) -> list[int]:
    if r.entry is not None:
        return list(r.entry.months)
    return list(r.item.months) if r.item is not None else []


def _paired(o: ItemRef, r: ItemRef, score: float) -> ItemChange:
    om, nm = _months(o), _months(r)
    moved = r.kind == "schedule" and om != nm
    text_same = fold(o.text) == fold(r.text)
    status: Status = "moved" if moved else ("same" if text_same else "changed")
    return ItemChange(
        status,
        r.kind,
        old_path=o.path,
        new_path=r.path,
        old_text=o.text,
        new_text=r.text,
        similarity=round(score / 100, 4),
        segments=[] if text_same else char_segments(o.text, r.text),
        old_months=om,
        new_months=nm,
        old_span=o.span,
        new_span=r.span,
    )


def _section_score(old_doc: Document, new_doc: Document, a: Plan, b: Plan) -> Callable[[int, int], float]:
    from rapidfuzz import fuzz

    def score(i: int, j: int) -> float:
        sa, sb = a.sections[i], b.sections[j]
        head = fuzz.ratio(fold(sa.heading or ""), fold(sb.heading or "")) / 100 if (sa.heading or sb.heading) else 1.0
        body = fuzz.ratio(fold(old_doc.span_text(sa.span))[:2000], fold(new_doc.span_text(sb.span))[:2000]) / 100
        kind = 1.0 if sa.kind == sb.kind else 0.0
        return 0.4 * kind + 0.3 * head + 0.3 * body

    return score


def _holds_schedule(plan: Plan, index: int) -> bool:
    from planparse.models import SectionKind

    sec = plan.sections[index]
    return sec.kind == SectionKind.SCHEDULE or any(
        e.section_index == index or sec.span[0] <= e.span[0] < sec.span[1] for e in plan.schedule
    )


def _body(doc: Document, section) -> str:
    start = section.heading_span[1] if section.heading_span else section.span[0]
    return doc.text[start : section.span[1]].strip()


def diff_plans(
    old_doc: Document, old_plan: int, new_doc: Document, new_plan: int, *, threshold: float = ITEM_THRESHOLD
) -> PlanDiff:
    """Align one plan of ``old_doc`` with one of ``new_doc``, section by section and item by item."""
    a, b = old_doc.plans[old_plan], new_doc.plans[new_plan]
    pd_ = PlanDiff(
        "same",
        old_plan,
        new_plan,
        a.title,
        b.title,
        old_year=a.year,
        new_year=b.year,
    )
    if (a.title or "") != (b.title or ""):
        pd_.title_segments = char_segments(a.title or "", b.title or "")
    old_items = list(plan_items(a, old_doc))
    new_items = list(plan_items(b, new_doc))

    pairs = _greedy(len(a.sections), len(b.sections), _section_score(old_doc, new_doc, a, b), SECTION_THRESHOLD)
    by_new = {j: i for i, j, _ in pairs}
    matched_old = {i for i, _, _ in pairs}
    order: list[tuple[float, SectionDiff]] = []
    for j, sb in enumerate(b.sections):
        ni = [r for r in new_items if r.kind == "item" and r.section_index == j]
        if j in by_new:
            i = by_new[j]
            sa = a.sections[i]
            oi = [r for r in old_items if r.kind == "item" and r.section_index == i]
            items, same = _item_changes(oi, ni, threshold)
            heading_changed = (sa.heading or "") != (sb.heading or "")
            if not ni and not oi and not _holds_schedule(a, i) and not _holds_schedule(b, j):
                # a section of prose (指导思想): its wording is the thing to compare
                old_body, new_body = _body(old_doc, sa), _body(new_doc, sb)
                if fold(old_body) != fold(new_body):
                    items = [ItemChange("changed", "text", old_path="", new_path="", old_text=old_body, new_text=new_body,
                                        segments=char_segments(old_body, new_body))]  # fmt: skip
            status: Status = "changed" if (items or heading_changed) else "same"
            sd = SectionDiff(status, sb.kind.value, i, j, sa.heading, sb.heading, items=items, unchanged_items=same)
            if heading_changed:
                sd.heading_segments = char_segments(sa.heading or "", sb.heading or "")
        else:
            items = [ItemChange("added", "item", new_path=r.path, new_text=r.text, new_span=r.span) for r in ni]
            sd = SectionDiff("added", sb.kind.value, None, j, None, sb.heading, items=items)
        order.append((j, sd))
    old_to_new = {i: j for i, j, _ in pairs}
    for i, sa in enumerate(a.sections):
        if i in matched_old:
            continue
        oi = [r for r in old_items if r.kind == "item" and r.section_index == i]
        prev = [old_to_new[k] for k in range(i) if k in old_to_new]
        items = [ItemChange("removed", "item", old_path=r.path, old_text=r.text, old_span=r.span) for r in oi]
        order.append(((prev[-1] if prev else -1) + 0.5, SectionDiff("removed", sa.kind.value, i, None, sa.heading, None, items=items)))
    order.sort(key=lambda t: t[0])
    pd_.sections = [s for _, s in order]

    old_sched = [r for r in old_items if r.kind == "schedule"]
    new_sched = [r for r in new_items if r.kind == "schedule"]
    pd_.schedule, pd_.unchanged_schedule = _item_changes(old_sched, new_sched, threshold)
    pd_.schedule.sort(key=lambda c: (min(c.new_months or c.old_months or [13]), c.status))
    if pd_.title_segments or pd_.schedule or any(s.status != "same" for s in pd_.sections):
        pd_.status = "changed"
    return pd_


def diff(
    old: Document | str | Path,
    new: Document | str | Path,
    *,
    old_plan: int | None = None,
    new_plan: int | None = None,
    threshold: float = ITEM_THRESHOLD,
) -> DocumentDiff:
    """Diff two documents (or files). Their plans are paired by wording unless indexes are given."""
    from planparse.analysis.compare.units import load_documents

    old_doc, new_doc = load_documents([old, new])
    if old_plan is not None or new_plan is not None:
        return DocumentDiff(
            old_doc.source, new_doc.source, [diff_plans(old_doc, old_plan or 0, new_doc, new_plan or 0, threshold=threshold)]
        )
    from rapidfuzz import fuzz

    fo = [fold(old_doc.span_text(p.span)) for p in old_doc.plans]
    fn = [fold(new_doc.span_text(p.span)) for p in new_doc.plans]
    pairs = _greedy(len(fo), len(fn), lambda i, j: fuzz.ratio(fo[i], fn[j]), 30.0)
    plans: list[tuple[float, PlanDiff]] = []
    matched_new = {j for _, j, _ in pairs}
    matched_old = {i for i, _, _ in pairs}
    for i, j, _ in pairs:
        plans.append((j, diff_plans(old_doc, i, new_doc, j, threshold=threshold)))
    for j, p in enumerate(new_doc.plans):
        if j not in matched_new:
            plans.append((j, PlanDiff("added", None, j, None, p.title, new_year=p.year)))
    for i, p in enumerate(old_doc.plans):
        if i not in matched_old:
            plans.append((len(fn) + i, PlanDiff("removed", i, None, p.title, None, old_year=p.year)))
    plans.sort(key=lambda t: t[0])
    return DocumentDiff(old_doc.source, new_doc.source, [p for _, p in plans])


# ---------------------------------------------------------------- rendering


def _months_label(months: list[int]) -> str:
    return "、".join(str(m) for m in months) + "月" if months else "?"


def _marked(segments: list[Segment], color: bool) -> str:
    import click

    out = []
    for op, text in segments:
        if op == "equal":
            out.append(text)
        elif color:
            out.append(click.style(text, fg="red", strikethrough=True) if op == "delete" else click.style(text, fg="green", underline=True))
        else:
            out.append(f"[-{text}-]" if op == "delete" else f"{{+{text}+}}")
    return "".join(out)


def _change_line(c: ItemChange, color: bool) -> str:
    import click

    sign = {"added": "+", "removed": "-", "changed": "~", "moved": ">"}[c.status]
    path = c.new_path if c.new_path is not None else c.old_path
    if c.kind == "schedule":
        if c.status == "moved":
            text = _marked(c.segments, color) if c.segments else c.text
            line = f"  {sign} {text}   {_months_label(c.old_months)} → {_months_label(c.new_months)}"
        elif c.status == "changed":
            line = f"  {sign} [{_months_label(c.new_months)}] {_marked(c.segments, color)}"
        else:
            line = f"  {sign} [{_months_label(c.new_months or c.old_months)}] {c.text}"
    else:
        body = _marked(c.segments, color) if c.status == "changed" else c.text
        line = f"  {sign} {path}  {body}"
    if color:
        fg = {"added": "green", "removed": "red", "changed": "yellow", "moved": "cyan"}[c.status]
        line = click.style(line[:3], fg=fg, bold=True) + line[3:]
    return line


def _plan_label(p: PlanDiff) -> str:
    """The plan's title in the new document (else the old), or （无标题）计划N: a plan is never shown blank."""
    from planparse.analysis.ids import UNTITLED

    title = (p.new_title or p.old_title or "").strip()
    index = p.new_index if p.new_index is not None else p.old_index
    return title or UNTITLED.format(n=(index or 0) + 1)


def to_text(d: DocumentDiff, *, color: bool = False) -> str:
    """The diff for a terminal: one line per change; ``color`` uses ANSI colours instead of [-…-]{+…+}."""
    import click

    def bold(s: str) -> str:
        return click.style(s, bold=True) if color else s

    lines = [bold(f"--- {d.old_source or 'old'}"), bold(f"+++ {d.new_source or 'new'}")]
    for p in d.plans:
        if p.status in ("added", "removed"):
            lines.append(bold(f"{'+' if p.status == 'added' else '-'} plan {_plan_label(p)} ({p.status})"))
            continue
        title = _marked(p.title_segments, color) if p.title_segments else _plan_label(p)
        lines.append(bold("@@ plan ") + title)
        for s in p.sections:
            if s.status == "same":
                continue
            head = _marked(s.heading_segments, color) if s.heading_segments else s.heading
            note = f" ({s.status})" if s.status in ("added", "removed") else ""
            lines.append(bold(f"== {head}{note}"))
            lines += [_change_line(c, color) for c in s.items]
        if p.schedule:
            lines.append(bold("== 月份安排 schedule"))
            lines += [_change_line(c, color) for c in p.schedule]
    summary = d.summary()
    lines.append("summary: " + (", ".join(f"{k.replace('_', ' ')} {v}" for k, v in summary.items()) if summary else "no changes"))
    return "\n".join(lines)


def to_json(d: DocumentDiff, *, indent: int | None = 2) -> str:
    import json

    return json.dumps(d.to_dict(), ensure_ascii=False, indent=indent)


_CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:60em;line-height:1.6;color:#222}
h1{font-size:1.3em}h2{font-size:1.15em;border-bottom:1px solid #ccc}h3{font-size:1em;margin-bottom:.2em}
ul{list-style:none;padding-left:0}li{padding:.15em .5em;margin:.1em 0;border-left:4px solid #ccc}
li.added{border-color:#2a2;background:#efe}li.removed{border-color:#c22;background:#fee}
li.changed{border-color:#d90;background:#ffd}li.moved{border-color:#29c;background:#eef8ff}
del{color:#c22;background:#fdd}ins{color:#080;background:#dfd;text-decoration:none}
.path,.months{color:#666;font-size:.9em;margin-right:.5em}.tag{font-weight:bold;margin-right:.5em}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em}
"""


def _html_marked(segments: list[Segment]) -> str:
    out = []
    for op, text in segments:
        t = html.escape(text)
        out.append(t if op == "equal" else f"<del>{t}</del>" if op == "delete" else f"<ins>{t}</ins>")
    return "".join(out)


_TAG = {"added": "新增", "removed": "删除", "changed": "修改", "moved": "调整月份"}
_KIND_ZH = {"item": "条目", "schedule": "月份安排", "section": "部分", "plan": "计划"}


def summary_label_zh(key: str) -> str:
    """A summary key in Chinese for the HTML page: item_added → 条目新增, schedule_moved → 月份安排调整月份."""
    kind, _, status = key.partition("_")
    return f"{_KIND_ZH.get(kind, kind)}{_TAG.get(status, status)}"


def _html_change(c: ItemChange) -> str:
    tag = f'<span class="tag">{_TAG[c.status]}</span>'
    if c.kind == "schedule":
        months = (
            f"{_months_label(c.old_months)} → {_months_label(c.new_months)}"
            if c.status == "moved"
            else _months_label(c.new_months or c.old_months)
        )
        lead = f'<span class="months">{html.escape(months)}</span>'
    else:
        lead = f'<span class="path">{html.escape(c.new_path or c.old_path or "")}</span>'
    body = _html_marked(c.segments) if c.segments else html.escape(c.text)
    return f'<li class="{c.status}">{tag}{lead}{body}</li>'


def to_html(d: DocumentDiff) -> str:
    """A self-contained HTML page (inline CSS, no scripts, no external files)."""
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>planparse diff: {e(d.old_source or 'old')} → {e(d.new_source or 'new')}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>计划对比 <small>{e(d.old_source or 'old')} → {e(d.new_source or 'new')}</small></h1>",
    ]
    summary = d.summary()
    if summary:
        parts.append("<table><tr><th>变化</th><th>数量</th></tr>")
        parts += [f"<tr><td>{e(summary_label_zh(k))}</td><td>{v}</td></tr>" for k, v in summary.items()]
        parts.append("</table>")
    else:
        parts.append("<p>没有变化。</p>")
    for p in d.plans:
        if p.status in ("added", "removed"):
            parts.append(f'<h2 class="{p.status}">{_TAG[p.status]}：{e(_plan_label(p))}</h2>')
            continue
        title = _html_marked(p.title_segments) if p.title_segments else e(_plan_label(p))
        parts.append(f"<h2>{title}</h2>")
        for s in p.sections:
            if s.status == "same":
                continue
            head = _html_marked(s.heading_segments) if s.heading_segments else e(s.heading)
            note = f" ({_TAG[s.status]})" if s.status in ("added", "removed") else ""
            parts.append(f"<h3>{head}{note}</h3><ul>")
            parts += [_html_change(c) for c in s.items]
            parts.append("</ul>")
        if p.schedule:
            parts.append("<h3>月份安排</h3><ul>")
            parts += [_html_change(c) for c in p.schedule]
            parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts)
