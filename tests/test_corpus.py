"""The project's corpus: ``corpus/NN_name.txt`` with ``corpus/NN_name.expected.json``.

Each expected file is the gold format of ../shared/eval (see GUIDE.md there) plus
``covers`` (what the file exercises) and ``items``.  Rules the files follow:

* ``sections[i].quote`` is the exact text at which a section starts; its offset is
  found like ``fill_at.py`` does: searched from one past the previous section's
  offset, across all plans of the file in order.
* ``items`` lists every numbered item of the plan in document order, as
  ``{"section": index into the plan's sections, "level", "number", "text"}``
  where ``text`` is a prefix (at most 12 characters) of the item's own text
  without its marker.  Levels come from the order in which marker families
  first appear in the plan, numbered section headings included: in a plan with
  一、指导思想 / 二、主要工作, the 一、 family is level 0 and the （一） items under
  二、主要工作 are level 1.  The levels nest: a family met again closes the ones
  opened below it, so 1. items directly under 四、工作要求 are level 1 even when
  1. was level 2 under an earlier （一） (files 32, 34, 44).  A text that starts
  mid-plan (4、重视……) has its first family at level 0.  Section headings
  themselves are sections, not items.
* THE ONE RULE FOR SCHEDULES: items inside ``schedule`` sections are NOT listed
  in ``items`` (a month's activities are checked through ``schedule`` instead),
  and the parser's items of schedule sections are left out of the comparison.
* ``schedule_undated: true`` on a plan: its schedule section's rows put their activities in no
  month (week rows 第一周：… without dates; GUIDE.md dates a week row by its dates), so it has no
  entries; otherwise a plan has entries exactly when it has a schedule section.
* ``schedule`` is compared as a multiset of (months, activity) after stripping
  trailing punctuation on both sides; section starts must match exactly.

``test_expected_file_is_consistent`` checks each expected file on its own and must
always pass.  The other tests compare ``planparse.parse_file`` with the expected
files; they fail until the parser handles the format a file exercises.  Where the
parser is wrong by GUIDE.md and the gap is not fixed yet, ``KNOWN_GAPS`` names the
file and comparison with the reason, and that comparison is a strict xfail.
"""

from __future__ import annotations

import difflib
import functools
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

# Corpus files whose expectations the parser does not meet yet, where the parser is wrong by
# GUIDE.md: (file, comparison) -> what it gets wrong.  Those comparisons are strict xfails: when a
# gap is fixed its test XPASSes and fails the suite, so remove its line here.
KNOWN_GAPS: dict[tuple[str, str], str] = {
}
COMPARISONS = ("plans", "sections", "items", "schedule")

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
EXPECTED = sorted(CORPUS.glob("*.expected.json"))
KINDS = {"guiding_ideology", "goals", "main_work", "measures", "schedule", "situation", "other"}
# how far below its title a plan's first lines may state its year (GUIDE: title or first lines)
OPENING_CHARS = 150
TRAILING = set("。；;，,、：:！!？?.．…　 \t\n")


def _ids(paths: list[Path]) -> list[str]:
    return [p.name.removesuffix(".expected.json") for p in paths]


def _cases(comparison: str) -> list[Any]:
    """The expected files for one comparison, a known gap marked as a strict xfail."""
    cases = []
    for path, name in zip(EXPECTED, _ids(EXPECTED), strict=True):
        reason = KNOWN_GAPS.get((name, comparison))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        cases.append(pytest.param(path, id=name, marks=marks))
    return cases


def read_text(path: Path) -> str:
    """The input as the contract decodes it: BOM dropped, newlines made \\n."""
    return path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")


@functools.cache
def load(exp_path: Path) -> tuple[dict[str, Any], str]:
    exp = json.loads(exp_path.read_text(encoding="utf-8"))
    return exp, read_text(CORPUS / exp["file"])


def quote_offsets(exp: dict[str, Any], text: str) -> list[list[int]]:
    """Each plan's section starts, searched in order like fill_at.py (-1 when a quote is missing)."""
    pos = 0
    out: list[list[int]] = []
    for plan in exp["plans"]:
        starts = []
        for sec in plan["sections"]:
            at = text.find(sec["quote"], pos)
            starts.append(at)
            if at >= 0:
                pos = at + 1
        out.append(starts)
    return out


