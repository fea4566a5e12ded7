"""Chinese and Arabic numerals as they appear in markers and month labels."""

from __future__ import annotations

import re
from functools import cache

from planparse.parse.vocab import month_vocab

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# the formal (financial) numerals some plans number their parts with: 壹、贰、叁 …
FORMAL_NUMERALS = str.maketrans("壹贰貳叁參参肆伍陆陸柒捌玖拾佰", "一二二三三三四五六六七八九十百")


def cjk_to_int(s: str) -> int | None:
    """一 → 1, 十二 → 12, 二十三 → 23, 一百零五 → 105; None when it is not a well-formed numeral."""
    known = _SMALL.get(s)
    if known is not None:
        return known
    return _parse_cjk(s.translate(FORMAL_NUMERALS))


def _parse_cjk(s: str) -> int | None:
    if not s:
        return None
    if s.isdigit():
        return int(s)
    total = 0
    if "百" in s:
        head, _, s = s.partition("百")
        h = _DIGITS.get(head, None) if head else 1
        if h is None:
            return None
        total += h * 100
        s = s.lstrip("零〇")
    if "十" in s:
        head, _, tail = s.partition("十")
        t = _DIGITS.get(head) if head else 1
        if t is None or (tail and tail not in _DIGITS) or "十" in tail:
            return None
        return total + t * 10 + (_DIGITS[tail] if tail else 0)
    if len(s) == 1 and s in _DIGITS:
        return total + _DIGITS[s]
    if s == "" and total:
        return total
    return None


# the zero of a year in Chinese numerals written with whatever looks round: 〇, ○, a digit 0 or a
# letter O (二O二五年, a paste's or an input method's)
_CJK_YEAR = re.compile(r"[一二][〇零○0Oo一二三四五六七八九]{3}(?=年)")
_YEAR_DIGITS = str.maketrans("〇零○Oo一二三四五六七八九", "0000012345678" + "9")
_YEAR_DIGITS_OF = frozenset("〇零○一二三四五六七八九")


def cjk_years_to_digits(text: str) -> str:
    """二〇二三年 → 2023年, one character for one, so offsets keep."""
    if "年" not in text:
        return text  # most lines: no year to read (one scan in C, where the pattern's is slower)
    return _CJK_YEAR.sub(lambda m: m.group().translate(_YEAR_DIGITS), text)


@cache
def roc_year_pattern() -> re.Pattern[str]:
    """A year of the Republic of China's calendar where it can be nothing else (months.toml ``roc_*``):
    after its era's name (民国114年, 中华民国一一四年度), or a three-digit number before 年度, 学年, a
    month or a dotted day (114年度, 114学年度, 114年3月, 114.03.05)."""
    mv = month_vocab()
    era = "|".join(map(re.escape, mv.roc_era))
    month = r"(?:\d{1,2}|[一二三四五六七八九十元]{1,2})\s*月"
    return re.compile(
        rf"(?:{era})\s*(?P<era>\d{{2,3}}|[一二三四五六七八九十百〇零○]{{2,6}})(?=\s*(?:年|学年))"
        rf"|(?<![\d.])(?P<bare>{mv.roc_year_number})(?=\s*(?:年度|学年|年\s*{month}|[./]\d{{1,2}}[./]\d{{1,2}}(?!\d)))"
    )


def roc_to_western(number: str) -> int | None:
    """114 → 2025, 一一四 / 一百一十四 → 2025: the Western year of a year of the Republic's calendar."""
    value = int(number) if number.isdigit() else cjk_to_int(number)
    if value is None and len(number) >= 2 and all(ch in _YEAR_DIGITS_OF for ch in number):
        value = int(number.translate(_YEAR_DIGITS))  # 一一四: digit by digit
    return None if value is None or value < 1 else value + month_vocab().roc_year_offset


def western_years(text: str) -> str:
    """The text with its years of the Republic's calendar written as Western years (民国114年度 →
    2025年度, 114学年度 → 2025学年度), for reading a year's value: the length changes, so no offsets."""
    if "民国" not in text and not any(ch.isdigit() for ch in text):
        return text

    def western(m: re.Match[str]) -> str:
        year = roc_to_western(m.group("era") or m.group("bare"))
        return m.group() if year is None else str(year)

    return roc_year_pattern().sub(western, text)


def year_digits(text: str) -> str:
    """The text's years as four digits, whichever way they are written (二〇二五年, 民国114年, 114学年度):
    for reading their values (the length may change)."""
    return western_years(cjk_years_to_digits(text))


# the numerals markers use, 1..99 and their digit forms, looked up rather than parsed
_SMALL: dict[str, int] = {}
for _n in range(1, 100):
    _SMALL[str(_n)] = _n
    _tens, _ones = divmod(_n, 10)
    _word = ("" if _tens <= 1 else "零一二三四五六七八九"[_tens]) + ("十" if _tens else "") + ("零一二三四五六七八九"[_ones] if _ones else "")
    _SMALL[_word] = _n
