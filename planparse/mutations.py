"""Plan-like texts and mutations of real ones, for fuzzing (tests/test_fuzz.py, scripts/fuzz.py).

Everything is driven by a ``random.Random``, so that a case is reproduced by its seed and so that
Hypothesis (``st.randoms()``) can shrink a failing one. The pieces (titles, headings, numbering,
month labels, furniture, noise) are data: planparse/data/fuzz.toml.
"""

from __future__ import annotations

import functools
import random
import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from planparse.datafiles import data_path
from planparse.parse.normalise import find_page_numbers
from planparse.parse.vocab import glyphs


@functools.cache
def pieces() -> dict[str, Any]:
    with data_path("fuzz.toml").open("rb") as fh:
        return tomllib.load(fh)


def _piece(rng: random.Random) -> str:
    p = pieces()
    kind = rng.choice(["titles", "headings", "markers", "month_labels", "sentences", "furniture", "noise", "code_point"])
    if kind == "markers":
        return rng.choice(rng.choice(p["markers"]))
    if kind == "code_point":
        return chr(rng.choice(p["noise_code_points"]))
    return str(rng.choice(p[kind]))


def plan_like(rng: random.Random) -> str:
    """A generated plan: a title, numbered sections with nested items, month lines, furniture, noise."""
    p = pieces()
    lines: list[str] = []
    if rng.random() < 0.3:
        lines.append(rng.choice(p["furniture"]))
    if rng.random() < 0.8:
        lines.append(rng.choice(p["titles"]))
    top = rng.randrange(len(p["markers"]) - 1) if rng.random() < 0.2 else 0
    for s in range(rng.randint(1, 6)):
        family = p["markers"][top]
        marker = family[s % len(family)] if rng.random() < 0.9 else ""
        lines.append(marker + rng.choice(p["headings"]) + rng.choice(["", "：", "。", ""]))
        if rng.random() < 0.35:
            for _ in range(rng.randint(1, 8)):
                label = rng.choice(p["month_labels"])
                lines.append(label + rng.choice(p["sentences"]) + (rng.choice(p["sentences"]) if rng.random() < 0.3 else ""))
            continue
        depth = top + 1
        counters: dict[int, int] = {}
        for _ in range(rng.randint(0, 8)):
            depth = max(top + 1, min(len(p["markers"]) - 1, depth + rng.choice([-1, 0, 0, 1])))
            n = counters.get(depth, 0)
            counters[depth] = n + 1
            family = p["markers"][depth]
            lines.append(family[n % len(family)] + rng.choice(p["sentences"]))
            if rng.random() < 0.2:
                lines.append(rng.choice(p["sentences"]))  # a continuation line
    if rng.random() < 0.3:
        lines.extend(rng.sample(p["furniture"], k=rng.randint(1, 3)))
    sep = rng.choice(["\n", "\n", "\n\n", "\r\n", " "])  # " ": a text flattened into one line
    return sep.join(lines) + rng.choice(["", "\n"])


def _span(rng: random.Random, n: int, longest: int = 40) -> tuple[int, int]:
    start = rng.randrange(n + 1)
    return start, min(n, start + rng.randint(0, longest))


def _delete(rng: random.Random, t: str) -> str:
    a, b = _span(rng, len(t))
    return t[:a] + t[b:]


def _duplicate(rng: random.Random, t: str) -> str:
    a, b = _span(rng, len(t), 200)
    return t[:b] + t[a:b] + t[b:]


def _insert(rng: random.Random, t: str) -> str:
    at = rng.randrange(len(t) + 1)
    return t[:at] + _piece(rng) + t[at:]


def _insert_at_line_start(rng: random.Random, t: str) -> str:
    starts = [0, *(i + 1 for i, ch in enumerate(t) if ch == "\n")]
    at = rng.choice(starts)
    return t[:at] + _piece(rng) + t[at:]


def _replace_char(rng: random.Random, t: str) -> str:
    if not t:
        return t
    at = rng.randrange(len(t))
    return t[:at] + _piece(rng) + t[at + 1 :]


