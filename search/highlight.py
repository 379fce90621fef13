"""Snippets with <mark> around the matched words; the text is escaped first, always."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .analysis.normalize import fold

SNIPPET_CHARS = 90


def _spans(folded, terms):
    """Non-overlapping (start, end) spans of the terms in folded text, longest terms first."""
    taken = []
    for term in sorted({t for t in terms if t}, key=len, reverse=True):
        start = folded.find(term)
        while start != -1:
            end = start + len(term)
            if all(end <= a or start >= b for a, b in taken):
                taken.append((start, end))
            start = folded.find(term, end)
    return sorted(taken)


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


BOUNDARIES = "。；;！!？?\n "


def _window_start(text, first, length):
    """Start the excerpt at the sentence holding the first match, if that is near enough."""
    earliest = max(0, first - length // 3)
    for pos in range(first - 1, earliest - 1, -1):
        if text[pos] in BOUNDARIES:
            return pos + 1
    return earliest


def highlight(text, terms, folded=None, length=SNIPPET_CHARS):
    """An escaped excerpt of text around the first match, with the matches marked."""
    text = " ".join((text or "").split())
    folded = fold(text) if folded is None else " ".join(folded.split())
    if len(folded) != len(text):
        text = folded  # folding changed lengths: show the folded text so marks line up
    spans = _spans(folded, terms)
    start = _window_start(text, spans[0][0], length) if spans else 0
    stop = min(len(text), start + length)
    html = _render(text, spans, start, stop)
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
