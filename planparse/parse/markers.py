"""Numbering markers: 一、 （一） 1. 1、 (1) ① ⑴ 第一、 第一部分 第四项, Ⅰ、 I、 【一】 任务一：, bullets "- 1 .", lost digits ".认真…".

A marker is recognised at the start of a (stripped, normalised) line. Which level it
is on is not decided here: levels come from the order in which families first
appear in a plan (see items.py).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from planparse.datafiles import data_path
from planparse.parse.chars import MARKER_BULLETS
from planparse.parse.numerals import cjk_to_int

_CJK = "[一二三四五六七八九十百]{1,4}"
# formal (financial) numerals 壹、贰、叁: a family of their own, since a plan numbering its parts
# with them numbers what is under them with 一、
_FORMAL = "[壹贰貳叁參参肆伍陆陸柒捌玖拾佰]{1,4}"
_WORDS = tomllib.loads(data_path("markers.toml").read_text(encoding="utf-8"))
_PART_WORDS = "|".join(map(re.escape, _WORDS["part_words"]))
_NOT_ORDINAL = "|".join(map(re.escape, _WORDS["ordinal_not_before"]))
_BULLET = rf"(?:[{re.escape(MARKER_BULLETS)}]\s*)?"
# 任务一： 专题二、 关注事项三： 措施一 加强…: a noun naming what the parts are, then the ordinal,
# the noun perhaps qualified (重点任务一, 专项行动二); punctuation or a space must follow the
# numeral, so words that merely begin so (目标一致, 任务一览) are no markers
_ORDINAL_NOUNS = "|".join(map(re.escape, sorted(_WORDS["ordinal_nouns"], key=len, reverse=True)))
_NOUN_QUALIFIER = "(?:" + "|".join(map(re.escape, sorted(_WORDS["ordinal_noun_qualifiers"], key=len, reverse=True))) + ")?"
# I、 II. IV： (Latin capitals, as typed or with full-width letters folded): Roman numerals up to
# XII, punctuation and Chinese words after them, so an English word or an abbreviation (IT部门) is none
_LATIN_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11, "XII": 12}
_LATIN_ROMAN_RE = "|".join(sorted(_LATIN_ROMAN, key=len, reverse=True))
# a digit after "1." is a decimal or a date (1.5万元, 3.15) unless it opens a month (1.3月上旬：…) or
# a time of day (2.9:00至10:30分组服务: an activity plan's running order); no number runs on into ":00"
_MONTH_OR_TIME_AFTER = r"\d{1,2}\s*月|\d{1,2}:\d{2}"
_NOT_MONTH_OR_TIME_DIGIT = r"(?!" + _MONTH_OR_TIME_AFTER + r")\d"
_MONTH_OR_TIME_AHEAD = re.compile(_MONTH_OR_TIME_AFTER)

# Family name → pattern. Group "n" holds the numeral. Tried in this order.
FAMILIES: list[tuple[str, re.Pattern]] = [
    ("part", re.compile(rf"^{_BULLET}第\s*(?P<n>{_CJK})\s*(?:{_PART_WORDS})\s*[、,.:：]?\s*")),
    ("ordinal", re.compile(rf"^{_BULLET}第\s*(?P<n>{_CJK})\s*(?:[、,.:：]\s*|\s+)(?!{_NOT_ORDINAL})")),
    ("paren_cjk", re.compile(rf"^{_BULLET}[(（]\s*(?P<n>{_CJK})\s*[)）]\s*[、,.:：]*\s*")),
    # 一）加强…: the closing bracket alone, as the bracketed (一) is used
    ("paren_cjk", re.compile(rf"^{_BULLET}(?P<n>{_CJK})\s*[)）]\s*[、,.:：]*\s*")),
    # Ⅰ、 Ⅱ. ⅲ: Roman numerals (one character each in Unicode)
    ("roman", re.compile(r"^(?P<c>[\u2160-\u216b\u2170-\u217b])\s*[、,.:：]?\s*")),
    ("roman", re.compile(rf"^(?P<r>{_LATIN_ROMAN_RE})\s*[、,.:：]\s*(?=[\u4e00-\u9fff\u3400-\u4dbf“\"《「])")),
    # 【一】加强制度建设 / 〖二〗…: a numeral in square brackets, a web page's or a company's part
    # numbering; with words after it only, since 【二】 alone on its line numbers the plans of a 范文 page
    ("bracket_cjk", re.compile(rf"^{_BULLET}[【〖\[]\s*(?P<n>{_CJK})\s*[】〗\]]\s*[、,.:：]*\s*(?=\S)")),
    ("noun_ordinal", re.compile(rf"^{_BULLET}{_NOUN_QUALIFIER}(?:{_ORDINAL_NOUNS})\s*(?P<n>{_CJK})\s*(?:[、,.:：]\s*|[ \t]+)(?=\S)")),
    ("cjk", re.compile(rf"^{_BULLET}(?P<n>{_CJK})\s*[、,.:：。](?![、,.:：。])\s*[、,.]?\s*")),
    ("formal", re.compile(rf"^{_BULLET}(?P<n>{_FORMAL})\s*[、,.:：。](?![、,.:：。])\s*[、,.]?\s*")),
    # ㈠ ㈡ / ㊀ ㊁: the bracketed and circled numerals of Word's symbol table, one character each
    ("paren_cjk", re.compile(r"^(?P<c>[\u3220-\u3229])\s*[、,.:：]?\s*")),
    ("circled_cjk", re.compile(r"^(?P<c>[\u3280-\u3289])\s*[、,.:：]?\s*")),
    ("paren_arabic", re.compile(r"^" + _BULLET + r"[(（]\s*(?P<n>\d{1,2})\s*[)）]\s*[、,.:：]*\s*")),
    ("paren_arabic", re.compile(r"^(?P<c>[⑴-⒇])\s*[、,.]?\s*")),
    ("circled", re.compile(r"^(?P<c>[①-⑳])\s*[、,.]?\s*")),
    ("arabic", re.compile(r"^(?P<c>[⒈-⒛])\s*")),  # ⒈ ⒉: one character for "1."
    ("arabic_paren", re.compile(r"^" + _BULLET + r"(?P<n>\d{1,2})\s*[)）]\s*[、,.]?\s*")),
    # "1." must not be a decimal or a date (1.5万元, 2023.3.15), but a month may follow it (1.3月上旬：…);
    # "2、" may be followed by a digit (2、3月底前…)
    ("arabic", re.compile(r"^" + _BULLET + r"(?P<n>\d{1,2})\s*(?:、|[.。](?![.,。])(?!" + _NOT_MONTH_OR_TIME_DIGIT + r")|,(?![.,。]))\s*[、.,]?\s*")),
    # 1.1 / 2.3.1 with a space after: an outline number (a date or a decimal has no space after it)
    ("decimal3", re.compile(r"^(?P<d>\d{1,2}\.\d{1,2}\.\d{1,2})(?:[ \t]+|\s*、\s*)(?=\S)")),
    ("decimal", re.compile(r"^(?P<d>\d{1,2}\.\d{1,2})(?:[ \t]+|\s*、\s*)(?=\S)")),
    # a marker without its punctuation, a space before the words: "四 每月主要开展的活动", "1 三月份"
    ("cjk", re.compile(r"^(?P<n>[一二三四五六七八九十]{1,3})[ \t]+(?=[\u4e00-\u9fff\u3400-\u4dbf“\"《「])")),
    ("arabic", re.compile(r"^(?P<n>\d{1,2})[ \t]+(?=[\u4e00-\u9fff\u3400-\u4dbf“\"《「])")),
    # an item whose digit was lost in a paste: ".认真履行…"
    ("arabic", re.compile(r"^(?P<lost>[.、])\s*(?=[\u4e00-\u9fff\u3400-\u4dbf])")),
]


# The families that number a plan's top-level parts (一、 第一部分 第一、), and with （一） the
# families strong enough to start a heading run on after a sentence.
OUTER_FAMILIES = frozenset({"cjk", "formal", "part", "ordinal", "bracket_cjk", "noun_ordinal"})
HEADING_FAMILIES = OUTER_FAMILIES | {"paren_cjk"}
# outline numbers (1.1, 2.3.1): markers only where the lines around confirm them (see features)
OUTLINE_FAMILIES = frozenset({"decimal", "decimal3"})


# not frozen: one is made for every numbered line, and a frozen dataclass costs 3.6 times as much
# to build; nothing edits a marker once matched (and lru_cache hands the same one out again)
@dataclass(slots=True, unsafe_hash=True)
class Marker:
    family: str
    number: int | None
    end: int  # where the item's own text starts, relative to the line start
    raw_end: int  # end of the marker proper (trailing spaces excluded)
    bare: bool = False  # a number and a space only, no punctuation ("四 每月…"): weaker evidence


# Which families can start with a given first character: a body line costs no match at all,
# a numbered one only the patterns of its kind.
_NUMERAL_STARTS = "一二三四五六七八九十百"
_WORD_PAREN = "".join(chr(c) for c in range(0x3220, 0x322A))  # ㈠ … ㈩
_WORD_CIRCLED = "".join(chr(c) for c in range(0x3280, 0x328A))  # ㊀ … ㊉
_FORMAL_STARTS = "壹贰貳叁參参肆伍陆陸柒捌玖拾"
_STARTS = {
    "part": "第" + MARKER_BULLETS, "ordinal": "第" + MARKER_BULLETS, "paren_cjk": "(（" + _NUMERAL_STARTS + MARKER_BULLETS + _WORD_PAREN,
    "circled_cjk": _WORD_CIRCLED,
    "cjk": _NUMERAL_STARTS + MARKER_BULLETS,
    "formal": _FORMAL_STARTS + MARKER_BULLETS,
    "roman": "IVX" + "".join(chr(c) for c in [*range(0x2160, 0x216C), *range(0x2170, 0x217C)]),
    "bracket_cjk": "【〖[" + MARKER_BULLETS,
    "noun_ordinal": "".join(sorted({w[0] for w in _WORDS["ordinal_nouns"] + _WORDS["ordinal_noun_qualifiers"]})) + MARKER_BULLETS,
    "decimal": "0123456789",
    "decimal3": "0123456789",
    "paren_arabic": "(（" + MARKER_BULLETS + "".join(chr(c) for c in range(0x2474, 0x2488)),
    "circled": "".join(chr(c) for c in range(0x2460, 0x2474)),
    "arabic_paren": "0123456789" + MARKER_BULLETS,
    "arabic": "0123456789.、" + MARKER_BULLETS + "".join(chr(c) for c in range(0x2488, 0x249C)),
}
# the group that holds a pattern's number, one in each: "n" a numeral, "c" one character (①, Ⅰ, ㈠),
# "r" a Latin Roman numeral, "d" an outline number, "lost" the punctuation of a lost digit
_NUMBER_GROUPS = ("lost", "c", "r", "d", "n")
_BY_FIRST: dict[str, list[tuple[str, re.Pattern, str]]] = {}
for _family, _pat in FAMILIES:
    _groups = [g for g in _NUMBER_GROUPS if g in _pat.groupindex]
    if len(_groups) != 1:  # _accept reads the number from the one group a family's pattern has
        raise ValueError(f"marker pattern of {_family} needs exactly one of the groups {_NUMBER_GROUPS}: {_pat.pattern}")
    _group = _groups[0]
    for _ch in _STARTS[_family]:
        _BY_FIRST.setdefault(_ch, []).append((_family, _pat, _group))


@lru_cache(maxsize=8192)
def match_marker(line: str) -> Marker | None:
    candidates = _BY_FIRST.get(line[:1])
    if not candidates:
        return None
    for family, pat, group in candidates:
        m = pat.match(line)
        if m:
            found = _accept(family, m, line, group)
            if found is not None:
                return found
    return None


def _accept(family: str, m: re.Match, line: str, group: str) -> Marker | None:
    end = m.end()
    token = m.group(group)
    if group == "lost":
        number = None
    elif group == "c":
        c = ord(token)
        # ① ⑴ ⒈ Ⅰ ⅰ ㈠ ㊀
        for first, run in ((0x2460, 20), (0x2474, 20), (0x2488, 20), (0x2160, 12), (0x2170, 12), (0x3220, 10), (0x3280, 10)):
            if first <= c < first + run:
                number = c - first + 1
    elif group == "r":
        number = _LATIN_ROMAN[token]
    elif group == "d":
        number = int(token.rsplit(".", 1)[1])  # 2.3 is the third of part 2
    else:
        number = cjk_to_int(token)
        if number is None:
            return None
    raw_end = len(line[:end].rstrip())
    spaced = raw_end < end  # "2. 15名教师…": a space after the dot, which a number never has
    if family == "arabic" and number is not None and line[end : end + 1].isdigit() and "、" not in m.group() \
            and not _MONTH_OR_TIME_AHEAD.match(line, end) and not spaced:
        # 2023.3.15 / 1.5万元 / 3.2.1: a digit right after "1." is no marker; after "2、" it may be
        # (2、3月底前…), and after "2," too unless three digits follow (2,300元 is a number; 2,30岁以上… an item)
        digits = len(line[end:]) - len(line[end:].lstrip("0123456789"))
        if "," not in m.group() or digits == 3:
            return None
    return Marker(family, number, end, raw_end, bare=group == "n" and raw_end == len(token))
