"""Property tests: whatever people (or robots) type, the site answers without a server error,
and a submission is either stored whole or not at all."""

import io
import itertools
import json

import pytest
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from content.models import (
    Department,
    DepartmentSectionPage,
    GuideFAQ,
    GuideMaterial,
    GuideStep,
    PreDisclosureComment,
    ServiceGuidePage,
    Window,
)
from intranet.complaints.models import Complaint, ComplaintAttachment, ComplaintEvent
from tests.security.payloads import HOSTILE

pytestmark = pytest.mark.django_db

EXAMPLES = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

ODD_STRINGS = HOSTILE + [
    "",
    " ",
    "\x00",
    "养老\x00保险",
    "\u200f\u202e养老",
    "😀👵🏻养老",
    "%",
    "_",
    "%00",
    "' OR '1'='1' --",
    '" OR ""="',
    "\\",
    "*",
    "AND OR NOT",
    '"',
    "养" * 5000,
    "a" * 20000,
]
hostile_text = st.one_of(
    st.text(max_size=200),
    st.sampled_from(ODD_STRINGS),
    st.text(
        alphabet=st.sampled_from("养老保险户口<>\"'&\x00\u202e\u200b /\\%_*?:;{}()"), max_size=120
    ),
    st.builds(
        lambda s, n: s * n, st.sampled_from(["养", "a", "<", "\x00", "é"]), st.integers(500, 12000)
    ),
)


def forget_rate_limits():
    """Every hypothesis example is a new visitor: the counters (a database table) start empty."""
    from portal.models import RateCounter

    RateCounter.objects.all().delete()


def table_counts(*models):
    return {model.__name__: model.objects.count() for model in models}


# --- search -------------------------------------------------------------------------------


@EXAMPLES
@given(q=hostile_text, page=st.one_of(st.just(""), hostile_text, st.integers(-3, 10**15).map(str)))
def test_search_page_and_api_answer_any_query_without_a_server_error(client, public_site, q, page):
    params = {"q": q, "page": page}
    html = client.get("/search/", params)
    assert html.status_code in (200, 400), (q, page)
    api = client.get("/api/v1/search/", params)
    assert api.status_code in (200, 400), (q, page)
    body = json.loads(api.content)
    if api.status_code == 200:
        assert isinstance(body["count"], int) and isinstance(body["results"], list)


@EXAMPLES
@given(type_=hostile_text, department=hostile_text, topic=hostile_text, year=hostile_text)
def test_search_filters_accept_any_value_without_a_server_error(
    client, public_site, type_, department, topic, year
):
    params = {"q": "养老", "type": type_, "department": department, "topic": topic, "year": year}
    assert client.get("/search/", params).status_code in (200, 400)
    assert client.get("/api/v1/search/", params).status_code in (200, 400)


# --- the public complaint form -----------------------------------------------------------


VALID_COMPLAINT = {
    "content": "在2号窗口办理养老保险时被要求反复提交同一份材料。",
    "complainant_name": "",
    "complainant_phone": "",
    "target_description": "",
    "occurred_on": "",
}


@EXAMPLES
@given(
    # One or two fields of an otherwise valid complaint get the hostile values.
    hostile=st.dictionaries(
        st.sampled_from(sorted(VALID_COMPLAINT)), hostile_text, min_size=1, max_size=2
    )
)
def test_complaint_form_stores_the_whole_complaint_or_nothing(client, public_site, hostile):
    forget_rate_limits()
    before = table_counts(Complaint, ComplaintAttachment, ComplaintEvent)
    data = {**VALID_COMPLAINT, **hostile}
    # A stored complaint redirects to its receipt, which shows the code.
    response = client.post("/complaints/new/", data, follow=True)
    assert response.status_code in (200, 400)
    after = table_counts(Complaint, ComplaintAttachment, ComplaintEvent)
    if "投诉已提交" in response.content.decode():
        event("complaint stored")
        assert after["Complaint"] == before["Complaint"] + 1
        assert after["ComplaintEvent"] == before["ComplaintEvent"] + 1
        assert after["ComplaintAttachment"] == before["ComplaintAttachment"]
        stored = Complaint.objects.order_by("-pk").first()
        assert stored.content == data["content"].strip()
        assert stored.complainant_name == data["complainant_name"].strip()
        assert stored.target_description == data["target_description"].strip()
        assert stored.code and stored.code in response.content.decode()
    else:
        event("complaint refused")
        assert after == before, "a refused complaint left rows behind"


# --- tracking codes ----------------------------------------------------------------------