_CJK_YEAR_DIGITS = str.maketrans("〇零○一二三四五六七八九", "000123456789")


def _digit_years(title: str) -> str:
    """The title with years written in Chinese numerals (二〇二三年) as digits (2023年)."""
    import re

    return re.sub(r"[一二][〇零○一二三四五六七八九]{3}(?=年)", lambda m: m.group().translate(_CJK_YEAR_DIGITS), title)


def _joined_lines(text: str) -> str:
    """The text with its line breaks and the spaces around them gone: a title broken over lines joined."""
    import re

    return re.sub(r"[ \t\u3000]*\n\s*", "", text)


def strip_trailing(s: str) -> str:
    s = s.strip()
    while s and s[-1] in TRAILING:
        s = s[:-1]
    return s


def _wrapped_over_cells(act: str, text: str) -> bool:
    """``act`` is a table cell's words wrapped onto the next line, past the row's later cells: its
    first part ends somewhere in a line and its rest opens the next line (教学常规第一次 教务处 / 检查)."""
    for i in range(1, len(act)):
        head, rest = act[:i], act[i:]
        at = text.find(head)
        while at >= 0:
            nl = text.find("\n", at + len(head))
            if nl >= 0 and "\n" not in text[at:nl] and text[nl + 1 :].lstrip(" \t\u3000").startswith(rest):
                return True
            at = text.find(head, at + 1)
    return False


def _kind(k: Any) -> str:
    return getattr(k, "value", k)


@functools.cache
def parsed(exp_path: Path) -> Any:
    import planparse

    exp, _ = load(exp_path)
    return planparse.parse_file(CORPUS / exp["file"])


def _diff(label: str, want: list[str], got: list[str]) -> str:
    lines = difflib.unified_diff(want, got, "expected", "got", lineterm="", n=2)
    return f"{label}:\n  " + "\n  ".join(lines)


# ---------------------------------------------------------------- the files on their own


def test_corpus_is_big_enough() -> None:
    assert len(EXPECTED) >= 15, f"only {len(EXPECTED)} expected files in {CORPUS}"
    for txt in CORPUS.glob("*.txt"):
        assert txt.with_name(txt.name.removesuffix(".txt") + ".expected.json").exists(), (
            f"{txt.name} has no expected file"
        )


def test_known_gaps_name_corpus_files() -> None:
    names = set(_ids(EXPECTED))
    stale = [key for key in KNOWN_GAPS if key[0] not in names or key[1] not in COMPARISONS]
    assert not stale, f"KNOWN_GAPS entries naming no corpus file or comparison: {stale}"


