"""Every action form refuses empty or bad input with a Chinese message and changes nothing."""

import pytest
from django.urls import reverse
from django.utils import timezone

from intranet.cases import workflow
from intranet.cases.models import Case, CaseEvent, Extension

from .conftest import approve_leave

BAD_INPUT = {
    "refuse": ({"reason": "", "basis": ""}, "必需字段"),
    "partner": ({"window": "", "task": ""}, "必需字段"),
    "forward": ({"counterpart": "", "agent": "", "note": ""}, "必需字段"),
    "extension": ({"working_days": "0", "reason": "需要会签"}, "确保该值大于或等于1"),
    "complete": ({"result": "maybe", "public_result": "准予"}, "选择一个有效的选项"),
}


@pytest.mark.parametrize("action", sorted(BAD_INPUT))
def test_action_form_rejects_bad_input_and_writes_nothing(action, case, clients):
    data, message = BAD_INPUT[action]
    before = CaseEvent.objects.count()
    response = clients["staff"].post(reverse("intranet:case_action", args=[case.pk, action]), data)
    assert response.status_code == 200 and message in response.content.decode()
    case.refresh_from_db()
    assert case.state == Case.State.ACCEPTED and CaseEvent.objects.count() == before
    assert not case.parts.exists() and not case.extensions.exists() and not case.agent


def test_collect_needs_a_valid_date(case, clients, users):
    workflow.complete(case, users["staff"], "granted", "准予")
    url = reverse("intranet:case_action", args=[case.pk, "collect"])
    response = clients["staff"].post(url, {"collected_on": "2026-02-30"})
    assert "输入一个有效的日期" in response.content.decode()
    case.refresh_from_db()
    assert case.state == Case.State.COMPLETED


def test_handoff_needs_a_note(case, clients, users):
    workflow.forward(case, users["staff"], "县政务服务中心", users["staff"], "已送达")
    url = reverse("intranet:case_action", args=[case.pk, "handoff"])
    response = clients["staff"].post(url, {"kind": "reply", "note": ""})
    assert "必需字段" in response.content.decode()
    assert case.handoffs.count() == 1


def test_follow_up_outcome_is_required(case, clients, users):
    workflow.complete(case, users["staff"], "granted", "准予")
    rating = workflow.rate(case, 1)
    url = reverse("intranet:case_follow_up", args=[rating.follow_up.pk])
    response = clients["head"].post(url, {"outcome": " "})
    assert "必需字段" in response.content.decode()
    rating.follow_up.refresh_from_db()
    assert rating.follow_up.closed_at is None


def test_head_approves_an_extension_from_the_case_page(case, clients, users):
    clients["staff"].post(
        reverse("intranet:case_action", args=[case.pk, "extension"]),
        {"working_days": "2", "reason": "需县级部门会签"},
    )
    ext = Extension.objects.get()
    url = reverse("intranet:case_extension_decide", args=[ext.pk])
    assert clients["staff"].post(url, {"decision": "approve"}).status_code == 403
    clients["head"].post(url, {"decision": "approve"})
    case.refresh_from_db()
    assert case.extension_days == 2


def test_b_post_opens_and_closes_the_case_during_the_a_posts_leave(case, center, users):
    from tests.builders import client_for

    b = client_for(center.b_user)
    detail = reverse("intranet:case_detail", args=[case.pk])
    assert b.get(detail).status_code == 404
    approve_leave(users["staff"], timezone.localdate(), users["head"])
    assert b.get(detail).status_code == 200
    b.post(
        reverse("intranet:case_action", args=[case.pk, "complete"]),
        {"result": "granted", "public_result": "准予发证"},
    )
    text = b.get(detail).content.decode()
    assert "B岗代王芳办理" in text