@EXAMPLES
@given(code=hostile_text)
def test_tracking_answers_any_code_without_a_server_error(client, public_site, code):
    forget_rate_limits()
    response = client.post("/complaints/track/", {"code": code})
    assert response.status_code == 200
    assert "办理情况" not in response.content.decode()


# --- pre-disclosure comments -------------------------------------------------------------


@EXAMPLES
@given(name=hostile_text, contact=hostile_text, body=hostile_text)
def test_comment_form_stores_the_whole_comment_or_nothing(client, public_site, name, contact, body):
    forget_rate_limits()
    page = public_site.predisclosure
    before = PreDisclosureComment.objects.count()
    response = client.post(page.url, {"name": name, "contact": contact, "body": body})
    assert response.status_code in (302, 400), response.status_code
    after = PreDisclosureComment.objects.count()
    if response.status_code == 302:
        event("comment stored")
        assert after == before + 1
        stored = PreDisclosureComment.objects.order_by("-pk").first()
        assert stored.body == body.strip()
        assert stored.status == PreDisclosureComment.STATUS_PENDING
    else:
        assert after == before


# --- catalog import ----------------------------------------------------------------------

_codes = itertools.count(1)
CATALOG_MODELS = (ServiceGuidePage, GuideMaterial, GuideStep, GuideFAQ, Department, Window)


def base_record():
    return {
        "code": f"PROP-{next(_codes):05d}",
        "name": "城乡居民养老保险待遇领取资格认证",
        "department": "社会保障所",
        "window": "2号窗口（社保）",
        "audience": ["个人"],
        "topics": ["社会保险"],
        "basis": "《社会保险法》",
        "conditions": "正在领取养老金的人员。",
        "materials": [
            {"name": "居民身份证", "form": "原件", "copies": 1, "required": True, "note": ""}
        ],
        "procedure": ["窗口认证", "录入系统"],
        "statutory_days": 10,
        "promised_days": 5,
        "fee": {"charged": False, "standard": "不收费", "basis": ""},
        "location": "一楼",
        "hours": "工作日",
        "phone": "0000-1234567",
        "complaint_phone": "0000-7654321",
        "faq": [{"q": "可以代办吗？", "a": "可以。"}],
    }


any_json_value = st.one_of(
    hostile_text,
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.lists(hostile_text, max_size=3),
    st.dictionaries(hostile_text, hostile_text, max_size=2),
)
TEXT_FIELDS = [
    "code",
    "name",
    "department",
    "window",
    "basis",
    "conditions",
    "location",
    "hours",
    "phone",
]


@EXAMPLES
@given(
    changes=st.dictionaries(
        st.sampled_from(
            TEXT_FIELDS
            + [
                "statutory_days",
                "promised_days",
                "materials",
                "procedure",
                "fee",
                "faq",
                "audience",
                "topics",
            ]
        ),
        st.one_of(hostile_text, any_json_value),
        max_size=2,
    ),
    material_names=st.lists(hostile_text, max_size=3),
)
def test_catalog_import_stores_a_whole_guide_or_nothing(
    public_site, tmp_path_factory, changes, material_names
):
    record = base_record()
    record.update(changes)
    if material_names and "materials" not in changes:
        record["materials"] = [
            {"name": n, "form": "原件", "copies": 1, "required": True, "note": ""}
            for n in material_names
        ]
    code = record.get("code")
    assume(
        not (isinstance(code, str) and ServiceGuidePage.objects.filter(code=code.strip()).exists())
    )
    path = tmp_path_factory.mktemp("catalog") / "catalog.json"
    path.write_text(json.dumps([record], ensure_ascii=False), encoding="utf-8")

    before = table_counts(*CATALOG_MODELS, DepartmentSectionPage)
    try:
        call_command("import_catalog", str(path), stdout=io.StringIO(), stderr=io.StringIO())
        imported = True
    except CommandError:
        imported = False
    after = table_counts(*CATALOG_MODELS, DepartmentSectionPage)

    event("guide imported" if imported else "record refused")
    if imported:
        assert after["ServiceGuidePage"] == before["ServiceGuidePage"] + 1
        guide = ServiceGuidePage.objects.order_by("-pk").first()
        # The format reads a null list as an empty one and drops blank steps.
        assert guide.materials.count() == len(record["materials"] or [])
        assert guide.steps.count() == len([s for s in record["procedure"] or [] if s.strip()])
        assert guide.live
    else:
        assert after == before, f"a refused record left rows behind: {before} -> {after}"
