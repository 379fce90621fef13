"""The printed A4 documents: 受理回执, 补正通知单, 退回通知书, 代理承办表, 咨询件告知单."""

import segno
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from content.models import GuideMaterial
from intranet.access import role_required
from intranet.cases import views

DOCUMENTS = {
    "receipt": "cases/print/receipt.html",
    "supplement": "cases/print/supplement.html",
    "refusal": "cases/print/refusal.html",
    "agency": "cases/print/agency.html",
}


def progress_qr(request, case):
    """An SVG QR code to the public progress page. The receipt number rides in the fragment,
    which browsers never send to the server, so it stays out of the server's logs."""
    url = request.build_absolute_uri(reverse("cases:progress")) + f"#{case.receipt_number}"
    return mark_safe(segno.make(url, error="m").svg_inline(scale=3, title="办件进度查询"))  # noqa: S308


@role_required(*views.VIEWERS)
def case_document(request, pk, doc):
    if doc not in DOCUMENTS:
        raise Http404
    case = views.get_case(request, pk)
    context = {"c": case, "printed_on": timezone.localdate(), "staff": case.handler}
    if doc == "receipt":
        context["qr"] = progress_qr(request, case)
        context["progress_url"] = request.build_absolute_uri(reverse("cases:progress"))
    elif doc == "supplement":
        request_ = case.supplements.order_by("-requested_at").first()
        if request_ is None:
            raise Http404
        context["request_"] = request_
        if case.guide_id:
            by_name = {m.name: m for m in GuideMaterial.objects.filter(page_id=case.guide_id)}
            context["missing"] = [(n, by_name.get(n)) for n in request_.materials]
        else:
            context["missing"] = [(n, None) for n in request_.materials]
    elif doc == "refusal":
        context["filing"] = case.filings.order_by("-filed_at").first()
        if context["filing"] is None:
            raise Http404
    elif doc == "agency":
        context["handoffs"] = case.handoffs.all()
    return render(request, DOCUMENTS[doc], context)


@role_required(*views.RECEIVERS, *views.OVERSIGHT)
def contact_notice(request, pk):
    contact = get_object_or_404(views.contacts_visible(request), pk=pk)
    return render(
        request,
        "cases/print/enquiry.html",
        {"contact": contact, "printed_on": timezone.localdate(), "staff": contact.recorded_by},
    )