@pytest.mark.parametrize("exp_path", EXPECTED, ids=_ids(EXPECTED))
def test_expected_file_is_consistent(exp_path: Path) -> None:
    exp, text = load(exp_path)
    problems: list[str] = []
    assert exp["file"] == exp_path.name.removesuffix(".expected.json") + ".txt", "'file' must name the .txt beside it"
    if not exp.get("covers") or not all(isinstance(c, str) and c for c in exp["covers"]):
        problems.append("'covers' must be a non-empty list of strings")
    if not exp["plans"]:
        problems.append("no plans")
    offsets = quote_offsets(exp, text)
    for pi, (plan, starts) in enumerate(zip(exp["plans"], offsets, strict=True)):
        where = f"plan {pi} ({plan.get('title')!r})"
        title, year = plan["title"], plan["year"]
        # a title broken over two lines (光明小学2025年春季 / 德育工作计划) is one title, its parts joined
        if title is not None and title not in text and title not in _joined_lines(text):
            problems.append(f"{where}: title not found in the text")
        if year is not None:
            # GUIDE: the year its title or first lines state (……工作打算 2025.02, 2025年是……之年 under the title)
            at = text.find(title) if title is not None and title in text else 0
            opening = text[at : at + len(title or "") + OPENING_CHARS] if title is not None else ""
            if not isinstance(year, int) or not 1990 <= year <= 2100:
                problems.append(f"{where}: bad year {year!r}")
            elif str(year) not in _digit_years(title or "") and str(year) not in _digit_years(opening):
                problems.append(f"{where}: year {year} is not stated in the title or the lines under it")
        for si, (sec, at) in enumerate(zip(plan["sections"], starts, strict=True)):
            q = sec["quote"]
            if sec["kind"] not in KINDS:
                problems.append(f"{where} section {si}: unknown kind {sec['kind']!r}")
            if len(q) < 4:
                problems.append(f"{where} section {si}: quote {q!r} shorter than 4 characters")
            if at < 0:
                problems.append(f"{where} section {si}: quote {q!r} not found after the previous section")
                continue
            head = sec["heading"]
            if head is not None and not text.startswith(head, at):
                problems.append(
                    f"{where} section {si}: heading {head!r} is not the text at its start {text[at : at + 20]!r}"
                )
        n_sec = len(plan["sections"])
        max_level = 0  # numbered section headings may hold level 0, so items can start at 1
        for ii, item in enumerate(plan["items"]):
            s, lev, num, t = item["section"], item["level"], item["number"], item["text"]
            if not (isinstance(s, int) and 0 <= s < n_sec):
                problems.append(f"{where} item {ii}: section index {s!r} out of range")
                continue
            if plan["sections"][s]["kind"] == "schedule":
                problems.append(f"{where} item {ii}: items of schedule sections are not listed")
            if not isinstance(lev, int) or lev < 0 or lev > max_level + 1:
                problems.append(f"{where} item {ii}: level {lev!r} after levels up to {max_level}")
            max_level = max(max_level, lev if isinstance(lev, int) else 0)
            if not isinstance(num, int) or num < 1:
                problems.append(f"{where} item {ii}: bad number {num!r}")
            if not t or len(t) > 12 or t != t.strip():
                problems.append(f"{where} item {ii}: text {t!r} must be 1..12 characters, no outer spaces")
            start = starts[s]
            end = starts[s + 1] if s + 1 < n_sec else len(text)
            if start >= 0 and end >= 0 and t not in text[start:end]:
                problems.append(f"{where} item {ii}: text {t!r} not found in its section {s}")
        prev = [it["section"] for it in plan["items"]]
        if prev != sorted(prev):
            problems.append(f"{where}: items are not in document order of sections")
        for e in plan["schedule"]:
            months, act = e["months"], e["activity"]
            if (
                not months
                or any(not isinstance(m, int) or not 1 <= m <= 12 for m in months)
                or months != sorted(set(months))
            ):
                problems.append(f"{where}: bad months {months} for {act[:20]!r}")
            if not act.strip():
                problems.append(f"{where}: empty activity in months {months}")
            elif strip_trailing(act) != act:
                problems.append(f"{where}: activity {act!r} has outer spaces or trailing punctuation")
            elif act not in text and act not in text.replace("\n", "") and not _wrapped_over_cells(act, text):
                # a hard-wrapped activity is one entry, its words joined across the line break (in a
                # table, across the row's later cells too)
                problems.append(f"{where}: activity {act!r} is not verbatim in the text")
        has_schedule = any(s["kind"] == "schedule" for s in plan["sections"])
        if plan.get("schedule_undated"):
            # a schedule whose rows put their activities in no month (第一周：… with no dates)
            if not has_schedule or plan["schedule"]:
                problems.append(f"{where}: schedule_undated needs a schedule section and no entries")
        elif has_schedule != bool(plan["schedule"]):
            problems.append(f"{where}: a plan has schedule entries exactly when it has a schedule section")
    assert not problems, f"{exp_path.name}:\n  " + "\n  ".join(problems)


# ---------------------------------------------------------------- the parser against them


@pytest.mark.parametrize("exp_path", _cases("plans"))
def test_plans_titles_years(exp_path: Path) -> None:
    exp, _ = load(exp_path)
    doc = parsed(exp_path)
    want = [f"title={p['title']!r} year={p['year']!r}" for p in exp["plans"]]
    got = [f"title={p.title!r} year={p.year!r}" for p in doc.plans]
    assert want == got, f"{exp['file']}: {len(exp['plans'])} plans expected, {len(doc.plans)} found\n" + _diff(
        "plans", want, got
    )


