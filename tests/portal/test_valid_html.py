"""Every public page is valid HTML by the W3C Nu HTML checker, in the standard and the care theme.

Pages are rendered with Django's test client from a real site tree (every live public page
of it, whatever its type), with forms showing their errors, and checked in one vnu run.
Errors fail the test; warnings are printed. Java is a service like the others: missing, the
test skips locally and fails under CI=true.
"""

import datetime
import io

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, get_page_models

from intranet import roles
from intranet.complaints import workflow as complaint_workflow
from intranet.complaints.models import Complaint
from intranet.complaints.public_views import receipt_token
from portal.care_cookie import CARE_MODE_COOKIE
from tests.builders import PORTAL_SITE, build_center_settings, build_site, make_user
from tests.nu_html_checker import check_files, java_executable
from tests.services import service_missing

pytestmark = pytest.mark.django_db

# A document with known errors, checked in the same run: if vnu ever stops reporting
# (wrong arguments, unreadable output), this test fails instead of passing silently.
BROKEN_SENTINEL = (
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>x</title></head>'
    '<body><form action=""><input aria-describedby="missing"></form></body></html>'
)


@pytest.fixture
def java():
    executable = java_executable()
    if executable is None:
        service_missing("Java is missing: run `bash .ci/services/java.sh start`")
    return executable


@pytest.fixture
def public_site(db, settings, tmp_path):
    settings.SEARCH_EMBEDDED_PATH = tmp_path / "search.sqlite3"
    settings.ELASTICSEARCH_URL = ""
    from search import backends

    backends._embedded.cache_clear()
    build_center_settings()
    tree = build_site(PORTAL_SITE)
    call_command("search_rebuild", engine="embedded", verbosity=0, stdout=io.StringIO())
    tree.published_complaint = published_complaint(tree)
    tree.question, tree.info_request = answered_question_and_request(tree)
    tree.booking_slots = bookable_slots(tree)
    tree.evaluation_results = evaluation_results(tree)
    notice_attachment(tree.notice)
    yield tree
    backends._embedded.cache_clear()


def published_complaint(tree):
    """A closed complaint whose summary the head approved, as the intranet would publish it."""
    head = make_user("html-head", roles.GROUP_NAMES[roles.HEAD])
    complaint = Complaint(
        channel=Complaint.Channel.ONLINE,
        content="三号窗口工作人员上班时间玩手机，让群众等了很久。",
        target_window=tree.window3,
        occurred_on=datetime.date(2026, 10, 9),
    )
    complaint_workflow.receive(complaint, [])
    complaint.category = Complaint.Category.ATTITUDE
    complaint.method = Complaint.Method.DIRECT
    complaint.handler = head
    complaint_workflow.triage(complaint, head, accepted=True)
    complaint_workflow.reply(
        complaint, head, Complaint.ReplyMethod.ONLINE, "经核实情况属实。\n已批评教育。"
    )
    complaint_workflow.close(complaint, head, Complaint.Outcome.CONFIRMED, "已批评教育当事人。")
    complaint_workflow.request_publication(complaint, head, "窗口人员工作时间玩手机，已批评教育。")
    complaint_workflow.approve_publication(complaint, head)
    return complaint


def answered_question_and_request(tree):
    """A question published under a guide (网友咨询) and a request answered with a refusal."""
    from intranet.inforequests import workflow as info_workflow
    from intranet.inforequests.models import InfoRequest
    from intranet.questions import workflow as question_workflow
    from intranet.questions.models import Question

    head = make_user("html-answerer", roles.GROUP_NAMES[roles.HEAD])
    question = question_workflow.receive(
        Question(guide=tree.disability, content="残疾人证到期怎么换领？", allow_publication=True)
    )
    question_workflow.answer(question, head, "有效期满前90天内到民政窗口换领。")
    question_workflow.publish(question, head)
    info_request = info_workflow.receive(
        InfoRequest(
            applicant_type="person",
            applicant_name="李四",
            id_number="110101199003071234",
            phone="13900002222",
            description="2025年本镇低保资金发放明细",
            delivery="online",
        )
    )
    info_workflow.answer(
        info_request,
        head,
        {
            "outcome": "refused",
            "answer_text": "不予公开。",
            "reason": "涉及个人隐私",
            "legal_basis": "《中华人民共和国政府信息公开条例》第十五条",
            "right_body": "",
        },
    )
    return question, info_request


def notice_attachment(notice):
    """A notice with a downloadable attachment, as editors add them."""
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    from content.models import NoticeAttachment

    document = Document(title="元旦值班安排表")
    document.file.save("duty.pdf", ContentFile(b"%PDF-1.4 demo"), save=True)
    notice.attachments = [NoticeAttachment(document=document)]
    notice.save_revision().publish()


def bookable_slots(tree):
    """A timetable at the disability guide's window, so the booking form offers slots."""
    from intranet.bookings.models import BookingSlot

    return {
        weekday: BookingSlot.objects.create(
            window=tree.disability.window,
            weekday=weekday,
            start=datetime.time(9),
            end=datetime.time(10),
            capacity=5,
        )
        for weekday in range(5)
    }


