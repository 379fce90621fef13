"""import_catalog: validated, per-record, idempotent import of the catalog exchange format."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Revision

from content.catalog_exchange.schema import validate_record
from content.models import Department, DepartmentSectionPage, ServiceGuidePage, Window
from tests.fixtures.catalog import BROKEN, GOOD, catalog_page

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def run_import(*args, stdin=None):
    out = io.StringIO()
    if stdin is not None:
        original, sys.stdin = sys.stdin, stdin
        try:
            call_command("import_catalog", *args, stdout=out)
        finally:
            sys.stdin = original
    else:
        call_command("import_catalog", *args, stdout=out)
    return out.getvalue()


def good_records():
    return json.loads(GOOD.read_text(encoding="utf-8"))


def test_good_file_publishes_every_guide_under_its_department_section():
    catalog = catalog_page()
    output = run_import(str(GOOD))

    records = good_records()
    assert f"新建 {len(records)}" in output and "失败 0" in output
    guides = ServiceGuidePage.objects.live()
    assert guides.count() == len(records)
    for record in records:
        guide = guides.get(code=record["code"])
        section = guide.get_parent().specific
        assert isinstance(section, DepartmentSectionPage)
        assert section.get_parent().pk == catalog.pk
        assert section.department.name == record["department"] == guide.department.name
        assert guide.window.name == record["window"]
        assert guide.title == record["name"]
        assert sorted(guide.topics.names()) == sorted(record["topics"])
        assert [m.name for m in guide.materials.all()] == [m["name"] for m in record["materials"]]
        assert [s.text for s in guide.steps.all()] == record["procedure"]
    departments = {record["department"] for record in records}
    assert set(Department.objects.values_list("name", flat=True)) == departments


def test_importing_the_same_file_twice_changes_nothing_the_second_time():
    catalog_page()
    run_import(str(GOOD))
    revisions = Revision.objects.count()
    pages = ServiceGuidePage.objects.count()

    output = run_import(str(GOOD))

    assert f"未变 {len(good_records())}" in output
    assert "新建 0" in output and "更新 0" in output
    assert Revision.objects.count() == revisions
    assert ServiceGuidePage.objects.count() == pages


def test_bad_records_are_reported_with_position_code_and_reason_and_good_ones_still_import():
    catalog_page()
    output = io.StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("import_catalog", str(BROKEN), stdout=output)
    report = output.getvalue()

    assert "失败 9" in str(failure.value) and "新建 2" in str(failure.value)
    assert "第 2 条（无编码）：缺少必填字段 code" in report
    assert "第 3 条（BAD-003）：缺少必填字段 name" in report
    assert (
        "第 4 条（BAD-004）：承诺办结时限（15 个工作日）不能长于法定办结时限（10 个工作日）"
        in report
    )
    assert "第 5 条（BAD-005）：字段 promised_days 不能为负数" in report
    assert "第 6 条（BAD-006）" in report and "字段 audience 应为文本列表" in report
    assert "字段 promised_days 应为整数" in report and "份数 copies 应为非负整数" in report
    assert "第 7 条（BAD-007）" in report and "材料形式“传真件”无效" in report
    assert "第 8 条（BAD-008）：收费事项必须公开收费依据" in report
    assert "第 9 条（OK-001）：事项编码与第 1 条重复" in report
    assert "第 10 条（无编码）：记录应为 JSON 对象" in report

    assert sorted(ServiceGuidePage.objects.values_list("code", flat=True)) == ["OK-001", "OK-002"]
    # Nothing of the bad records was half-written: not even the department they named.
    assert not Department.objects.filter(name="幽灵办公室").exists()
    assert ServiceGuidePage.objects.get(code="OK-001").title == "城乡居民医保参保登记"


def test_promised_days_longer_than_statutory_days_is_rejected():
    record = dict(good_records()[0], statutory_days=5, promised_days=6)
    parsed = validate_record(record, 1)
    assert parsed.data is None
    assert parsed.errors == ["承诺办结时限（6 个工作日）不能长于法定办结时限（5 个工作日）"]


def test_missing_optional_fields_take_empty_values():
    parsed = validate_record({"code": "X-1", "name": "只有名称"}, 1)
    assert parsed.ok
    assert parsed.data["materials"] == [] and parsed.data["faq"] == []
    assert parsed.data["fee"] == {"charged": False, "standard": "", "basis": ""}
    assert parsed.data["statutory_days"] is None and parsed.data["promised_days"] == 0
    assert parsed.warnings == ["未提供承诺办结时限 promised_days，按即办（0）导入"]


def test_changed_record_updates_the_guide_replacing_its_materials_and_moving_it():
    catalog_page()
    run_import(str(GOOD))
    records = good_records()
    guide = ServiceGuidePage.objects.get(code=records[0]["code"])
    revisions = guide.revisions.count()
    records[0]["materials"] = [
        {"name": "新的唯一材料", "form": "电子件", "copies": 1, "required": True, "note": ""}
    ]
    records[0]["department"] = "新设部门"
    changed = io.StringIO(json.dumps(records, ensure_ascii=False))

    output = run_import("-", stdin=changed)

    assert "更新 1" in output and f"未变 {len(records) - 1}" in output
    guide = ServiceGuidePage.objects.get(code=records[0]["code"])
    assert [m.name for m in guide.materials.all()] == ["新的唯一材料"]
    assert guide.get_parent().specific.department.name == "新设部门"
    assert guide.department.name == "新设部门"
    assert guide.revisions.count() == revisions + 1


def test_draft_option_saves_revisions_waiting_for_moderation_instead_of_publishing():
    catalog_page()
    output = run_import(str(GOOD), "--draft")

    assert "已保存为草稿并提交审核" in output
    assert not ServiceGuidePage.objects.live().exists()
    guide = ServiceGuidePage.objects.get(code=good_records()[0]["code"])
    assert guide.workflow_in_progress
    assert guide.current_workflow_state.workflow.name == "审核发布"
    # A second draft import finds the waiting revisions identical: nothing new.
    revisions = Revision.objects.count()
    assert "未变" in run_import(str(GOOD), "--draft")
    assert Revision.objects.count() == revisions


def test_import_without_a_catalog_page_fails_clearly_and_writes_nothing():
    with pytest.raises(CommandError, match="办事指南目录"):
        run_import(str(GOOD))
    assert not ServiceGuidePage.objects.exists()
    assert not Department.objects.exists()
    assert not Window.objects.exists()


def test_unreadable_file_is_refused_with_a_chinese_reason(tmp_path):
    catalog_page()
    broken = tmp_path / "catalog.json"
    broken.write_text('{"code": "A"}', encoding="utf-8")
    with pytest.raises(CommandError, match="应为办事指南记录的列表"):
        run_import(str(broken))
    broken.write_text("[{", encoding="utf-8")
    with pytest.raises(CommandError, match="不是有效的 JSON"):
        run_import(str(broken))


def test_publishing_import_supersedes_a_change_waiting_for_approval():
    catalog_page()
    run_import(str(GOOD))
    records = good_records()
    guide = ServiceGuidePage.objects.get(code=records[0]["code"])
    draft = guide.get_latest_revision_as_object()
    draft.title = "编辑改过的标题"
    draft.save_revision()
    draft.get_workflow().start(draft, None)
    records[0]["name"] = "导入的新标题"

    output = run_import("-", stdin=io.StringIO(json.dumps(records, ensure_ascii=False)))

    assert "更新 1" in output
    guide = ServiceGuidePage.objects.get(pk=guide.pk)
    assert guide.title == "导入的新标题" and guide.live
    assert not guide.workflow_in_progress
    assert not guide.has_unpublished_changes


# --- one bad record never stops the import; a bad file is one clear message ----------------


def import_text(tmp_path, text):
    """Import a file holding exactly `text`; returns (report, summary of the CommandError)."""
    path = tmp_path / "catalog.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    output = io.StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("import_catalog", str(path), stdout=output)
    return output.getvalue(), str(failure.value)


def good_then(bad_record_json):
    good = json.dumps(good_records()[0], ensure_ascii=False)
    return f"[{good}, {bad_record_json}]"


def test_a_record_with_a_lone_surrogate_is_reported_and_the_rest_import(tmp_path):
    catalog_page()
    report, summary = import_text(tmp_path, good_then('{"code": "BAD-1", "name": "坏\\ud800字"}'))

    assert "新建 1" in summary and "失败 1" in summary
    assert "第 2 条（BAD-1）：字段 name 含有无效字符" in report
    assert ServiceGuidePage.objects.count() == 1


def test_a_deeply_nested_record_is_reported_and_the_rest_import(tmp_path):
    catalog_page()
    deep = "[" * 100_000 + "]" * 100_000
    report, summary = import_text(tmp_path, good_then(f'{{"code": "BAD-2", "topics": {deep}}}'))

    assert "新建 1" in summary and "失败 1" in summary
    assert "第 2 条" in report and "嵌套层数过深" in report
    assert ServiceGuidePage.objects.count() == 1


def test_a_record_nested_a_little_too_deep_is_reported_with_its_code(tmp_path):
    catalog_page()
    report, summary = import_text(
        tmp_path, good_then('{"code": "BAD-3", "name": "n", "faq": [[[[[[[[[["a"]]]]]]]]]]}')
    )
    assert "失败 1" in summary
    assert "第 2 条（BAD-3）：字段 faq 嵌套层数过深" in report


def test_a_number_with_thousands_of_digits_is_reported_and_the_rest_import(tmp_path):
    catalog_page()
    report, summary = import_text(
        tmp_path, good_then('{"code": "BAD-4", "name": "n", "promised_days": 1' + "0" * 5000 + "}")
    )
    assert "新建 1" in summary and "失败 1" in summary
    assert "第 2 条" in report and "数字位数过多" in report


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("basis", "依" * 10_001, "字段 basis 超过 10000 字"),
        ("conditions", "条" * 10_001, "字段 conditions 超过 10000 字"),
        (
            "fee",
            {"charged": True, "standard": "元" * 2001, "basis": "x"},
            "收费 fee.standard 超过 2000 字",
        ),
        ("faq", [{"q": "问", "a": "答" * 10_001}], "常见问题第 1 项的解答超过 10000 字"),
        ("name", "名" * 256, "字段 name 超过 255 字"),
    ],
    ids=["basis", "conditions", "fee-standard", "faq-answer", "name"],
)
def test_overlong_text_is_refused_naming_the_field_and_the_limit(tmp_path, field, value, message):
    catalog_page()
    record = dict(good_records()[0], code="LONG-1", **{field: value})
    report, summary = import_text(tmp_path, good_then(json.dumps(record, ensure_ascii=False)))
    assert "新建 1" in summary and "失败 1" in summary
    assert f"第 2 条（LONG-1）：{message}" in report


FILE_FAULTS = {
    "invalid-json": ('[{"code": "A", }', "utf-8", "不是有效的 JSON：第 1 行"),
    "gbk-encoding": ('[{"code": "A", "name": "户口迁移"}]', "gbk", "不是 UTF-8 编码的文本"),
    "top-level-object": ('{"code": "A", "name": "户口"}', "utf-8", "应为办事指南记录的列表"),
    "deep-top-level-object": ('{"a":' * 100_000, "utf-8", "应为办事指南记录的列表"),
    "unterminated-deep-list": ("[" * 100_000, "utf-8", "列表没有结束"),
    "empty-file": ("", "utf-8", "不是有效的 JSON"),
}


@pytest.mark.parametrize(("text", "encoding", "message"), FILE_FAULTS.values(), ids=FILE_FAULTS)
def test_an_unreadable_file_is_one_chinese_message_and_a_non_zero_exit(
    tmp_path, text, encoding, message
):
    # As an operator runs it: a separate process, its exit status and what it prints.
    path = tmp_path / "catalog.json"
    path.write_bytes(text.encode(encoding))
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "import_catalog", str(path)],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert message in result.stderr
