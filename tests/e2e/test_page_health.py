"""Public pages run under the site's real Content-Security-Policy without script errors."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_public_pages_load_without_script_errors_or_blocked_resources(public_site, page):
    problems = []
    page.on("pageerror", lambda error: problems.append(f"{page.url}: script error {error}"))
    page.on(
        "console",
        lambda message: (
            problems.append(f"{page.url}: {message.text}")
            if message.type == "error"
            and "favicon.ico" not in message.text
            and "404" not in message.text
            else None
        ),
    )
    page.on(
        "response",
        lambda response: (
            problems.append(f"{page.url}: {response.url} answered {response.status}")
            if response.status >= 400 and not response.url.endswith("/favicon.ico")
            else None
        ),
    )
    page.on(
        "requestfailed",
        lambda request: problems.append(f"{page.url}: {request.url} failed ({request.failure})"),
    )
    paths = [
        "/",
        public_site.catalog.url,
        public_site.pension.url,
        public_site.pension.url + "notice/",
        "/search/?q=养老",
        "/complaints/new/",
        "/complaints/track/",
        public_site.predisclosure.url,
    ]
    for path in paths:
        response = page.goto(path)
        assert response.status == 200, path
        assert "script-src" in (response.headers.get("content-security-policy") or ""), path
        page.wait_for_load_state("networkidle")
    assert not problems, "\n".join(problems)
