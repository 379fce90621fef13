"""Private file storage: intranet attachments are never under MEDIA_URL, only served by permission-checked views."""

from portal.private_storage import private_storage as _configured


def private_storage():
    """The storage of the STORAGES "private" entry (portal/private_storage.py)."""
    return _configured