def _join_lines(rng: random.Random, t: str) -> str:
    breaks = [i for i, ch in enumerate(t) if ch == "\n"]
    if not breaks:
        return t
    at = rng.choice(breaks)
    return t[:at] + rng.choice(["", " ", "　"]) + t[at + 1 :]


def _split_line(rng: random.Random, t: str) -> str:
    at = rng.randrange(len(t) + 1)
    return t[:at] + "\n" + t[at:]


def _swap_lines(rng: random.Random, t: str) -> str:
    lines = t.split("\n")
    if len(lines) < 2:
        return t
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


def _truncate(rng: random.Random, t: str) -> str:
    at = rng.randrange(len(t) + 1)
    return t[:at] if rng.random() < 0.5 else t[at:]


def _repeat_line(rng: random.Random, t: str) -> str:
    lines = t.split("\n")
    i = rng.randrange(len(lines))
    lines[i : i + 1] = [lines[i]] * rng.randint(2, 30)
    return "\n".join(lines)


def _flatten(rng: random.Random, t: str) -> str:
    """The whole text in one line, as a PDF or web copy gives it."""
    return t.replace("\n", rng.choice(["", " "]))


MUTATIONS: list[Callable[[random.Random, str], str]] = [
    _delete, _duplicate, _insert, _insert, _insert_at_line_start, _insert_at_line_start, _replace_char,
    _join_lines, _split_line, _swap_lines, _truncate, _repeat_line, _flatten,
]  # fmt: skip


def mutate(rng: random.Random, text: str, times: int | None = None) -> str:
    """``text`` after ``times`` random mutations (1 to 8 when None)."""
    for _ in range(rng.randint(1, 8) if times is None else times):
        op = rng.choice(MUTATIONS)
        if op is _flatten and rng.random() < 0.8:
            op = _insert  # flattening is drastic: rarely
        text = op(rng, text)
    return text


