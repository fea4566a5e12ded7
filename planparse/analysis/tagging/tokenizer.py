"""A private jieba tokenizer that knows the vocabulary of work plans.

jieba is imported and its dictionary built on the first call, never when
``import planparse`` runs: building the prefix dictionary takes about a second
(jieba caches it in the temp dir; nothing is fetched from the network). We use
our own ``jieba.Tokenizer`` so that loading planparse's domain dictionary does
not change segmentation for other code in the same process that uses jieba's
global tokenizer.
"""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import jieba

_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None

_CJK = re.compile(r"[\u4e00-\u9fff]")
# counts, ordinals and dates are never what an item is about
_NUMERIC = re.compile(r"^[\d一二两三四五六七八九十百千万零〇]+[个次年月日号周天项条点届期位名份度]*份?$")
_ASCII_JUNK = re.compile(r"^[\x00-\x7f]*$")


def data_path(name: str) -> str:
    """The path of one of planparse's data files (they ship inside the package)."""
    return str(resources.files("planparse") / "data" / name)


def get_tokenizer() -> jieba.Tokenizer:
    """The shared tokenizer, built on first use; safe to call from several threads."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba

                # jieba announces its dictionary loading on stderr at DEBUG level
                logging.getLogger("jieba").setLevel(logging.WARNING)
                tk = jieba.Tokenizer()
                tk.initialize()
                tk.load_userdict(data_path("userdict.txt"))
                _tokenizer = tk
    return _tokenizer


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    words: set[str] = set()
    with open(data_path("stopwords.txt"), encoding="utf-8") as fh:
        for line in fh:
            word = line.split("#", 1)[0].strip()
            if word:
                words.add(word)
                words.add(word.lower())
    return frozenset(words)


def is_content_word(word: str) -> bool:
    """Whether ``word`` may be a keyword: two characters or more, Chinese, no stop word or number."""
    if len(word) < 2 or word in stopwords():
        return False
    if _ASCII_JUNK.match(word):
        # placeholders of anonymised text (xx, ***) and stray Latin; real acronyms are rare in plans
        return False
    if not _CJK.search(word):
        return False
    return not _NUMERIC.match(word)


def tokenize(text: str) -> list[str]:
    """All tokens of ``text`` (jieba precise mode, HMM on for unknown names).

    jieba cuts each line on its own anyway, so lines are tokenized one by one through a
    cache: a plan's text, its items' bodies and its schedule share most of their lines,
    and each line is then cut once instead of two or three times.
    """
    out: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            out.extend(_tokenize_line(line))
    return out


def clear_line_cache() -> None:
    _tokenize_line.cache_clear()


@lru_cache(maxsize=50_000)
def _tokenize_line(line: str) -> tuple[str, ...]:
    return tuple(tok for tok in get_tokenizer().lcut(line, HMM=True) if tok.strip())


def content_words(text: str) -> list[str]:
    """The tokens of ``text`` that may be keywords, in order, repeats kept."""
    return [tok for tok in tokenize(text) if is_content_word(tok)]
