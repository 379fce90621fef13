"""Catalog exchange format version 2: the national 办事指南 standard's elements, versioned."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from content.catalog_exchange.schema import FIELDS_V2, FORMAT_VERSION, validate_record
from content.models import ServiceGuidePage
from tests.fixtures.catalog import GOOD, catalog_page

pytestmark = pytest.mark.django_db

URL = "/api/v1/catalog/"


def run_import(path):
    out = io.StringIO()
    call_command("import_catalog", str(path), stdout=out)
    return out.getvalue()


def good_records():
    return json.loads(GOOD.read_text(encoding="utf-8"))


def test_export_imported_back_is_unchanged_with_every_standard_element(client, tmp_path):
    catalog_page()
    run_import(GOOD)
    exported = client.get(URL).content
    path = tmp_path / "export.json"
    path.write_bytes(exported)

    assert "未变 7" in run_import(path)
    guide = ServiceGuidePage.objects.get(code="SB-001")
    assert guide.matter_type == "公共服务"
    assert guide.channels == ["窗口办理", "网上办理", "自助办理"]
    assert guide.visits == 0 and guide.online_url == "https://example.gov.cn/sb/canbao"
    assert json.loads(client.get(URL).content) == json.loads(exported)


def test_version_1_file_without_the_new_keys_still_imports(tmp_path):
    catalog_page()
    old = [{key: value for key, value in r.items() if key not in FIELDS_V2} for r in good_records()]
    path = tmp_path / "v1.json"
    path.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")

    output = run_import(path)

    assert "新建 7" in output and "未知字段" not in output
    guide = ServiceGuidePage.objects.get(code="MZ-001")
    assert guide.channels == ["窗口办理"] and guide.matter_type == "" and guide.visits is None


def test_api_says_its_format_version_and_keeps_the_list_for_old_clients(client):
    catalog_page()
    run_import(GOOD)

    plain = client.get(URL)
    enveloped = client.get(URL, {"format": "2"})

    version = str(FORMAT_VERSION)
    assert plain["X-Catalog-Format"] == version and enveloped["X-Catalog-Format"] == version
    assert isinstance(json.loads(plain.content), list)
    body = json.loads(enveloped.content)
    assert body["format_version"] == FORMAT_VERSION and body["guides"] == json.loads(plain.content)


def test_envelope_file_imports_like_a_list(client, tmp_path):
    catalog_page()
    path = tmp_path / "envelope.json"
    envelope = {"format_version": 2, "guides": good_records()}
    path.write_text(json.dumps(envelope, ensure_ascii=False), encoding="utf-8")

    assert "新建 7" in run_import(path)


def test_unknown_format_version_is_refused_before_anything_is_written(tmp_path):
    catalog_page()
    path = tmp_path / "v9.json"
    envelope = {"format_version": 9, "guides": good_records()}
    path.write_text(json.dumps(envelope, ensure_ascii=False), encoding="utf-8")

    with pytest.raises(CommandError, match="不支持的交换格式版本"):
        run_import(path)
    assert not ServiceGuidePage.objects.exists()


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"matter_type": "行政审批"}, "字段 matter_type 的值“行政审批”无效"),
        ({"channels": ["电话办理"]}, "字段 channels 的值“电话办理”无效"),
        ({"visits": -1}, "到现场次数"),
        ({"visits": "一次"}, "到现场次数"),
        ({"online_url": "javascript:alert(1)"}, "不是有效的网址"),
        ({"channels": ["网上办理"], "online_url": ""}, "必须填写网上办理地址"),
        ({"result_name": "证" * 201}, "字段 result_name 超过 200 字"),
    ],
)
def test_bad_standard_element_is_a_clear_error_for_that_record(changes, message):
    record = {**good_records()[0], **changes}

    parsed = validate_record(record, 1)

    assert parsed.data is None
    assert any(message in error for error in parsed.errors), parsed.errors


def test_reimport_keeps_the_forms_attached_to_a_material_of_the_same_name(tmp_path):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    catalog_page()
    run_import(GOOD)
    blank = Document(title="居住证申领登记表")
    blank.file.save("blank.pdf", ContentFile(b"%PDF-1.4"), save=True)
    guide = ServiceGuidePage.objects.get(code="HJ-002")
    materials = list(guide.materials.all())
    materials[0].blank_form = blank
    guide.materials = materials
    guide.save_revision().publish()
    changed = good_records()
    changed[0]["conditions"] += "（已更新）"
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")

    assert "更新 1" in run_import(path)
    assert ServiceGuidePage.objects.get(code="HJ-002").materials.first().blank_form == blank
