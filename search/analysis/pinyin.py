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


@functools.lru_cache(maxsize=200_000)
def word_syllables(word):
    """Toneless syllables of one word, one per character ('' for non-hanzi), cached per word.

    Polyphones are settled by pypinyin's phrase dictionary inside the word (银行 → yin hang),
    which is where the context that settles them lives.
    """
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(word, style=Style.NORMAL, errors=lambda chars: list(chars))
    return tuple(
        syllable.replace("ü", "v").lower() if syllable != char else ""
        for char, syllable in zip(word, syllables, strict=False)
    )


def title_syllables(words):
    """Syllables of a title given as its words: one pypinyin call per distinct word, ever."""
    syllables = []
    for word in words:
        syllables.extend(word_syllables(word))
    return syllables
