"""Web addresses of completion announcements, which must never carry the applicant's name.

Wagtail derives a slug from the title, and editors title announcements like
临时救助申请（王小明）: the full name then sat in the URL on every listing, feed, the
search results and the API while the page itself showed 王**. New announcements get
a slug from their guide's code and a number (mz-012-003); an editor may change it,
but only to lowercase ASCII letters, digits and hyphens, without the applicant's name
in pinyin.
"""

import re

from django.utils.text import slugify
from django.utils.translation import gettext as _
from pypinyin import lazy_pinyin

SAFE_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FALLBACK_PREFIX = "notice"


def is_safe(slug):
    return bool(SAFE_SLUG.match(slug or ""))


def generated_slug(page):
    """`<guide code>-<n>`, n the first number that no page uses yet."""
    from wagtail.models import Page

    code = page.guide.code if page.guide_id and page.guide else ""
    prefix = slugify(code, allow_unicode=False) or FALLBACK_PREFIX
    taken = set(
        Page.objects.filter(slug__startswith=f"{prefix}-")
        .exclude(pk=page.pk)
        .values_list("slug", flat=True)
    )
    number = 1
    while f"{prefix}-{number:03d}" in taken:
        number += 1
    return f"{prefix}-{number:03d}"


def name_spellings(applicant):
    """The applicant's name in pinyin, whole and given name alone: wangxiaoming, xiaoming."""
    name = (applicant or "").strip()
    if not (2 <= len(name) <= 4) or not all("\u4e00" <= ch <= "\u9fff" for ch in name):
        return []
    syllables = lazy_pinyin(name)
    spellings = ["".join(syllables)]
    if len(syllables) >= 3:
        spellings.append("".join(syllables[1:]))
    return spellings


def slug_problem(slug, applicant):
    """A Chinese message saying why `slug` may not be published, or None."""
    if not is_safe(slug):
        return _(
            "网址标识只能使用小写英文字母、数字和连字符（如 mz-012-003），不能包含中文或申请人姓名。"
        )
    compact = slug.replace("-", "")
    if any(spelling in compact for spelling in name_spellings(applicant)):
        return _("网址标识不能包含申请人姓名的拼音，请使用事项编码加序号。")
    return None
