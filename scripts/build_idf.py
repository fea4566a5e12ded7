#!/usr/bin/env python3
"""Build planparse/data/idf.txt, the IDF table keyword extraction uses.

    python scripts/build_idf.py [TEXT_DIR ...] [--out planparse/data/idf.txt]

Reads every .txt under the given folders (default: corpus/ and ../shared/seeds
beside the repository, those that exist), cuts them into sentences (a line, or
a piece of a line ending in 。！？；) and counts in how many sentences each word
appears. A sentence, not a file, is the document: we tag sentence-sized texts
(schedule entries, items), and a handful of files would give only a handful of
documents.

Even so, the corpus is small (a few plans, a few thousand sentences), so the
plan IDF of a rarely seen word is noise. Each word's value is therefore shrunk
towards a prior in proportion to how rarely it was seen:

    idf(w) = (df·plan_idf(w) + M·prior(w)) / (df + M)

where prior(w) is jieba's general-language IDF rescaled to the plan table's
range (the median ratio over words seen at least 5 times), or, for a word jieba
does not know (our domain compounds: 青蓝工程, 送温暖 …), the IDF of a word
never seen. At run time words absent from this table back off to the same
rescaled jieba IDF (the scale and the unknown-word value are written in the
file's header), so the table need not list every word.
Rebuild it when you add plans to corpus/ or words to userdict.txt.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planparse.analysis.tagging.keywords import _read_idf, general_idf_path, smoothed_idf  # noqa: E402
from planparse.analysis.tagging.tokenizer import content_words  # noqa: E402

PRIOR_STRENGTH = 5.0  # M above: a word needs ~5 sentences before its plan IDF outweighs the prior
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|\n")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def read_texts(folders: list[Path]) -> list[str]:
    texts = []
    for folder in folders:
        for path in sorted(folder.rglob("*.txt")):
            raw = path.read_bytes()
            for enc in ("utf-8-sig", "gb18030"):
                try:
                    texts.append(raw.decode(enc))
                    break
                except UnicodeDecodeError:
                    continue
    return texts


def build(texts: list[str]) -> tuple[dict[str, float], float, float, int]:
    df: Counter[str] = Counter()
    n_docs = 0
    for text in texts:
        for sent in sentences(text):
            words = set(content_words(sent))
            if words:
                n_docs += 1
                df.update(words)
    if not n_docs:
        raise SystemExit("no text found: give folders with .txt plans")
    general, _ = _read_idf(general_idf_path())
    plan = {w: smoothed_idf(d, n_docs) for w, d in df.items()}
    ratios = [plan[w] / general[w] for w, d in df.items() if d >= 5 and general.get(w)]
    scale = statistics.median(ratios) if ratios else 1.0
    unknown = smoothed_idf(0, n_docs)
    table = {}
    for w, d in df.items():
        prior = general[w] * scale if w in general else unknown
        table[w] = (d * plan[w] + PRIOR_STRENGTH * prior) / (d + PRIOR_STRENGTH)
    return table, scale, unknown, n_docs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("--out", type=Path, default=ROOT / "planparse" / "data" / "idf.txt")
    args = ap.parse_args(argv)
    folders = args.folders or [p for p in (ROOT / "corpus", ROOT.parent / "shared" / "seeds") if p.is_dir()]
    texts = read_texts(folders)
    table, scale, unknown, n_docs = build(texts)
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write("# IDF of words in Chinese work plans; built by scripts/build_idf.py, do not edit by hand\n")
        fh.write(f"# files: {len(texts)}\n# sentences: {n_docs}\n")
        fh.write(f"# general_scale: {scale:.6f}\n# unknown: {unknown:.6f}\n")
        for word in sorted(table, key=lambda w: (table[w], w)):
            fh.write(f"{word} {table[word]:.4f}\n")
    print(f"{args.out}: {len(table)} words from {len(texts)} files, {n_docs} sentences", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
