"""Where private files live: complaint attachments, internal disclosures, study materials.

The "private" entry of STORAGES chooses the backend (portal/settings/base.py,
PRIVATE_STORAGE): a folder on this machine by default, or an S3-compatible bucket that
every application host shares. Either way a private file has no URL of its own: it is
read by a permission-checked view and streamed through Django (FileResponse), so a link
that leaks (browser history, a forwarded e-mail, a proxy log) opens nothing.
"""

from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.utils.functional import LazyObject, empty

ALIAS = "private"


class NoPublicUrl:
    """No address for a private file: not under MEDIA_URL, and no signed bucket URL either.

    Empty rather than an error, so that a form showing the current file (the study
    session's material in the admin) shows no link instead of failing.
    """

    def url(self, name, *args, **kwargs):
        return ""


class PrivateFileSystemStorage(NoPublicUrl, FileSystemStorage):
    """A folder outside MEDIA_ROOT (PRIVATE_MEDIA_ROOT)."""


class PrivateStorage(LazyObject):
    """The configured private storage, looked up when first used.

    Model fields hold this object, so the choice is made by the settings in force, not
    when the models are imported, and migrations never record a backend.
    """

    def _setup(self):
        self._wrapped = storages[ALIAS]


private_storage = PrivateStorage()


def _storages_changed(*, setting, **kwargs):
    # Django forgets its own storages when STORAGES changes (tests); so do we.
    if setting == "STORAGES":
        private_storage._wrapped = empty


setting_changed.connect(_storages_changed, dispatch_uid="portal_private_storage_changed")
