"""预公开意见审核: reviewers approve or reject citizens' comments in the admin, and it is recorded."""

import datetime

import pytest
from django.utils import timezone

from content.models import ArticleIndexPage, HomePage, PreDisclosureComment, PreDisclosurePage
from content.permissions import EDITORS_GROUP, REVIEWERS_GROUP
from tests.builders import make_user

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/content/predisclosurecomment/"


@pytest.fixture
def comments():
    index = ArticleIndexPage(title="政务公开", slug="disclosure")
    HomePage.objects.get().add_child(instance=index)
    today = timezone.localdate()
    page = PreDisclosurePage(
        title="延时服务方案（征求意见稿）",
        slug="plan",
        draft="<p>周六全天开放。</p>",
        comment_opens=today,
        comment_closes=today + datetime.timedelta(days=30),
    )
    index.add_child(instance=page)
    return [
        PreDisclosureComment.objects.create(page=page, name=f"居民{n}", body=f"第{n}条意见")
        for n in range(1, 4)
    ]


def bulk_url(action, comments):
    ids = "&".join(f"id={comment.pk}" for comment in comments)
    return f"/admin/bulk/content/predisclosurecomment/{action}/?{ids}&next={LIST_URL}"


def test_reviewer_sees_the_queue_filtered_by_status(client, comments):
    PreDisclosureComment.objects.filter(pk=comments[0].pk).update(status="approved")
    client.force_login(make_user("reviewer", REVIEWERS_GROUP))

    html = client.get(LIST_URL, {"status": "pending"}).content.decode()

    assert "第2条意见" in html and "第3条意见" in html
    assert "第1条意见" not in html


def test_bulk_approval_asks_for_confirmation_then_records_moderator_and_time(client, comments):
    reviewer = make_user("reviewer", REVIEWERS_GROUP)
    client.force_login(reviewer)
    url = bulk_url("approve_comments", comments[:2])

    confirmation = client.get(url)
    assert confirmation.status_code == 200
    assert "确定将以下 2 条意见设为“已公开”吗？" in confirmation.content.decode()
    assert not PreDisclosureComment.objects.filter(status="approved").exists()

    assert client.post(url).status_code == 302
    approved = PreDisclosureComment.objects.filter(status="approved")
    assert set(approved.values_list("pk", flat=True)) == {comments[0].pk, comments[1].pk}
    assert all(comment.moderated_by == reviewer and comment.moderated_at for comment in approved)
    assert PreDisclosureComment.objects.get(pk=comments[2].pk).status == "pending"


def test_rejecting_in_the_edit_form_records_the_moderator(client, comments):
    reviewer = make_user("reviewer", REVIEWERS_GROUP)
    client.force_login(reviewer)
    comment = comments[0]

    response = client.post(
        f"{LIST_URL}edit/{comment.pk}/", {"status": "rejected", "reply": "与本方案无关。"}
    )

    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == "rejected" and comment.reply == "与本方案无关。"
    assert comment.moderated_by == reviewer and comment.moderated_at is not None


def test_editors_may_read_but_not_moderate_comments(client, comments):
    client.force_login(make_user("editor", EDITORS_GROUP))

    assert client.get(LIST_URL).status_code == 200
    client.post(bulk_url("approve_comments", comments), {})
    assert not PreDisclosureComment.objects.exclude(status="pending").exists()


def test_admin_shows_comment_times_in_beijing_time(client, comments):
    utc_time = datetime.datetime(2026, 10, 12, 2, 30, tzinfo=datetime.UTC)
    PreDisclosureComment.objects.filter(pk=comments[0].pk).update(submitted_at=utc_time)
    client.force_login(make_user("reviewer", REVIEWERS_GROUP))
    html = client.get(bulk_url("approve_comments", comments[:1])).content.decode()
    assert "2026-10-12 10:30" in html and "02:30" not in html


def test_admin_account_offers_no_time_zone_other_than_beijing(client, comments):
    client.force_login(make_user("reviewer", REVIEWERS_GROUP))
    html = client.get("/admin/account/").content.decode()
    assert "current_time_zone" not in html and 'value="UTC"' not in html
