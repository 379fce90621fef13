"""Turn what a citizen typed into weighted term groups both engines search for.

One group per meaningful word of the query; a group matches when any of its
alternatives does (the word itself, the dictionary words inside it, its synonyms,
the long forms it abbreviates). Groups are ORed, and the ranking rewards documents
that match more of them.

Before segmentation the query is brought to the site's words: pinyin in any form
(tone marks, tone numbers, spaces, initials, mixed with characters) is looked up in
the site vocabulary by its syllables, and a word with one wrong character of the same
sound (底保) is replaced by the vocabulary word (低保), remembered as a correction.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from .normalize import fold
from .segment import CJK_RE, TOKEN_RE, cut_words, is_cjk, sub_words, tokenizer
from .stopwords import is_stop_word
from .synonyms import synonym_map
from .vocabulary import vocabulary

MAX_QUERY_CHARS = 100

WEIGHT_EXACT = 1.0
WEIGHT_SYNONYM = 0.9
WEIGHT_PINYIN = 0.9
WEIGHT_ABBREVIATION = 0.85
WEIGHT_PART = 0.55
WEIGHT_PART_SYNONYM = 0.3
# A single character kept from a sentence (换 in 身份证过期了怎么换) counts this much of a word.
SINGLE_CHAR_WEIGHT = 0.4
MAX_TYPO_SPAN = 6

TONE_NUMBERS = re.compile(r"(?<![a-z0-9])((?:[a-z]+[1-5])+[a-z]*)(?![a-z0-9])")
UMLAUTS = str.maketrans(dict.fromkeys("üǖǘǚǜÜǕǗǙǛ", "v"))


@dataclass
class TermGroup:
    term: str
    alternatives: dict = field(default_factory=dict)  # alternative → weight
    ascii: bool = False
    weak: bool = False  # a single character: helps the ranking, never retrieves on its own

    def add(self, alternative, weight):
        if alternative and weight > self.alternatives.get(alternative, 0):
            self.alternatives[alternative] = weight


@dataclass
class ParsedQuery:
    raw: str
    folded: str
    groups: list
    phrases: list  # folded spans whose verbatim presence in a title is worth a bonus
    corrections: list = field(default_factory=list)  # (typed, vocabulary word)
    grams: list = field(default_factory=list)  # character bigrams, for the recall fallback

    @property
    def empty(self):
        return not self.groups

    @property
    def retrieving_groups(self):
        return [g for g in self.groups if not g.weak]

    @property
    def corrected(self):
        """The query as the vocabulary spells it ("低保"), when a typo was corrected."""
        return self.folded if self.corrections else ""

    def all_alternatives(self):
        seen = {}
        for group in self.groups:
            for alt, weight in group.alternatives.items():
                seen[alt] = max(weight, seen.get(alt, 0))
        return seen

    def cjk_alternatives(self):
        return [alt for alt in self.all_alternatives() if not alt.isascii()]

    def ascii_terms(self):
        return [g.term for g in self.retrieving_groups if g.ascii]


# A modal verb glued to a one-character verb by jieba (能领, 要交, 想问) is filler too,
# unless the dictionary knows the pair as a word of its own (要求, 能源).
MODAL_PREFIXES = ("能", "想", "要", "该", "去", "得")


def _is_filler(word):
    if is_stop_word(word):
        return True
    if len(word) == 2 and word[0] in MODAL_PREFIXES:
        return not tokenizer().FREQ.get(word)
    return False


def strip_tones(text):
    """shè bǎo → she bao, lǜ → lv: pinyin typed with tone marks becomes plain letters."""
    text = text.translate(UMLAUTS)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped)


def _drop_tone_numbers(text):
    """she4 bao3 → she bao: digits 1-5 right after letters are tones when the letters are pinyin."""
    vocab = vocabulary()

    def replace(match):
        letters = re.sub(r"[1-5]", " ", match.group(1)).split()
        if all(s in vocab.syllables for s in letters):
            return " ".join(letters)
        return match.group(1)

    return TONE_NUMBERS.sub(replace, text)


def _convert_pinyin(text, extra):
    """Pinyin runs become the vocabulary words they spell; spaced syllables are joined first.

    A run that spells one word is replaced by it (dibao → 低保, chu sheng → 出生, shebao卡 →
    社保卡); other homophones are kept in `extra` as alternatives of the chosen word.
    """
    vocab = vocabulary()
    if not vocab.words:
        return text
    pieces = re.split(r"(\s+)", text)
    # Tokens: ASCII letter runs and everything else, keeping the separators.
    tokens = []
    for piece in pieces:
        tokens.extend(t for t in re.split(r"([a-z]+)", piece) if t)
    out = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if not token.isalpha() or not token.isascii():
            out.append(token)
            index += 1
            continue
        # The longest run of letter tokens separated only by spaces that is a vocabulary key.
        best_end, best_key = None, None
        end, key = index, ""
        while end < len(tokens):
            if tokens[end].isspace():
                end += 1
                continue
            if not (tokens[end].isalpha() and tokens[end].isascii()):
                break
            key += tokens[end]
            end += 1
            if vocab.is_key(key):
                best_end, best_key = end, key
        if best_key is None:
            split = vocab.split_pinyin(token) if len(token) >= 4 else None
            if not split:
                out.append(token)
                index += 1
                continue
            keys, best_end = split, index + 1
        else:
            keys = [best_key]
        words = []
        for key in keys:
            found = vocab.pinyin_words(key)
            words.append(found[0])
            if len(found) > 1:
                extra.setdefault(found[0], []).extend(found[1:])
        out.append("".join(words))
        index = best_end
    return "".join(out)


def _correct_run(run, corrections):
    """Replace spans of a CJK run that sound like a site word but miss one character of it."""
    vocab = vocabulary()
    freq = tokenizer().FREQ
    words = cut_words(run)
    out = []
    index = 0
    while index < len(words):
        replaced = False
        for end in range(min(len(words), index + 4), index, -1):
            span = "".join(words[index:end])
            if not 2 <= len(span) <= MAX_TYPO_SPAN or span in vocab.words or freq.get(span):
                continue
            found = [w for w in vocab.homophones(span) if w in vocab.prominent]
            if found:
                out.append(found[0])
                corrections.append((span, found[0]))
                index = end
                replaced = True
                break
        if not replaced:
            out.append(words[index])
            index += 1
    return "".join(out)


def _correct_typos(text, corrections):
    if not vocabulary().words:
        return text
    return re.sub(CJK_RE.pattern + "+", lambda m: _correct_run(m.group(0), corrections), text)


def _merge_known(words, synonyms):
    """Join words that together spell a known term: a synonym typed verbatim (80/岁 → 80岁),
    or an abbreviation of the site's titles that jieba broke into characters (残/两/补)."""
    abbreviations = vocabulary().abbreviations
    freq = tokenizer().FREQ
    out = []
    index = 0
    while index < len(words):
        for end in range(min(len(words), index + 6), index + 1, -1):
            span = "".join(words[index:end])
            if span in synonyms or (
                span in abbreviations
                and all(len(w) == 1 or not freq.get(w) for w in words[index:end])
            ):
                out.append(span)
                index = end
                break
        else:
            out.append(words[index])
            index += 1
    return out


