"""What each published content type contributes to the public index: one function per type.

Every function returns a SearchDocument or None (None = must not be in the index:
not live, restricted, inactive). Guides go through a catalog-shaped dict
(catalog/SCHEMA.md) so the quality script and the live pages share one code path.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime
from html import unescape as unescape_entities

from django.utils import timezone
from django.utils.html import strip_tags

from .page_centers import page_centers

logger = logging.getLogger(__name__)

TYPE_LABELS = {
    "guide": "办事指南",
    "commitment": "服务承诺",
    "fee": "收费公示",
    "staff": "工作人员",
    "announcement": "办结公告",
    "article": "制度文件",
    "predisclosure": "预公开",
    "notice": "通知公告",
    "center": "中心信息",
}


@dataclass
class SearchDocument:
    doc_id: str
    type: str
    title: str
    text: str = ""
    url: str = ""
    department: str = ""
    topics: list = field(default_factory=list)
    keywords: list = field(default_factory=list)  # code, window, audience: matched, not shown
    date: date | None = None
    center: str = ""  # the code of the center it belongs to (search/page_centers.py)

    def __post_init__(self):
        # The kind of item is searchable too: 办结公告, 收费公示, 工作人员 …
        label = TYPE_LABELS.get(self.type)
        if label and label not in self.keywords:
            self.keywords = [*self.keywords, label]

    @property
    def year(self):
        return self.date.year if self.date else None


def page_doc_id(page_id):
    return f"page:{page_id}"


def staff_doc_id(staff_id):
    return f"staff:{staff_id}"


def html_to_text(html):
    if not html:
        return ""
    return unescape_entities(strip_tags(str(html).replace("</p>", "</p>\n"))).strip()


def _as_date(value):
    if value is None:
        return None
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def _join(*parts):
    return "\n".join(p.strip() for p in parts if p and str(p).strip())


# --- guides -------------------------------------------------------------------------------


def guide_document_from_record(record, *, doc_id=None, url="", published=None):
    """A guide document from a catalog record (SCHEMA.md shape); the one place guides are described."""
    materials = []
    for item in record.get("materials") or []:
        line = _join(item.get("name", ""), item.get("form", ""), item.get("note", "")).replace(
            "\n", " "
        )
        materials.append(line)
    procedure = "；".join(record.get("procedure") or [])
    fee = record.get("fee") or {}
    faq = [_join(item.get("q", ""), item.get("a", "")) for item in record.get("faq") or []]
    promised = record.get("promised_days")
    timing = ""
    if promised == 0:
        timing = "即办件，当场办结"
    elif promised:
        timing = f"承诺{promised}个工作日办结"
    text = _join(
        record.get("conditions", ""),
        "申报材料：" + "；".join(materials) if materials else "",
        "办理流程：" + procedure if procedure else "",
        timing,
        "收费标准：" + fee.get("standard", "") if fee.get("standard") else "",
        fee.get("basis", ""),
        record.get("basis", ""),
        *faq,
        _join(record.get("location", ""), record.get("hours", "")).replace("\n", " "),
    )
    return SearchDocument(
        doc_id=doc_id or f"guide:{record['code']}",
        type="guide",
        title=record.get("name", ""),
        text=text,
        url=url,
        department=record.get("department", "") or "",
        topics=list(record.get("topics") or []),
        keywords=[
            record.get("code", ""),
            record.get("window", "") or "",
            *(record.get("audience") or []),
        ],
        date=_as_date(published),
    )


def guide_page_record(page):
    """The catalog record of a guide page (same shape the exchange format uses)."""
    return {
        "code": page.code,
        "name": page.title,
        "department": page.department.name if page.department_id else "",
        "window": page.window.name if page.window_id else "",
        "audience": page.audience,
        "topics": [tag.name for tag in page.topics.all()],
        "basis": page.basis,
        "conditions": page.conditions,
        "materials": [
            {
                "name": m.name,
                "form": m.form,
                "copies": m.copies,
                "required": m.required,
                "note": m.note,
            }
            for m in page.materials.all()
        ],
        "procedure": [step.text for step in page.steps.all()],
        "statutory_days": page.statutory_days,
        "promised_days": page.promised_days,
        "fee": {
            "charged": page.fee_charged,
            "standard": page.fee_standard,
            "basis": page.fee_basis,
        },
        "location": page.location,
        "hours": page.hours,
        "phone": page.phone,
        "complaint_phone": page.complaint_phone,
        "faq": [{"q": f.question, "a": f.answer} for f in page.faqs.all()],
    }


def guide_document(page):
    return guide_document_from_record(
        guide_page_record(page),
        doc_id=page_doc_id(page.pk),
        url=page.get_url() or page.url_path,
        published=page.last_published_at,
    )


def _center_of_guide(page, centers):
    """Where the guide is published; its department should be of the same center."""
    code = centers.code_for_page(page)
    if page.department_id and centers.several:
        department_code = centers.code_of(page.department.center_id)
        if department_code != code:
            logger.warning(
                "search: guide %s is published under center %r but its department %r "
                "belongs to center %r; indexed under %r",
                page.pk,
                code,
                page.department.name,
                department_code,
                code,
            )
    return code


# --- other pages ----------------------------------------------------------------------------


def commitment_document(page):
    return SearchDocument(
        doc_id=page_doc_id(page.pk),
        type="commitment",
        title=page.title,
        text=_join(
            html_to_text(page.commitments),
            html_to_text(page.breach_handling),
            html_to_text(page.complaint_channels),
        ),
        url=page.get_url() or "",
        date=_as_date(page.last_published_at),
    )


def fee_document(page):
    """The fee disclosure, carrying the fee text of every live charged guide it lists."""
    from content.models import ServiceGuidePage

    lines = []
    charged = ServiceGuidePage.objects.live().public().filter(fee_charged=True).order_by("title")
    root = _site_root_path(page)
    if root:  # the center's own guides only: each center publishes its own fees
        charged = charged.filter(path__startswith=root)
    for guide in charged:
        lines.append(_join(guide.title, guide.fee_standard, guide.fee_basis).replace("\n", " "))
    return SearchDocument(
        doc_id=page_doc_id(page.pk),
        type="fee",
        title=page.title,
        text=_join(html_to_text(page.intro), *lines),
        url=page.get_url() or "",
        keywords=["收费", "收费标准"],
        date=_as_date(page.last_published_at),
    )


def announcement_document(page):
    """A completion announcement; the applicant appears only masked (张*), never in full."""
    masked = page.applicant_masked
    applicant = (page.applicant or "").strip()

    def scrub(text):
        return text.replace(applicant, masked) if applicant and applicant != masked else text

    return SearchDocument(
        doc_id=page_doc_id(page.pk),
        type="announcement",
        title=scrub(page.title),
        text=scrub(
            _join(
                f"事项：{page.matter}",
                f"申请人：{masked}",
                f"办理结果：{page.get_result_display()}",
                page.result_note,
            )
        ),
        url=page.get_url() or "",
        department=page.department.name if page.department_id else "",
        date=page.completed_on,
    )


def article_document(page):
    return SearchDocument(
        doc_id=page_doc_id(page.pk),
        type="article",
        title=page.title,
        text=_join(page.summary, html_to_text(page.body)),
        url=page.get_url() or "",
        topics=[str(page.get_category_display())],
        date=page.issued_on or _as_date(page.first_published_at),
    )


def notice_document(page):
    """A notice: its category is a topic (节假日安排 …), its attachments' names are text."""
    attachments = [a.label for a in page.attachments.select_related("document") if a.document]
    return SearchDocument(
        doc_id=page_doc_id(page.pk),
        type="notice",
        title=page.title,
        text=_join(page.summary, html_to_text(page.body), *attachments),
        url=page.get_url() or "",
        topics=[str(page.get_category_display())],
        date=page.date,
    )


