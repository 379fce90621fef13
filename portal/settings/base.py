"""Settings shared by every environment; everything a deployment changes comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal",
    "centers",
    "content",
    "search",
    "intranet",
    "intranet.calendar",
    "intranet.complaints",
    "intranet.study",
    "intranet.disclosures",
    "intranet.cases",
    "intranet.evaluation",
    "intranet.questions",
    "intranet.inforequests",
    "intranet.bookings",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.syndication",
    "django.contrib.sitemaps",
    "captcha",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous Wagtail page responses from the shared cache; a hit skips everything below.
    "portal.cache_pages.AnonymousPageCacheMiddleware",
    # Oversized bodies are refused here, before CSRF reads them onto the disk.
    "portal.request_size.RequestBodyLimitMiddleware",
    # no-store on the intranet and the admins: personal data stays out of every cache.
    "portal.private_responses.NoStorePrivatePagesMiddleware",
    # The request's Wagtail Site from a per-worker table instead of a query per request.
    "portal.site_lookup.SiteLookupMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # django-csp, with the admins' relaxed policy chosen by path.
    "portal.content_security_policy.PathAwareCSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that a locked-out login attempt never reaches the view.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

THEMES_DIR = BASE_DIR / "themes"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [THEMES_DIR / "default" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.theme",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the public site read while an editor or the indexer writes.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/intranet/login/"
LOGIN_REDIRECT_URL = "/intranet/"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("简体中文"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Asia/Shanghai"
# The admin shows every time in the center's zone: with one choice, Wagtail's account settings
# offer no time zone to pick, and a profile without one uses TIME_ZONE.
WAGTAIL_USER_TIME_ZONES = [TIME_ZONE]
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "portal" / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [THEMES_DIR / "default" / "static", THEMES_DIR / "care" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Private files (complaint attachments, internal disclosures, study materials) have no URL and
# are streamed by permission-checked views (portal/private_storage.py). PRIVATE_STORAGE=s3 keeps
# them in an S3-compatible bucket that several application hosts share.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", MEDIA_ROOT.parent / "private-media"))
PRIVATE_STORAGE = os.environ.get("PRIVATE_STORAGE", "filesystem")
if PRIVATE_STORAGE == "s3":
    STORAGES["private"] = {
        "BACKEND": "portal.private_s3_storage.PrivateS3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("PRIVATE_S3_BUCKET", ""),
            "endpoint_url": os.environ.get("PRIVATE_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("PRIVATE_S3_REGION") or None,
            "access_key": os.environ.get("PRIVATE_S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("PRIVATE_S3_SECRET_ACCESS_KEY") or None,
            "location": os.environ.get("PRIVATE_S3_PREFIX", ""),
        },
    }
elif PRIVATE_STORAGE == "filesystem":
    STORAGES["private"] = {
        "BACKEND": "portal.private_storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT)},
    }
else:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(f"PRIVATE_STORAGE must be filesystem or s3, not {PRIVATE_STORAGE!r}")
WHITENOISE_MAX_AGE = 31536000

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "示范镇便民服务中心")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "wps",
    "et",
    "odt",
    "ods",
    "txt",
    "jpg",
    "png",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
# Wagtail's database backend; on PostgreSQL its index writes queue on an advisory lock
# so that concurrent publishes cannot deadlock (portal/admin_search_backend.py).
# search.wagtail_backend wraps portal.admin_search_backend and segments Chinese with jieba,
# so the admin's page search finds 户口 in 户口迁移办事指南 (run update_index after switching).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.wagtail_backend"}}

# Search engines of the portal's own public index (search/ app).
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "portal")
SEARCH_EMBEDDED_PATH = Path(os.environ.get("SEARCH_EMBEDDED_PATH", VAR_DIR / "search.sqlite3"))

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "portal",
    },
    # Anonymous page responses (portal/cache_pages.py), shared by every gunicorn worker.
    # PAGE_CACHE_BACKEND=database keeps them in the database instead (createcachetable).
    "pages": (
        {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_page_cache",
            "OPTIONS": {"MAX_ENTRIES": 20_000, "CULL_FREQUENCY": 4},
        }
        if os.environ.get("PAGE_CACHE_BACKEND") == "database"
        else {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache" / "pages"),
            "OPTIONS": {"MAX_ENTRIES": 20_000, "CULL_FREQUENCY": 4},
        }
    ),
    # Rendered fragments and the cached menu and site settings (portal/fragment_cache.py),
    # per worker: their keys carry versions kept in the shared default cache.
    "template_fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "portal-fragments",
        "OPTIONS": {"MAX_ENTRIES": 5_000, "CULL_FREQUENCY": 4},
    },
}
# Several application processes on several hosts (README "Scaling out"): REDIS_URL puts what
# they must agree on into one Redis: the default cache (render versions, the synonyms' version,
# Wagtail's Site caches), the page cache with its purge tokens, and the sessions' cache (the
# database stays their record). Rate limits and login lockouts are database rows already.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "portal")
if REDIS_URL:
    for _alias in ("default", "pages"):
        CACHES[_alias] = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"{CACHE_KEY_PREFIX}-{_alias}",
        }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
FRAGMENT_CACHE_ENABLED = env_bool("FRAGMENT_CACHE_ENABLED", True)
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "21600"))
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Pages that summarise pages from elsewhere in the tree: purged on every publish.
PAGE_CACHE_LISTING_MODELS = [
    "content.HomePage",
    "content.ServiceCatalogPage",
    "content.FeeDisclosurePage",
    "content.AnnouncementIndexPage",
    "content.StaffRosterPage",
]

# Login throttling for the Wagtail admin and the intranet.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
# Per account, from whatever addresses: guesses spread over many IPs still add up. An
# administrator unlocks an account early with `manage.py axes_reset_username NAME`.
# (The username-and-address pair stays listed for axes' own records and system check.)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username"]
AXES_CLIENT_IP_CALLABLE = "portal.rate_limits.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "portal/login_locked_out.html"

# Public complaints per IP per hour (intranet/complaints/public_views.py); 0 turns the limit off,
# which only the load test (.ci/loadtest.sh) does: all its requests come from 127.0.0.1.
# 回访整改: working days the head has to follow up a 不满意 / 非常不满意 rating.
CASES_FOLLOW_UP_WORKING_DAYS = int(os.environ.get("CASES_FOLLOW_UP_WORKING_DAYS", "15"))
# Failed /progress/ look-ups per address before the form locks for an hour.
CASES_PROGRESS_FAILURE_LIMIT = int(os.environ.get("CASES_PROGRESS_FAILURE_LIMIT", "10"))
COMPLAINT_SUBMIT_LIMIT = int(os.environ.get("COMPLAINT_SUBMIT_LIMIT", "5"))
# Behind a reverse proxy: the one request header it sets to the client's address
# (X-Real-IP, or X-Forwarded-For whose last entry is then used). Unset, REMOTE_ADDR
# is the client; never set it without a proxy that overwrites that header.
RATE_LIMIT_CLIENT_IP_HEADER = os.environ.get("RATE_LIMIT_CLIENT_IP_HEADER", "")
# 在线咨询: working days the guide's department has to answer; questions per address per hour.
QUESTION_ANSWER_WORKING_DAYS = int(os.environ.get("QUESTION_ANSWER_WORKING_DAYS", "3"))
QUESTION_SUBMIT_LIMIT = int(os.environ.get("QUESTION_SUBMIT_LIMIT", "5"))
# 依申请公开: information requests per address per hour.
INFO_REQUEST_SUBMIT_LIMIT = int(os.environ.get("INFO_REQUEST_SUBMIT_LIMIT", "5"))

# Content-Security-Policy: no inline scripts, nothing from elsewhere (public site and intranet).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "script-src": ["'self'"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
    }
}
# The Wagtail and Django admins ship inline scripts; only logged-in staff reach them.
_ADMIN_CSP_DIRECTIVES = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-src": ["'self'"],
}
CONTENT_SECURITY_POLICY_RELAXED_PATHS = {
    "/admin/": _ADMIN_CSP_DIRECTIVES,
    "/django-admin/": _ADMIN_CSP_DIRECTIVES,
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Demo data: `manage.py load_demo` calls each of these in turn; apps append their own loader.
DEMO_LOADERS = ["content.demo.load", "intranet.calendar.demo.load"]
DEMO_LOADERS += ["intranet.demo.load", "intranet.cases.demo.load"]
DEMO_LOADERS += ["intranet.evaluation.demo.load"]
DEMO_LOADERS += ["intranet.bookings.demo.load"]
DEMO_LOADERS += ["intranet.questions.demo.load", "intranet.inforequests.demo.load"]
# The demo county's other centers once the first center's demo is complete (docs/county.md).
DEMO_LOADERS += ["content.demo.county.load", "intranet.demo_county.load"]
# After the content: index what the demo published (search/demo.py).
DEMO_LOADERS += ["search.demo.load"]


# --- Complaint intake: challenge instead of a hard block, notices to the citizen ---
# An address gets COMPLAINT_FREE_SUBMISSIONS complaints an hour without a challenge (a lobby
# computer or a township Wi-Fi is shared by many honest people), then a captcha, and nothing
# past COMPLAINT_SUBMIT_LIMIT (against floods; 0 turns counting off).
COMPLAINT_FREE_SUBMISSIONS = int(os.environ.get("COMPLAINT_FREE_SUBMISSIONS", "5"))
COMPLAINT_SUBMIT_LIMIT = int(os.environ.get("COMPLAINT_SUBMIT_LIMIT", "30"))
# The receipt link shown after filing (it carries the tracking code) works this long.
COMPLAINT_RECEIPT_MAX_AGE = 7 * 24 * 3600
# Large digits and a sum to work out are easier for elderly eyes than distorted letters;
# no audio: the captcha package needs flite for it, which the servers do not carry.
CAPTCHA_CHALLENGE_FUNCT = "captcha.helpers.math_challenge"
CAPTCHA_MATH_CHALLENGE_OPERATOR = "+"
CAPTCHA_FONT_SIZE = 56
CAPTCHA_IMAGE_SIZE = (260, 90)
CAPTCHA_LETTER_ROTATION = (-8, 8)
CAPTCHA_NOISE_FUNCTIONS = ("captcha.helpers.noise_dots",)
CAPTCHA_TIMEOUT = 30  # minutes: slow typists must not lose the challenge

# --- Notifications (portal/notifications): e-mail via Django's mail, SMS via a backend ---
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
EMAIL_USE_SSL = os.environ.get("EMAIL_USE_SSL", "") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@localhost")
NOTIFICATION_SMS_BACKEND = os.environ.get(
    "NOTIFICATION_SMS_BACKEND", "portal.notifications.sms_file.FileSmsBackend"
)
NOTIFICATION_SMS_FILE = Path(os.environ.get("NOTIFICATION_SMS_FILE", VAR_DIR / "sms-outbox.log"))
