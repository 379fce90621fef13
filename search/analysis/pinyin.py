"""Pinyin keys of a term: full toneless (yanglaobaoxian) and initials (ylbx), cached per term."""

import functools


@functools.lru_cache(maxsize=200_000)
def pinyin_keys(term):
    """(full, initials) for a CJK term; ('', '') when it has no hanzi."""
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(term, style=Style.NORMAL, errors="ignore")
    if not syllables:
        return "", ""
    initials = lazy_pinyin(term, style=Style.FIRST_LETTER, errors="ignore")
    full = "".join(syllables).replace("ü", "v").lower()
    return full, "".join(initials).lower()


def pinyin_tokens(words, max_span=3):
    """Pinyin tokens for a sequence of words: each word and each run of up to max_span words.

    个体/工商户 gives gtgsh and getigongshanghu, so a citizen typing either finds the term.
    """
    tokens = []
    seen = set()
    count = len(words)
    for start in range(count):
        for span in range(1, max_span + 1):
            if start + span > count:
                break
            term = "".join(words[start : start + span])
            full, initials = pinyin_keys(term)
            for token in (full, initials):
                if len(token) >= 2 and token not in seen:
                    seen.add(token)
                    tokens.append(token)
    return tokens