def _section_rows(sections: list[tuple[str, str | None, int]], text: str) -> list[str]:
    return [f"{k:16} at {at:>6}  heading={h!r}  text={text[at : at + 14]!r}" for k, h, at in sections]


@pytest.mark.parametrize("exp_path", _cases("sections"))
def test_sections(exp_path: Path) -> None:
    exp, text = load(exp_path)
    doc = parsed(exp_path)
    assert doc.text == text, "Document.text differs from the decoded input"
    offsets = quote_offsets(exp, text)
    diffs = []
    for pi in range(max(len(exp["plans"]), len(doc.plans))):
        want: list[tuple[str, str | None, int]] = []
        got: list[tuple[str, str | None, int]] = []
        if pi < len(exp["plans"]):
            want = [
                (s["kind"], s["heading"], at) for s, at in zip(exp["plans"][pi]["sections"], offsets[pi], strict=True)
            ]
        if pi < len(doc.plans):
            got = [(_kind(s.kind), s.heading, s.span[0]) for s in doc.plans[pi].sections]
        if want != got:
            diffs.append(
                _diff(f"plan {pi} sections (kind, start, heading)", _section_rows(want, text), _section_rows(got, text))
            )
    assert not diffs, f"{exp['file']}:\n" + "\n".join(diffs)


def _parser_items(plan: Any) -> list[tuple[int, int, int | None, str]]:
    out = []
    for si, sec in enumerate(plan.sections):
        if _kind(sec.kind) == "schedule":
            continue
        for item in sec.walk_items():
            out.append((si, item.level, item.number, item.text))
    return out


@pytest.mark.parametrize("exp_path", _cases("items"))
def test_items(exp_path: Path) -> None:
    exp, _ = load(exp_path)
    doc = parsed(exp_path)
    diffs = []
    for pi in range(max(len(exp["plans"]), len(doc.plans))):
        want = (
            [(i["section"], i["level"], i["number"], i["text"]) for i in exp["plans"][pi]["items"]]
            if pi < len(exp["plans"])
            else []
        )
        got = _parser_items(doc.plans[pi]) if pi < len(doc.plans) else []
        same = len(want) == len(got) and all(
            w[:3] == g[:3] and (g[3] or "").startswith(w[3]) for w, g in zip(want, got, strict=False)
        )
        if not same:
            w_rows = [f"section {s} level {lv} number {n}  text^={t!r}" for s, lv, n, t in want]
            g_rows = []
            for k, (s, lv, n, t) in enumerate(got):
                # show the parser's text cut to the expected prefix's length where it matches, so equal rows diff equal
                exp_t = want[k][3] if k < len(want) else None
                shown = exp_t if exp_t is not None and (t or "").startswith(exp_t) else (t or "")[:12]
                g_rows.append(f"section {s} level {lv} number {n}  text^={shown!r}")
            diffs.append(_diff(f"plan {pi} items (section, level, number, text prefix)", w_rows, g_rows))
    assert not diffs, f"{exp['file']}:\n" + "\n".join(diffs)


@pytest.mark.parametrize("exp_path", _cases("schedule"))
def test_schedule(exp_path: Path) -> None:
    exp, _ = load(exp_path)
    doc = parsed(exp_path)
    diffs = []
    for pi in range(max(len(exp["plans"]), len(doc.plans))):
        want = Counter(
            (tuple(e["months"]), strip_trailing(e["activity"]))
            for e in (exp["plans"][pi]["schedule"] if pi < len(exp["plans"]) else [])
        )
        got = Counter(
            (tuple(e.months), strip_trailing(e.activity))
            for e in (doc.plans[pi].schedule if pi < len(doc.plans) else [])
        )
        if want != got:
            missing = sorted((want - got).elements())
            extra = sorted((got - want).elements())
            rows = [f"  missing {list(m)} {a!r}" for m, a in missing] + [f"  extra   {list(m)} {a!r}" for m, a in extra]
            diffs.append(
                f"plan {pi} schedule ({sum(want.values())} expected, {sum(got.values())} found):\n" + "\n".join(rows)
            )
    assert not diffs, f"{exp['file']}:\n" + "\n".join(diffs)
