"""Upload checks: the extension AND the first bytes must agree, and the size must fit."""

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

# extension -> (content type, accepted leading bytes)
SIGNATURES = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (b"PK\x03\x04",),
    ),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (b"PK\x03\x04",)),
    "doc": ("application/msword", (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)),
    "xls": ("application/vnd.ms-excel", (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)),
}
COMPLAINT_TYPES = ("jpg", "jpeg", "png", "pdf")
DOCUMENT_TYPES = ("pdf", "jpg", "jpeg", "png", "docx", "xlsx", "doc", "xls")


def check_upload(upload, allowed, max_bytes):
    """Return the sniffed content type or raise a ValidationError in Chinese."""
    name = upload.name or ""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext not in allowed:
        raise ValidationError(
            _("文件“%(name)s”的类型不支持，只能上传：%(types)s。"),
            params={
                "name": name,
                "types": "、".join(sorted({a.upper() for a in allowed} - {"JPEG"})),
            },
        )
    if upload.size > max_bytes:
        raise ValidationError(
            _("文件“%(name)s”太大（%(size)s），不能超过 %(max)s。"),
            params={
                "name": name,
                "size": filesizeformat(upload.size),
                "max": filesizeformat(max_bytes),
            },
        )
    content_type, magics = SIGNATURES[ext]
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(m) for m in magics):
        raise ValidationError(
            _("文件“%(name)s”的内容与扩展名不符，可能已损坏或不是%(ext)s文件。"),
            params={"name": name, "ext": ext.upper()},
        )
    return content_type


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input, each checked; at most ``max_files``."""

    def __init__(
        self, *args, allowed=DOCUMENT_TYPES, max_bytes=10 * 1024 * 1024, max_files=5, **kwargs
    ):
        self.allowed, self.max_bytes, self.max_files = allowed, max_bytes, max_files
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": ",".join("." + a for a in allowed)})
        )
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if not files:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        if len(files) > self.max_files:
            raise ValidationError(_("最多只能上传 %(n)s 个文件。"), params={"n": self.max_files})
        errors = []
        for f in files:
            super().clean(f, initial)
            try:
                f.sniffed_type = check_upload(f, self.allowed, self.max_bytes)
            except ValidationError as e:
                errors.extend(e.error_list)
        if errors:
            raise ValidationError(errors)
        return files


class CheckedFileField(forms.FileField):
    """One optional file, checked like the multiple field."""

    def __init__(self, *args, allowed=DOCUMENT_TYPES, max_bytes=10 * 1024 * 1024, **kwargs):
        self.allowed, self.max_bytes = allowed, max_bytes
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        f = super().clean(data, initial)
        if f and hasattr(f, "read") and f is not initial:
            check_upload(f, self.allowed, self.max_bytes)
        return f
