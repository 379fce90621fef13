"""The site's own vocabulary, keyed by pinyin: what a pinyin or mistyped query is turned into.

Every word of the indexed titles, keywords and guide texts, and every synonym term,
is filed under its tone-free syllable sequence (低保 → dibao), its initials (for
words of three characters or more) and, for a title, the contiguous abbreviations of
its words (医疗/保险 → 医保). The query parser looks typed pinyin and mistyped words
up here; nothing here knows any particular query.
"""

import threading
from collections import defaultdict

from .pinyin import word_syllables
from .segment import CJK_RE, TOKEN_RE

MAX_WORD = 8
MAX_CANDIDATES = 4

_lock = threading.Lock()


class Vocabulary:
    def __init__(self):
        self.words = {}  # word → tuple of syllables
        self.by_full = defaultdict(set)  # "dibao" → {低保}
        self.by_initials = defaultdict(set)  # "ylbx" → {养老保险, 医疗保险}
        self.abbreviations = defaultdict(set)  # "医保" → {医疗保险}
        self.syllables = set()
        self.prominent = set()  # words of titles, keywords and synonyms: what typos are fixed to
        self.weight = defaultdict(int)  # how often a word was learned: titles count more

    def add(self, word, weight=1):
        if word in self.words:
            self.weight[word] += weight
            if weight > 1:
                self.prominent.add(word)
            return
        if not 2 <= len(word) <= MAX_WORD or not TOKEN_RE.fullmatch(word) or word.isascii():
            return
        syllables = word_syllables(word)
        if not all(syllables):
            return
        with _lock:
            self.words[word] = syllables
            self.weight[word] += weight
            if weight > 1:
                self.prominent.add(word)
            self.by_full["".join(syllables)].add(word)
            if len(word) >= 3:
                self.by_initials["".join(s[0] for s in syllables)].add(word)
            self.syllables.update(syllables)

    def add_occurrences(self, counts):
        """Body words with how often each occurs: as add(word) that many times, in one call each."""
        for word, count in counts.items():
            if word not in self.words:
                self.add(word)
                if word not in self.words:
                    continue
                count -= 1
            self.weight[word] += count

    def add_abbreviations(self, words):
        """Contiguous runs of two to four words give the run of their first characters.

        就业/创业/证 gives 就创 and 就创证; a run needs two words of two characters or more.
        """
        words = [w for w in words if CJK_RE.match(w)]
        for start in range(len(words)):
            for end in range(start + 2, min(start + 4, len(words)) + 1):
                run = words[start:end]
                if sum(1 for w in run if len(w) >= 2) < 2:
                    continue
                abbreviation = "".join(w[0] for w in run)
                with _lock:
                    self.abbreviations[abbreviation].add("".join(run))

    def pinyin_words(self, key):
        """Words whose full pinyin (or initials, for long words) is key, most used first."""
        with _lock:  # indexing in another thread may be adding to these sets
            found = tuple(self.by_full.get(key) or self.by_initials.get(key) or ())
        return sorted(found, key=lambda w: (-self.weight[w], len(w), w))[:MAX_CANDIDATES]

    def long_forms(self, abbreviation):
        """What an abbreviation of title words stands for (医保 → 医疗保险)."""
        with _lock:
            return tuple(sorted(self.abbreviations.get(abbreviation, ())))

    def is_key(self, key):
        return key in self.by_full or key in self.by_initials

    def homophones(self, text):
        """Vocabulary words that sound like text and differ from it in one character."""
        syllables = word_syllables(text)
        if not all(syllables):
            return []
        found = []
        with _lock:
            same_sound = tuple(self.by_full.get("".join(syllables), ()))
        for word in same_sound:
            if len(word) == len(text) and sum(a != b for a, b in zip(word, text, strict=True)) == 1:
                found.append(word)
        return sorted(found, key=lambda w: (-self.weight[w], w))

    def split_pinyin(self, text):
        """Split run-together pinyin into vocabulary keys (hukouqianyi → hukou, qianyi), or None.

        Fewest pieces win; dynamic programming over the string, so the cost is its length squared.
        """
        size = len(text)
        best = [None] * (size + 1)
        best[0] = []
        for end in range(1, size + 1):
            for start in range(max(0, end - 30), end - 1):
                if best[start] is None:
                    continue
                piece = text[start:end]
                if piece in self.by_full and (
                    best[end] is None or len(best[start]) + 1 < len(best[end])
                ):
                    best[end] = [*best[start], piece]
        return best[size]


VOCABULARY = Vocabulary()


def vocabulary():
    return VOCABULARY
