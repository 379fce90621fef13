"""Pages cost a fixed, small number of queries, however many rows they show or hold.

Each list is requested at two sizes and must use the same number of queries: a query
per row (an N+1) would show as a difference. Pages are added through Wagtail's page
API (a few dozen: every list is paginated); complaints, which grow by the thousand,
are bulk-inserted up to 100,000 rows.

The exact numbers are pinned for the guide, home, catalog and department pages in three
states: without fragment caching (the query plan itself), cold (every cache keyed by the
render versions empty, as after a publish) and warm (what nearly every request costs).
Most of what remains on a warm page is Wagtail's own: the page itself and its view
restriction check.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from content.models import CompletionAnnouncementPage, GuideFAQ, GuideMaterial, GuideStep
from intranet import roles
from intranet.complaints.models import Complaint
from portal import render_versions
from tests.builders import add_guide, client_for, make_user

pytestmark = pytest.mark.django_db


# Pinned query counts (see the module docstring).
# The guide counts include one query each for 网友咨询 (intranet.questions) and the case
# figures (intranet.cases), both outside the body fragment: they change without a publish.
GUIDE_UNCACHED, GUIDE_COLD, GUIDE_WARM = 14, 17, 5
# The home counts include three for the latest notices (the list, its view restriction
# check, the notice index for the 更多 link), and one for the page's center (the county's
# home page lists every center, docs/county.md), inside the body fragment.
HOME_UNCACHED, HOME_COLD, HOME_WARM = 21, 23, 3
CATALOG_UNCACHED, CATALOG_COLD, CATALOG_WARM = 13, 16, 3
SECTION_UNCACHED, SECTION_COLD, SECTION_WARM = 15, 18, 3


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def add_guides(site, count, start):
    for n in range(start, start + count):
        add_guide(
            site.civil_section,
            title=f"测试事项{n}",
            code=f"QC-{n:04d}",
            department=site.civil,
            window=site.window3,
            topics=["社会救助"] if n % 2 else [],
        )


def add_announcements(site, count, start):
    for n in range(start, start + count):
        site.civil_notices.add_child(
            instance=CompletionAnnouncementPage(
                title=f"办结公告{n}",
                slug=f"qc-{n}",
                guide=site.disability,
                matter="残疾人证申领",
                applicant="张三丰",
                result="approved",
                completed_on=datetime.date(2026, 10, 1) + datetime.timedelta(days=n % 28),
                department=site.civil,
            )
        )


@pytest.fixture
def uncached(settings):
    """No fragment caching: every query of the page's plan runs on every request."""
    settings.FRAGMENT_CACHE_ENABLED = False


def cold_and_warm(client, url):
    """Queries of the first request after a publish anywhere, then of the next one."""
    render_versions.bump(tree=True, shared=True)
    cold = queries_for(client, url)
    warm = queries_for(client, url)
    return cold, warm


def uncached_count(client, url, settings):
    settings.FRAGMENT_CACHE_ENABLED = False
    queries_for(client, url)
    count = queries_for(client, url)
    settings.FRAGMENT_CACHE_ENABLED = True
    return count


def three_counts(client, url, settings):
    return (uncached_count(client, url, settings), *cold_and_warm(client, url))


def test_guide_page_queries(client, site_tree, settings):
    counts = three_counts(client, site_tree.disability.url, settings)
    assert counts == (GUIDE_UNCACHED, GUIDE_COLD, GUIDE_WARM)


def test_home_page_queries(client, site_tree, settings):
    counts = three_counts(client, site_tree.home.url, settings)
    assert counts == (HOME_UNCACHED, HOME_COLD, HOME_WARM)


def test_catalog_page_queries(client, site_tree, settings):
    counts = three_counts(client, site_tree.catalog.url, settings)
    assert counts == (CATALOG_UNCACHED, CATALOG_COLD, CATALOG_WARM)


def test_department_section_page_queries(client, site_tree, settings):
    counts = three_counts(client, site_tree.civil_section.url, settings)
    assert counts == (SECTION_UNCACHED, SECTION_COLD, SECTION_WARM)


