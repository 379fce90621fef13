"""The change notice in the page editor: a township's editor opening a local guide whose
standard has a newer version is told so, with a way to the diff and the accept button."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages

from content.models import ServiceGuidePage

from .adoption import is_behind, latest_draft


def warn_of_standard_update(request, page):
    """`before_edit_page` hook: a warning when the standard moved on; never blocks editing."""
    if request.method != "GET" or getattr(page, "standard_id", None) is None:
        return
    standard = ServiceGuidePage.objects.filter(pk=page.standard_id).first()
    if standard is None or not is_behind(latest_draft(page), standard):
        return
    messages.warning(
        request,
        _("县级标准事项（%(code)s）已发布新版本，本指南尚未接受。")
        % {"code": standard.standard_code},
        buttons=[
            messages.button(
                reverse("standard_catalog_changes", args=[page.pk]), _("查看变化并接受更新")
            )
        ],
    )