def predisclosure_document(page):
    return SearchDocument(
        doc_id=page_doc_id(page.pk),
        type="predisclosure",
        title=page.title,
        text=_join(page.summary, html_to_text(page.draft), html_to_text(page.outcome)),
        url=page.get_url() or "",
        date=page.comment_opens,
    )


def center_document(page):
    """The home page as the center's own entry: opening hours, address and phones.

    Citizens ask 几点上班 or 在哪里 as often as they ask for a guide; those answers live in
    the center's settings, shown on the home page, so the home page carries them here.
    """
    from content.models import CenterSettings

    center = CenterSettings.for_site(page.get_site()) if page.get_site() else None
    lines = []
    if center is not None:
        lines = [
            f"办公时间：{center.hours}" if center.hours else "",
            f"地址：{center.address}" if center.address else "",
            f"咨询电话：{center.phone}" if center.phone else "",
            f"监督投诉电话：{center.complaint_phone}" if center.complaint_phone else "",
            center.complaint_channels,
        ]
    return SearchDocument(
        doc_id=page_doc_id(page.pk),
        type="center",
        title=center.center_name if center is not None and center.center_name else page.title,
        text=_join(*lines, page.welcome, html_to_text(page.intro)),
        url=page.get_url() or "",
        keywords=["办公时间", "地址", "咨询电话"],
    )


