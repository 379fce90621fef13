"""The catalog exchange carries the standard code (format version 3)."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from content.models import Department, ServiceGuidePage

from .two_centers import adopted, approve, build

API = "/api/v1/catalog/"


@pytest.fixture
def world(db, settings):
    return build(settings)


def run_import(path, center):
    out = io.StringIO()
    try:
        call_command("import_catalog", str(path), "--center", center, stdout=out)
    except CommandError as exc:
        return out.getvalue() + str(exc)
    return out.getvalue()


def exported(client, code, host="localhost"):
    """The record of `code` in the open-data catalog of the portal on `host` (each center's
    portal exports its own catalog)."""
    records = json.loads(client.get(API, HTTP_HOST=host).content)
    return next(record for record in records if record["code"] == code)


def write(tmp_path, records):
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_export_carries_the_standard_code_and_imports_back_unchanged(world, client, tmp_path):
    local = adopted(world, world.subsidy)
    local.get_workflow().start(local, world.dongling.editor)
    approve(local, world.reviewer)
    standard, copy = (
        exported(client, "XMZ-001"),
        exported(client, "XMZ-001-dongling", "dongling.localhost"),
    )
    assert standard["standard_code"] == copy["standard_code"] == "BZ-001"

    assert "未变 1" in run_import(write(tmp_path, [standard]), "default")
    assert "未变 1" in run_import(write(tmp_path, [copy]), "dongling")
    assert ServiceGuidePage.objects.get(code="XMZ-001-dongling").standard == world.subsidy


def test_a_township_record_with_a_standard_code_is_linked_to_the_county_standard(
    world, client, tmp_path
):
    record = {**exported(client, "XMZ-002"), "code": "DL-0002", "department": "东岭镇民政办"}
    record.update(promised_days=12, phone="0000-5550001")

    assert "新建 1" in run_import(write(tmp_path, [record]), "dongling")

    guide = ServiceGuidePage.objects.get(code="DL-0002")
    assert guide.standard == world.dibao
    assert guide.standard_revision_id == world.dibao.live_revision_id
    assert guide.get_parent().pk == world.dongling.section.pk
    assert "未变 1" in run_import(write(tmp_path, [record]), "dongling")


def test_an_unknown_standard_code_is_refused_in_chinese_and_nothing_is_imported(
    world, client, tmp_path
):
    record = {**exported(client, "XMZ-002"), "code": "DL-0009", "department": "东岭镇民政办"}
    record["standard_code"] = "BZ-999"
    guides, departments = ServiceGuidePage.objects.count(), Department.objects.count()

    output = run_import(write(tmp_path, [record]), "dongling")

    assert "标准事项编码“BZ-999”不在县级标准事项清单中" in output and "失败 1" in output
    assert ServiceGuidePage.objects.count() == guides
    assert Department.objects.count() == departments


def test_a_township_record_slower_than_its_standard_is_refused(world, client, tmp_path):
    record = {**exported(client, "XMZ-002"), "code": "DL-0002", "department": "东岭镇民政办"}
    record["promised_days"] = 16

    output = run_import(write(tmp_path, [record]), "dongling")

    assert "承诺办结时限不能长于县级标准指南的承诺办结时限（15 个工作日）" in output
    assert not ServiceGuidePage.objects.filter(code="DL-0002").exists()


def test_two_county_guides_cannot_claim_the_same_standard_code(world, client, tmp_path):
    record = {**exported(client, "XMZ-002"), "code": "XMZ-003", "standard_code": "BZ-001"}
    output = run_import(write(tmp_path, [record]), "default")
    assert "标准事项编码“BZ-001”已由本县的另一标准指南（XMZ-001）使用" in output
    assert not ServiceGuidePage.objects.filter(code="XMZ-003").exists()
