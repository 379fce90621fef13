"""The analysed fields of a document, identical for both engines.

Tokens are space-joined so that FTS5's unicode61 tokenizer and Elasticsearch's
whitespace analyzer see exactly the words jieba found.
"""

import functools
from collections import Counter

from .normalize import fold
from .pinyin import pinyin_tokens, title_syllables
from .segment import TOKEN_RE, add_words, cut_search, cut_words, expand_words, tokenizer
from .vocabulary import vocabulary

MAX_SUGGEST_STARTS = 10
# Suggestion keys from keywords (topics) carry this mark, so titles can be offered first.
KEYWORD_MARKER = "~"
# A title this short also gives its single characters to the character-level field.
SHORT_TITLE = 6


def _bigrams(text):
    grams = []
    for piece in TOKEN_RE.findall(text):
        if piece.isascii() or len(piece) == 1:
            grams.append(piece)
        else:
            grams.extend(piece[i : i + 2] for i in range(len(piece) - 1))
    return grams


def _short_title_chars(compact):
    return list(compact) if 0 < len(compact) <= SHORT_TITLE else []


def abbreviation_parts(words):
    """Words split into dictionary words (医疗保险 → 医疗, 保险; 就业创业证 → 就业, 创业, 证).

    What abbreviations take their first characters from; a word that does not split
    wholly into dictionary words (and one trailing character) stays whole.
    """
    freq = tokenizer().FREQ
    parts = []
    for word in words:
        pieces, pos = [], 0
        while len(word) >= 4 and pos < len(word):
            if pos == len(word) - 1 and pieces:
                pieces.append(word[pos])
                pos += 1
                break
            for size in (3, 2):
                piece = word[pos : pos + size]
                if len(piece) == size and freq.get(piece):
                    pieces.append(piece)
                    pos += size
                    break
            else:
                break
        parts.extend(pieces if pos == len(word) and len(pieces) > 1 else [word])
    return parts


@functools.lru_cache(maxsize=10_000)
def _topic_keys(topic):
    """A topic from each of its words on (户籍办理 → 户籍办理, 办理), marked as keyword keys."""
    compact = "".join(TOKEN_RE.findall(fold(topic)))
    keys, pos = [], 0
    for word in cut_words(compact):
        keys.append(KEYWORD_MARKER + compact[pos:])
        pos += len(word)
    return tuple(keys)


def _topic_suggest_keys(topics):
    return [key for topic in topics if topic for key in _topic_keys(topic)]


def learn_words(title_words, title_tokens, keyword_tokens, body_tokens):
    """File a document's words in the site vocabulary (pinyin keys, abbreviations)."""
    vocab = vocabulary()
    for word in title_tokens:
        vocab.add(word, 3)
    vocab.add_abbreviations(abbreviation_parts(title_words))
    for word in keyword_tokens:
        vocab.add(word, 2)
    vocab.add_occurrences(Counter(body_tokens))


def site_terms(names):
    """Folded department and topic names, whole, as jieba should keep them."""
    return [t for name in names if name for t in TOKEN_RE.findall(fold(name))]


def vocabulary_of(doc):
    """Terms worth teaching jieba: the department and the topics of a document."""
    return site_terms([doc.department, *doc.topics])


def _title_pinyin(compact, words, tokens):
    """Pinyin tokens of a title, from one pinyin pass over the whole title.

    Each word, each run of up to three words and each dictionary sub-word gives its full
    pinyin and initials (个体/工商户 → gtgsh, getigongshanghu; 宅基地 → zhaijidi), and the
    title from each word on gives completion keys. Slicing one syllable list keeps this
    to a single pypinyin call per title.
    """
    syllables = title_syllables(words)
    offsets = []
    pos = 0
    for word in words:
        offsets.append((pos, pos + len(word)))
        pos += len(word)
    spans = set()
    for index in range(len(offsets)):
        for span in range(1, 4):
            if index + span <= len(offsets):
                spans.add((offsets[index][0], offsets[index + span - 1][1]))
    word_starts = {start for start, _end in offsets}
    for token in tokens:
        start = compact.find(token)
        if start >= 0:
            spans.add((start, start + len(token)))
            if len(token) >= 2:
                word_starts.add(start)
    spans.add((0, len(compact)))
    pinyin = []
    for start, end in sorted(spans):
        pinyin.extend(_keys(syllables[start:end]))
    suggest = []
    for start in sorted(word_starts)[:MAX_SUGGEST_STARTS]:
        suggest.append(compact[start:])
        suggest.extend(_keys(syllables[start:]))
    return pinyin, suggest


def _keys(syllables):
    """(full, initials) of a run of syllables; nothing when it holds no hanzi."""
    if not syllables or not any(syllable for syllable in syllables):
        return []
    if any(not syllable for syllable in syllables):
        return []  # a span with ASCII in it has no pinyin of its own
    full = "".join(syllables)
    initials = "".join(syllable[0] for syllable in syllables)
    return [key for key in (full, initials) if len(key) >= 2]


@functools.lru_cache(maxsize=50_000)
def _keyword_analysis(part):
    """Tokens and pinyin of a department, topic or code; they repeat across documents."""
    words = cut_words(part)
    expanded = expand_words(words)
    tokens = list(expanded)
    joined = "".join(TOKEN_RE.findall(part))
    if joined and joined not in tokens:
        tokens.append(joined)
    keys = pinyin_tokens(words) + pinyin_tokens([w for w in expanded if w not in words], max_span=1)
    return tuple(tokens), tuple(keys)


def analyse(doc):
    title = fold(doc.title)
    keyword_parts = [fold(p) for p in (doc.department, *doc.topics, *doc.keywords) if p]
    body = fold(doc.text)

    compact = "".join(TOKEN_RE.findall(title))
    title_words = cut_words(compact)
    title_tokens = expand_words(title_words)
    pinyin, suggest = _title_pinyin(compact, title_words, title_tokens)
    keyword_tokens = []
    for part in keyword_parts:
        tokens, keys = _keyword_analysis(part)
        keyword_tokens.extend(tokens)
        pinyin.extend(keys)

    body_tokens = cut_search(body)
    learn_words(title_words, title_tokens, keyword_tokens, body_tokens)
    grams = _bigrams(title) + _short_title_chars(compact) + _bigrams(" ".join(keyword_parts))
    return {
        "title_tokens": " ".join(title_tokens),
        "keyword_tokens": " ".join(dict.fromkeys(keyword_tokens)),
        "body_tokens": " ".join(body_tokens),
        "grams": " ".join(grams),
        "pinyin": " ".join(dict.fromkeys(pinyin)),
        "title_norm": title,
        "keywords_norm": " | ".join(keyword_parts),
        "body_norm": body,
        "suggest": list(dict.fromkeys(suggest + _topic_suggest_keys(doc.topics))),
    }


def learn_vocabulary(docs):
    """Add the documents' own terms to jieba before they are analysed."""
    words = []
    for doc in docs:
        words.extend(vocabulary_of(doc))
    add_words(words)
