"""The intranet demo data loads once, with logins linked to the roster."""

from django.contrib.auth import get_user_model

from content.models import StaffMember
from intranet import demo, roles
from intranet.complaints.models import Complaint
from intranet.disclosures.models import Disclosure, DisclosureRead
from intranet.study.models import StudySession


def test_demo_loads_staff_complaints_sessions_and_disclosures(db):
    assert demo.load() is True
    User = get_user_model()
    head = User.objects.get(username="head")
    assert roles.roles_of(head) == {roles.HEAD}
    assert roles.roles_of(User.objects.get(username="inspector")) == {roles.INSPECTOR}
    staff = User.objects.filter(username__startswith="staff")
    assert staff.count() == 10
    assert all(u.check_password(demo.DEMO_PASSWORD) for u in [head, *staff])
    assert StaffMember.objects.filter(user__in=staff).count() == 10
    assert Complaint.objects.count() == 25
    assert Complaint.objects.overdue().exists()
    assert Complaint.objects.filter(published_at__isnull=False).exists()
    assert StudySession.objects.count() >= 10
    assert Disclosure.objects.count() == 6 and DisclosureRead.objects.exists()


def test_demo_loads_only_once(db):
    demo.load()
    assert demo.load() is False
    assert Complaint.objects.count() == 25


def test_demo_results_found_untrue_do_not_claim_corrections(db):
    demo.load()
    untrue = Complaint.objects.filter(outcome="unfounded")
    assert untrue.exclude(public_summary="").exists()
    for complaint in untrue:
        for text in (complaint.public_summary, complaint.result_text, complaint.reply_text):
            assert "责令整改" not in text and "已整改" not in text


def test_demo_administrator_is_not_among_the_readers_of_disclosures(db):
    from intranet.disclosures.views import audience_of

    admin = get_user_model().objects.create_superuser("admin", password="pw-123456")
    demo.load()
    assert admin.groups.filter(name=roles.GROUP_NAMES[roles.ADMIN]).exists()
    for item in Disclosure.objects.all():
        assert admin not in audience_of(item)
