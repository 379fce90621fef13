"""Script and HTML typed into public forms comes back as text wherever it is shown."""

import io
import json

import pytest
from django.core.management import call_command

from content.comment_moderation import moderate_comments
from content.models import PreDisclosureComment, ServiceGuidePage
from content.permissions import REVIEWERS_GROUP
from intranet import roles
from intranet.complaints import workflow as complaint_workflow
from intranet.complaints.models import Complaint
from tests.builders import make_user
from tests.security.payloads import (
    ALL_IN_ONE,
    HOSTILE,
    IMG_ONERROR,
    SCRIPT,
    TEMPLATE,
    assert_inert,
    visible_text,
)

pytestmark = pytest.mark.django_db


def assert_json_is_data(response, where):
    assert response["Content-Type"].startswith("application/json"), where
    assert response["X-Content-Type-Options"] == "nosniff", where
    return json.loads(response.content)


def test_complaint_payloads_stay_text_for_the_citizen_the_staff_and_the_published_results(
    client, public_site
):
    response = client.post(
        "/complaints/new/",
        {
            "content": ALL_IN_ONE,
            "target_description": IMG_ONERROR,
            "complainant_name": SCRIPT,
            "complainant_phone": "",
            "target_window": "",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert_inert(response.content.decode(), where="complaint receipt page")
    complaint = Complaint.objects.get()
    assert complaint.content == ALL_IN_ONE  # stored as typed, escaped only when shown

    head = make_user("head", roles.GROUP_NAMES[roles.HEAD], first_name="郑建国")
    client.force_login(head)
    for path in (f"/intranet/complaints/{complaint.pk}/", "/intranet/complaints/"):
        page = client.get(path)
        assert page.status_code == 200, path
        html = page.content.decode()
        assert_inert(html, where=path)
    assert TEMPLATE in visible_text(
        client.get(f"/intranet/complaints/{complaint.pk}/").content.decode()
    )

    # The center answers, closes and publishes a summary quoting the citizen.
    complaint.category = Complaint.Category.ATTITUDE
    complaint.method = Complaint.Method.DIRECT
    complaint.handler = head
    complaint.save()
    complaint_workflow.triage(complaint, head, accepted=True)
    complaint_workflow.add_note(complaint, head, f"已约谈当事人：{SCRIPT}", is_public=True)
    complaint_workflow.close(complaint, head, Complaint.Outcome.CONFIRMED, ALL_IN_ONE)
    complaint_workflow.request_publication(complaint, head, f"群众反映：{ALL_IN_ONE}")
    complaint_workflow.approve_publication(complaint, head)
    client.logout()

    for path, data in (
        ("/complaints/results/", None),
        ("/complaints/track/", {"code": complaint.code}),
    ):
        page = client.post(path, data) if data else client.get(path)
        assert page.status_code == 200, path
        html = page.content.decode()
        assert_inert(html, where=path)
        assert SCRIPT in visible_text(html), f"{path}: the text itself must still be readable"


def test_rejected_complaint_input_is_echoed_back_inert(client, public_site):
    response = client.post(
        "/complaints/new/",
        {"content": SCRIPT, "complainant_phone": IMG_ONERROR, "occurred_on": TEMPLATE},
    )
    assert response.status_code == 200
    assert Complaint.objects.count() == 0
    assert_inert(response.content.decode(), where="complaint form with errors")


def test_comment_payloads_stay_text_after_a_moderator_approves_them(client, public_site):
    page = public_site.predisclosure
    response = client.post(
        page.url,
        {"name": SCRIPT[:50], "contact": f"13800138000{IMG_ONERROR}", "body": ALL_IN_ONE},
    )
    assert response.status_code == 302
    comment = PreDisclosureComment.objects.get()
    reviewer = make_user("reviewer", REVIEWERS_GROUP)
    moderate_comments([comment], PreDisclosureComment.STATUS_APPROVED, reviewer)

    html = client.get(page.url).content.decode()
    assert_inert(html, where="pre-disclosure page")
    assert TEMPLATE in visible_text(html)
    assert "13800138000" not in html, "the contact is never public"

    client.force_login(reviewer)
    admin = client.get("/admin/snippets/content/predisclosurecomment/")
    assert admin.status_code == 200
    assert_inert(admin.content.decode(), where="comment moderation list")


@pytest.mark.parametrize("payload", HOSTILE)
def test_search_queries_are_echoed_inert_on_the_page_the_api_and_suggestions(
    client, public_site, payload
):
    page = client.get("/search/", {"q": payload})
    assert page.status_code in (200, 400)
    assert_inert(page.content.decode(), where=f"/search/?q={payload!r}")
    api = client.get("/api/v1/search/", {"q": payload})
    assert api.status_code in (200, 400)
    assert_json_is_data(api, "/api/v1/search/")
    suggest = client.get("/search/suggest/", {"q": payload})
    assert suggest.status_code in (200, 400)
    assert_json_is_data(suggest, "/search/suggest/")


@pytest.mark.parametrize("payload", HOSTILE)
def test_tracking_codes_are_echoed_inert(client, public_site, payload):
    response = client.post("/complaints/track/", {"code": payload})
    assert response.status_code == 200
    assert_inert(response.content.decode(), where=f"track {payload!r}")


def test_imported_guide_with_payloads_is_inert_on_every_page_api_and_search(
    client, public_site, tmp_path, django_capture_on_commit_callbacks
):
    record = {
        "code": "XSS-001",
        "name": f"养老认证{SCRIPT}",
        "department": "社会保障所",
        "audience": ["个人"],
        "topics": [IMG_ONERROR],
        "basis": TEMPLATE,
        "conditions": f"养老 {IMG_ONERROR}",
        "materials": [
            {"name": SCRIPT, "form": "原件", "copies": 1, "required": True, "note": IMG_ONERROR}
        ],
        "procedure": [SCRIPT, "办结"],
        "statutory_days": 10,
        "promised_days": 5,
        "fee": {"charged": False, "standard": "不收费", "basis": ""},
        "location": IMG_ONERROR,
        "hours": TEMPLATE,
        "phone": "0000-1234567",
        "complaint_phone": "0000-7654321",
        "faq": [{"q": SCRIPT, "a": IMG_ONERROR}],
    }
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps([record], ensure_ascii=False), encoding="utf-8")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_catalog", str(path), stdout=io.StringIO())
    guide = ServiceGuidePage.objects.get(code="XSS-001")

    for url in (guide.url, guide.url + "notice/", public_site.catalog.url, "/search/?q=养老认证"):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert_inert(html, where=url)
    assert SCRIPT in visible_text(client.get(guide.url).content.decode())
    assert "养老认证" in client.get("/search/?q=养老认证").content.decode()

    catalog = assert_json_is_data(client.get("/api/v1/catalog/"), "/api/v1/catalog/")
    exported = next(r for r in catalog if r["code"] == "XSS-001")
    assert exported["name"] == record["name"]  # data, unchanged, in the open-data export
    results = assert_json_is_data(client.get("/api/v1/search/", {"q": "养老认证"}), "search api")
    assert any(hit["title"] == record["name"] for hit in results["results"])


def test_announcement_feeds_escape_markup_in_titles(client, public_site):
    from xml.etree import ElementTree

    announcement = public_site.announcement
    announcement.matter = f"高龄津贴{SCRIPT}"
    announcement.applicant = IMG_ONERROR[:20]
    announcement.save_revision().publish()
    for path in ("/announcements/feed/rss/", "/announcements/feed/atom/"):
        response = client.get(path)
        assert response.status_code == 200
        # Our own feed, parsed to prove it is well-formed XML despite the markup.
        tree = ElementTree.fromstring(response.content)  # noqa: S314
        titles = [el.text for el in tree.iter() if el.tag.endswith("title")]
        assert any(SCRIPT in (title or "") for title in titles), (path, titles)
