"""The case demo: about 300 cases in every state, with the stories the README points at."""

import pytest
from django.core.management import call_command

from intranet.cases.models import Case, CasePart, FollowUp, NegativeFiling, SupplementRequest

pytestmark = pytest.mark.django_db


def test_demo_loads_cases_in_every_state_with_the_stories(settings):
    settings.DEMO_LOADERS = ["content.demo.load", "intranet.demo.load", "intranet.cases.demo.load"]
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert 290 <= Case.objects.count() <= 310
    assert set(Case.objects.values_list("state", flat=True)) >= {
        "received",
        "accepted",
        "supplement",
        "refused",
        "completed",
        "collected",
    }
    assert Case.objects.overdue().exists()
    assert sorted(NegativeFiling.objects.values_list("decision", flat=True)) == [
        "corrected",
        "upheld",
    ]
    assert CasePart.objects.exists() and Case.objects.exclude(agent=None).exists()
    assert FollowUp.objects.filter(closed_at__isnull=False).exists()
    assert SupplementRequest.objects.filter(is_breach=True).exists()
    assert all("演示" in name for name in Case.objects.values_list("applicant_name", flat=True))
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Case.objects.count() <= 310
