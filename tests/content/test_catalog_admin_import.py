"""Editors import the catalog from the Wagtail admin: upload, preview per record, confirm."""

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile

from content.models import ServiceGuidePage
from content.permissions import EDITORS_GROUP
from tests.fixtures.catalog import BROKEN, GOOD, catalog_page

pytestmark = pytest.mark.django_db

URL = "/admin/catalog/import/"


def upload(client, path_or_bytes, name="catalog.json"):
    data = path_or_bytes if isinstance(path_or_bytes, bytes) else path_or_bytes.read_bytes()
    return client.post(
        URL, {"step": "preview", "file": SimpleUploadedFile(name, data, "application/json")}
    )


@pytest.fixture
def admin(client):
    catalog_page()
    client.force_login(User.objects.create_superuser("admin", password="x"))
    return client


def test_preview_lists_every_record_with_its_errors_and_writes_nothing(admin):
    html = upload(admin, BROKEN).content.decode()

    assert "预览：有效" in html and "错误" in html
    assert "promised_days" in html  # one of broken.json's per-record reasons
    assert not ServiceGuidePage.objects.exists()


def test_confirm_imports_the_valid_records_like_the_command(admin):
    preview = upload(admin, GOOD)
    content = preview.context["content"]

    html = admin.post(URL, {"step": "confirm", "content": content}).content.decode()

    assert "共 7 条：新建 7，更新 0，未变 0，失败 0。" in html
    assert ServiceGuidePage.objects.live().count() == 7
    again = admin.post(URL, {"step": "confirm", "content": content}).content.decode()
    assert "未变 7" in again


def test_file_that_is_not_json_gets_a_chinese_error_and_writes_nothing(admin):
    html = upload(admin, b"\xef\xbb\xbfnot json at all").content.decode()

    assert "文件不是有效的 JSON" in html
    assert not ServiceGuidePage.objects.exists()


def test_confirm_with_tampered_content_gets_a_chinese_error(admin):
    html = admin.post(URL, {"step": "confirm", "content": "{]"}).content.decode()

    assert "文件不是有效的 JSON" in html
    assert not ServiceGuidePage.objects.exists()


def test_site_editor_imports_drafts_for_review(client):
    catalog_page()
    editor = User.objects.create_user("editor", password="x")
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    client.force_login(editor)
    content = upload(client, GOOD).context["content"]

    client.post(URL, {"step": "confirm", "content": content})

    assert ServiceGuidePage.objects.count() == 7
    assert not ServiceGuidePage.objects.live().exists()


def test_admin_user_outside_the_editor_roles_may_not_import(client):
    catalog_page()
    user = User.objects.create_user("clerk", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    # Wagtail's admin answers a permission denial by sending the user back to the dashboard.
    for response in (client.get(URL), upload(client, GOOD)):
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert not ServiceGuidePage.objects.exists()


def test_import_menu_item_is_shown_to_editors(admin):
    # The sidebar menu is JSON in the page, so look for the item's address.
    assert URL in admin.get("/admin/").content.decode()