def test_guide_queries_do_not_grow_with_materials_steps_and_faq(client, site_tree, uncached):
    guide = site_tree.disability
    queries_for(client, guide.url)
    small = queries_for(client, guide.url)
    for n in range(10):
        GuideMaterial.objects.create(page=guide, name=f"材料{n}", sort_order=10 + n)
        GuideStep.objects.create(page=guide, text=f"步骤{n}", sort_order=10 + n)
        GuideFAQ.objects.create(page=guide, question=f"问题{n}", answer="答", sort_order=10 + n)
    guide.topics.add(*[f"主题{n}" for n in range(5)])
    guide.save_revision().publish()
    queries_for(client, guide.url)
    assert queries_for(client, guide.url) == small == GUIDE_UNCACHED


def test_catalog_queries_do_not_grow_with_the_number_of_guides(client, site_tree, uncached):
    small = queries_for(client, site_tree.catalog.url)
    add_guides(site_tree, 40, start=1)
    large = queries_for(client, site_tree.catalog.url)
    assert large == small


def test_department_section_queries_do_not_grow_with_its_guides(client, site_tree, uncached):
    small = queries_for(client, site_tree.civil_section.url)
    add_guides(site_tree, 40, start=1)
    large = queries_for(client, site_tree.civil_section.url)
    assert large == small


def test_announcement_index_queries_do_not_grow_with_the_announcements(client, site_tree, uncached):
    small = queries_for(client, site_tree.announcements.url)
    add_announcements(site_tree, 40, start=1)
    large = queries_for(client, site_tree.announcements.url)
    assert large == small


def test_notice_index_queries_do_not_grow_with_the_notices(client, site_tree, uncached):
    from content.models import NoticePage

    small = queries_for(client, site_tree.notice_index.url)
    for n in range(1, 31):
        site_tree.notice_index.add_child(
            instance=NoticePage(
                title=f"通知{n}",
                slug=f"qc-notice-{n}",
                date=datetime.date(2026, 10, 1) + datetime.timedelta(days=n % 28),
                body="<p>正文。</p>",
            )
        )
    large = queries_for(client, site_tree.notice_index.url)
    assert large == small


def test_fee_table_queries_do_not_grow_with_charged_guides(client, site_tree, uncached):
    small = queries_for(client, site_tree.fees.url)
    add_guides(site_tree, 20, start=100)
    for guide in site_tree.civil_section.get_children().specific()[:20]:
        guide.fee_charged = True
        guide.fee_standard = "每件 5 元"
        guide.fee_basis = "《示范省行政事业性收费标准》第 3 项"
        guide.save_revision().publish()
    large = queries_for(client, site_tree.fees.url)
    assert large == small


def bulk_complaints(count, window):
    today = timezone.localdate()
    now = timezone.now()
    batch = []
    for n in range(count):
        batch.append(
            Complaint(
                code=f"QC-{n:08d}",
                channel=Complaint.Channel.ONLINE,
                received_at=now - datetime.timedelta(minutes=n),
                content=f"第{n}件投诉：等候时间过长。",
                deadline=today + datetime.timedelta(days=(n % 30) - 10),
                target_window=window if n % 3 == 0 else None,
            )
        )
        if len(batch) == 5000:
            Complaint.objects.bulk_create(batch)
            batch = []
    Complaint.objects.bulk_create(batch)


def test_complaint_list_queries_are_the_same_for_ten_and_a_hundred_thousand_complaints(
    site_tree,
):
    head = make_user("head", roles.HEAD)
    client = client_for(head)
    url = "/intranet/complaints/"
    bulk_complaints(10, site_tree.window3)
    queries_for(client, url)  # the worker's first request also looks up the Site
    small = queries_for(client, url)
    Complaint.objects.all().delete()
    bulk_complaints(100_000, site_tree.window3)
    large = queries_for(client, url)
    assert large == small
