"""Questions (在线咨询): the public form, tracking, the staff list, answers, review and the FAQ."""

import datetime as dt

import pytest
from django.utils import timezone

from content.models import ServiceGuidePage
from intranet.questions import workflow
from intranet.questions.models import Question
from tests.builders import ask, client_for

VALID = {
    "content": "残疾人证丢失了怎么补办？",
    "asker_name": "张三",
    "asker_contact": "13800001111",
}


def post_question(client, **fields):
    return client.post("/questions/new/", VALID | fields)


@pytest.mark.usefixtures("national_day_eve")
def test_a_citizen_asks_about_a_guide_and_gets_a_code_and_a_due_date(client, center):
    response = post_question(client, guide=center.promised.pk, allow_publication="on")
    question = Question.objects.get()
    assert response.status_code == 200
    assert question.code in response.content.decode()
    assert question.department == center.department
    assert question.allow_publication
    # Three working days from 30 September: 8, 9 and Saturday 10 October (调休).
    assert question.due_on == dt.date(2026, 10, 10)


@pytest.mark.usefixtures("national_day_eve")
def test_the_answer_time_is_a_setting(client, center, settings):
    settings.QUESTION_ANSWER_WORKING_DAYS = 5
    post_question(client)
    assert Question.objects.get().due_on == dt.date(2026, 10, 13)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"content": ""}, "请填写咨询内容。"),
        ({"content": "怎么办"}, "咨询内容太短，请至少写5个字。"),
        ({"content": "问" * 2001}, "咨询内容不能超过2000字。"),
        ({"guide": "999999"}, "所选事项不存在，请重新选择。"),
        ({"asker_name": "张" * 51}, "姓名不能超过50个字。"),
    ],
)
def test_bad_input_is_refused_with_a_chinese_message_and_nothing_stored(
    client, center, fields, message
):
    response = post_question(client, **fields)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Question.objects.exists()


def test_a_filled_honeypot_stores_nothing(client, center):
    response = post_question(client, website="http://spam.example")
    assert response.status_code == 400
    assert not Question.objects.exists()


def test_too_many_questions_from_one_address_are_refused_but_typos_do_not_count(
    client, center, settings
):
    settings.QUESTION_SUBMIT_LIMIT = 2
    post_question(client, content="短")
    assert post_question(client).status_code == 200
    assert post_question(client).status_code == 200
    response = post_question(client)
    assert response.status_code == 429
    assert "提交次数过多" in response.content.decode()
    assert Question.objects.count() == 2


def test_the_guide_page_links_to_the_form_with_the_guide_chosen(client, center):
    page = client.get(center.promised.url).content.decode()
    link = f"/questions/new/?guide={center.promised.pk}"
    assert link in page
    form = client.get(link).content.decode()
    assert f'<option value="{center.promised.pk}" selected>' in form


def test_tracking_shows_the_answer_by_post_only(client, question, users):
    workflow.answer(question, users["staff"], "请携带身份证到民政窗口办理。")
    assert (
        "请携带身份证" not in client.get(f"/questions/track/?code={question.code}").content.decode()
    )
    response = client.post("/questions/track/", {"code": question.code.lower()})
    assert "请携带身份证到民政窗口办理。" in response.content.decode()


def test_an_unknown_code_is_refused_and_guessing_is_limited(client, db, settings):
    settings.QUESTION_TRACK_FAILURE_LIMIT = 2
    response = client.post("/questions/track/", {"code": "ZX-2026-ZZZZZZ"})
    assert response.status_code == 400
    assert "没有找到这个查询码" in response.content.decode()
    client.post("/questions/track/", {"code": "ZX-2026-ZZZZZY"})
    assert client.post("/questions/track/", {"code": "ZX-2026-ZZZZZX"}).status_code == 429


def test_overdue_questions_come_first_in_the_staff_list(center, users):
    recent = ask(center.promised, content="最近的咨询内容")
    late = ask(center.promised, content="超期的咨询内容")
    Question.objects.filter(pk=late.pk).update(due_on=timezone.localdate() - dt.timedelta(days=2))
    page = client_for(users["staff"]).get("/intranet/questions/").content.decode()
    assert page.index(late.code) < page.index(recent.code)
    assert "已超期" in page


def test_a_bad_filter_is_refused_with_a_chinese_message(center, users):
    response = client_for(users["head"]).get("/intranet/questions/?state=nonsense")
    assert response.status_code == 400
    assert "状态选项无效。" in response.content.decode()


def test_the_departments_staff_see_who_asked_and_the_editor_does_not(question, users):
    url = f"/intranet/questions/{question.pk}/"
    assert "13800001111" in client_for(users["staff"]).get(url).content.decode()
    editor_page = client_for(users["editor"]).get(url).content.decode()
    assert "13800001111" not in editor_page
    assert "张三" not in editor_page


def test_an_empty_answer_is_refused_and_changes_nothing(question, users):
    url = f"/intranet/questions/{question.pk}/answer/"
    response = client_for(users["staff"]).post(url, {"answer": ""})
    assert response.status_code == 400
    assert "请填写答复内容。" in response.content.decode()
    question.refresh_from_db()
    assert question.state == Question.State.RECEIVED


def test_an_answer_appears_under_the_guide_only_after_review_with_the_asker_masked(
    client, question, users, center
):
    answer = "残疾人证有效期满前90天内到民政窗口换领。"
    client_for(users["staff"]).post(
        f"/intranet/questions/{question.pk}/answer/", {"answer": answer}
    )
    assert answer not in client.get(center.promised.url).content.decode()
    client_for(users["head"]).post(f"/intranet/questions/{question.pk}/publish/")
    page = client.get(center.promised.url).content.decode()
    assert "网友咨询" in page
    assert answer in page
    assert "张**" in page
    assert "张三" not in page
    assert "13800001111" not in page


def test_a_question_the_asker_keeps_private_cannot_be_published(center, users):
    private = ask(center.promised, allow_publication=False)
    workflow.answer(private, users["staff"], "答复内容在这里。")
    response = client_for(users["head"]).post(
        f"/intranet/questions/{private.pk}/publish/", follow=True
    )
    assert "咨询人不同意公开，不能公开。" in response.content.decode()
    private.refresh_from_db()
    assert private.state == Question.State.ANSWERED


def test_an_editor_promotes_an_answer_into_a_draft_of_the_guides_faq(question, users, center):
    workflow.answer(question, users["staff"], "到期前90天内换领。")
    response = client_for(users["editor"]).post(
        f"/intranet/questions/{question.pk}/faq/",
        {"question": "残疾人证到期怎么换领？", "answer": "到期前90天内换领。"},
    )
    assert response.status_code == 302
    guide = ServiceGuidePage.objects.get(pk=center.promised.pk)
    assert not guide.faqs.exists()  # the live guide is untouched until the draft is published
    assert guide.has_unpublished_changes
    draft = guide.get_latest_revision_as_object()
    assert [f.question for f in draft.faqs.all()] == ["残疾人证到期怎么换领？"]
    question.refresh_from_db()
    assert question.faq_revision_id == guide.latest_revision_id
