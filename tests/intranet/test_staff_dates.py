"""Dates staff type in stay near today: a future or years-old date is a typo unless explained."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from intranet.complaints.models import Complaint
from intranet.disclosures.models import Disclosure
from intranet.study.models import StudySession


def url(name, *args):
    return reverse(f"intranet:{name}", args=args)


def local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def record(client, received_at, **extra):
    return client.post(
        url("complaint_new"),
        {
            "channel": "written",
            "received_at": received_at,
            "content": "来信反映窗口乱收费。",
            **extra,
        },
    )


def test_a_received_time_more_than_a_year_ago_needs_a_reason(clients):
    two_years_ago = local(timezone.now() - dt.timedelta(days=2 * 365))
    response = record(clients["staff"], two_years_ago)
    assert response.status_code == 200
    assert "收到时间早于一年前，请写明补录原因" in response.content.decode()
    assert not Complaint.objects.exists()


def test_an_old_received_time_with_a_reason_is_recorded_with_the_reason_in_the_timeline(clients):
    two_years_ago = local(timezone.now() - dt.timedelta(days=2 * 365))
    response = record(
        clients["staff"], two_years_ago, late_entry_reason="整理档案时发现的未登记来信"
    )
    assert response.status_code == 302
    complaint = Complaint.objects.get()
    note = complaint.events.get().internal_note
    assert "整理档案时发现的未登记来信" in note


@pytest.mark.parametrize("typed", ["0226-03-01T09:00", "1999-12-31T09:00"])
def test_a_received_time_before_2000_is_refused_even_with_a_reason(clients, typed):
    response = record(clients["staff"], typed, late_entry_reason="补录")
    assert "收到时间不能早于 2000-01-01" in response.content.decode()
    assert not Complaint.objects.exists()


def test_a_received_time_within_the_year_needs_no_reason(clients):
    response = record(clients["staff"], local(timezone.now() - dt.timedelta(days=200)))
    assert response.status_code == 302


def test_a_study_session_dated_years_away_is_refused(clients, users):
    from intranet.study.models import StudyPlan

    year = timezone.localdate().year + 3
    plan = StudyPlan.objects.create(year=year, title="远期计划")
    response = clients["head"].post(
        url("study_session_new"),
        {
            "plan": plan.pk,
            "date": f"{year}-06-01",
            "start_time": "09:00",
            "end_time": "10:00",
            "topic": "政策学习",
            "kind": "law",
            "host": users["staff"].pk,
            "place": "会议室",
        },
    )
    assert "学习日期不能晚于一年后" in response.content.decode()
    assert not StudySession.objects.exists()


def test_a_disclosure_backdated_by_years_is_refused(clients):
    response = clients["head"].post(
        url("disclosure_new"),
        {
            "title": "财务公开",
            "category": Disclosure.Category.FINANCE,
            "body": "明细",
            "publish_at": local(timezone.now() - dt.timedelta(days=3 * 365)),
        },
    )
    assert "发布时间不能早于一年前" in response.content.decode()
    assert not Disclosure.objects.exists()
