"""Local development and the demo (`make run`)."""

import os

os.environ.setdefault("DEBUG", "true")

from .base import *  # noqa: E402,F403

SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: F405
ALLOWED_HOSTS = ["*"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
