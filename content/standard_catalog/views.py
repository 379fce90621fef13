"""Admin screens of the standard catalog.

Township side (its editors, or the superuser): the standards not yet adopted with an
"采用" button, and the adopted guides whose standard changed with their diff and an
"接受更新" button. County side: the report of missing and stale matters, with Excel export.
A center's screens answer 404 to anybody else, so centers cannot be probed by id.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from centers.models import Center
from centers.scoping import works_at
from content.models import DepartmentSectionPage, ServiceGuidePage

from .adoption import accept_update, adopt, is_behind, latest_draft
from .changes import changes_for
from .forms import AdoptForm
from .places import center_of_page, county_of, local_guides_of, sections_of, standards_of
from .report import centers_in_report, township_rows, workbook_bytes


def may_work_for(user, center):
    """Editors of that township, or the superuser."""
    return user.is_superuser or works_at(user, center.pk)


def _township(request, center_id):
    center = get_object_or_404(
        Center.objects.select_related("site"), pk=center_id, kind=Center.Kind.TOWNSHIP
    )
    if not may_work_for(request.user, center):
        raise Http404
    return center


def _addable_sections(user, center):
    ids = [
        section.pk
        for section in sections_of(center)
        if section.permissions_for_user(user).can_add_subpage()
    ]
    return DepartmentSectionPage.objects.filter(pk__in=ids).order_by("path")


def index(request):
    """Where the menu item leads: the user's own township, a list of townships for the
    superuser, the report for county staff."""
    center = Center.for_user(request.user)
    if center is not None and center.kind == Center.Kind.TOWNSHIP:
        return redirect("standard_catalog_township", center_id=center.pk)
    if request.user.is_superuser:
        townships = Center.objects.filter(kind=Center.Kind.TOWNSHIP)
        return render(
            request, "content/admin/standard_catalog/index.html", {"townships": townships}
        )
    return redirect("standard_catalog_report")


def _copy_status(guide, standard):
    draft = latest_draft(guide)
    if is_behind(draft, standard):
        return "behind"
    if is_behind(guide, standard) and guide.live:
        return "in_review"
    return "current"


def township(request, center_id):
    center = _township(request, center_id)
    county = county_of(center)
    standards = list(standards_of(county)) if county else []
    copies = list(local_guides_of(center).select_related("standard"))
    adopted = {guide.standard_id for guide in copies}
    rows = [
        {"guide": guide, "standard": guide.standard, "status": _copy_status(guide, guide.standard)}
        for guide in copies
        if guide.standard.live
    ]
    return render(
        request,
        "content/admin/standard_catalog/township.html",
        {
            "center": center,
            "county": county,
            "to_adopt": [standard for standard in standards if standard.pk not in adopted],
            "may_adopt": _addable_sections(request.user, center).exists(),
            "copies": rows,
        },
    )


def _standard_for(center, standard_id):
    county = county_of(center)
    if county is None:
        raise Http404
    return get_object_or_404(standards_of(county), pk=standard_id)


def adopt_view(request, center_id, standard_id):
    center = _township(request, center_id)
    standard = _standard_for(center, standard_id)
    sections = _addable_sections(request.user, center)
    if not sections.exists():
        raise PermissionDenied
    form = AdoptForm(request.POST or None, standard=standard, center=center, sections=sections)
    if request.method == "POST" and form.is_valid():
        try:
            page = adopt(
                standard, form.cleaned_data["section"], request.user, form.local_elements()
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(
                request,
                _("已采用“%(title)s”，本中心的指南已保存为草稿，请核对后提交审核。")
                % {"title": page.title},
            )
            return redirect("wagtailadmin_pages:edit", page.pk)
    return render(
        request,
        "content/admin/standard_catalog/adopt.html",
        {"center": center, "standard": standard, "form": form},
    )


def _local_guide(request, page_id):
    guide = get_object_or_404(
        ServiceGuidePage.objects.select_related("standard"), pk=page_id, standard__isnull=False
    )
    center = center_of_page(guide)
    if center is None or not may_work_for(request.user, center):
        raise Http404
    if not guide.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return guide, center


def changes_view(request, page_id):
    guide, center = _local_guide(request, page_id)
    draft = latest_draft(guide)
    standard = guide.standard
    return render(
        request,
        "content/admin/standard_catalog/changes.html",
        {
            "center": center,
            "guide": guide,
            "standard": standard,
            "changes": changes_for(draft),
            "behind": is_behind(draft, standard),
        },
    )


@require_POST
def accept_view(request, page_id):
    guide, center = _local_guide(request, page_id)
    if not is_behind(latest_draft(guide), guide.standard):
        messages.info(request, _("该指南已接受标准的最新版本，无需再次接受。"))
        return redirect("standard_catalog_township", center_id=center.pk)
    try:
        submitted, notes = accept_update(guide, request.user)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return redirect("standard_catalog_changes", page_id=guide.pk)
    done = (
        _("已接受标准的更新，保留了本地要素，新版本已提交审核，审核通过后公开。")
        if submitted
        else _(
            "已接受标准的更新，保留了本地要素，新版本已保存为草稿；该指南没有审核流程，请提交发布。"
        )
    )
    messages.success(request, " ".join([done, *notes]))
    return redirect("standard_catalog_township", center_id=center.pk)


def report(request):
    rows = township_rows(centers_in_report(request.user))
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(
            workbook_bytes(rows),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = "attachment; filename=standard-catalog-report.xlsx"
        return response
    return render(
        request,
        "content/admin/standard_catalog/report.html",
        {"rows": rows, "xlsx_url": reverse("standard_catalog_report") + "?format=xlsx"},
    )


def may_see_report(user):
    return centers_in_report(user).exists()
