"""Words dropped from queries because they say nothing about the service wanted."""

import functools

from .segment import DATA_DIR, _read_lines


@functools.cache
def stop_words():
    return frozenset(_read_lines(DATA_DIR / "stopwords.txt"))


def is_stop_word(word):
    return word in stop_words()
