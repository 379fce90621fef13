"""The evaluation when one install serves several centers (docs/county.md): each center scores
its own windows and staff from its own records; county oversight reads every center's months
and changes none."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.urls import reverse

from content.models import ArticleIndexPage, Department, StaffMember, Window
from intranet import roles
from intranet.complaints.models import Complaint
from intranet.evaluation import cycle
from intranet.evaluation.facts import gather
from intranet.evaluation.models import (
    EvaluationResultsPage,
    ManualItem,
    MonthlyEvaluation,
    RuleSet,
)
from tests.builders import (
    add_township,
    client_for,
    fresh_home,
    join_center,
    make_user,
    publish,
    the_existing_center,
)

from .conftest import case, complaint, local

MAY = dt.date(2026, 5, 1)
LATER = dt.date(2026, 6, 1)


def month_url(name, month=MAY, center=None):
    url = reverse(f"intranet:{name}", args=[month.year, month.month])
    return f"{url}?center={center.pk}" if center else url


@pytest.fixture
def county(shop, users, settings):
    """The evaluation shop is the county center's; a township joins with its own window, clerk
    and head, and one case and one complaint of its own in May."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "dongling.localhost"]
    home_center = the_existing_center()
    for key in ("head", "staff", "other_staff", "inspector"):
        join_center(users[key], home_center)
    township = add_township("东岭镇便民服务中心", "dongling", "dongling.localhost")
    department = Department.objects.create(name="东岭民政办", slug="dl-minzheng", center=township)
    window = Window.objects.create(name="东岭综合窗口", department=department)
    clerk = join_center(make_user("dongling_clerk", roles.WINDOW_STAFF), township)
    StaffMember.objects.create(name="周洁", post="窗口人员", window=window, user=clerk)
    town = SimpleNamespace(
        center=township,
        window=window,
        clerk=clerk,
        head=join_center(make_user("dongling_head", roles.HEAD), township),
    )
    case(shop, center=home_center, received_at=local(2026, 5, 6))
    case(
        shop,
        center=township,
        window=window,
        handler=clerk,
        first_contact=clerk,
        received_at=local(2026, 5, 7),
    )
    complaint(
        shop,
        center=township,
        window=window,
        category=Complaint.Category.ATTITUDE,
        outcome=Complaint.Outcome.CONFIRMED,
        closed_at=local(2026, 5, 20),
    )
    return SimpleNamespace(
        home=home_center,
        town=town,
        overseer=join_center(
            make_user("county_overseer", roles.HEAD), home_center, county_oversight=True
        ),
    )


def test_a_centers_facts_count_only_its_own_cases_and_complaints(county, shop):
    township = gather(MAY, county.town.center)
    home = gather(MAY, county.home)
    assert township.summary("window", county.town.window.pk).cases_received == 1
    assert township.summary("window", county.town.window.pk).complaints_upheld == 1
    assert township.summary("window", shop.w3.pk).cases_received == 0
    assert home.summary("window", shop.w3.pk).cases_received == 1
    assert home.summary("window", shop.w3.pk).complaints_upheld == 0
    assert home.summary("window", county.town.window.pk).cases_received == 0


def test_a_townships_month_scores_only_its_windows_and_staff(county):
    evaluation = cycle.generate(MAY, county.town.head, today=LATER)
    windows = {e.window_id for e in evaluation.entries.filter(window__isnull=False)}
    people = {e.person_id for e in evaluation.entries.filter(person__isnull=False)}
    assert evaluation.center == county.town.center
    assert windows == {county.town.window.pk}
    assert people == {county.town.clerk.pk}


def test_a_township_evaluates_with_its_own_copy_of_the_default_rules(county):
    cycle.generate(MAY, county.town.head, today=LATER)
    own = RuleSet.objects.in_force(MAY, county.town.center)
    home = RuleSet.objects.in_force(MAY, county.home)
    assert own != home
    assert own.rules.count() == home.rules.count()


def test_two_centers_each_evaluate_the_same_month(county, users):
    cycle.generate(MAY, users["head"], today=LATER)
    cycle.generate(MAY, county.town.head, today=LATER)
    centers = set(MonthlyEvaluation.objects.filter(month=MAY).values_list("center", flat=True))
    assert centers == {county.home.pk, county.town.center.pk}


