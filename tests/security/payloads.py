"""Strings an attacker types into public forms, and the check that a page left them inert."""

from bs4 import BeautifulSoup

SCRIPT = "<script>alert(1)</script>"
IMG_ONERROR = '"><img src=x onerror=alert(1)>'
JS_URL = "javascript:alert(1)"
TEMPLATE = "{{7*7}}"
SVG_ONLOAD = "<svg/onload=alert(1)>"
ATTRIBUTE_BREAK = "' autofocus onfocus=alert(1) x='"
CLOSING_TEXTAREA = "</textarea><script>alert(1)</script>"
DJANGO_TAG = "{% debug %}"

HOSTILE = [
    SCRIPT,
    IMG_ONERROR,
    JS_URL,
    TEMPLATE,
    SVG_ONLOAD,
    ATTRIBUTE_BREAK,
    CLOSING_TEXTAREA,
    DJANGO_TAG,
    '<a href="javascript:alert(1)">点我</a>',
    "<iframe src=//evil.example></iframe>",
    "${7*7}",
    "\u202e\u0645\u0631\u062d\u0628\u0627",  # right-to-left override and Arabic
    "\ufeff零宽\u200b字符",
]
# Everything at once, as one long complaint would carry it.
ALL_IN_ONE = "投诉内容：" + " ".join(HOSTILE)


def assert_inert(html, *, where=""):
    """No script, event handler or javascript: URL that came from a payload; nothing evaluated."""
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):
        body = script.string or ""
        assert "alert(1)" not in body, f"{where}: a <script> carries the payload: {script}"
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            assert not name.lower().startswith("on"), (
                f"{where}: event handler attribute {name!r} on <{element.name}>"
            )
            if name.lower() in {"href", "src", "action", "formaction", "data"}:
                text = value if isinstance(value, str) else " ".join(value)
                assert not text.strip().lower().startswith("javascript:"), (
                    f"{where}: {name}={text!r}"
                )
        assert element.name not in {"iframe", "svg", "img"} or "alert" not in str(element), (
            f"{where}: a payload became an element: {element}"
        )
    assert "<script>alert(1)</script>" not in html, f"{where}: raw script tag in the HTML"
    assert "<img src=x onerror" not in html, f"{where}: raw img tag in the HTML"


def visible_text(html):
    return BeautifulSoup(html, "html.parser").get_text(" ")
