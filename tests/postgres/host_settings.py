"""The production settings, for the application hosts that tests start with gunicorn.

Only the static files differ: they are found in the apps' folders, so a test needs no
collectstatic run first. Everything else (caches, sessions, REDIS_URL, the database) is
what `make serve` runs with.
"""

from portal.settings.production import *  # noqa: F403

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
