"""Writing side of the exchange format: one guide page -> one record of SCHEMA.md.

The same function serves the open-data API and the importer's "has anything changed"
test, so an export re-imported is recognised as unchanged.
"""

from django.db.models import Prefetch

from content.models import GuideTopic, ServiceGuidePage


def guide_to_record(guide):
    """Return the exchange record of a guide (a live page or a page rebuilt from a revision)."""
    return {
        "code": guide.code,
        "name": guide.title,
        "department": guide.department.name if guide.department_id else "",
        "window": guide.window.name if guide.window_id else "",
        "audience": guide.audience,
        "topics": sorted({topic.tag.name for topic in guide.tagged_topics.all()}),
        "basis": guide.basis,
        "conditions": guide.conditions,
        "materials": [
            {
                "name": material.name,
                "form": material.form,
                "copies": material.copies,
                "required": material.required,
                "note": material.note,
            }
            for material in _ordered(guide.materials.all())
        ],
        "procedure": [step.text for step in _ordered(guide.steps.all())],
        "statutory_days": guide.statutory_days,
        "promised_days": guide.promised_days,
        "fee": {
            "charged": guide.fee_charged,
            "standard": guide.fee_standard,
            "basis": guide.fee_basis,
        },
        "location": guide.location,
        "hours": guide.hours,
        "phone": guide.phone,
        "complaint_phone": guide.complaint_phone,
        "faq": [{"q": faq.question, "a": faq.answer} for faq in _ordered(guide.faqs.all())],
        "matter_type": guide.matter_type,
        "implementing_body": guide.implementing_body,
        "channels": guide.channels,
        "visits": guide.visits,
        "result_name": guide.result_name,
        "delivery": guide.delivery,
        "intermediary": guide.intermediary,
        "special_procedures": guide.special_procedures,
        "online_url": guide.online_url,
        "standard_code": guide.standard_code,
    }


def _ordered(items):
    # Sorting in Python keeps prefetched and in-memory (revision) children alike query-free.
    return sorted(items, key=lambda item: (item.sort_order is None, item.sort_order or 0))


def published_guides():
    """Live, publicly visible guides with everything the export reads, in a fixed number of queries."""
    return (
        ServiceGuidePage.objects.live()
        .public()
        .select_related("department", "window")
        .prefetch_related(
            "materials",
            "steps",
            "faqs",
            Prefetch("tagged_topics", queryset=GuideTopic.objects.select_related("tag")),
        )
        .order_by("code")
    )
