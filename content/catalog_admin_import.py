"""Catalog import from the Wagtail admin: upload a JSON file, preview every record, confirm.

The preview and the import use the command's own functions (load_catalog, parse_catalog,
CatalogImporter.import_record), so the admin and `import_catalog` apply the same rules.
The confirm step posts the file's text back in a hidden field rather than keeping it on
the server: nothing is stored between the two steps.
"""

import io

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from content.catalog_exchange.importer import (
    CatalogImporter,
    MissingCatalogPage,
    RecordImportError,
)
from content.catalog_exchange.schema import CatalogFormatError, load_catalog, parse_catalog
from content.models import ServiceCatalogPage, ServiceGuidePage
from content.permissions import EDITORS_GROUP, REVIEWERS_GROUP

MAX_FILE_BYTES = 5 * 1024 * 1024


def may_import(user):
    """Site-wide editors and reviewers, and administrators; department editors may not
    (a catalog file reaches every department's guides)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=(EDITORS_GROUP, REVIEWERS_GROUP)).exists()


def may_publish(user):
    """Whoever may publish in the catalog imports live; everyone else imports drafts for review."""
    catalog = ServiceCatalogPage.objects.first()
    return bool(catalog and catalog.permissions_for_user(user).can_publish_subpage())


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("办事指南交换格式文件（JSON）"),
        error_messages={"required": _("请选择要导入的 JSON 文件。")},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("文件超过 5 MB，请拆分后分批导入。"))
        return upload


def _read(data):
    """The records of a file's bytes, or a Chinese message saying why there are none."""
    try:
        return load_catalog(io.BytesIO(data)), None
    except CatalogFormatError as exc:
        return None, str(exc)


@login_required
def import_catalog_view(request):
    if not may_import(request.user):
        raise PermissionDenied
    publish = may_publish(request.user)
    context = {"publish": publish, "form": UploadForm()}
    if request.method == "POST" and request.POST.get("step") == "confirm":
        data = request.POST.get("content", "").encode("utf-8")
        records, error = _read(data)
        if error:
            context["error"] = error
        else:
            context["report"] = _import(records, request.user, publish)
            if context["report"] is None:
                context["error"] = _("站点中还没有“办事指南目录”页面，无法导入。")
    elif request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            data = form.cleaned_data["file"].read()
            records, error = _read(data)
            if error:
                context["error"] = error
            else:
                context.update(_preview(records, data))
    return render(request, "content/admin/catalog_import.html", context)


def _preview(records, data):
    parsed = list(parse_catalog(records))
    known = set(
        ServiceGuidePage.objects.filter(code__in=[p.code for p in parsed if p.code]).values_list(
            "code", flat=True
        )
    )
    rows = [
        {"parsed": record, "action": _("更新") if record.code in known else _("新建")}
        for record in parsed
    ]
    return {
        "rows": rows,
        "valid_count": sum(1 for record in parsed if record.ok),
        "error_count": sum(1 for record in parsed if not record.ok),
        "content": data.decode("utf-8"),
    }


def _import(records, user, publish):
    try:
        importer = CatalogImporter(user=user, publish=publish)
    except MissingCatalogPage:
        return None
    counts = {"created": 0, "updated": 0, "unchanged": 0, "failed": 0}
    failures = []
    for parsed in parse_catalog(records):
        if not parsed.ok:
            counts["failed"] += 1
            failures.append(f"{parsed.label}：{'；'.join(parsed.errors)}")
            continue
        try:
            # import_record writes each record in its own transaction, as the command does.
            counts[importer.import_record(parsed.data)] += 1
        except RecordImportError as exc:
            counts["failed"] += 1
            failures.append(f"{parsed.label}：{exc}")
    return {"counts": counts, "failures": failures, "total": len(records)}
