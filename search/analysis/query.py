"""Turn what a citizen typed into weighted term groups both engines search for.

One group per meaningful word of the query; a group matches when any of its
alternatives does (the word itself, the dictionary words inside it, its synonyms).
Groups are ORed, and the ranking rewards documents that match more of them.
"""

import re
from dataclasses import dataclass, field

from .normalize import fold
from .segment import TOKEN_RE, cut_words, is_cjk, sub_words, tokenizer
from .stopwords import is_stop_word
from .synonyms import synonym_map

MAX_QUERY_CHARS = 100

WEIGHT_EXACT = 1.0
WEIGHT_SYNONYM = 0.9
WEIGHT_PART = 0.55
WEIGHT_PART_SYNONYM = 0.45


@dataclass
class TermGroup:
    term: str
    alternatives: dict = field(default_factory=dict)  # alternative → weight
    ascii: bool = False

    def add(self, alternative, weight):
        if alternative and weight > self.alternatives.get(alternative, 0):
            self.alternatives[alternative] = weight


@dataclass
class ParsedQuery:
    raw: str
    folded: str
    groups: list
    phrases: list  # folded spans whose verbatim presence in a title is worth a bonus

    @property
    def empty(self):
        return not self.groups

    def all_alternatives(self):
        seen = {}
        for group in self.groups:
            for alt, weight in group.alternatives.items():
                seen[alt] = max(weight, seen.get(alt, 0))
        return seen

    def cjk_alternatives(self):
        return [alt for alt in self.all_alternatives() if not alt.isascii()]

    def ascii_terms(self):
        return [g.term for g in self.groups if g.ascii]


# A modal verb glued to a one-character verb by jieba (能领, 要交, 想问) is filler too,
# unless the dictionary knows the pair as a word of its own (要求, 能源).
MODAL_PREFIXES = ("能", "想", "要", "该", "去", "得")


def _is_filler(word):
    if is_stop_word(word):
        return True
    if len(word) == 2 and word[0] in MODAL_PREFIXES:
        return not tokenizer().FREQ.get(word)
    return False


def _meaningful_words(chunk):
    words = [w for w in cut_words(chunk) if TOKEN_RE.fullmatch(w)]
    return [w for w in words if not _is_filler(w)]


def parse_query(raw):
    raw = (raw or "")[:MAX_QUERY_CHARS]
    folded = re.sub(r"\s+", " ", fold(raw)).strip()
    synonyms = synonym_map()  # loads the groups first so jieba knows their terms
    chunks = folded.split(" ") if folded else []
    words = []
    phrases = []
    for chunk in chunks:
        chunk_words = _meaningful_words(chunk)
        words.extend(chunk_words)
        core = "".join(w for w in chunk_words if not w.isascii())
        for phrase in ("".join(TOKEN_RE.findall(chunk)), core):
            if len(phrase) >= 2 and is_cjk(phrase) and phrase not in phrases:
                phrases.append(phrase)
    # A lone character (生, 证) matches too much once the query has real words.
    if any(len(w) >= 2 or w.isascii() for w in words):
        words = [w for w in words if len(w) >= 2 or w.isascii()]
    groups = []
    seen = set()
    for word in words:
        if word in seen:
            continue
        seen.add(word)
        group = TermGroup(term=word, ascii=word.isascii())
        group.add(word, WEIGHT_EXACT)
        if not group.ascii:
            for synonym in synonyms.get(word, ()):
                group.add(synonym, WEIGHT_SYNONYM)
            for part in sub_words(word):
                group.add(part, WEIGHT_PART)
                for synonym in synonyms.get(part, ()):
                    group.add(synonym, WEIGHT_PART_SYNONYM)
        else:
            for synonym in synonyms.get(word, ()):
                group.add(synonym, WEIGHT_SYNONYM)
        groups.append(group)
    return ParsedQuery(raw=raw, folded=folded, groups=groups, phrases=phrases)
