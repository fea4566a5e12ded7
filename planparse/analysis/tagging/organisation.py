"""The organisation a plan is for (XX小学工会, 萍乡市第二中学, XX区教育工会 …).

Looked for in the plan's title, its first short lines and its last short lines
(where plans are signed). Prose is not searched: a sentence such as
在张店区教育工会的领导下 names the superior body, not the plan's own. The
vocabularies are in ``planparse/data/organisation.toml``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from planparse.analysis.tagging.tokenizer import data_path
from planparse.models import Document, Plan


@dataclass(frozen=True)
class _Rules:
    pattern: re.Pattern[str]
    generic: frozenset[str]
    forbidden: tuple[str, ...]
    forbidden_patterns: re.Pattern[str] | None
    head_lines: int
    tail_lines: int
    max_line_length: int


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    with open(data_path("organisation.toml"), "rb") as fh:
        spec = tomllib.load(fh)
    kinds = "|".join(re.escape(k) for k in sorted(spec["kinds"], key=len, reverse=True))
    units = "|".join(re.escape(u) for u in sorted(spec["units"], key=len, reverse=True))
    name = f"{spec['name_chars']}{{1,{int(spec['max_name_length'])}}}"
    pattern = re.compile(rf"(?P<name>{name}?)(?P<kind>{kinds})(?:{units})?")
    return _Rules(
        pattern,
        frozenset(spec["generic_names"]),
        tuple(spec.get("forbidden_in_name", [])),
        re.compile("|".join(spec["not_in_name_patterns"])) if spec.get("not_in_name_patterns") else None,
        int(spec["head_lines"]),
        int(spec["tail_lines"]),
        int(spec["max_line_length"]),
    )


# a year, school year or term written before the organisation: 2023年, 2022-2023学年度第一学期, 2021
_YEAR_LEAD = re.compile(
    r"^(?:[\d０-９xX×一二〇零○]{2,4}\s*[-—~～至到]\s*)?[\d０-９xX×一二〇零○]{4}\s*(?:学年度?|年度?)?\s*(?:第?[一二12上下]学期)?"
)
# where an organisation may start: the line's start, or after a year or a bracket
_STARTS_AFTER = set("年度期）)】]》」”\"")


def _name_is_specific(name: str, rules: _Rules) -> bool:
    if not name or name in rules.generic:
        return False
    if rules.forbidden_patterns is not None and rules.forbidden_patterns.search(name):
        return False
    return not any(f in name for f in rules.forbidden)


def find_in_line(line: str) -> str | None:
    """The first organisation named in one title-like line, or None (the longest reading at that place)."""
    rules = _rules()
    text = re.sub(r"\s+", "", line)
    lead = _YEAR_LEAD.match(text)
    first = lead.end() if lead else 0
    for start in range(first, len(text)):
        if start != first and text[start - 1] not in _STARTS_AFTER:
            continue
        best = None
        for end in range(start + 2, min(len(text), start + 40) + 1):
            m = rules.pattern.fullmatch(text, start, end)
            if m and _name_is_specific(m.group("name"), rules):
                best = text[start:end]
        if best:
            return best
    return None


def find_organisation(plan: Plan, doc: Document) -> str | None:
    """The organisation ``plan`` names in its title, first or last short lines; None when it names none."""
    rules = _rules()
    candidates: list[str] = []
    if plan.title:
        candidates.append(plan.title)
    lines = [ln.strip() for ln in _plan_words(plan, doc).split("\n") if ln.strip()]
    short = [ln for ln in lines if len(ln) <= rules.max_line_length]
    candidates += [ln for ln in lines[: rules.head_lines] if ln in short]
    candidates += [ln for ln in lines[-rules.tail_lines :] if ln in short]
    for line in candidates:
        found = find_in_line(line)
        if found:
            return found
    return None


def _plan_words(plan: Plan, doc: Document) -> str:
    """The plan's text without the site furniture inside it (a viewer's line numbers, a site name
    glued into a line): a signature line reads as the unit it names."""
    start, end = plan.span
    parts: list[str] = []
    pos = start
    for a, b in sorted(doc.furniture):
        if b <= pos or a >= end:
            continue
        parts.append(doc.text[pos:a] if a > pos else "")
        pos = max(pos, min(b, end))
    parts.append(doc.text[pos:end])
    return "".join(parts)
