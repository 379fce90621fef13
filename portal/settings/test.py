"""Settings for the test suite: the dev settings with fast hashing and throwaway storage."""

import os
import tempfile
from pathlib import Path

_tmp = Path(tempfile.mkdtemp(prefix="portal-test-"))
os.environ.setdefault("MEDIA_ROOT", str(_tmp / "media"))
os.environ.setdefault("SEARCH_EMBEDDED_PATH", str(_tmp / "search.sqlite3"))
os.environ.setdefault("NOTIFICATION_SMS_FILE", str(_tmp / "sms-outbox.log"))

from .dev import *  # noqa: E402,F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AXES_ENABLED = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "")
if TEST_DATABASE_URL:
    import dj_database_url

    DATABASES = {"default": dj_database_url.parse(TEST_DATABASE_URL)}  # noqa: F811

# The anonymous page cache outlives each test's database transaction, so it is off
# unless a test turns it on (tests/portal/test_page_cache.py), in a throwaway folder.
PAGE_CACHE_ENABLED = False
if REDIS_URL:  # noqa: F405
    # One Redis may serve several test runs: each keeps to its own keys (and the application
    # hosts a test starts share them: tests/postgres/test_multi_process_cache.py).
    CACHE_KEY_PREFIX = _tmp.name
    for _alias in ("default", "pages"):
        CACHES[_alias]["KEY_PREFIX"] = f"{CACHE_KEY_PREFIX}-{_alias}"  # noqa: F405
else:
    CACHES["pages"]["LOCATION"] = str(_tmp / "page-cache")  # noqa: F405
