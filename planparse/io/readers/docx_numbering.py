"""Word's automatic numbering rebuilt as text.

A paragraph numbered by Word carries no "一、" in its text: the number comes from numbering.xml
(w:numPr numId/ilvl → w:num → w:abstractNum → w:lvl with numFmt, lvlText, start). We replay the
counters in document order so the marker can be put back in front of the paragraph text and the
parser finds headings and items exactly as in typed text.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from planparse.io.readers._config import config

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _val(el: Any, tag: str) -> str | None:
    child = el.find(W + tag) if el is not None else None
    return None if child is None else child.get(W + "val")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    legal: bool = False
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; None = any higher level
    suffix: str = "tab"
    style: str | None = None


def _parse_level(lvl: Any) -> Level:
    lvl_text = lvl.find(W + "lvlText")
    is_lgl = lvl.find(W + "isLgl")
    restart = _val(lvl, "lvlRestart")
    return Level(
        start=_int(_val(lvl, "start"), 1),
        fmt=_val(lvl, "numFmt") or "decimal",
        text=(lvl_text.get(W + "val") or "") if lvl_text is not None else "",
        legal=is_lgl is not None and is_lgl.get(W + "val", "1") not in ("0", "false", "off"),
        restart=_int(restart, 0) if restart is not None else None,
        suffix=_val(lvl, "suff") or "tab",
        style=_val(lvl, "pStyle"),
    )


@dataclass
class _Num:
    abstract: str
    levels: dict[int, Level]
    start_overrides: dict[int, int] = field(default_factory=dict)


# ---- number formats -------------------------------------------------------------------------------


@functools.cache
def _chars() -> dict[str, Any]:
    return dict(config()["numbering"])


def _counting(n: int, digits: str, units: list[str], ten_alone: bool, zero: str) -> str:
    """Chinese counting (十一, 二十, 一百零五); ``ten_alone``: 10–19 written 十… rather than 一十…."""
    if n <= 0 or n >= 10000:
        return str(n)
    out: list[str] = []
    s = str(n)
    gap = False
    for i, d in enumerate(s):
        pos = len(s) - 1 - i
        if d == "0":
            gap = True
            continue
        if gap and out:
            out.append(zero)
        gap = False
        out.append(digits[int(d)] + units[pos])
    text = "".join(out)
    if ten_alone and 10 <= n <= 19:
        text = text[1:]
    return text


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                       (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


def _letter(n: int) -> str:
    # Word repeats the letter: 27 → AA, 28 → BB
    if n <= 0:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _seq(name: str, n: int) -> str:
    seq = _chars()[name]
    return seq[n - 1] if 1 <= n <= len(seq) else str(n)


def format_number(n: int, fmt: str) -> str:
    """``n`` in Word's number format ``fmt`` (w:numFmt); unknown formats fall back to decimal."""
    c = _chars()
    if fmt == "none":
        return ""
    if fmt in ("chineseCounting", "japaneseCounting", "taiwaneseCounting", "koreanCounting",
               "chineseCountingThousand", "taiwaneseCountingThousand", "japaneseCountingThousand"):
        return _counting(n, c["chinese_digits"], c["chinese_units"], ten_alone=True, zero=c["chinese_zero"])
    if fmt == "chineseLegalSimplified":
        return _counting(n, c["legal_simplified_digits"], c["legal_simplified_units"], ten_alone=False, zero="零")
    if fmt in ("ideographLegalTraditional", "japaneseLegal"):
        return _counting(n, c["legal_traditional_digits"], c["legal_traditional_units"], ten_alone=False, zero="零")
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(c["chinese_digits"][int(d)] for d in str(n)) if n >= 0 else str(n)
    if fmt == "ideographTraditional":
        return _seq("ideograph_traditional", n)
    if fmt == "ideographZodiac":
        return _seq("ideograph_zodiac", n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _seq("decimal_enclosed_circle", n)
    if fmt == "decimalEnclosedParen":
        return _seq("decimal_enclosed_paren", n)
    if fmt == "decimalEnclosedFullstop":
        return _seq("decimal_enclosed_fullstop", n)
    if fmt == "ideographEnclosedCircle":
        return _seq("ideograph_enclosed_circle", n)
    if fmt == "ideographParen":
        return _seq("ideograph_paren", n)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letter(n)
    if fmt == "lowerLetter":
        return _letter(n).lower()
    return str(n)


# ---- numbering definitions and counters -------------------------------------------------------------


class Numbering:
    """Numbering definitions of one document and the running counters, fed paragraphs in document order."""

    def __init__(self, numbering: Any | None, styles: Any | None) -> None:
        self._abstract: dict[str, dict[int, Level]] = {}
        self._nums: dict[str, _Num] = {}
        self._style_numpr: dict[str, tuple[str | None, int | None]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        if numbering is not None:
            self._load_numbering(numbering)
        if styles is not None:
            self._load_styles(styles)

    def _load_numbering(self, root: Any) -> None:
        links: dict[str, str] = {}  # numbering-style name → abstractNum that defines it (w:styleLink)
        pending_links: dict[str, str] = {}  # abstractNum → numbering-style it borrows (w:numStyleLink)
        for absn in root.findall(W + "abstractNum"):
            aid = absn.get(W + "abstractNumId") or ""
            self._abstract[aid] = {_int(lvl.get(W + "ilvl"), 0): _parse_level(lvl) for lvl in absn.findall(W + "lvl")}
            if (style_link := _val(absn, "styleLink")) is not None:
                links[style_link] = aid
            if (num_style_link := _val(absn, "numStyleLink")) is not None:
                pending_links[aid] = num_style_link
        for aid, style in pending_links.items():
            if style in links and not self._abstract.get(aid):
                self._abstract[aid] = self._abstract.get(links[style], {})
        for num in root.findall(W + "num"):
            nid = num.get(W + "numId") or ""
            aid = _val(num, "abstractNumId") or ""
            levels = dict(self._abstract.get(aid, {}))
            entry = _Num(aid, levels)
            for ov in num.findall(W + "lvlOverride"):
                ilvl = _int(ov.get(W + "ilvl"), 0)
                start = _val(ov, "startOverride")
                lvl = ov.find(W + "lvl")
                if lvl is not None:
                    levels[ilvl] = _parse_level(lvl)
                if start is not None:
                    entry.start_overrides[ilvl] = _int(start, 1)
            self._nums[nid] = entry

    def _load_styles(self, root: Any) -> None:
        own: dict[str, tuple[str | None, int | None]] = {}
        based: dict[str, str] = {}
        for st in root.findall(W + "style"):
            sid = st.get(W + "styleId") or ""
            numpr = st.find(f"{W}pPr/{W}numPr")
            if numpr is not None:
                ilvl = _val(numpr, "ilvl")
                own[sid] = (_val(numpr, "numId"), _int(ilvl, 0) if ilvl is not None else None)
            if (parent := _val(st, "basedOn")) is not None:
                based[sid] = parent
        for sid in set(own) | set(based):
            seen: set[str] = set()
            cur: str | None = sid
            while cur is not None and cur not in seen:
                seen.add(cur)
                if cur in own:
                    self._style_numpr[sid] = own[cur]
                    break
                cur = based.get(cur)

    def _numpr(self, p: Any) -> tuple[str | None, int | None, str | None]:
        ppr = p.find(W + "pPr")
        style = _val(ppr, "pStyle") if ppr is not None else None
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        num_id = ilvl = None
        if numpr is not None:
            num_id = _val(numpr, "numId")
            lv = _val(numpr, "ilvl")
            ilvl = _int(lv, 0) if lv is not None else None
        if style and (num_id is None or ilvl is None) and style in self._style_numpr:
            s_num, s_ilvl = self._style_numpr[style]
            num_id = num_id if num_id is not None else s_num
            ilvl = ilvl if ilvl is not None else s_ilvl
        return num_id, ilvl, style

    def marker(self, p: Any) -> str | None:
        """The number Word shows in front of paragraph ``p`` (with its separator), advancing the counters."""
        num_id, ilvl, style = self._numpr(p)
        if num_id is None or num_id == "0" or num_id not in self._nums:
            return None
        num = self._nums[num_id]
        if ilvl is None:
            # a style-numbered paragraph: the level is the one linked to its style
            ilvl = next((i for i, lv in num.levels.items() if style and lv.style == style), 0)
        level = num.levels.get(ilvl)
        if level is None:
            return None
        # instances with their own start values count on their own; others share the abstract list's counters
        key = f"num:{num_id}" if num.start_overrides else f"abs:{num.abstract}"
        counters = self._counters.setdefault(key, {})

        def start_of(i: int) -> int:
            if i in num.start_overrides:
                return num.start_overrides[i]
            lv = num.levels.get(i)
            return lv.start if lv else 1

        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start_of(ilvl)
        for deeper in [i for i in counters if i > ilvl]:
            lv = num.levels.get(deeper)
            if lv is None or lv.restart is None or (lv.restart != 0 and ilvl + 1 <= lv.restart):
                del counters[deeper]
        if level.fmt == "bullet":
            return None

        def sub(match_level: int) -> str:
            value = counters.get(match_level, start_of(match_level))
            lv = num.levels.get(match_level)
            fmt = "decimal" if level.legal else (lv.fmt if lv else "decimal")
            return format_number(value, fmt)

        out = []
        text = level.text
        i = 0
        while i < len(text):
            if text[i] == "%" and i + 1 < len(text) and text[i + 1].isdigit():
                out.append(sub(int(text[i + 1]) - 1))
                i += 2
            else:
                out.append(text[i])
                i += 1
        marker = "".join(out)
        if not marker:
            return None
        if level.suffix == "space" or marker[-1].isascii() and marker[-1].isalnum():
            marker += " "
        return marker
