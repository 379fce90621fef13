"""The fee disclosure table is built from the live guides and can never disagree with them."""

import pytest

pytestmark = pytest.mark.django_db


def fee_table(client, page):
    html = client.get(page.url).content.decode()
    return html, html.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in html else ""


def test_fee_table_lists_every_charged_guide_with_department_standard_and_basis(client, site_tree):
    html, table = fee_table(client, site_tree.fees)
    assert "户口迁入" in table
    assert "派出所户籍室" in table
    assert "工本费每证 10 元" in table
    assert "《示范省行政事业性收费标准》第 12 项" in table
    for header in ["事项", "部门", "收费标准", "收费依据"]:
        assert f'<th scope="col">{header}</th>' in html


def test_fee_table_leaves_out_free_guides_and_counts_them(client, site_tree):
    html, table = fee_table(client, site_tree.fees)
    assert "残疾人证申领" not in table
    assert "高龄津贴申请" not in table
    assert "收费事项 1 项，不收费事项 2 项" in html


def test_publishing_a_new_fee_changes_the_table(client, site_tree):
    guide = site_tree.residence
    guide.fee_standard = "工本费每证 20 元"
    guide.save_revision().publish()
    _, table = fee_table(client, site_tree.fees)
    assert "工本费每证 20 元" in table
    assert "工本费每证 10 元" not in table


def test_an_unpublished_fee_draft_does_not_change_the_table(client, site_tree):
    guide = site_tree.residence
    guide.fee_standard = "工本费每证 99 元"
    guide.save_revision()  # a draft waiting for review is not public
    _, table = fee_table(client, site_tree.fees)
    assert "工本费每证 10 元" in table
    assert "99 元" not in table


def test_a_guide_that_starts_charging_joins_the_table(client, site_tree):
    guide = site_tree.disability
    guide.fee_charged = True
    guide.fee_standard = "每证 5 元"
    guide.fee_basis = "示范收费文件"
    guide.save_revision().publish()
    html, table = fee_table(client, site_tree.fees)
    assert "残疾人证申领" in table and "每证 5 元" in table
    assert "收费事项 2 项，不收费事项 1 项" in html


def test_an_unpublished_charged_guide_leaves_the_table(client, site_tree):
    site_tree.residence.unpublish()
    html, _ = fee_table(client, site_tree.fees)
    assert "户口迁入" not in html.split('id="main"', 1)[1]
    assert "目前所有公开事项均不收费" in html
