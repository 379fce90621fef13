"""The county generator of `make loadtest-county`, at a tiny scale: 2 centers, 5 guides, 20 cases."""

import pytest
from wagtail.models import Page

from benchmarks.county.generate import GeneratorError, Sizes, generate
from benchmarks.county.measure import targets
from centers.models import Center
from content.models import CompletionAnnouncementPage, ServiceGuidePage
from intranet.cases.models import Case

TINY = Sizes(centers=2, guides=5, cases=20, announcements=4)


def build(sizes=TINY):
    return generate(sizes, out=lambda line: None)


@pytest.mark.django_db
def test_generated_pages_are_live_and_valid_tree_nodes():
    build()

    assert ServiceGuidePage.objects.live().count() == 5
    assert CompletionAnnouncementPage.objects.live().count() == 4
    # Bad paths, orphans, wrong depths, wrong child counts: treebeard's own check finds none.
    assert all(not problems for problems in Page.find_problems())
    # A page added the ordinary way afterwards goes after the bulk-inserted ones.
    section = ServiceGuidePage.objects.first().get_parent()
    added = section.add_child(instance=ServiceGuidePage(title="新增事项", code="NEW-1"))
    assert added.path > max(
        section.get_children().exclude(pk=added.pk).values_list("path", flat=True)
    )


@pytest.mark.django_db
def test_each_center_site_serves_its_own_guides(client):
    build()

    for center in Center.objects.filter(code__startswith="LT").select_related("site"):
        guide = ServiceGuidePage.objects.filter(department__center=center).first()
        response = client.get(guide.relative_url(center.site), HTTP_HOST=center.site.hostname)
        assert response.status_code == 200
        assert guide.title in response.content.decode()
        assert center.name in response.content.decode()


@pytest.mark.django_db
def test_cases_belong_to_the_center_of_their_guide():
    build()

    assert Case.objects.count() == 20
    for case in Case.objects.select_related("guide__department", "window__department"):
        assert case.center_id == case.guide.department.center_id == case.window.department.center_id


@pytest.mark.django_db
def test_a_second_run_refuses_and_changes_nothing():
    build()
    pages = Page.objects.count()

    with pytest.raises(GeneratorError, match="已有压测数据"):
        build()

    assert Page.objects.count() == pages
    assert Case.objects.count() == 20


@pytest.mark.django_db
def test_the_load_test_visits_every_center_for_every_page_type():
    build()

    chosen, names = targets()

    assert set(names) == {"c01.county.test", "c02.county.test"}
    for page_type, rows in chosen.items():
        assert {host for host, _path in rows} == set(names), page_type
    assert len(chosen["guide"]) == 5
