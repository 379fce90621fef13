import datetime as dt

from django.urls import reverse

from content.models import StaffMember
from intranet.complaints.models import Complaint
from intranet.evaluation import cycle, yearly
from intranet.evaluation.models import ScoreEntry
from tests.builders import client_for

from .conftest import case, complaint, local

AFTER = dt.date(2026, 11, 20)


def confirmed(month, head, criticise=(), praise=()):
    evaluation = cycle.generate(month, head, today=AFTER)
    for entry in evaluation.entries.all():
        if entry.person in criticise or entry.window in criticise:
            cycle.mention(entry, head, ScoreEntry.Mention.CRITICISE, "推诿扯皮")
        if entry.person in praise:
            cycle.mention(entry, head, ScoreEntry.Mention.PRAISE, "主动延时服务")
    return cycle.confirm(evaluation, head, today=AFTER + dt.timedelta(days=10))


def test_bulletin_names_the_praised_and_criticised_with_facts_and_charts(shop, users):
    member = StaffMember.objects.get(user=shop.staff)
    complaint(
        shop,
        category=Complaint.Category.ATTITUDE,
        outcome=Complaint.Outcome.CONFIRMED,
        closed_at=local(2026, 5, 20),
        staff_member=member,
    )
    confirmed(dt.date(2026, 5, 1), users["head"], criticise=[shop.staff], praise=[shop.other])
    body = (
        client_for(users["inspector"])
        .get(reverse("intranet:evaluation_bulletin", args=[2026, 5]))
        .content.decode()
    )
    criticised = body.split("四、点名批评")[1]
    assert "王芳：推诿扯皮" in criticised and "投诉查实" in criticised
    assert "李强：主动延时服务" in body.split("三、点名表扬")[1].split("四、")[0]
    assert "@page { size: A4" in body
    assert body.count("<svg") == 2 and "各窗口当月得分。综合窗口3号：100分" in body


def test_one_criticism_costs_a_person_the_year_and_two_cost_a_window_the_model_title(shop, users):
    confirmed(dt.date(2026, 3, 1), users["head"], criticise=[shop.staff])
    confirmed(dt.date(2026, 4, 1), users["head"], criticise=[shop.w3])
    confirmed(dt.date(2026, 5, 1), users["head"])
    windows, people = yearly.year_table(2026)
    w3 = next(r for r in windows if r.subject == shop.w3)
    w5 = next(r for r in windows if r.subject == shop.w5)
    assert (w3.criticisms, w3.not_model_station) == (2, True)
    assert (w5.criticisms, w5.not_model_station) == (0, False)
    staff = next(r for r in people if r.subject == shop.staff)
    other = next(r for r in people if r.subject == shop.other)
    assert staff.no_honour and not other.no_honour
    assert sorted(staff.months) == [3, 4, 5]


def test_third_overdue_promised_case_in_a_year_is_flagged_to_the_head(shop, users):
    for month in (2, 3, 4):
        case(
            shop,
            received_at=local(2026, month, 2),
            state="accepted",
            deadline=dt.date(2026, month, 20),
        )
        confirmed(dt.date(2026, month, 1), users["head"])
    _windows, people = yearly.year_table(2026)
    staff = next(r for r in people if r.subject == shop.staff)
    assert staff.overdue == 3 and staff.overdue_flag
    body = (
        client_for(users["head"])
        .get(reverse("intranet:evaluation_year", args=[2026]))
        .content.decode()
    )
    assert "年内第3次超期办结" in body


def test_year_view_counts_confirmed_months_only(shop, users):
    confirmed(dt.date(2026, 3, 1), users["head"], criticise=[shop.staff])
    cycle.generate(dt.date(2026, 4, 1), users["head"], today=AFTER)
    _windows, people = yearly.year_table(2026)
    assert sorted(next(r for r in people if r.subject == shop.staff).months) == [3]


def test_head_chooses_honours_only_from_those_eligible_with_a_reason(shop, users):
    from intranet.evaluation.models import Honour

    confirmed(dt.date(2026, 3, 1), users["head"], criticise=[shop.staff])
    client = client_for(users["head"])
    url = reverse("intranet:evaluation_honour", args=[2026])
    page = client.get(reverse("intranet:evaluation_year", args=[2026])).content.decode()
    assert f'value="person:{shop.other.pk}"' in page
    assert f'value="person:{shop.staff.pk}"' not in page
    client.post(
        url, {"kind": "advanced_person", "subject": f"person:{shop.staff.pk}", "reason": "业务熟练"}
    )
    client.post(
        url, {"kind": "advanced_person", "subject": f"person:{shop.other.pk}", "reason": ""}
    )
    client.post(
        url, {"kind": "red_flag", "subject": f"person:{shop.other.pk}", "reason": "窗口须选窗口"}
    )
    assert not Honour.objects.exists()
    client.post(
        url,
        {
            "kind": "advanced_person",
            "subject": f"person:{shop.other.pk}",
            "reason": "全年无投诉，按期办结率100%",
        },
    )
    client.post(
        url, {"kind": "red_flag", "subject": f"window:{shop.w5.pk}", "reason": "全年得分第一"}
    )
    assert sorted(Honour.objects.values_list("kind", flat=True)) == ["advanced_person", "red_flag"]
    assert Honour.objects.get(kind="red_flag").chosen_by == users["head"]
