"""Production: secrets and hosts from the environment, HTTPS assumed in front.

`make serve` runs these settings under gunicorn; README's production section says how
to deploy, back up and restore. `python manage.py check --deploy` passes with
SECRET_KEY and ALLOWED_HOSTS set (tests/portal/test_deploy_checks.py).
"""

import os

from portal.deploy_safety import refuse_unsafe_settings

from .base import *  # noqa: F403
from .base import VAR_DIR, env_bool

# DEBUG=1 in the environment is a mistake here, not a wish to be quietly overridden.
refuse_unsafe_settings(env_bool("DEBUG", False), SECRET_KEY)  # noqa: F405

DEBUG = False

# HTTPS: the proxy in front terminates TLS and says so in X-Forwarded-Proto.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Cookies: never readable by scripts (except the CSRF token Django's forms need),
# only over HTTPS, and not sent along with cross-site requests.
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Wagtail's page previews are iframes of our own origin, so framing stays SAMEORIGIN
# (CSP frame-ancestors 'self' says the same) instead of Django's recommended DENY.
SILENCED_SYSTEM_CHECKS = ["security.W019"]

# Every gunicorn worker must see the same cache: Wagtail invalidates its site and
# page caches there, and the render versions live there. One host shares a folder;
# several hosts share Redis (REDIS_URL, base settings).
if not REDIS_URL:  # noqa: F405
    CACHES["default"] = {  # noqa: F405
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "cache" / "default"),
        "OPTIONS": {"MAX_ENTRIES": 10_000},
    }

DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

LOGGING["root"]["level"] = os.environ.get("LOG_LEVEL", "INFO")  # noqa: F405
