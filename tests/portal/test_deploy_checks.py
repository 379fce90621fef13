"""The production settings are safe to deploy: Django's deployment checklist passes."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_with_production_settings(code, tmp_path, **env):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "portal.example.org",
        "VAR_DIR": str(tmp_path),
        **env,
    }
    # Whatever the test run itself exported (Playwright's async escape hatch, a test
    # database) is not part of a production environment.
    for name in (
        "DEBUG",
        "SECURE_SSL_REDIRECT",
        "SECURE_COOKIES",
        "TEST_DATABASE_URL",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
    ):
        if name not in env:
            environment.pop(name, None)
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_checklist(tmp_path):
    result = run_with_production_settings(
        "import django; django.setup()\n"
        "from django.core.management import call_command\n"
        "call_command('check', deploy=True, fail_level='WARNING')\n",
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = run_with_production_settings("import django; django.setup()", tmp_path, SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_cookies_are_secure_http_only_and_same_site(tmp_path):
    result = run_with_production_settings(
        "import json, django; django.setup()\n"
        "from django.conf import settings as s\n"
        "print(json.dumps({name: getattr(s, name) for name in ("
        "'DEBUG', 'SESSION_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', 'SESSION_COOKIE_SAMESITE',"
        "'CSRF_COOKIE_SECURE', 'CSRF_COOKIE_SAMESITE', 'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS',"
        "'SECURE_CONTENT_TYPE_NOSNIFF', 'SECURE_REFERRER_POLICY', 'X_FRAME_OPTIONS')}))\n",
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values == {
        "DEBUG": False,
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "CSRF_COOKIE_SECURE": True,
        "CSRF_COOKIE_SAMESITE": "Lax",
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "SECURE_REFERRER_POLICY": "same-origin",
        "X_FRAME_OPTIONS": "SAMEORIGIN",
    }


def test_production_page_cache_and_default_cache_are_shared_between_workers(tmp_path):
    result = run_with_production_settings(
        "import json, django; django.setup()\n"
        "from django.conf import settings as s\n"
        "print(json.dumps({alias: c['BACKEND'] for alias, c in s.CACHES.items()}))\n",
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    backends = json.loads(result.stdout.strip().splitlines()[-1])
    assert "locmem" not in backends["default"]
    assert "locmem" not in backends["pages"]


def test_production_settings_refuse_to_start_with_debug_on(tmp_path):
    result = run_with_production_settings("import django; django.setup()", tmp_path, DEBUG="1")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DEBUG on" in result.stderr


def test_production_settings_refuse_to_start_with_the_development_secret_key(tmp_path):
    from portal.deploy_safety import DEVELOPMENT_SECRET_KEY

    result = run_with_production_settings(
        "import django; django.setup()", tmp_path, SECRET_KEY=DEVELOPMENT_SECRET_KEY
    )
    assert result.returncode != 0
    assert "development SECRET_KEY" in result.stderr


def test_gunicorn_entry_point_refuses_development_settings(tmp_path):
    # As gunicorn does: import portal.wsgi with DJANGO_SETTINGS_MODULE exported by mistake.
    result = run_with_production_settings(
        "import portal.wsgi",
        tmp_path,
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        SECRET_KEY="",
    )
    assert result.returncode != 0
    assert "DEBUG on" in result.stderr


def test_gunicorn_entry_point_starts_with_production_settings(tmp_path):
    result = run_with_production_settings(
        "import portal.wsgi; print(callable(portal.wsgi.application))", tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("True")


def test_development_server_still_starts_with_development_defaults():
    # `make run`: manage.py defaults to portal.settings.dev and runserver builds its own app.
    environment = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY")}
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(  # noqa: S603
        [
            sys.executable,
            "-c",
            "import os, django; os.environ.setdefault('DJANGO_SETTINGS_MODULE',"
            " 'portal.settings.dev'); django.setup()\n"
            "from django.core.servers.basehttp import get_internal_wsgi_application\n"
            "from django.conf import settings\n"
            "print(settings.DEBUG, callable(get_internal_wsgi_application()))",
        ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("True True")
