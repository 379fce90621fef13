"""Snippets with <mark> around the matched words; the text is escaped first, always.

The work is bounded by the snippet, not by the field: the first match is found with
one C-speed scan per term, and spans are computed only inside the window shown, so a
megabyte field with fifty thousand matches costs about what a short one does.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .analysis.normalize import fold

SNIPPET_CHARS = 90
BOUNDARIES = "。；;！!？?\n "


def _spans(folded, terms):
    """Non-overlapping (start, end) spans of the terms in folded text, longest terms first.

    Linear in the text: an occupancy map answers "is this stretch already marked" in the
    length of the term, not in the number of spans found so far.
    """
    taken = bytearray(len(folded))
    spans = []
    for term in sorted({t for t in terms if t}, key=len, reverse=True):
        size = len(term)
        start = folded.find(term)
        while start != -1:
            end = start + size
            if not any(taken[start:end]):
                taken[start:end] = b"\x01" * size
                spans.append((start, end))
            start = folded.find(term, end)
    return sorted(spans)


def _first_match(folded, terms):
    """Where the earliest term occurs, or None."""
    found = [pos for pos in (folded.find(t) for t in terms if t) if pos != -1]
    return min(found, default=None)


def _render(text, spans, start, stop):
    out = []
    pos = start
    for a, b in spans:
        if b <= start or a >= stop:
            continue
        a, b = max(a, start), min(b, stop)
        out.append(escape(text[pos:a]))
        out.append("<mark>" + escape(text[a:b]) + "</mark>")
        pos = b
    out.append(escape(text[pos:stop]))
    return "".join(out)


def _window_start(text, first, length):
    """Start the excerpt at the sentence holding the first match, if that is near enough."""
    earliest = max(0, first - length // 3)
    for pos in range(first - 1, earliest - 1, -1):
        if text[pos] in BOUNDARIES:
            return pos + 1
    return earliest


def snippet_window(folded, terms, length=SNIPPET_CHARS):
    """(start, stop) of the excerpt: around the first match, at most length characters."""
    first = _first_match(folded, terms)
    start = _window_start(folded, first, length) if first is not None else 0
    return start, min(len(folded), start + length)


def _window_spans(folded, terms, start, stop):
    """Spans inside [start, stop), found in that slice plus a term's length either side."""
    margin = max((len(t) for t in terms if t), default=0)
    low, high = max(0, start - margin), min(len(folded), stop + margin)
    return [(a + low, b + low) for a, b in _spans(folded[low:high], terms)]


def highlight(text, terms, folded=None, length=SNIPPET_CHARS):
    """An escaped excerpt of text around the first match, with the matches marked."""
    text = " ".join((text or "").split())
    folded = fold(text) if folded is None else " ".join(folded.split())
    if len(folded) != len(text):
        text = folded  # folding changed lengths: show the folded text so marks line up
    terms = [t for t in terms if t]
    start, stop = snippet_window(folded, terms, length)
    html = _render(text, _window_spans(folded, terms, start, stop), start, stop)
    if start > 0:
        html = "…" + html
    if stop < len(text):
        html += "…"
    return mark_safe(html)  # noqa: S308 - every piece of text went through escape()


def highlight_title(title, terms):
    """The whole title with the matches marked: a result's title is never clipped ("…民基本养老")."""
    text = " ".join((title or "").split())
    folded = fold(text)
    if len(folded) != len(text):
        text = folded
    return mark_safe(_render(text, _spans(folded, terms), 0, len(text)))  # noqa: S308 - escaped in _render
