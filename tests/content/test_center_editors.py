"""Editors are scoped to their center: a township's editors edit its page tree, and neither
edit nor see another center's pages in the admin (docs/county.md)."""

from content.models import ArticleIndexPage, ArticlePage
from content.permissions import ensure_center_editorial
from tests.builders import (
    add_township,
    client_for,
    fresh_home,
    join_center,
    make_user,
    publish,
    the_existing_center,
)


def two_centers():
    county = the_existing_center()
    home = fresh_home()
    county_page = home.add_child(
        instance=ArticleIndexPage(title="示范镇政务公开专栏", slug="disclosure")
    )
    publish(county_page)
    township = add_township("东岭镇便民服务中心", "dongling", "dongling.localhost", parent=county)
    township_page = township.site.root_page.add_child(
        instance=ArticleIndexPage(title="东岭镇政务公开专栏", slug="disclosure")
    )
    publish(township_page)
    for center in (county, township):
        center.refresh_from_db()
        ensure_center_editorial(center)
    editor = join_center(make_user("dl-editor", township.editorial.editors), township)
    return county_page, township_page, client_for(editor)


def test_a_township_editor_edits_a_page_of_their_center(db):
    _county_page, township_page, client = two_centers()
    response = client.get(f"/admin/pages/{township_page.pk}/edit/")
    assert response.status_code == 200
    assert "东岭镇政务公开专栏" in response.content.decode()


def test_a_township_editor_cannot_open_another_centers_page_in_the_editor(db):
    county_page, _township_page, client = two_centers()
    response = client.get(f"/admin/pages/{county_page.pk}/edit/", follow=True)
    html = response.content.decode()
    assert "示范镇政务公开专栏" not in html
    assert "没有权限" in html or response.status_code == 403


def test_a_township_editor_cannot_add_a_page_to_another_center(db):
    county_page, _township_page, client = two_centers()
    response = client.post(
        f"/admin/pages/add/content/articlepage/{county_page.pk}/",
        {"title": "越权文章", "slug": "intrude", "body": "[]", "action-submit": "1"},
    )
    assert response.status_code in (302, 403)
    assert not ArticlePage.objects.filter(slug="intrude").exists()


def test_the_explorer_does_not_list_another_centers_pages(db):
    _county_page, _township_page, client = two_centers()
    html = client.get("/admin/pages/", follow=True).content.decode()
    assert "东岭镇政务公开专栏" in html
    assert "示范镇政务公开专栏" not in html
    assert (
        "示范镇政务公开专栏" not in client.get("/admin/pages/search/?q=政务公开").content.decode()
    )


def test_a_township_reviewer_approves_in_the_townships_own_workflow(db):
    _county_page, township_page, _client = two_centers()
    workflow = township_page.get_workflow()
    township = township_page.get_site().center
    assert workflow is not None
    task = workflow.tasks.get().specific
    assert list(task.groups.all()) == [township.editorial.reviewers]


def test_a_townships_department_files_never_go_into_another_centers_collection(db):
    from content.models import Department, DepartmentSectionPage, ServiceCatalogPage
    from content.permissions import department_collection

    county = the_existing_center()
    home = fresh_home()
    catalog = publish(home.add_child(instance=ServiceCatalogPage(title="办事指南", slug="guides")))
    ours = Department.objects.create(center=county, name="民政办", slug="minzheng")
    catalog.add_child(instance=DepartmentSectionPage(title="民政办", slug="mz", department=ours))
    township = add_township("东岭镇便民服务中心", "dongling", "dongling.localhost", parent=county)
    theirs = Department.objects.create(center=township, name="民政办", slug="minzheng")

    assert department_collection(theirs) != department_collection(ours)
    assert department_collection(theirs).get_parent().name == "东岭镇便民服务中心"
