"""GET /api/v1/catalog/: the live catalog as open data, in the exchange format."""

import io
import json
import sys

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag
from wagtail.models import Site

from content.catalog_exchange.schema import FIELDS
from content.models import Department, DepartmentSectionPage, ServiceGuidePage, Window
from tests.fixtures.catalog import GOOD, catalog_page

pytestmark = pytest.mark.django_db

URL = "/api/v1/catalog/"


def import_file(path, *args):
    call_command("import_catalog", str(path), *args, stdout=io.StringIO())


def good_records():
    return json.loads(GOOD.read_text(encoding="utf-8"))


@pytest.fixture
def catalog():
    catalog = catalog_page()
    import_file(GOOD)
    return catalog


def test_catalog_is_a_utf8_json_list_in_exactly_the_exchange_shape(client, catalog):
    response = client.get(URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "居住证申领".encode() in response.content  # not \\u escaped
    data = json.loads(response.content)
    assert isinstance(data, list) and len(data) == len(good_records())
    for record in data:
        assert tuple(record) == FIELDS
        assert set(record["fee"]) == {"charged", "standard", "basis"}
        for material in record["materials"]:
            assert set(material) == {"name", "form", "copies", "required", "note"}
        for entry in record["faq"]:
            assert set(entry) == {"q", "a"}
    by_code = {record["code"]: record for record in data}
    expected = {record["code"]: record for record in good_records()}
    assert by_code == expected


def test_catalog_filters_by_department_and_topic(client, catalog):
    civil = json.loads(client.get(URL, {"department": "民政办"}).content)
    assert {record["code"] for record in civil} == {"MZ-001", "MZ-003"}

    by_slug = json.loads(
        client.get(URL, {"department": Department.objects.get(name="民政办").slug}).content
    )
    assert by_slug == civil

    social_security = json.loads(client.get(URL, {"topic": "社会保险"}).content)
    assert {record["code"] for record in social_security} == {"SB-001"}

    both = json.loads(client.get(URL, {"department": "民政办", "topic": "养老服务"}).content)
    assert [record["code"] for record in both] == ["MZ-003"]

    assert json.loads(client.get(URL, {"topic": "没有这个主题"}).content) == []


def test_catalog_leaves_out_guides_that_are_not_live(client, catalog):
    guide = ServiceGuidePage.objects.get(code="MZ-001")
    guide.unpublish()

    codes = {record["code"] for record in json.loads(client.get(URL).content)}

    assert "MZ-001" not in codes
    assert len(codes) == len(good_records()) - 1


def test_catalog_answers_in_the_same_number_of_queries_whatever_its_size(
    client, catalog, django_assert_num_queries
):
    # Both requests below find the site root table cached (the listing is scoped by it).
    Site.get_site_root_paths()
    with CaptureQueriesContext(connection) as small:
        assert client.get(URL).status_code == 200

    more = good_records()
    for record in more:
        record["code"] += "-B"
        record["topics"].append("新主题")
    bigger = io.StringIO(json.dumps(more, ensure_ascii=False))
    original, sys.stdin = sys.stdin, bigger
    try:
        import_file("-")
    finally:
        sys.stdin = original
    assert ServiceGuidePage.objects.live().count() == 2 * len(more)

    with django_assert_num_queries(len(small)):
        response = client.get(URL)
    assert len(json.loads(response.content)) == 2 * len(more)


def test_export_imported_into_an_empty_site_exports_the_same(client, catalog, tmp_path):
    exported = client.get(URL).content
    # Empty the site: no guides, sections, departments, windows or topics left.
    for section in DepartmentSectionPage.objects.all():
        section.delete()
    Department.objects.all().delete()
    Window.objects.all().delete()
    Tag.objects.all().delete()
    assert json.loads(client.get(URL).content) == []

    dump = tmp_path / "export.json"
    dump.write_bytes(exported)
    import_file(dump)

    assert client.get(URL).content == exported
