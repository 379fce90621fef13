"""`make run`'s demo fills the 在线咨询 and 依申请公开 lists staff open first."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from content.models import StaffMember
from intranet.inforequests.models import InfoRequest
from intranet.questions.models import Question
from tests.builders import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.DEMO_LOADERS = [
        "content.demo.load",
        "intranet.demo.load",
        "intranet.questions.demo.load",
        "intranet.inforequests.demo.load",
    ]
    call_command("load_demo", stdout=io.StringIO())


def test_the_demo_has_questions_in_every_state_and_one_under_its_guide(demo, client):
    today = timezone.localdate()
    questions = Question.objects.all()
    assert set(questions.values_list("state", flat=True)) == {"received", "answered", "published"}
    assert questions.filter(state="received", due_on__lt=today).exists()  # one overdue
    published = questions.get(state="published")
    assert "网友咨询" in client.get(published.guide.url).content.decode()
    for question in questions.exclude(state="published"):
        # A window staff member of the question's department finds it in their list.
        member = StaffMember.objects.filter(
            window__department=question.department, user__username__startswith="staff"
        ).first()
        html = client_for(member.user).get("/intranet/questions/").content.decode()
        assert question.code in html


def test_the_demo_register_of_information_requests_is_not_empty(demo):
    today = timezone.localdate()
    requests = InfoRequest.objects.all()
    assert requests.count() == 4
    assert requests.filter(answered_at__isnull=True, deadline__lt=today).exists()  # overdue
    assert requests.filter(extended_at__isnull=False).exists()
    assert requests.filter(outcome=InfoRequest.Outcome.DISCLOSED).exists()
    head = client_for(get_user_model().objects.get(username="head"))
    html = head.get("/intranet/info-requests/").content.decode()
    assert all(r.code in html for r in requests)


def test_loading_the_demo_again_adds_no_questions_or_requests(demo):
    counts = (Question.objects.count(), InfoRequest.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (Question.objects.count(), InfoRequest.objects.count()) == counts
