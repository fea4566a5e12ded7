"""The faster searches of normalising (speed, issue 11) find exactly what the plain ones find.

Each fast path stands for a plain ``re`` scan: a line-start pattern looked for by its line breaks
(LineStarts), letter-spaced lines looked for by their tail, site addresses only in lines holding a
domain's dot. Over every text of the corpus (and the shared seeds and dev texts, when they are
beside the project) and a few made-up ones, each must give the plain scan's matches.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planparse.parse import normalise as N
from planparse.parse.vocab import furniture

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PATHS = sorted((ROOT / "corpus").glob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt")) \
    + sorted((SHARED / "eval" / "dev" / "texts").glob("*.txt"))
MADE_UP = [
    "",
    "\n",
    "1、一\n2、二\n\n3、三",
    "  12 | 三月：召开会议\n13 | 四月\n14\n",
    "[10:21] 一、指导思想\n2025-02-11 10:22 1、学习\n",
    "工 作 计 划\n一、指 导 思 想 \n  A B 工 作 计 划\n工\u3000作\u3000计\u3000划\n工\u00a0 作 计\u3000\u3000划",
    "### 二、主要工作 ###\n**一、指导思想**\n#不是标题",
    "……以上。www.xxfanwen.com 3月：开展www.xxfanwen.com活动\nhttp://a.cn/x?y=1\n邮箱a@b.com",
]


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8-sig") for p in PATHS] + MADE_UP


def _spans(matches) -> list[tuple[tuple[int, int], ...]]:
    return [tuple(m.span(k) for k in range(m.re.groups + 1)) for m in matches]


LINE_START_BODIES = [
    r"[ \t\u3000]*\d{1,3}[ \t]*[、.．]",
    r"[ \t\u3000]*\d{1,4}(?:[ \t\u3000|│｜]|$)",
    N._STAMP_HEAD + r"\d{1,2}[:：]\d{2}",
    r"[ \t]*(\S{1,6})[ \t]*\n(?=[ \t]*\S)",  # a match may end with its line's break
]


@pytest.mark.parametrize("body", LINE_START_BODIES)
def test_line_starts_find_what_a_multiline_scan_finds(body: str) -> None:
    fast, plain = N.LineStarts(body), re.compile("^" + body, re.M)
    for text in _texts():
        assert _spans(fast.finditer(text)) == _spans(plain.finditer(text))
        assert fast.count(text) == len(plain.findall(text))
        assert list(fast.starts(text)) == [m.start() for m in plain.finditer(text)]


def test_letter_spaced_lines_are_found_by_their_tail() -> None:
    for text in _texts():
        assert _spans(N._letter_spaced(text)) == _spans(N._LETTER_SPACED.finditer(text))


def test_pinyin_glosses_are_found_by_their_brackets() -> None:
    plain = re.compile("[(（]" + N._PINYIN_AFTER_BRACKET)
    for text in [*_texts(), "社區(qū)服務", "社區（qū）(ɑ) 区(qū)", "(qū)"]:
        fast = sorted(m.span() for _, gloss in N._PINYIN_GLOSSES for m in gloss.finditer(text))
        assert fast == [m.span() for m in plain.finditer(text)]


def test_addresses_are_found_in_the_lines_with_a_domain() -> None:
    plain = furniture().inline_url
    for text in _texts():
        assert _spans(N._inline_urls(text)) == _spans(plain.finditer(text))


def test_the_address_hint_is_the_one_alternation() -> None:
    plain = re.compile(rf"(?i)www\.|https?://|\.(?:{'|'.join(furniture().url_domains)})(?![a-z])")
    for text in [*_texts(), "WwW.", "HTTPS://", ".CN", ".comx", ".com/", "xcom"]:
        assert N._url_hint(text) == (plain.search(text) is not None)


def test_the_domains_are_the_inline_url_patterns() -> None:
    """inline_url and normalise's domain gate read their domains from furniture.toml url_domains, so
    a domain added there is found by both (an address of a domain the gate missed would pass unseen)."""
    found = re.search(r"\\\.\(\?:([a-z|]+)\)", furniture().inline_url.pattern)
    assert found is not None and found.group(1).split("|") == list(furniture().url_domains)
    assert "{url_domains}" not in furniture().inline_url.pattern
    assert N._url_patterns()[1].search("见www.example.top/a") is not None
    assert N._url_patterns()[1].search("见www.example.xyz/a") is None
