"""The public 效能考评公示 page: confirmed months only, windows always, people only as published."""

import datetime as dt
import re

import pytest
from django.test import Client

from content.models import ArticleIndexPage, StaffMember
from intranet.cases.models import Case, Rating
from intranet.complaints.models import Complaint
from intranet.evaluation import cycle, yearly
from intranet.evaluation.models import EvaluationResultsPage, MonthlyEvaluation, ScoreEntry
from tests.builders import fresh_home, publish

from .conftest import case, complaint, local

MARCH, APRIL = dt.date(2026, 3, 1), dt.date(2026, 4, 1)
LATER = dt.date(2026, 6, 1)
Published = MonthlyEvaluation.PeoplePublished


@pytest.fixture
def results_page(db):
    home = fresh_home(slug="eval-home")
    disclosure = publish(home.add_child(instance=ArticleIndexPage(title="政务公开", slug="open")))
    return publish(
        disclosure.add_child(instance=EvaluationResultsPage(title="效能考评公示", slug="results"))
    )


@pytest.fixture
def march_facts(shop):
    """王芳 has an upheld 态度粗暴 complaint (−10, her own); window 3 closed two cases, one late."""
    complaint(
        shop,
        category=Complaint.Category.ATTITUDE,
        outcome=Complaint.Outcome.CONFIRMED,
        closed_at=local(2026, 3, 20),
        staff_member=StaffMember.objects.get(user=shop.staff),
    )
    for on_time, level in [(True, Rating.Level.VERY_SATISFIED), (False, Rating.Level.DISSATISFIED)]:
        c = case(
            shop,
            received_at=local(2026, 3, 2),
            state=Case.State.COMPLETED,
            completed_at=local(2026, 3, 12),
            on_time=on_time,
        )
        Rating.objects.create(case=c, level=level, at=local(2026, 3, 13))


def confirm(month, head, published=Published.NONE, praise=None):
    evaluation = cycle.generate(month, head, today=LATER)
    if praise is not None:
        entry = evaluation.entries.get(person=praise)
        cycle.mention(entry, head, ScoreEntry.Mention.PRAISE, "主动延时为群众办结事项")
    return cycle.confirm(
        evaluation, head, today=LATER + dt.timedelta(days=10), people_published=published
    )


def page_text(page, **params):
    response = Client().get(page.url, params)
    assert response.status_code == 200
    return response.content.decode()


def test_a_month_in_review_never_shows(results_page, march_facts, users):
    cycle.generate(MARCH, users["head"], today=LATER)
    body = page_text(results_page, month="2026-03")
    assert "暂无已确认的考评结果" in body and "综合窗口3号" not in body


def test_a_confirmed_month_shows_window_scores_service_figures_and_charts(
    results_page, march_facts, users
):
    confirm(MARCH, users["head"])
    cycle.generate(APRIL, users["head"], today=LATER)
    body = page_text(results_page)
    assert "2026年3月效能考评结果" in body
    assert "2026年4月" not in body
    window3 = body.split('id="window-')[1]
    # Two cases closed, one on time; two ratings, one 非常满意.
    assert "50.0%" in window3.split("</tr>")[0]
    assert body.count("<svg") == 2
    assert "各窗口按期办结率与满意率。综合窗口3号：按期办结率50%，满意及以上50%" in body
    # Asking for the month in review falls back to the confirmed one.
    assert "2026年3月效能考评结果" in page_text(results_page, month="2026-04")


def test_personal_deductions_stay_hidden_unless_the_head_publishes_them(
    results_page, march_facts, users, shop
):
    confirm(MARCH, users["head"], praise=shop.other)
    body = page_text(results_page)
    assert "王芳" not in body and "李强" not in body
    # The page's text, not its anchors: a window's row id (window-10xx) is no deduction.
    text = re.sub(r'(id|href)="[^"]*"', "", body)
    assert "投诉查实（责任追究五）" not in text and "-10" not in text


def test_only_the_praise_shows_when_the_head_publishes_the_praise(
    results_page, march_facts, users, shop
):
    confirm(MARCH, users["head"], published=Published.PRAISE, praise=shop.other)
    body = page_text(results_page)
    assert "李强（综合窗口5号）：主动延时为群众办结事项" in body
    assert "王芳" not in body and "工作人员得分" not in body


def test_published_scores_name_the_rule_but_never_the_records_behind_it(
    results_page, march_facts, users, shop
):
    confirm(MARCH, users["head"], published=Published.SCORES)
    body = page_text(results_page)
    row = body.split("工作人员得分")[1].split("王芳")[1].split("</tr>")[0]
    assert ">88<" in row and "投诉查实（责任追究五） -10；差评 -2" in row
    assert "TS-T-" not in body and "BJ-T-" not in body


def test_the_honour_roll_shows_the_heads_choices(results_page, users, shop):
    confirm(MARCH, users["head"])
    yearly.choose(2026, users["head"], "red_flag", f"window:{shop.w5.pk}", "全年无投诉查实")
    body = page_text(results_page)
    assert "2026年度" in body and "红旗窗口" in body and "综合窗口5号 — 全年无投诉查实" in body


def test_the_page_is_in_the_sitemap(results_page):
    assert results_page.full_url in Client().get("/sitemap.xml").content.decode()


def test_an_unknown_publication_choice_is_refused_and_the_month_stays_in_review(shop, users):
    evaluation = cycle.generate(MARCH, users["head"], today=LATER)
    with pytest.raises(cycle.CycleError, match="公示范围"):
        cycle.confirm(
            evaluation, users["head"], today=LATER + dt.timedelta(days=10), people_published="all"
        )
    evaluation.refresh_from_db()
    assert evaluation.state == MonthlyEvaluation.State.REVIEW
