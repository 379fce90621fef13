"""Longest text each kind of content field may hold.

Nothing on a public page needs more; a field pasted or imported with megabytes of text
slows every page, feed and search that shows it. CharFields say it with max_length;
TextFields and rich text fields (whose stored value is HTML) carry a validator, which
the Wagtail admin forms and the catalog import both apply with a Chinese message.
"""

from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

SHORT_TEXT = 2_000  # a summary, a fee standard, a note
TEXT = 10_000  # a paragraph or a few: legal basis, conditions, an answer, duties
DOCUMENT = 50_000  # a plain-text document: an internal disclosure, a study note
RICH_TEXT = 200_000  # HTML of a whole document: an article, a draft for comment
RICH_INTRO = 20_000  # HTML of an introduction or a list of commitments


class TextLengthValidator(MaxLengthValidator):
    message = _("内容过长：最多 %(limit_value)d 字（当前 %(show_value)d 字）。")


def limit(length):
    return [TextLengthValidator(length)]
