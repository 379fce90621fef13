"""Every response carries the security headers; scripts run only from our own files."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

# The public site of the content tests: home, catalog, guides, announcements, articles.


def csp_directives(response):
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def test_public_page_forbids_inline_and_foreign_scripts(client, site_tree):
    response = client.get(site_tree.disability.url)
    assert response.status_code == 200
    directives = csp_directives(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'self'"]


def test_public_page_has_nosniff_referrer_policy_and_frame_options(client, site_tree):
    response = client.get(site_tree.home.url)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_wagtail_admin_gets_the_relaxed_policy_its_inline_scripts_need(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    script_src = csp_directives(response)["script-src"]
    assert "'unsafe-inline'" in script_src
    assert "'self'" in script_src


def test_intranet_keeps_the_strict_policy(client):
    response = client.get("/intranet/")
    assert "'unsafe-inline'" not in csp_directives(response)["script-src"]


@override_settings(SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True)
def test_https_responses_tell_browsers_to_stay_on_https(client, site_tree):
    response = client.get(site_tree.home.url, secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


@override_settings(SESSION_COOKIE_SECURE=True)
def test_session_cookie_is_http_only_same_site_and_secure(client, django_user_model):
    django_user_model.objects.create_user("staff1", password="correct-horse-9")
    response = client.post(
        "/admin/login/", {"username": "staff1", "password": "correct-horse-9"}, secure=True
    )
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] is True
    assert cookie["secure"] is True
    assert cookie["samesite"] == "Lax"
