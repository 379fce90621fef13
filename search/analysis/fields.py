"""The analysed fields of a document, identical for both engines.

Tokens are space-joined so that FTS5's unicode61 tokenizer and Elasticsearch's
whitespace analyzer see exactly the words jieba found.
"""

from .normalize import fold
from .pinyin import pinyin_keys, pinyin_tokens
from .segment import TOKEN_RE, add_words, cut_search, cut_words, expand_words


def _bigrams(text):
    grams = []
    for piece in TOKEN_RE.findall(text):
        if piece.isascii() or len(piece) == 1:
            grams.append(piece)
        else:
            grams.extend(piece[i : i + 2] for i in range(len(piece) - 1))
    return grams


def vocabulary_of(doc):
    """Terms worth teaching jieba: topics, the department, title parts between punctuation."""
    terms = [doc.department, *doc.topics]
    terms.extend(TOKEN_RE.findall(fold(doc.title)))
    return [fold(t) for t in terms if t]


def analyse(doc):
    title = fold(doc.title)
    keyword_parts = [fold(p) for p in (doc.department, *doc.topics, *doc.keywords) if p]
    body = fold(doc.text)

    title_words = cut_words(title)
    title_tokens = expand_words(title_words)
    keyword_tokens = []
    pinyin = pinyin_tokens(title_words)
    # Sub-words too: a title part jieba learned whole (农村村民宅基地和建房) still gives zhaijidi.
    pinyin.extend(pinyin_tokens([w for w in title_tokens if w not in title_words], max_span=1))
    for part in keyword_parts:
        words = cut_words(part)
        expanded = expand_words(words)
        keyword_tokens.extend(expanded)
        joined = "".join(TOKEN_RE.findall(part))
        if joined and joined not in keyword_tokens:
            keyword_tokens.append(joined)
        pinyin.extend(pinyin_tokens(words))
        pinyin.extend(pinyin_tokens([w for w in expanded if w not in words], max_span=1))
    # The whole title's pinyin lets as-you-type prefixes (cxjm…) reach it.
    whole = "".join(t for t in TOKEN_RE.findall(title) if not t.isascii())
    full, initials = pinyin_keys(whole) if whole else ("", "")
    pinyin.extend(t for t in (full, initials) if t)

    suggest = [title]
    for index, _word in enumerate(title_words[1:], start=1):
        rest = "".join(title_words[index:])
        if len(rest) >= 2:
            suggest.append(rest)
    suggest.extend(t for t in (full, initials) if len(t) >= 2)

    return {
        "title_tokens": " ".join(title_tokens),
        "keyword_tokens": " ".join(dict.fromkeys(keyword_tokens)),
        "body_tokens": " ".join(cut_search(body)),
        "grams": " ".join(_bigrams(title) + _bigrams(" ".join(keyword_parts))),
        "pinyin": " ".join(dict.fromkeys(pinyin)),
        "title_norm": title,
        "keywords_norm": " | ".join(keyword_parts),
        "body_norm": body,
        "suggest": list(dict.fromkeys(suggest)),
    }


def learn_vocabulary(docs):
    """Add the documents' own terms to jieba before they are analysed."""
    words = []
    for doc in docs:
        words.extend(vocabulary_of(doc))
    add_words(words)
