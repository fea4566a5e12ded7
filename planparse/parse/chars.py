"""Character classes the stages share: punctuation that ends sentences, headings and items.

These are the written forms of the working text (after normalising: full-width forms are
ASCII, U+3000 is a space), named once so that no stage spells its own variant.
"""

from __future__ import annotations

# ends a sentence (a line ending in one of these is not hard-wrapped)
SENTENCE_END = "。;；!?！？"
# ends a whole sentence, not a clause of it (；)
FULL_STOPS = "。!?！？"
# ends a clause inside a sentence (、 inside a list of words): a line ending so stops mid-sentence
CLAUSE_END = "，,、"
# closing quotes and brackets that may stand after a sentence's end
CLOSERS = "”\"」』)）"
COLONS = ":："
# table cell separators (a Word tab becomes "|" in the working text)
CELL_SEPARATORS = "|｜"
# stripped from the end of a heading's words or an activity
TRAILING = " \t。.,，、;；:：!！?？"
# bullets that may stand before a numbered marker (◆一、 • 1.)
MARKER_BULLETS = "-•·*▪■□◆◇●○★☆▲△"
# bullets and decorations that may lead a line before its marker or words
BULLETS = MARKER_BULLETS + ">》→"
# stripped around an activity: trailing punctuation plus cell separators
ACTIVITY_STRIP = TRAILING + "\u3000" + CELL_SEPARATORS
ACTIVITY_LEAD_STRIP = ACTIVITY_STRIP + BULLETS + "`'"


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"
