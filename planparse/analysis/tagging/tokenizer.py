"""The segmenter tagging cuts words with: jieba by default, rjieba (jieba's Rust port) when chosen.

jieba is imported and its dictionary built on the first call, never when
``import planparse`` runs, nor for a structure-only parse. We use our own
``jieba.Tokenizer`` so that loading planparse's domain dictionary does not change
segmentation for other code in the same process that uses jieba's global
tokenizer. Its prefix dictionary (jieba's words plus ``data/userdict.txt``) is
kept in planparse's cache (``planparse.cache``): building it costs about a second,
loading it a fraction of that, once per process.

The segmenter: ``PLANPARSE_SEGMENTER=rjieba`` (or ``tag_document(doc,
segmenter="rjieba")``, or ``--segmenter rjieba`` on the command line) uses rjieba,
20× faster than jieba on our texts, with the same dictionary and our domain words;
on the seeds and dev plans it cuts 99 % of lines identically and the keywords
agree as ``scripts/benchmark.py`` reports. jieba stays the default: it is the
reference the IDF table and the tests were made with.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import jieba

_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None
_rjieba: Any = None

SEGMENTER_ENV = "PLANPARSE_SEGMENTER"
SEGMENTERS = ("jieba", "rjieba")

_CJK = re.compile(r"[\u4e00-\u9fff]")
# counts, ordinals and dates are never what an item is about
_NUMERIC = re.compile(r"^[\d一二两三四五六七八九十百千万零〇]+[个次年月日号周天项条点届期位名份度]*份?$")
_ASCII_JUNK = re.compile(r"^[\x00-\x7f]*$")


def data_path(name: str) -> str:
    """The path of one of planparse's data files (they ship inside the package)."""
    return str(resources.files("planparse") / "data" / name)


def _userdict() -> list[tuple[str, int | None, str | None]]:
    """planparse's domain words: ``word [freq] [tag]`` per line, as jieba's load_userdict reads them."""
    words: list[tuple[str, int | None, str | None]] = []
    with open(data_path("userdict.txt"), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts or parts[0].startswith("#"):
                continue
            freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
            tag = parts[-1] if len(parts) > 1 and not parts[-1].isdigit() else None
            words.append((parts[0], freq, tag))
    return words


def _jieba_dictionary() -> tuple[dict[str, int], int, dict[str, str], list[str]]:
    """The prefix dictionary of jieba's words and ours: (FREQ, total, word tags, words forced apart)."""
    import jieba

    tk = jieba.Tokenizer()
    tk.initialize()
    forced: list[str] = []
    for word, freq, tag in _userdict():
        tk.add_word(word, freq, tag)
        if tk.FREQ[word] == 0:
            forced.append(word)
    return tk.FREQ, tk.total, tk.user_word_tag_tab, forced


def get_tokenizer() -> jieba.Tokenizer:
    """The shared jieba tokenizer, built on first use (from the cache); safe to call from several threads."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba
                from jieba import finalseg

                from planparse.cache import cached

                # jieba announces its dictionary loading on stderr at DEBUG level
                logging.getLogger("jieba").setLevel(logging.WARNING)
                sources = [os.path.join(os.path.dirname(jieba.__file__), jieba.DEFAULT_DICT_NAME), data_path("userdict.txt")]
                freq, total, tags, forced = cached("jieba-dict", sources, _jieba_dictionary, extra=[jieba.__version__])
                tk = jieba.Tokenizer()
                tk.FREQ, tk.total, tk.user_word_tag_tab = freq, total, tags
                tk.initialized = True
                for word in forced:  # what add_word does for a word of frequency 0
                    finalseg.add_force_split(word)
                _tokenizer = tk
    return _tokenizer


def get_rjieba() -> Any:
    """rjieba's segmenter with planparse's domain words added (rjieba ships jieba's dictionary)."""
    global _rjieba
    if _rjieba is None:
        with _lock:
            if _rjieba is None:
                try:
                    import rjieba
                except ImportError:
                    from planparse.errors import PlanparseError

                    raise PlanparseError("segmenter 'rjieba' is not installed: pip install 'planparse[fast]'") from None
                seg = rjieba.Jieba()
                for word, freq, tag in _userdict():
                    seg.add_word(word, freq, tag)
                _rjieba = seg
    return _rjieba


def segmenter_name(name: str | None = None) -> str:
    """The segmenter to use: ``name``, else ``$PLANPARSE_SEGMENTER``, else jieba."""
    chosen = (name or os.environ.get(SEGMENTER_ENV) or "jieba").strip().lower()
    if chosen not in SEGMENTERS:
        from planparse.errors import PlanparseError

        raise PlanparseError(f"unknown segmenter {chosen!r}; choose from {', '.join(SEGMENTERS)}")
    return chosen


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


@lru_cache(maxsize=200_000)  # a plan's vocabulary is small and its words come again and again
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


def tokenize(text: str, segmenter: str | None = None) -> list[str]:
    """All tokens of ``text`` (precise mode, HMM on for unknown names).

    jieba cuts each line on its own anyway, so lines are tokenized one by one through a
    cache: a plan's text, its items' bodies and its schedule share most of their lines,
    and each line is then cut once instead of two or three times.
    """
    return _by_line(text, _tokenize_line, segmenter_name(segmenter))


def _by_line(text: str, per_line: Callable[[str, str], tuple[str, ...]], segmenter: str) -> list[str]:
    """``per_line`` (a cached cut of one line) over the non-blank lines of ``text``, joined."""
    out: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            out.extend(per_line(line, segmenter))
    return out


def clear_line_cache() -> None:
    _tokenize_line.cache_clear()
    _content_line.cache_clear()


@lru_cache(maxsize=50_000)
def _tokenize_line(line: str, segmenter: str) -> tuple[str, ...]:
    if segmenter == "rjieba":
        tokens = get_rjieba().cut(line, True)
    else:
        tokens = get_tokenizer().lcut(line, HMM=True)
    return tuple(tok for tok in tokens if tok.strip())


def content_words(text: str, segmenter: str | None = None) -> list[str]:
    """The tokens of ``text`` that may be keywords, in order, repeats kept."""
    return _by_line(text, _content_line, segmenter_name(segmenter))


@lru_cache(maxsize=50_000)
def _content_line(line: str, segmenter: str) -> tuple[str, ...]:
    # cached beside the tokens: the stop-word and number tests are then paid once per line too
    return tuple(tok for tok in _tokenize_line(line, segmenter) if is_content_word(tok))
