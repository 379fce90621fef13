"""The evaluation demo: three months computed from the demo cases and complaints."""

import pytest
from django.core.management import call_command

from intranet.evaluation import cycle
from intranet.evaluation.models import MonthlyEvaluation, Objection, ScoreEntry

pytestmark = pytest.mark.django_db


def test_demo_has_three_evaluated_months_from_the_demo_records(settings):
    settings.DEMO_LOADERS = [
        "content.demo.load",
        "intranet.demo.load",
        "intranet.cases.demo.load",
        "intranet.evaluation.demo.load",
    ]
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    months = list(MonthlyEvaluation.objects.order_by("month"))
    assert [m.state for m in months] == ["confirmed", "confirmed", "review"]
    assert months[-1].month == cycle.previous_month()
    # The figures are the demo's own: the cases received in the latest month add up.
    from intranet.cases.models import Case
    from intranet.evaluation.facts import month_bounds

    _s, _e, t0, t1 = month_bounds(months[-1].month)
    received = Case.objects.filter(received_at__gte=t0, received_at__lt=t1).count()
    windows = months[-1].entries.filter(window__isnull=False)
    assert received and sum(e.figures["received"] for e in windows) == received
    assert ScoreEntry.objects.filter(mention="praise").count() >= 2
    assert Objection.objects.filter(answered_at__isnull=True).count() == 1
    assert any(e.total != 100 for e in ScoreEntry.objects.all())
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert MonthlyEvaluation.objects.count() == 3


def test_demo_publishes_the_confirmed_months_under_the_disclosure_section(settings):
    from django.test import Client

    from content.models import ArticleIndexPage
    from intranet.evaluation.models import EvaluationResultsPage, Honour

    settings.DEMO_LOADERS = [
        "content.demo.load",
        "intranet.demo.load",
        "intranet.cases.demo.load",
        "intranet.evaluation.demo.load",
    ]
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    page = EvaluationResultsPage.objects.live().get()
    assert isinstance(page.get_parent().specific, ArticleIndexPage)
    body = Client().get(page.url).content.decode()
    confirmed, latest = MonthlyEvaluation.objects.order_by("month")[1:]
    assert f"{confirmed.month.year}年{confirmed.month.month}月效能考评结果" in body
    assert f"?month={latest.month:%Y-%m}" not in body
    assert Honour.objects.get().window.name in body