def evaluation_results(tree):
    """The 效能考评公示 page with last month confirmed: window scores, charts, a praise, every
    person's score published, and an honour."""
    from intranet.calendar import workdays
    from intranet.evaluation import cycle, yearly
    from intranet.evaluation.models import EvaluationResultsPage, MonthlyEvaluation, ScoreEntry

    head = make_user("html-evaluator", roles.GROUP_NAMES[roles.HEAD])
    clerk = make_user("html-clerk", roles.GROUP_NAMES[roles.WINDOW_STAFF], first_name="张三")
    tree.window3.staff.filter(name="张三").update(user=clerk)
    evaluation = cycle.generate(cycle.previous_month(), head)
    entry = evaluation.entries.get(person=clerk)
    cycle.mention(entry, head, ScoreEntry.Mention.PRAISE, "主动延时为群众办结事项")
    cycle.confirm(
        evaluation,
        head,
        today=workdays.add_working_days(evaluation.objection_deadline, 1),
        people_published=MonthlyEvaluation.PeoplePublished.SCORES,
    )
    yearly.choose(
        evaluation.month.year, head, "red_flag", f"window:{tree.window3.pk}", "全年无投诉查实"
    )
    page = EvaluationResultsPage(title="效能考评公示", slug="evaluation")
    tree.articles.add_child(instance=page)
    page.save_revision().publish()
    return page


def booking_requests(tree):
    """The booking and 代办/上门 pages; a valid POST (302) puts its confirmation in the session."""
    from intranet.bookings import schedule

    day = schedule.bookable_days()[0]
    slot = tree.booking_slots[schedule.weekday_of(day)]
    book = f"/booking/?guide={tree.disability.pk}"
    valid = {"choice": f"{day.isoformat()}|{slot.pk}", "name": "测试甲", "phone": "13800001234"}
    service = {
        "kind": "home",
        "requester": "elderly",
        "matter": "申请高龄津贴",
        "name": "测试乙",
        "phone": "13800005678",
        "address": "示范村1号",
    }
    return [
        ("booking-guides", "get", "/booking/", None, 200),
        ("booking-form", "get", book, None, 200),
        ("booking-errors", "post", book, {"phone": "abc"}, 400),
        ("booking-submit", "post", book, valid, 302),
        ("booking-done", "get", "/booking/done/", None, 200),
        ("booking-cancel", "get", "/booking/cancel/", None, 200),
        ("booking-cancel-errors", "post", "/booking/cancel/", {"phone_last4": "x"}, 400),
        ("home-service", "get", "/home-service/", None, 200),
        ("home-service-errors", "post", "/home-service/", {"phone": "abc"}, 400),
        ("home-service-submit", "post", "/home-service/", service, 302),
        ("home-service-done", "get", "/home-service/done/", None, 200),
    ]


