"""Chinese and Arabic numerals as they appear in markers and month labels."""

from __future__ import annotations

import re

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


_CJK_YEAR = re.compile(r"[一二][〇零○0一二三四五六七八九]{3}(?=年)")
_YEAR_DIGITS = str.maketrans("〇零○一二三四五六七八九", "00012345678" + "9")


def cjk_years_to_digits(text: str) -> str:
    """二〇二三年 → 2023年, one character for one, so offsets keep."""
    return _CJK_YEAR.sub(lambda m: m.group().translate(_YEAR_DIGITS), text)


# the numerals markers use, 1..99 and their digit forms, looked up rather than parsed
_SMALL: dict[str, int] = {}
for _n in range(1, 100):
    _SMALL[str(_n)] = _n
    _tens, _ones = divmod(_n, 10)
    _word = ("" if _tens <= 1 else "零一二三四五六七八九"[_tens]) + ("十" if _tens else "") + ("零一二三四五六七八九"[_ones] if _ones else "")
    _SMALL[_word] = _n
