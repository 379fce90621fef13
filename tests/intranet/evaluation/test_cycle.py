import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from content.models import StaffMember
from intranet.complaints.models import Complaint
from intranet.evaluation import cycle
from intranet.evaluation.models import ManualItem, MonthlyEvaluation, Objection, Rule
from tests.builders import client_for

from .conftest import complaint, local

AUGUST = dt.date(2026, 8, 1)
# August's draft, generated on 30 September: the National Day holiday (1–8 October 2026) does not count, and
# Saturday 10 October is a 调休 working day, so three working days end on 10 October.
GENERATED = dt.date(2026, 9, 30)


@pytest.fixture
def august(shop, users):
    member = StaffMember.objects.get(user=shop.staff)
    complaint(
        shop,
        category=Complaint.Category.ATTITUDE,
        outcome=Complaint.Outcome.CONFIRMED,
        closed_at=local(2026, 8, 10),
        staff_member=member,
    )
    return cycle.generate(AUGUST, users["head"], today=GENERATED)


def test_objection_deadline_counts_working_days_across_the_national_day_holiday(august):
    assert august.objection_deadline == dt.date(2026, 10, 10)


def test_staff_objects_within_the_window(august, shop):
    cycle.object_to(august, shop.staff, "投诉已和解，请复核", today=dt.date(2026, 10, 10))
    assert Objection.objects.get().entry.person == shop.staff


def test_objection_after_the_window_is_refused_and_nothing_is_stored(august, shop):
    with pytest.raises(cycle.CycleError, match="异议期已于 2026-10-10 截止"):
        cycle.object_to(august, shop.staff, "晚了", today=dt.date(2026, 10, 12))
    assert not Objection.objects.exists()


def test_confirm_waits_for_the_window_and_for_every_answer(august, shop, users):
    objection = cycle.object_to(august, shop.staff, "有异议", today=dt.date(2026, 10, 9))
    with pytest.raises(cycle.CycleError, match="期满后方可确认"):
        cycle.confirm(august, users["head"], today=dt.date(2026, 10, 10))
    with pytest.raises(cycle.CycleError, match="未答复的异议"):
        cycle.confirm(august, users["head"], today=dt.date(2026, 10, 12))
    cycle.answer(objection, users["head"], "经核实，维持扣分")
    cycle.confirm(august, users["head"], today=dt.date(2026, 10, 12))
    assert MonthlyEvaluation.objects.get().is_confirmed


def test_a_confirmed_month_is_frozen_and_corrections_are_dated_items(august, shop, users):
    august = cycle.confirm(august, users["head"], today=dt.date(2026, 10, 12))
    entry = august.entries.get(person=shop.staff)
    assert entry.total == 90
    complaint(
        shop,
        category=Complaint.Category.FEES,
        outcome=Complaint.Outcome.CONFIRMED,
        closed_at=local(2026, 8, 20),
        staff_member=StaffMember.objects.get(user=shop.staff),
    )
    with pytest.raises(cycle.CycleError, match="已确认"):
        cycle.generate(AUGUST, users["head"], today=dt.date(2026, 10, 13))
    cycle.adjust(august, users["head"], -3, "8月漏登一次迟到", person=shop.staff)
    entry.refresh_from_db()
    assert entry.total == 90
    assert [c.reason for c in cycle.later_corrections(august)] == ["8月漏登一次迟到"]


def test_a_pick_outside_the_rule_range_is_refused(august, shop, users):
    rule = Rule.objects.get(fact="complaints_upheld", target="person")
    c = Complaint.objects.get()
    with pytest.raises(cycle.CycleError, match="-10 至 -15"):
        cycle.adjust(
            august,
            users["head"],
            -20,
            "严重",
            person=shop.staff,
            rule=rule,
            record_key=f"complaint:{c.pk}",
        )
    cycle.adjust(
        august,
        users["head"],
        -12,
        "态度恶劣",
        person=shop.staff,
        rule=rule,
        record_key=f"complaint:{c.pk}",
    )
    assert august.entries.get(person=shop.staff).total == 88
    assert ManualItem.objects.count() == 1


def test_staff_see_only_their_own_score(august, shop, users):
    response = client_for(shop.other).get(reverse("intranet:evaluation_month", args=[2026, 8]))
    body = response.content.decode()
    assert "李强" in body and "王芳" not in body and "综合窗口3号" not in body
    head_body = (
        client_for(users["head"])
        .get(reverse("intranet:evaluation_month", args=[2026, 8]))
        .content.decode()
    )
    assert "李强" in head_body and "王芳" in head_body


def test_each_figure_links_to_the_records_behind_it(august, shop, users):
    url = reverse(
        "intranet:evaluation_records", args=[2026, 8, "person", shop.staff.pk, "complaints_upheld"]
    )
    month_page = client_for(shop.staff).get(reverse("intranet:evaluation_month", args=[2026, 8]))
    assert url in month_page.content.decode()
    body = client_for(shop.staff).get(url).content.decode()
    assert Complaint.objects.get().code in body


def test_head_generates_from_the_button_and_bad_month_changes_nothing(shop, users):
    client = client_for(users["head"])
    response = client.post(reverse("intranet:evaluation_generate"), {"month": "2026-13"})
    assert "月份格式应为" in client.get(response["Location"]).content.decode()
    assert not MonthlyEvaluation.objects.exists()
    client.post(reverse("intranet:evaluation_generate"), {"month": "2026-05"})
    assert MonthlyEvaluation.objects.get().month == dt.date(2026, 5, 1)


def test_management_command_defaults_to_the_previous_month(shop):
    call_command("evaluation_draft")
    assert MonthlyEvaluation.objects.get().month == cycle.previous_month()
    with pytest.raises(CommandError):
        call_command("evaluation_draft", "--month", "2026/05")


def test_staff_objection_through_the_page_and_empty_text_is_refused(shop, users):
    evaluation = cycle.generate(cycle.previous_month(), users["head"])
    client = client_for(shop.staff)
    url = reverse(
        "intranet:evaluation_object", args=[evaluation.month.year, evaluation.month.month]
    )
    client.post(url, {"text": "  "})
    assert not Objection.objects.exists()
    client.post(url, {"text": "差评系申请人误评"})
    assert Objection.objects.get().text == "差评系申请人误评"


def test_staff_without_a_score_in_the_month_cannot_open_it_nor_the_bulletin_or_year(august, users):
    from .conftest import extra_staff

    newcomer = extra_staff("staff9", "新同事")
    client = client_for(newcomer)
    assert client.get(reverse("intranet:evaluation_month", args=[2026, 8])).status_code == 404
    for name, args in [
        ("intranet:evaluation_bulletin", [2026, 8]),
        ("intranet:evaluation_bulletin_export", [2026, 8]),
        ("intranet:evaluation_year", [2026]),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 403
    assert "2026年8月" not in client.get(reverse("intranet:evaluation_list")).content.decode()