def page_requests(tree):
    """(name, method, url, data, expected status) for every kind of public page and state."""
    receipt_url = f"/complaints/receipt/{receipt_token(tree.published_complaint)}/"
    bot_complaint = {"content": "窗口工作人员长时间离岗，群众排队无人办理。", "website": "x"}
    requests = []
    for page in Page.objects.live().public().specific().order_by("path"):
        if page.depth < 2 or not page.url:
            continue
        name = f"{type(page).__name__}-{page.pk}"
        requests.append((name, "get", page.url, None, 200))
        if isinstance(page, RoutablePageMixin):
            # Every sub-route without parameters, e.g. a guide's 一次性告知单 (notice/).
            for route in page.get_subpage_urls():
                if route.name and not route.pattern.converters:
                    sub = page.reverse_subpage(route.name).lstrip("/")
                    if sub:
                        requests.append((f"{name}-{route.name}", "get", page.url + sub, None, 200))
    guide = tree.disability
    requests += [
        (
            "catalog-filtered",
            "get",
            tree.catalog.url,
            {"topic": "社会救助", "immediate": "on"},
            200,
        ),
        ("catalog-no-match", "get", tree.catalog.url, {"department": "nowhere"}, 200),
        ("announcements-filtered", "get", tree.announcements.url, {"month": "2026-10"}, 200),
        ("articles-category", "get", tree.articles.url, {"category": "disclosure"}, 200),
        ("evaluation-unknown-month", "get", tree.evaluation_results.url, {"month": "1999-01"}, 200),
        ("notices-category", "get", tree.notice_index.url, {"category": "holiday"}, 200),
        ("notices-category-empty", "get", tree.notice_index.url, {"category": "policy"}, 200),
        ("notices-bad-category", "get", tree.notice_index.url, {"category": "<b>"}, 200),
        ("predisclosure-errors", "post", tree.predisclosure.url, {"name": "x" * 300}, 400),
        ("search-blank", "get", "/search/", None, 200),
        ("search-results", "get", "/search/", {"q": "残疾人证"}, 200),
        ("search-no-results", "get", "/search/", {"q": "qqqqzzzz"}, 200),
        ("search-bad-page", "get", "/search/", {"q": "户口", "page": "abc"}, 400),
        ("complaint-blank", "get", "/complaints/new/", None, 200),
        (
            "complaint-errors",
            "post",
            "/complaints/new/",
            {"content": "太慢", "occurred_on": "2099-01-01", "complainant_phone": "abc"},
            200,
        ),
        ("complaint-receipt", "get", receipt_url, None, 200),
        # Five attempts the honeypot catches count against the address: then the captcha.
        *[(f"complaint-bot-{n}", "post", "/complaints/new/", bot_complaint, 400) for n in range(5)],
        ("complaint-captcha", "get", "/complaints/new/", None, 200),
        ("complaint-captcha-errors", "post", "/complaints/new/", {"content": "太慢"}, 200),
        ("track-blank", "get", "/complaints/track/", None, 200),
        ("track-empty-code", "post", "/complaints/track/", {"code": ""}, 200),
        ("track-unknown-code", "post", "/complaints/track/", {"code": "TS-2026-ZZZZZZ"}, 200),
        (
            "track-found",
            "post",
            "/complaints/track/",
            {"code": tree.published_complaint.code},
            200,
        ),
        ("complaint-results", "get", "/complaints/results/", None, 200),
        ("question-blank", "get", "/questions/new/", {"guide": guide.pk}, 200),
        ("question-errors", "post", "/questions/new/", {"content": "问", "guide": "x"}, 400),
        ("question-done", "post", "/questions/new/", {"content": "周末可以办理吗？"}, 200),
        ("question-track-blank", "get", "/questions/track/", None, 200),
        ("question-track-unknown", "post", "/questions/track/", {"code": "ZX-1"}, 400),
        ("question-track-found", "post", "/questions/track/", {"code": tree.question.code}, 200),
        ("inforequest-blank", "get", "/info-requests/new/", None, 200),
        (
            "inforequest-errors",
            "post",
            "/info-requests/new/",
            {"id_number": "1", "delivery": "email", "description": "低保"},
            400,
        ),
        (
            "inforequest-done",
            "post",
            "/info-requests/new/",
            {
                "applicant_type": "organisation",
                "applicant_name": "某某合作社",
                "id_number": "93110108MA01ABCD2X",
                "phone": "0000-1234567",
                "description": "本镇2025年农业补贴发放标准",
                "delivery": "in_person",
            },
            200,
        ),
        ("inforequest-track-blank", "get", "/info-requests/track/", None, 200),
        ("inforequest-track-unknown", "post", "/info-requests/track/", {"code": "YS-1"}, 400),
        (
            "inforequest-track-found",
            "post",
            "/info-requests/track/",
            {"code": tree.info_request.code},
            200,
        ),
        ("not-found", "get", guide.url + "no-such-page/", None, 404),
    ]
    requests += booking_requests(tree)
    return requests


def test_every_public_page_is_valid_html_in_both_themes(java, public_site, tmp_path, capsys):
    rendered_types = {
        type(page) for page in Page.objects.live().public().specific() if page.depth >= 2
    }
    # Every page type of the project, whichever app defines it (the evaluation app has one).
    site_page_types = {model for model in get_page_models() if model is not Page}
    assert site_page_types <= rendered_types, (
        "page types missing from the validated site tree (add one to PORTAL_SITE in tests/builders.py): "
        f"{sorted(m.__name__ for m in site_page_types - rendered_types)}"
    )

    pages_dir = tmp_path / "pages"
    pages_dir.mkdir()
    files = []
    for theme in ("standard", "care"):
        # An address of its own: the tracking errors below count against the per-IP limit.
        client = Client(REMOTE_ADDR=f"192.0.2.{16 if theme == 'standard' else 17}")
        if theme == "care":
            client.cookies[CARE_MODE_COOKIE] = "1"
        for name, method, url, data, status in page_requests(public_site):
            response = getattr(client, method)(url, data or {})
            assert response.status_code == status, f"{theme} {name}: {url}"
            if status == 302:  # a form that worked: its confirmation page is checked next
                continue
            html = response.content.decode()
            assert ("care/care.css" in html) == (theme == "care"), f"{theme} {name}"
            path = pages_dir / f"{theme}-{name}.html"
            path.write_bytes(response.content)
            files.append(path)
    sentinel = pages_dir / "sentinel-broken.html"
    sentinel.write_text(BROKEN_SENTINEL, encoding="utf-8")

    messages = check_files([*files, sentinel], java)

    assert any(m.kind == "error" for m in messages.pop(sentinel.name)), (
        "vnu reported nothing on a broken document: the checker did not run"
    )
    errors = [m for found in messages.values() for m in found if m.kind == "error"]
    warnings = [m for found in messages.values() for m in found if m.kind != "error"]
    if warnings:
        with capsys.disabled():
            print(f"\nNu HTML checker: {len(warnings)} warning(s) on {len(files)} pages")
            for message in warnings:
                print(f"  {message}")
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(map(str, errors))
