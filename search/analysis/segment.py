"""jieba segmentation with the center's own vocabulary, initialised once and lazily (~1 s)."""

import logging
import re
import threading
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
USER_DICT = DATA_DIR / "userdict.txt"
SPLIT_WORDS = DATA_DIR / "split_words.txt"

_lock = threading.RLock()
_tokenizer = None
_added = set()

# A run of CJK ideographs, or of ASCII letters/digits; everything else separates tokens.
TOKEN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[0-9a-z]+")
CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _read_lines(path):
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as fh:
        return [line.strip() for line in fh if line.strip() and not line.startswith("#")]


def tokenizer():
    """The shared jieba tokenizer, built on first use with the shipped user dictionary."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                tk = jieba.Tokenizer()
                tk.initialize()
                for line in _read_lines(USER_DICT):
                    word = line.split()[0]
                    tk.add_word(word)
                    _added.add(word)
                # Words that swallow a query's filler (想开 in 想开个小卖部) are split again.
                for word in _read_lines(SPLIT_WORDS):
                    tk.del_word(word)
                _tokenizer = tk
    return _tokenizer


def add_words(words):
    """Teach jieba terms found at runtime (guide titles' parts, topics, departments, synonyms)."""
    tk = tokenizer()
    with _lock:
        for word in words:
            word = (word or "").strip()
            if 2 <= len(word) <= 12 and word not in _added and CJK_RE.search(word):
                if not TOKEN_RE.fullmatch(word):
                    continue
                tk.add_word(word)
                _added.add(word)


def _pieces(text):
    """Split folded text into runs jieba should see (CJK runs) and plain ASCII runs."""
    return TOKEN_RE.findall(text)


def cut_words(text):
    """Precise-mode words of folded text (for pinyin of whole words and query terms)."""
    tk = tokenizer()
    words = []
    for piece in _pieces(text):
        if piece.isascii():
            words.append(piece)
        else:
            words.extend(w for w in tk.cut(piece, HMM=True) if w.strip())
    return words


def cut_search(text):
    """Search-mode tokens of folded text: every word plus its dictionary sub-words."""
    tk = tokenizer()
    tokens = []
    for piece in _pieces(text):
        if piece.isascii():
            tokens.append(piece)
        else:
            tokens.extend(w for w in tk.cut_for_search(piece, HMM=True) if w.strip())
    return tokens


def sub_words(word, longest=6):
    """Dictionary words inside a word (城乡居民基本医疗保险 → 城乡, 居民, 医疗保险, …).

    Like jieba's search mode but not limited to 2- and 3-character pieces, so a title
    that jieba keeps whole still yields the 4-character terms people search for.
    """
    if len(word) <= 2 or word.isascii():
        return []
    freq = tokenizer().FREQ
    found = []
    size = len(word)
    for length in range(2, min(size - 1, longest) + 1):
        for start in range(size - length + 1):
            piece = word[start : start + length]
            if freq.get(piece):
                found.append(piece)
    return found


def expand_words(words):
    """Words plus their sub-words, in order, without repeats."""
    seen = set()
    tokens = []
    for word in words:
        for token in (word, *sub_words(word)):
            if token not in seen:
                seen.add(token)
                tokens.append(token)
    return tokens


def is_cjk(text):
    return bool(CJK_RE.search(text))
