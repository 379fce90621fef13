"""Internal disclosures (对内公开): list with unread marks, reading records a receipt, read status for the head."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, OuterRef, Subquery
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from centers.models import Center
from centers.scoping import members_of, works_at
from intranet import roles
from intranet.access import role_required
from intranet.disclosures.forms import DisclosureFilterForm, DisclosureForm, ReadsFilterForm
from intranet.disclosures.models import Disclosure, DisclosureAttachment, DisclosureRead
from intranet.list_filters import read_filters
from portal.pagination import paginate


def _visible(request):
    return Disclosure.objects.visible_to(request.user)


@role_required(*roles.ALL_ROLES)
def disclosure_list(request):
    qs = _visible(request).annotate(
        is_read=Exists(DisclosureRead.objects.filter(disclosure=OuterRef("pk"), user=request.user))
    )
    filters = read_filters(request, DisclosureFilterForm)
    category = filters["category"]
    if category:
        qs = qs.filter(category=category)
    if filters["unread"]:
        qs = qs.filter(is_read=False)
    page = paginate(request, qs.order_by("-publish_at", "-id"))
    return render(
        request,
        "disclosures/list.html",
        {
            "page": page,
            "categories": Disclosure.Category.choices,
            "category": category,
            "can_manage": roles.has_role(request.user, *roles.DISCLOSURE_MANAGERS),
        },
    )


@role_required(*roles.ALL_ROLES)
def disclosure_detail(request, pk):
    item = get_object_or_404(_visible(request), pk=pk)
    # A receipt only from the item's own center: county oversight reads without counting.
    if item.is_published and works_at(request.user, item.center_id):
        DisclosureRead.objects.get_or_create(disclosure=item, user=request.user)
    return render(
        request,
        "disclosures/detail.html",
        {
            "item": item,
            "attachments": item.attachments.all(),
            "groups": item.audience_groups.all(),
            "can_manage": roles.has_role(request.user, *roles.DISCLOSURE_MANAGERS),
        },
    )


@role_required(*roles.DISCLOSURE_MANAGERS)
def disclosure_new(request):
    center = Center.for_user(request.user)
    if center is None:
        # With several centers an account must be given one before it publishes.
        raise PermissionDenied
    form = DisclosureForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            item = form.save(commit=False)
            item.created_by = request.user
            item.center = center
            item.save()
            form.save_m2m()
            for f in form.cleaned_data["attachments"]:
                DisclosureAttachment.objects.create(
                    disclosure=item, file=f, original_name=f.name[:200]
                )
        messages.success(request, _("已发布。"))
        return redirect("intranet:disclosure_detail", pk=item.pk)
    return render(
        request,
        "intranet/form.html",
        {"form": form, "title": _("发布对内公开事项"), "multipart": True, "submit": _("发布")},
    )


def audience_of(item):
    """Everyone the item is for: its center's staff in its groups, or in every intranet role group."""
    group_ids = list(item.audience_groups.values_list("id", flat=True))
    users = members_of(get_user_model().objects.filter(is_active=True), item.center)
    if group_ids:
        users = users.filter(groups__in=group_ids)
    else:
        users = users.filter(
            groups__name__in=[roles.GROUP_NAMES[r] for r in roles.DISCLOSURE_AUDIENCE]
        )
    return users.distinct()


@role_required(*roles.DISCLOSURE_MANAGERS)
def disclosure_reads(request, pk):
    item = get_object_or_404(_visible(request), pk=pk)
    reads = DisclosureRead.objects.filter(disclosure=item, user=OuterRef("pk"))
    people = (
        audience_of(item)
        .annotate(has_read=Exists(reads), read_at=Subquery(reads.values("read_at")[:1]))
        .order_by("has_read", "username")
    )
    show = read_filters(request, ReadsFilterForm)["show"]
    if show == "unread":
        people = people.filter(has_read=False)
    elif show == "read":
        people = people.filter(has_read=True)
    total = audience_of(item).count()
    read_count = DisclosureRead.objects.filter(disclosure=item, user__in=audience_of(item)).count()
    page = paginate(request, people)
    return render(
        request,
        "disclosures/reads.html",
        {
            "item": item,
            "page": page,
            "total": total,
            "read_count": read_count,
            "show": show,
        },
    )


@role_required(*roles.ALL_ROLES)
def disclosure_attachment(request, pk, att_pk):
    item = get_object_or_404(_visible(request), pk=pk)
    if not item.is_published and not roles.has_role(request.user, *roles.DISCLOSURE_MANAGERS):
        raise Http404
    att = get_object_or_404(DisclosureAttachment, pk=att_pk, disclosure=item)
    return FileResponse(att.file.open("rb"), as_attachment=True, filename=att.original_name)
