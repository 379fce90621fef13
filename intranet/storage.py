"""Private file storage: intranet attachments are never under MEDIA_URL, only served by permission-checked views."""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def private_storage():
    root = (
        getattr(settings, "PRIVATE_MEDIA_ROOT", None)
        or Path(settings.MEDIA_ROOT).parent / "private-media"
    )
    return FileSystemStorage(location=root, base_url=None)