# --- roster entries (snippets) -------------------------------------------------------------


def _site_root_path(page):
    root = page_centers().root_for_path(page.path)
    return root[0] if root else None


def staff_document(member):
    """A roster entry: who works where and on what. Only people on duty, only on a live roster:
    their center's (the center of their department), so each center lists its own people."""
    from content.models import StaffRosterPage

    if not member.is_active:
        return None
    centers = page_centers()
    rosters = StaffRosterPage.objects.live().public()
    if member.department_id:
        code = centers.code_of(member.department.center_id)
        root = centers.root_path_of(member.department.center_id)
        rosters = rosters.filter(path__startswith=root) if root else rosters.none()
    elif centers.several:
        return None  # nobody can tell which center's roster a person without a department is on
    else:
        code = centers.only_code()
    roster = rosters.first()
    if roster is None:
        return None
    window = member.window.name if member.window_id else ""
    return SearchDocument(
        doc_id=staff_doc_id(member.pk),
        type="staff",
        title=f"{member.name}（{member.post}）",
        text=_join(window, member.duties),
        url=f"{roster.get_url() or ''}#staff-{member.pk}",
        department=member.department.name if member.department_id else "",
        keywords=[member.name, member.post, window],
        center=code,
    )


# --- dispatch -------------------------------------------------------------------------------

PAGE_BUILDERS = {
    "homepage": center_document,
    "serviceguidepage": guide_document,
    "commitmentpage": commitment_document,
    "feedisclosurepage": fee_document,
    "completionannouncementpage": announcement_document,
    "articlepage": article_document,
    "predisclosurepage": predisclosure_document,
    "noticepage": notice_document,
}


def is_public(page):
    """Live, and no view restriction on it or any ancestor."""
    return page.live and not page.get_view_restrictions().exists()


def page_document(page):
    """The document of any page, or None when it must not be in the public index."""
    page = page.specific
    builder = PAGE_BUILDERS.get(page._meta.model_name)
    if builder is None or page._meta.app_label != "content" or not is_public(page):
        return None
    doc = builder(page)
    centers = page_centers()
    if builder is guide_document:
        doc.center = _center_of_guide(page, centers)
    else:
        doc.center = centers.code_for_page(page)
    return doc


def document_for(doc_id):
    """Re-read the object behind an index entry; None when it is gone or no longer public."""
    from wagtail.models import Page

    from content.models import StaffMember

    kind, _, pk = doc_id.partition(":")
    if kind == "page":
        page = Page.objects.filter(pk=pk).first()
        return page_document(page) if page else None
    if kind == "staff":
        member = StaffMember.objects.filter(pk=pk).select_related("department", "window").first()
        return staff_document(member) if member else None
    return None


def all_documents():
    """Every document the public index should hold, read from the database."""
    from wagtail.models import Page

    from content.models import StaffMember

    models = [("content", name) for name in PAGE_BUILDERS]
    from django.contrib.contenttypes.models import ContentType

    types = [ContentType.objects.get_by_natural_key(app, model) for app, model in models]
    pages = Page.objects.live().public().filter(content_type__in=types).specific()
    for page in pages.iterator(chunk_size=200):
        doc = page_document(page)
        if doc is not None:
            yield doc
    for member in StaffMember.objects.filter(is_active=True).select_related("department", "window"):
        doc = staff_document(member)
        if doc is not None:
            yield doc


def count_documents():
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    from content.models import StaffMember

    types = [ContentType.objects.get_by_natural_key("content", name) for name in PAGE_BUILDERS]
    return (
        Page.objects.live().public().filter(content_type__in=types).count()
        + StaffMember.objects.filter(is_active=True).count()
    )
