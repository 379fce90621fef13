"""List pages cost a fixed number of queries, however many rows they show or hold.

Each list is requested at two sizes and must use the same number of queries: a query
per row (an N+1) would show as a difference. Pages are added through Wagtail's page
API (a few dozen: every list is paginated); complaints, which grow by the thousand,
are bulk-inserted up to 100,000 rows.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from content.models import CompletionAnnouncementPage
from intranet import roles
from intranet.models import Complaint
from tests.content import conftest as content_fixtures
from tests.intranet.conftest import client_for, make_user

pytestmark = pytest.mark.django_db

center_settings = content_fixtures.center_settings
site_tree = content_fixtures.site_tree


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def add_guides(site, count, start):
    for n in range(start, start + count):
        content_fixtures.add_guide(
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


def test_catalog_queries_do_not_grow_with_the_number_of_guides(client, site_tree):
    small = queries_for(client, site_tree.catalog.url)
    add_guides(site_tree, 40, start=1)
    large = queries_for(client, site_tree.catalog.url)
    assert large == small


def test_department_section_queries_do_not_grow_with_its_guides(client, site_tree):
    small = queries_for(client, site_tree.civil_section.url)
    add_guides(site_tree, 40, start=1)
    large = queries_for(client, site_tree.civil_section.url)
    assert large == small


def test_announcement_index_queries_do_not_grow_with_the_announcements(client, site_tree):
    small = queries_for(client, site_tree.announcements.url)
    add_announcements(site_tree, 40, start=1)
    large = queries_for(client, site_tree.announcements.url)
    assert large == small


def test_fee_table_queries_do_not_grow_with_charged_guides(client, site_tree):
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
    small = queries_for(client, url)
    Complaint.objects.all().delete()
    bulk_complaints(100_000, site_tree.window3)
    large = queries_for(client, url)
    assert large == small
