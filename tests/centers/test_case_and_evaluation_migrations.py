"""Cases, first contacts and evaluation months of an install from before centers stay, in the
one center it has (cases 0003/0004, evaluation 0006: column added, filled, made required)."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from centers.models import Center
from intranet.cases.models import Case, FirstContact
from intranet.evaluation.models import MonthlyEvaluation, RuleSet

BEFORE = [
    # Windows from before they had a center of their own (content 0015).
    ("content", "0013_department_center"),
    ("cases", "0002_complaint_from_its_own_app"),
    ("evaluation", "0005_publication_and_results_page"),
]


def migrate(targets=None):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return executor


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_existing_cases_contacts_and_evaluations_join_the_one_center():
    old = migrate(BEFORE).loader.project_state(BEFORE).apps
    user = old.get_model("auth", "User").objects.create(username="old_clerk")
    window = old.get_model("content", "Window").objects.create(name="综合窗口1号")
    case = old.get_model("cases", "Case").objects.create(
        receipt_number="BJ-2026-ABCDEF",
        phone_last4="1234",
        matter="残疾人证申领",
        window=window,
        first_contact=user,
        handler=user,
        applicant_name="测试甲",
        phone="13800001234",
        channel="window",
        kind="immediate",
    )
    contact = old.get_model("cases", "FirstContact").objects.create(
        recorded_by=user, matter="咨询", kind="enquiry", action_taken="已解答"
    )
    month = old.get_model("evaluation", "MonthlyEvaluation").objects.create(
        month=dt.date(2026, 5, 1),
        state="review",
        generated_at="2026-06-01T09:00:00+08:00",
        objection_deadline=dt.date(2026, 6, 4),
    )

    migrate()

    center = Center.objects.get()
    assert Case.objects.get(pk=case.pk).center == center
    assert FirstContact.objects.get(pk=contact.pk).center == center
    assert MonthlyEvaluation.objects.get(pk=month.pk).center == center
    assert set(RuleSet.objects.values_list("center", flat=True)) == {center.pk}
