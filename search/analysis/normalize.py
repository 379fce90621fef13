"""Text folding every token goes through: traditional → simplified, full-width → half-width, case.

Both the indexer and the query side call `fold`, so 養老保險, ＹＬＢＸ and 养老保险 / ylbx
meet on the same tokens.
"""

import functools
import re
import unicodedata
from pathlib import Path


@functools.cache
def _tables():
    """Build the char→char table once; keep the set of chars whose conversion depends on context."""
    import opencc

    dictionary = Path(opencc.__file__).parent / "dictionary"
    table = {}
    ambiguous = set()
    with open(dictionary / "TSCharacters.txt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 2 or len(parts[0]) != 1:
                continue
            candidates = parts[1].split(" ")
            if len(candidates) > 1:
                ambiguous.add(parts[0])
            if candidates[0] != parts[0]:
                table[ord(parts[0])] = candidates[0]
    phrase_chars = set()
    with open(dictionary / "TSPhrases.txt", encoding="utf-8") as fh:
        for line in fh:
            phrase = line.split("\t", 1)[0]
            phrase_chars.update(ch for ch in phrase if ord(ch) in table or ch in ambiguous)
    # Full-width ASCII (！..～) and the ideographic space fold to their half-width forms.
    for code in range(0xFF01, 0xFF5F):
        table[code] = chr(code - 0xFEE0)
    table[0x3000] = " "
    return table, frozenset(ambiguous | phrase_chars)


@functools.cache
def _context_pattern():
    """Matches any character whose conversion depends on its neighbours (C-speed scan)."""
    chars = "".join(sorted(_tables()[1]))
    return re.compile("[" + re.escape(chars) + "]")


@functools.cache
def _phrase_converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text):
    table, context_chars = _tables()
    if _context_pattern().search(text):
        # A phrase like 乾燥/乾隆 needs the dictionary's phrase pass; rare, so pay only then.
        text = _phrase_converter().convert(text)
    return text.translate(table)


def fold(text):
    """Normalise text for matching: simplified, half-width, NFKC, lower case."""
    if not text:
        return ""
    text = to_simplified(text)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return text.casefold()
