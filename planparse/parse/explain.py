"""Why the parser decided what it did: for every plan, section and schedule entry, the rule
that decided it, the features that weighed most, and the facts of the line it starts on.

    >>> ex = planparse.explain_text("一、指导思想\\n以……为指导。\\n二、主要工作\\n1.开展活动。")
    >>> ex.decisions[1].rule
    'top_level_heading'
    >>> print(ex.to_text())
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planparse.models import Document, Span
from planparse.parse.document import Annotation, ParseDoc
from planparse.parse.rules import RuleTable

_SHOW = 40


@dataclass(frozen=True)
class DecisionRecord:
    """One decided span: what it is, where it is in the original text, and why."""

    what: str  # plan, section, furniture (a line the plan stage set aside: a page header, an end mark), entry, unassigned (a document that is no plan)
    label: str  # the plan's title, the section's kind, the entry's months
    span: Span  # into Document.text
    rule: str
    pattern: str  # the rule's general pattern (its docstring)
    evidence: tuple[str, ...]
    facts: dict[str, object] = field(default_factory=dict)  # the facts of the line it starts on
    plan: int = 0


@dataclass
class Explanation:
    document: Document
    decisions: list[DecisionRecord]

    def for_plan(self, k: int) -> list[DecisionRecord]:
        return [d for d in self.decisions if d.plan == k]

    def to_text(self) -> str:
        text = self.document.text
        out: list[str] = []
        for d in self.decisions:
            indent = {"plan": "", "unassigned": "", "section": "  ", "furniture": "  ", "entry": "    "}[d.what]
            words = " ".join(text[d.span[0] : d.span[1]].split())
            words = words if len(words) <= _SHOW else words[: _SHOW - 1] + "…"
            why = f"← {d.rule or 'default'}" + (f" ({', '.join(d.evidence)})" if d.evidence else "")
            if d.what == "entry":  # one line each: a schedule has many
                out.append(f"{indent}entry {d.label} “{words}” {why}")
                continue
            out.append(f"{indent}{d.what} {d.label} “{words}” [{d.span[0]}–{d.span[1]}]")
            out.append(f"{indent}  {why}")
            if d.pattern:
                out.append(f"{indent}    {d.pattern}")
            if d.facts:
                out.append(f"{indent}    line facts: " + ", ".join(f"{k}={v}" for k, v in d.facts.items()))
        return "\n".join(out)


def rule_tables() -> list[RuleTable]:
    """Every decision table of the parser, in the order the stages ask them."""
    from planparse.parse.plans import plan_boundary
    from planparse.parse.schedule import (
        layouts,  # noqa: F401  (registers the layouts)
        schedule_layout,
    )
    from planparse.parse.sections import section_kind, section_start

    return [plan_boundary, section_start, section_kind, schedule_layout]


def _pattern(rule: str) -> str:
    for name in rule.split(" + "):
        for table in rule_tables():
            for r in table.rules:
                if r.name == name:
                    return r.pattern
    return ""


def _line_facts(pdoc: ParseDoc, start: int) -> dict[str, object]:
    for ln in pdoc.lines:
        if ln.start <= start < max(ln.end, ln.start + 1):
            return ln.facts()
    return {}


def explain(pdoc: ParseDoc, document: Document) -> Explanation:
    """The decisions behind ``document``, which was built from ``pdoc``."""
    records: list[DecisionRecord] = []
    sections = pdoc.layer("sections")
    entries_by_section: dict[int, list[Annotation]] = {}
    for e in pdoc.layer("entries"):
        entries_by_section.setdefault(e.data.section, []).append(e)
    prose = {a.data for a in pdoc.layer("prose_plans")}
    built = 0
    plans = pdoc.layer("plans")
    for k, plan in enumerate(plans):
        # a plan's end mark (its title again) stands after its last content, before the next plan
        until = plans[k + 1].start if k + 1 < len(plans) else len(pdoc.text) + 1
        if k in prose:
            continue
        model = document.plans[built]
        records.append(DecisionRecord("plan", model.title or "(untitled)", model.span, plan.rule or "page_start",
                                      _pattern(plan.rule), plan.evidence, _line_facts(pdoc, plan.start), built))
        for s, sec in enumerate(sections):
            if sec.data.plan != k:
                continue
            records.append(DecisionRecord("section", sec.label, pdoc.orig_span(sec.start, sec.end), sec.rule,
                                          _pattern(sec.rule), sec.evidence, _line_facts(pdoc, sec.start), built))
            for e in entries_by_section.get(s, []):
                months = ",".join(map(str, e.data.months)) + "月"
                records.append(DecisionRecord("entry", months, pdoc.orig_span(e.start, e.end), e.rule,
                                              _pattern(e.rule), e.evidence, {}, built))
        set_aside = [*pdoc.layer("page_headers"), *(a for a in pdoc.layer("page_text") if a.label == "end_mark")]
        for a in sorted(set_aside, key=lambda a: a.start):
            if plan.start <= a.start < (plan.end if a.label == "page_header" else until):
                records.append(DecisionRecord("furniture", a.label.replace("_", " "), pdoc.orig_span(a.start, a.end), a.rule,
                                              _pattern(a.rule), a.evidence, _line_facts(pdoc, a.start), built))
        built += 1
    # a document on the page that is no plan (a 工作总结, a 通知), before the first plan that follows it
    for a in pdoc.layer("other_documents"):
        span = pdoc.orig_span(a.start, a.end)
        at = next((i for i, r in enumerate(records) if r.what == "plan" and r.span[0] >= span[0]), len(records))
        plan = records[at].plan if at < len(records) else built
        records.insert(at, DecisionRecord("unassigned", "(no plan)", span, a.rule, _pattern(a.rule), a.evidence,
                                          _line_facts(pdoc, a.start), plan))
    return Explanation(document, records)