def mutate_bytes(rng: random.Random, data: bytes, times: int | None = None) -> bytes:
    """Byte-level damage for files that are not text (.docx): flipped, cut, inserted or repeated bytes."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 4) if times is None else times):
        op = rng.randrange(4)
        at = rng.randrange(len(buf) + 1)
        if op == 0 and buf:
            buf[min(at, len(buf) - 1)] ^= 1 << rng.randrange(8)
        elif op == 1:
            del buf[at:]
        elif op == 2:
            buf[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        else:
            buf[at:at] = buf[at : at + rng.randint(1, 64)] * rng.randint(1, 4)
    return bytes(buf)


def as_input(rng: random.Random, text: str) -> tuple[bytes, str]:
    """``text`` as a file planparse would be handed: bytes in some encoding, or an HTML page; and a name."""
    if rng.random() < 0.25:
        body = "".join(f"<p>{line}</p>" if rng.random() < 0.8 else f"<div><font>{line}<br>" for line in text.split("\n"))
        page = f'<html><head><meta charset="utf-8"><title>计划</title></head><body>{body}</body></html>'
        return page.encode("utf-8", "surrogatepass"), rng.choice(["page.html", "page.htm", "page"])
    codec = rng.choice(pieces()["encodings"])
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        data = text.encode(codec, "replace") if rng.random() < 0.5 else text.encode("utf-8", "surrogatepass")
    return data, rng.choice(["plan.txt", "plan", "plan.md", "plan.doc"])


# ---------------------------------------------------------------- rewrites that keep the meaning
#
# A real plan says the same thing in many surface forms; a rewrite changes one of them in a way a
# careful reader would not notice (3月： for 三月：, 1. for 1、, full-width digits, an indented
# line, the site's furniture around the page), so the parse must not change. Each rewrite gives its
# change as edits of the text, so that any span of the original (a section's quote, an activity)
# can be carried over to the rewritten text: scripts/metamorphic.py maps a corpus file's expected
# file so, tests/test_properties.py writes its drawn plans in other styles with them.

Edit = tuple[int, int, str]  # text[start:end] becomes the string
Regions = Sequence[tuple[int, int]] | None  # where a rewrite may change the text (None: everywhere)

MONTHS_CN = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
_MONTH_NO = {"元": 1, **{cn: m for m, cn in enumerate(MONTHS_CN) if cn}}
_MONTH_WORD = r"十[一二]|[一二三四五六七八九十元]|1[0-2]|0?[1-9]"
# a single month's label opening a line: 三月：, 3月份:, 【三月】, 三月—— (not the range 三月——四月),
# or the month alone on its line; a range (三、四月) or a date (3月5日) is none
MONTH_LABEL = re.compile(
    rf"^[ \t\u3000]*(?P<label>【(?P<b>{_MONTH_WORD})月份?】"
    rf"|(?P<m>{_MONTH_WORD})月份?(?:——(?![\d一二三四五六七八九十元]+月)|[：:]|(?=[ \t\u3000]*$)))",
    re.M,
)
MONTH_FORMS = {
    "cn": "{cn}月：",
    "arabic": "{n}月：",
    "cn_fen": "{cn}月份：",
    "arabic_fen": "{n}月份：",
    "bracket": "【{cn}月】",
    "dash": "{cn}月——",
}

# numbering families a plan may write another way; (pattern of the marker, how to write number n).
# 1. and 1． are one family (the parser folds ． to .), （1） and (1) another
_CN_NUMERAL = "一二三四五六七八九十"
# a letter typed or scanned for the digit 1 of a marker (l、每位教师…: glyphs.toml one_lookalikes)
_ONE = f"[{re.escape(glyphs().one_lookalikes)}]"
MARKER_FAMILIES: dict[str, tuple[str, str]] = {
    "1、": (rf"(?P<n>[1-9]\d?|{_ONE}) ?、", "{n}、"),
    "1.": (rf"(?P<n>[1-9]\d?|{_ONE}) ?[.．]", "{n}."),
    "1．": (rf"(?P<n>[1-9]\d?|{_ONE}) ?[.．]", "{n}．"),
    "（1）": (r"[（(](?P<n>[1-9]\d?)[）)]", "（{n}）"),
    "一、": (rf"(?P<n>[{_CN_NUMERAL}]{{1,3}})、(?![{_CN_NUMERAL}])", "{n}、"),
    "一.": (rf"(?P<n>[{_CN_NUMERAL}]{{1,3}})[.．](?![{_CN_NUMERAL}])", "{n}."),
    # a number and a space before the words (4 加强…): no rewrite's source or target, but arabic
    "1 ": (r"(?<![^\n])(?P<n>[1-9]\d?)[ \t]+(?=[\u4e00-\u9fff])", "{n} "),
}
# the families the parser counts as one (markers.py: 1、 1. 1． are all "arabic"): a rewrite into
# another group must not meet that group in the text already
_GROUPS = {"1、": "arabic", "1.": "arabic", "1．": "arabic", "1 ": "arabic", "（1）": "paren_arabic", "一、": "cjk", "一.": "cjk"}
# what after a number with its dot or 、 makes it no marker, unless the number continues the list
# (2.9:00至10:30分组 after 1.…; 2、3月底前完成… after 1、…): a digit, and never a dotted section
# number (3.2.1中的要求), a dotted date (3.5 学雷锋, 2.17-2.21) or, after 、, months listed (7、8月份：)
_DIGIT_AFTER = re.compile(r"\d")
_NO_MARKER_AFTER = re.compile(r"\d+(?:[.．]\d|[\s\-—–~～至到/])")
_MONTHS_LISTED = re.compile(r"\d+\s*月份?\s*(?:[：:]|$)", re.M)  # 7、8月份： (but 5．12月： is the fifth row's month)
# where a marker stands: at a line start (after its indentation), or after a sentence's end, a
# colon or a space inside a line (items run on in one line)
_MARKER_AT = r"(?:^[ \t\u3000]*|(?<=[。；;！!？?：:])[ \t\u3000]*|(?<=[ \t\u3000]))"

_HALF_TO_FULL = {c: chr(ord(c) + 0xFEE0) for c in "0123456789!\"#$%&'()*+,-./:;<=>?@[\\]^_{|}~"}
_FULL_TO_HALF = {chr(o): chr(o - 0xFEE0) for o in range(0xFF01, 0xFF5F)}
# a line that ends a paragraph: sentence or clause punctuation at its end, or a short line (a
# heading, a label, a table's cell); a long line that ends mid-sentence is hard-wrapped
_PARAGRAPH_END = re.compile(r"[。；;！!？?：:）)」”\"】]\s*$")
_SHORT_LINE = 30
# a line holding only a marker (4. over the words of its item on the next line): no paragraph's end
_MARKER_ONLY = re.compile(r"\s*(?:[\d一二三四五六七八九十]{1,3}\s*[、.．]?|[（(]\s*[\d一二三四五六七八九十]{1,3}\s*[）)])\s*")
# what of a scraped page's HTML or JSON is left in its text (<p>, &nbsp;, \n): markup, no words to widen
_HTML_RESIDUE = re.compile(r"<[^<>\n]{0,200}>|&#?\w{1,8};?|\\[nrt]")


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """``text`` with its ``edits`` (sorted, not overlapping) made."""
    out: list[str] = []
    pos = 0
    for start, end, new in edits:
        out.append(text[pos:start])
        out.append(new)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def map_offset(edits: Sequence[Edit], pos: int, *, end: bool = False) -> int:
    """Where offset ``pos`` of the text lands after ``edits``.

    A span's start (``end=False``) lands after what is inserted at it and at the start of a
    replacement it falls in; a span's end lands before what is inserted at it and at the end of a
    replacement it falls in: an inserted indentation stays outside a quote, a rewritten marker
    inside it.
    """
    shift = 0
    for start, stop, new in edits:
        if start > pos or (start == pos and (end or start < stop)):
            break
        if stop <= pos and not (start == stop == pos and end):
            shift += len(new) - (stop - start)
            continue
        return start + shift + (len(new) if end else 0)  # pos inside a replaced stretch
    return pos + shift


def _in(regions: Regions, at: int) -> bool:
    return regions is None or any(a <= at < b for a, b in regions)


def _line_starts(text: str) -> list[int]:
    return [0, *(i + 1 for i, ch in enumerate(text) if ch == "\n")]


def _chars(table: dict[str, str], *, markup: bool = True) -> Callable[[str, Regions], list[Edit]]:
    """Every character of ``table`` replaced (outside HTML residue where ``markup`` is False)."""
    pattern = re.compile("[" + "".join(re.escape(c) for c in table) + "]")

    def edits(text: str, regions: Regions = None) -> list[Edit]:
        kept = [] if markup else [m.span() for m in _HTML_RESIDUE.finditer(text)]
        return [
            (m.start(), m.end(), table[m.group()])
            for m in pattern.finditer(text)
            if _in(regions, m.start()) and not any(a <= m.start() < b for a, b in kept)
        ]

    return edits


def month_labels(form: str) -> Callable[[str, Regions], list[Edit]]:
    """Every single-month label at a line start written in one ``form`` of MONTH_FORMS."""
    template = MONTH_FORMS[form]

    def edits(text: str, regions: Regions = None) -> list[Edit]:
        out: list[Edit] = []
        for m in MONTH_LABEL.finditer(text):
            if not _in(regions, m.start("label")):
                continue
            word = m.group("b") or m.group("m")
            n = _MONTH_NO.get(word) or int(word)
            out.append((m.start("label"), m.end("label"), template.format(cn=MONTHS_CN[n], n=n)))
        return out

    return edits


def _family_pattern(family: str) -> re.Pattern:
    return _family_pattern_of(MARKER_FAMILIES[family][0])


@functools.cache
def _family_pattern_of(pattern: str) -> re.Pattern:
    # a bracketed number closes itself: it runs on tight against the words before it too ((1)…(2)…)
    at = "" if pattern == MARKER_FAMILIES["（1）"][0] else _MARKER_AT
    return re.compile(at + "(?P<mark>" + pattern + ")", re.M)


def _number(n: str) -> int:
    if n in glyphs().one_lookalikes:
        return 1
    return int(n) if n.isdigit() else _CN_NUMERAL.index(n[-1]) + 1 + (10 if len(n) > 1 else 0)


def family_markers(text: str, family: str) -> list[re.Match]:
    """The markers of ``family`` in ``text``: a number before a digit (1.5万元) only where it
    continues the list before it (numbered in ``family`` or its kin: 3. 5月：… 4、7月—8月：…), or
    opens a list (1) that the next one continues (2)."""
    own = MARKER_FAMILIES[family][0]
    patterns = {own} | {MARKER_FAMILIES[f][0] for f, g in _GROUPS.items() if g == _GROUPS[family]}
    found = sorted(
        ((m, pattern == own) for pattern in patterns for m in _family_pattern_of(pattern).finditer(text)),
        key=lambda f: f[0].start(),
    )
    numbers = [_number(m.group("n")) for m, _ in found]
    out: list[re.Match] = []
    last: int | None = None
    for k, ((m, mine), n) in enumerate(zip(found, numbers, strict=True)):
        if _DIGIT_AFTER.match(text, m.end()):
            continues = last is not None and n == last + 1
            opens = n == 1 and k + 1 < len(found) and numbers[k + 1] == 2
            listed = m.group("mark").endswith("、") and _MONTHS_LISTED.match(text, m.end())
            if not (continues or opens) or listed or _NO_MARKER_AFTER.match(text, m.end()):
                continue
        last = n
        if mine:
            out.append(m)
    return out


def uses_family(text: str, family: str) -> bool:
    """Whether ``text`` numbers anything with ``family`` (1. and 1． being one family)."""
    return bool(family_markers(text, family))


def _group_used(text: str, group: str) -> bool:
    return any(uses_family(text, f) for f, g in _GROUPS.items() if g == group)


def _mixed_list(text: str, family: str) -> bool:
    """Whether a list of ``text`` numbers its items with ``family`` and another of its group by turns
    (1. 2. 3、 4.): rewriting ``family`` alone into another group would make the list two."""
    patterns = {MARKER_FAMILIES[f][0]: f for f, g in _GROUPS.items() if g == _GROUPS[family] and f != family}
    patterns[MARKER_FAMILIES[family][0]] = family  # 1. and 1． are one pattern: one family
    marks = sorted((m.start("mark"), f, _number(m.group("n"))) for f in patterns.values() for m in family_markers(text, f))
    return any(
        a[1] == c[1] != b[1] and a[2] + 1 == b[2] and b[2] + 1 == c[2] for a, b, c in zip(marks, marks[1:], marks[2:], strict=False)
    )


def markers(source: str, target: str) -> Callable[[str, Regions], list[Edit]]:
    """The markers of family ``source`` written as ``target``. Into another group of families (1、
    into （1）) only in a text that does not use that group already, where two families would become
    one and the levels would change, and whose lists do not mix ``source`` with its kin."""
    template = MARKER_FAMILIES[target][1]
    regroup = _GROUPS[source] != _GROUPS[target]

    def edits(text: str, regions: Regions = None) -> list[Edit]:
        if regroup and (_group_used(text, _GROUPS[target]) or _mixed_list(text, source)):
            return []
        # a flattened copy's page numbers (2、 at a line start mid-sentence) are no markers: they stay
        pages = find_page_numbers(text)
        return [
            (m.start("mark"), m.end("mark"), template.format(n=_number(m.group("n")) if _GROUPS[source] == "arabic" else m.group("n")))
            for m in family_markers(text, source)
            if _in(regions, m.start("mark")) and not any(a <= m.start("mark") < b for a, b in pages)
        ]

    return edits


def indent(text: str, regions: Regions = None) -> list[Edit]:
    """Two U+3000 before every line that holds anything, as a Word paragraph's first-line indent; a
    table's row pasted with its tabs is no paragraph (a tab opening it is the row's empty first cell)."""
    return [
        (at, at, "\u3000\u3000")
        for at, line in zip(_line_starts(text), text.split("\n"), strict=True)
        if line.strip() and "\t" not in line and _in(regions, at)
    ]


def blank_lines_added(text: str, regions: Regions = None) -> list[Edit]:
    """A blank line after every paragraph that another follows directly (a hard-wrapped line is no
    paragraph's end: it runs on into the next)."""
    lines = text.split("\n")
    out: list[Edit] = []
    for at, line, after in zip(_line_starts(text), lines, lines[1:], strict=False):
        ends = _PARAGRAPH_END.search(line) or len(line.strip()) < _SHORT_LINE
        if line.strip() and after.strip() and ends and not _MARKER_ONLY.fullmatch(line):
            if _in(regions, at):
                out.append((at + len(line) + 1, at + len(line) + 1, "\n"))
    return out


def blank_lines_removed(text: str, regions: Regions = None) -> list[Edit]:
    """Every line that holds nothing but spaces cut out."""
    starts = _line_starts(text)
    return [
        (at, at + len(line) + 1, "")
        for at, line in zip(starts[1:], text.split("\n")[1:-1], strict=False)
        if not line.strip() and _in(regions, at)
    ]


def furniture_around(text: str, regions: Regions = None) -> list[Edit]:
    """A scraped page's furniture above the plan (site name, breadcrumbs, posting line) and below
    it (上一篇/下一篇, the copyright line): fuzz.toml [rewrites]."""
    p = pieces()["rewrites"]
    top = "\n".join(p["furniture_top"]) + "\n"
    bottom = ("" if text.endswith("\n") else "\n") + "\n".join(p["furniture_bottom"]) + "\n"
    return [(0, 0, top), (len(text), len(text), bottom)]


def _traditional() -> dict[str, str]:
    from planparse.parse.charmap import traditional_char_map

    return traditional_char_map()


@functools.cache
def _traditional_edits() -> Callable[[str, Regions], list[Edit]]:
    return _chars(_traditional())


def traditional(text: str, regions: Regions = None) -> list[Edit]:
    """The text in traditional characters (the project's charmap read backwards)."""
    return _traditional_edits()(text, regions)


@dataclass(frozen=True)
class Rewrite:
    """A rewrite that keeps the meaning: its edits of a text, and where it is a character-for-character
    change, the map that carries a string the edits cannot place (an activity joined over a line break)."""

    name: str
    edits: Callable[[str, Regions], list[Edit]]
    chars: Callable[[], dict[str, str]] | None = None
    schedule_only: bool = False  # changes only the schedule's lines (month labels)

    def apply(self, text: str, regions: Regions = None) -> str:
        return apply_edits(text, self.edits(text, regions))

    def string(self, s: str) -> str:
        """``s`` rewritten by the character map (``s`` itself for a rewrite with none)."""
        return s.translate(_translation(self.chars)) if self.chars else s


@functools.cache
def _translation(chars: Callable[[], dict[str, str]]) -> dict[int, str]:
    return str.maketrans(chars())


REWRITES: dict[str, Rewrite] = {
    **{f"month-{form}": Rewrite(f"month-{form}", month_labels(form), schedule_only=True) for form in MONTH_FORMS},
    **{
        f"marker-{a}-to-{b}": Rewrite(f"marker-{a}-to-{b}", markers(a, b))
        for a, b in [
            ("1、", "1."), ("1、", "1．"), ("1、", "（1）"), ("1.", "1、"), ("1.", "（1）"),
            ("（1）", "1、"), ("（1）", "1."), ("一、", "一."), ("一.", "一、"),
        ]
    },
    "width-half": Rewrite("width-half", _chars(_FULL_TO_HALF), lambda: _FULL_TO_HALF),
    "width-full": Rewrite("width-full", _chars(_HALF_TO_FULL, markup=False), lambda: _HALF_TO_FULL),
    "indent": Rewrite("indent", indent),
    "blank-lines-added": Rewrite("blank-lines-added", blank_lines_added),
    "blank-lines-removed": Rewrite("blank-lines-removed", blank_lines_removed),
    "furniture": Rewrite("furniture", furniture_around),
    "traditional": Rewrite("traditional", traditional, _traditional),
}  # fmt: skip