def _meaningful_words(chunk, synonyms):
    words = [w for w in cut_words(chunk) if TOKEN_RE.fullmatch(w)]
    words = _merge_known(words, synonyms)
    return [w for w in words if not _is_filler(w)]


def _bigrams(words):
    grams = []
    for word in words:
        if not word.isascii() and len(word) >= 2:
            grams.extend(word[i : i + 2] for i in range(len(word) - 1))
    return list(dict.fromkeys(grams))


def parse_query(raw):
    raw = (raw or "")[:MAX_QUERY_CHARS]
    synonyms = synonym_map()  # loads the groups first so jieba knows their terms
    folded = re.sub(r"\s+", " ", fold(strip_tones(raw))).strip()
    folded = _drop_tone_numbers(folded)
    extra = {}
    folded = _convert_pinyin(folded, extra)
    corrections = []
    folded = _correct_typos(folded, corrections)
    folded = re.sub(r"\s+", " ", folded).strip()
    chunks = folded.split(" ") if folded else []
    words = []
    phrases = []
    for chunk in chunks:
        chunk_words = _meaningful_words(chunk, synonyms)
        words.extend(chunk_words)
        core = "".join(w for w in chunk_words if not w.isascii())
        for phrase in ("".join(TOKEN_RE.findall(chunk)), core):
            if len(phrase) >= 2 and is_cjk(phrase) and phrase not in phrases:
                phrases.append(phrase)
    # Once the query has real words, a lone character only helps order what they find.
    has_words = any(len(w) >= 2 or w.isascii() for w in words)
    vocab = vocabulary()
    groups = []
    seen = set()
    for word in words:
        if word in seen:
            continue
        seen.add(word)
        group = TermGroup(term=word, ascii=word.isascii())
        group.weak = has_words and len(word) == 1 and not group.ascii
        group.add(word, WEIGHT_EXACT)
        for synonym in synonyms.get(word, ()):
            group.add(synonym, WEIGHT_SYNONYM)
        if not group.ascii:
            for other in extra.get(word, ()):
                group.add(other, WEIGHT_PINYIN)
            for long_form in vocab.long_forms(word):
                group.add(long_form, WEIGHT_ABBREVIATION)
            for part in sub_words(word):
                group.add(part, WEIGHT_PART)
                for synonym in synonyms.get(part, ()):
                    group.add(synonym, WEIGHT_PART_SYNONYM)
        groups.append(group)
    return ParsedQuery(
        raw=raw,
        folded=folded,
        groups=groups,
        phrases=phrases,
        corrections=corrections,
        grams=_bigrams(w for w in words if len(w) >= 2),
    )
