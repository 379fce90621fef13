"""Local development and the demo (`make run`)."""

import os

os.environ.setdefault("DEBUG", "true")

from portal.deploy_safety import DEVELOPMENT_SECRET_KEY  # noqa: E402

from .base import *  # noqa: E402,F403

SECRET_KEY = SECRET_KEY or DEVELOPMENT_SECRET_KEY  # noqa: F405
# runserver builds its own WSGI application when this is None; portal.wsgi is the
# production entry point and refuses these settings.
WSGI_APPLICATION = None
ALLOWED_HOSTS = ["*"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
