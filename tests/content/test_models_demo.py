"""load_demo: a complete, believable demo site, loaded once."""

import io
import json

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from wagtail.models import Revision

from content.demo.loader import is_workday
from content.models import (
    CompletionAnnouncementPage,
    Department,
    LeaderDuty,
    PreDisclosureComment,
    ServiceGuidePage,
    StaffMember,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def content_demo_only(settings):
    """The public-site part of the demo alone; other apps' loaders are tested by their owners."""
    settings.DEMO_LOADERS = ["content.demo.load"]


def load_demo():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_demo_has_at_least_fifteen_published_guides_in_six_departments(client, content_demo_only):
    output = load_demo()

    guides = ServiceGuidePage.objects.live()
    assert guides.count() >= 15
    assert Department.objects.filter(guides__live=True).distinct().count() >= 6
    assert guides.filter(promised_days=0).exists()  # 即办
    assert guides.filter(fee_charged=True).exclude(fee_basis="").exists()
    assert all(guide.revisions.exists() for guide in guides)
    assert "用户名 admin" in output
    records = json.loads(client.get("/api/v1/catalog/").content)
    assert len(records) == guides.count()


def test_loading_the_demo_twice_changes_nothing_and_still_prints_the_logins():
    load_demo()
    counts = (Revision.objects.count(), StaffMember.objects.count(), LeaderDuty.objects.count())

    output = load_demo()

    assert "已存在，跳过" in output and "用户名 admin" in output
    assert (
        Revision.objects.count(),
        StaffMember.objects.count(),
        LeaderDuty.objects.count(),
    ) == counts


def test_demo_logins_work_and_have_their_roles(content_demo_only):
    load_demo()
    admin = authenticate(username="admin", password="demo-admin-2026")
    editor = authenticate(username="minzheng", password="demo-editor-2026")
    reviewer = authenticate(username="shenhe", password="demo-reviewer-2026")
    assert admin.is_superuser
    civil_guide = ServiceGuidePage.objects.get(code="MZ-001")
    police_guide = ServiceGuidePage.objects.get(code="HJ-001")
    assert civil_guide.permissions_for_user(editor).can_edit()
    assert not police_guide.permissions_for_user(editor).can_edit()
    assert police_guide.permissions_for_user(reviewer).can_publish()


def test_demo_roster_pairs_a_and_b_posts_both_ways_and_schedules_leaders_on_working_days(
    content_demo_only,
):
    load_demo()
    staff = StaffMember.objects.filter(is_leader=False)
    assert staff.count() >= 12
    for member in staff:
        assert member.backup.backup == member
    assert StaffMember.objects.filter(is_leader=True).count() == 3
    duties = LeaderDuty.objects.all()
    assert duties.count() >= 30
    assert all(is_workday(duty.date) for duty in duties)
    assert len({duty.date.month for duty in duties}) == 2


def test_demo_has_announcements_and_an_open_predisclosure_with_moderated_comments(
    content_demo_only,
):
    load_demo()
    announcements = CompletionAnnouncementPage.objects.live()
    assert announcements.count() == 20
    assert announcements.values("department").distinct().count() >= 6
    statuses = list(PreDisclosureComment.objects.values_list("status", flat=True))
    assert sorted(statuses) == ["approved", "approved", "pending", "pending"]


def test_demo_comments_are_sent_within_their_comment_period(content_demo_only):
    from django.utils import timezone

    load_demo()
    comments = PreDisclosureComment.objects.select_related("page")
    assert comments.exists()
    for comment in comments:
        sent = timezone.localtime(comment.submitted_at).date()
        assert comment.page.comment_opens <= sent <= comment.page.comment_closes


def test_demo_announcement_list_says_names_are_masked_only_once(client, content_demo_only):
    from content.models import AnnouncementIndexPage

    load_demo()
    html = client.get(AnnouncementIndexPage.objects.get().url).content.decode()
    assert html.count("只显示姓氏") == 1


def test_demo_guides_offer_a_blank_form_and_a_filled_sample_as_pdf(client, content_demo_only):
    load_demo()

    guide = ServiceGuidePage.objects.get(code="SC-001")
    material = guide.materials.get(name="个体工商户登记申请书")
    html = client.get(guide.url).content.decode()
    for document in (material.blank_form, material.sample_form):
        assert f'href="{document.url}" download' in html
        with document.file.open("rb") as stream:
            data = stream.read()
        assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
    # The sample is filled in: its text (UTF-16 in the PDF) names the applicant.
    with material.sample_form.file.open("rb") as stream:
        assert "陈小梅".encode("utf-16-be").hex().upper().encode() in stream.read()