def test_a_townships_head_cannot_open_the_county_centers_month(county, users):
    cycle.generate(MAY, users["head"], today=LATER)
    head = client_for(county.town.head)
    assert head.get(month_url("evaluation_month")).status_code == 404
    assert head.get(month_url("evaluation_month", center=county.home)).status_code == 404
    assert head.get(month_url("evaluation_bulletin", center=county.home)).status_code == 404


def test_a_townships_head_cannot_mention_or_answer_in_the_county_centers_month(county, users):
    evaluation = cycle.generate(MAY, users["head"], today=LATER)
    entry = evaluation.entries.get(person=users["staff"])
    objection = cycle.object_to(evaluation, users["staff"], "差评有异议", today=LATER)
    head = client_for(county.town.head)
    mention = head.post(
        reverse("intranet:evaluation_mention", args=[entry.pk]),
        {"kind": "criticise", "reason": "差评"},
    )
    answer = head.post(
        reverse("intranet:evaluation_answer", args=[objection.pk]), {"answer": "维持。"}
    )
    entry.refresh_from_db()
    objection.refresh_from_db()
    assert (mention.status_code, answer.status_code) == (404, 404)
    assert entry.mention == "" and objection.answer == ""


def test_county_oversight_reads_a_townships_month_and_cannot_confirm_it(county):
    evaluation = cycle.generate(MAY, county.town.head, today=LATER)
    overseer = client_for(county.overseer)
    page = overseer.get(month_url("evaluation_month", center=county.town.center))
    confirm = overseer.post(month_url("evaluation_confirm", center=county.town.center))
    listing = overseer.get(reverse("intranet:evaluation_list")).content.decode()
    assert page.status_code == 200
    assert page.context["is_head"] is False
    assert confirm.status_code == 404
    assert MonthlyEvaluation.objects.get(pk=evaluation.pk).state == "review"
    assert "东岭镇便民服务中心" in listing


def test_the_public_results_page_shows_its_own_centers_months(county, users, client):
    for head, home in (
        (users["head"], fresh_home(slug="county-home")),
        (county.town.head, county.town.center.site.root_page),
    ):
        section = publish(home.add_child(instance=ArticleIndexPage(title="政务公开", slug="open")))
        publish(section.add_child(instance=EvaluationResultsPage(title="考评公示", slug="results")))
        evaluation = cycle.generate(MAY, head, today=LATER)
        cycle.confirm(evaluation, head, today=LATER + dt.timedelta(days=10))
    township_page = client.get("/open/results/", HTTP_HOST="dongling.localhost")
    county_page = client.get("/open/results/")
    assert "东岭综合窗口" in township_page.content.decode()
    assert "综合窗口3号" not in township_page.content.decode()
    assert "东岭综合窗口" not in county_page.content.decode()
    assert "综合窗口3号" in county_page.content.decode()


def test_county_oversight_compares_every_centers_month_side_by_side(county):
    page = client_for(county.overseer).get(
        reverse("intranet:evaluation_county"), {"month": "2026-05"}
    )
    rows = {r.center: r for r in page.context["rows"]}
    assert set(rows) == {county.home, county.town.center}
    assert rows[county.town.center].figures["received"] == 1
    assert rows[county.town.center].figures["upheld"] == 1
    assert rows[county.home].figures["received"] == 1
    assert "upheld" not in rows[county.home].figures


def test_a_townships_head_compares_only_their_own_center(county):
    page = client_for(county.town.head).get(
        reverse("intranet:evaluation_county"), {"month": "2026-05"}
    )
    assert [r.center for r in page.context["rows"]] == [county.town.center]


def test_a_townships_adjustment_offers_only_its_own_windows_and_staff(county, shop):
    cycle.generate(MAY, county.town.head, today=LATER)
    page = client_for(county.town.head).get(month_url("evaluation_month"))
    targets = dict(page.context["adjust_form"].fields["target"].choices)
    assert set(targets) == {f"window:{county.town.window.pk}", f"person:{county.town.clerk.pk}"}


@pytest.mark.parametrize("target", ["window", "person"])
def test_an_adjustment_of_another_centers_window_or_person_is_refused(county, shop, users, target):
    evaluation = cycle.generate(MAY, county.town.head, today=LATER)
    foreign = shop.w3.pk if target == "window" else users["staff"].pk
    response = client_for(county.town.head).post(
        month_url("evaluation_adjust"),
        {"target": f"{target}:{foreign}", "points": -2, "reason": "窗口脱岗"},
        follow=True,
    )
    assert "选择一个有效的选项" in response.content.decode()
    assert evaluation.entries.exists()
    assert not ManualItem.objects.exists()
