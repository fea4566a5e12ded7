"""Build planparse/data/fonts/PlanparseSansSC.otf: a subset of Noto Sans CJK SC for plot labels.

Run once at build time, not at run time (users are offline):

    apt-get install fonts-noto-cjk
    python scripts/build_cjk_font.py

The subset keeps ASCII, CJK punctuation, full-width forms and every hanzi of GB2312
(6,763 characters, which covers the vocabulary of Chinese school plans) plus any
character of planparse/data/*.toml, so codebook labels always render. The full
font is ~20 MB per face; the subset is small enough to ship in the wheel. Noto is
under the SIL Open Font License 1.1, which allows subsetting and redistribution
under a different name (Reserved Font Names are not used for the subset).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "planparse" / "data" / "fonts" / "PlanparseSansSC.otf"
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SC_INDEX = 2  # JP, KR, SC, TC, HK … in Noto's collection
FAMILY = "Planparse Sans SC"


def gb2312_hanzi() -> set[str]:
    chars: set[str] = set()
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def wanted_chars() -> set[str]:
    chars = {chr(c) for c in range(0x20, 0x7F)}
    chars |= {chr(c) for c in range(0x3000, 0x3040)}  # CJK punctuation
    chars |= {chr(c) for c in range(0xFF00, 0xFFF0)}  # full-width forms
    chars |= set("“”‘’…—·×÷°±‰℃№")
    chars |= gb2312_hanzi()
    for toml in (ROOT / "planparse" / "data").glob("*.toml"):
        chars |= set(toml.read_text(encoding="utf-8"))
    return {c for c in chars if c.isprintable()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=SOURCE)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()

    font = TTCollection(str(args.source)).fonts[SC_INDEX]
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.hinting = False  # plots are rasterised at high dpi; hints only add bytes
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(wanted_chars())))
    subsetter.subset(font)

    name = font["name"]
    # a renamed subset, as the OFL asks of modified versions
    for rec in list(name.names):
        if rec.nameID in (1, 4, 16):
            rec.string = FAMILY
        elif rec.nameID == 6:
            rec.string = FAMILY.replace(" ", "")
        elif rec.nameID in (2, 17):
            rec.string = "Regular"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(args.out))
    print(f"{args.out}: {args.out.stat().st_size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
